/**
 * Checks a draft against the lead record before anyone sees it, and applies what no model may
 * override: no email without email consent, no phone script without phone consent. A draft that
 * promises prices, claims actions or follows instructions from CRM text is withheld, not shown.
 */
import { checkGrounding, type GroundingIssue } from '../domain/guardrails/index.ts';
import type { Lead } from '../domain/lead.ts';
import type { DraftRecommendation } from '../domain/recommendation.ts';

export const WITHHOLDING_KINDS = new Set(['pricing_promise', 'prohibited_action', 'followed_injected_instruction']);

/** The customer-facing texts of a draft, in the order a rep reads them. */
export function draftTexts(draft: Pick<DraftRecommendation, 'email' | 'phone_script' | 'objection_handling'>): string {
  return [draft.email?.subject, draft.email?.body, draft.phone_script, ...draft.objection_handling].filter(Boolean).join('\n\n');
}

export function applyConsent(draft: DraftRecommendation, lead: Lead): { draft: DraftRecommendation; flags: string[] } {
  const flags: string[] = [];
  let { email, phone_script } = draft;
  if (email && (lead.consent?.email === false || !lead.contact?.email)) {
    email = null;
    flags.push(lead.consent?.email === false ? 'Email draft removed: no email consent.' : 'Email draft removed: no email address on record.');
  }
  if (phone_script && (lead.consent?.phone === false || !lead.contact?.phone)) {
    phone_script = null;
    flags.push(lead.consent?.phone === false ? 'Phone script removed: no phone consent.' : 'Phone script removed: no phone number on record.');
  }
  return { draft: { ...draft, email, phone_script }, flags };
}

export interface GuardedDraft {
  draft: DraftRecommendation | null;
  issues: GroundingIssue[];
  withheld: boolean;
}

export function guardDraft(draft: DraftRecommendation, lead: Lead, asOf: string): GuardedDraft {
  const consented = applyConsent(draft, lead);
  const { issues } = checkGrounding(lead, draftTexts(consented.draft), { asOf });
  const withheld = issues.some((i) => WITHHOLDING_KINDS.has(i.kind));
  if (withheld) return { draft: null, issues, withheld };
  const riskFlags = [
    ...consented.draft.risk_flags,
    ...consented.flags,
    ...issues.map((i) => `Check before sending: "${i.text}" - ${i.explanation}`),
  ];
  return { draft: { ...consented.draft, risk_flags: riskFlags }, issues, withheld };
}
