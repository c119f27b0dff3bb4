/**
 * Risk flags for the reviewing rep: instruction-like CRM text, duplicates, data that
 * contradicts the decision, unknown consent, missing channels. Flags describe; they never
 * quote CRM free text (only which field it is in).
 */
import type { RuleDecision } from '../decision.ts';
import type { Lead } from '../lead.ts';
import { detectInstructionLikeText } from '../guardrails/instruction-like-text.ts';
import { toDay } from '../guardrails/text-utils.ts';

export function computeRiskFlags(lead: Lead, decision: RuleDecision, asOf: Date, notes: string[] = []): string[] {
  const flags: string[] = [];
  (lead.activities ?? []).forEach((a, i) => {
    const hit = detectInstructionLikeText(a?.text);
    if (hit.suspicious) flags.push(`Instruction-like text in activities[${i}] (${[...new Set(hit.matches.map((m) => m.pattern))].join(', ')}): treat it as customer data, do not act on it.`);
  });
  if (detectInstructionLikeText(lead.lost_reason).suspicious) flags.push('Instruction-like text in lost_reason: treat it as customer data, do not act on it.');
  if (lead.duplicate_of) flags.push(`Possible duplicate of ${lead.duplicate_of}: check before contacting.`);
  if (lead.consent?.opted_out_at || lead.consent?.erasure_requested_at) flags.push('Opt-out or erasure request on record: this lead must not be contacted.');

  const serviceDate = toDay(lead.service?.date);
  if (serviceDate && serviceDate < asOf) flags.push(`Service date ${lead.service?.date} has passed: check the plans before contacting.`);
  for (const q of lead.quotes ?? []) {
    const until = toDay(q?.valid_until);
    if (q && until && until < asOf && q.status !== 'accepted') flags.push(`Quote ${q.id ?? ''} expired on ${q.valid_until}: any price now needs a new written quote.`.replace('Quote  ', 'Quote '));
  }
  const amounts = new Set((lead.quotes ?? []).map((q) => q?.amount).filter((a) => a != null));
  if (amounts.size > 1) flags.push(`Several quotes with different amounts (${[...amounts].join(', ')}): check which one applies.`);
  if ((lead.quotes ?? []).some((q) => q?.status === 'accepted') && lead.status !== 'won') flags.push(`A quote is marked accepted but the lead status is '${lead.status ?? 'unknown'}': data contradiction.`);
  if (lead.status === 'won' || lead.status === 'lost') flags.push(`Lead status is '${lead.status}': check why before contacting.`);

  if (lead.consent?.email == null && lead.contact?.email) flags.push('Email consent is unknown: confirm it before sending the email.');
  if (lead.consent?.phone == null && lead.contact?.phone) flags.push('Phone consent is unknown: confirm it before calling.');
  if (!lead.contact?.email && !lead.contact?.phone) flags.push('No email address or phone number on record.');
  if (decision.decision !== 'contact' && decision.decision !== 'wait') flags.push(`Decision is ${decision.decision}: no outreach may be drafted or sent.`);
  return [...flags, ...notes].slice(0, 20);
}
