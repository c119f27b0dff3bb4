/**
 * The suppression list as the pipeline sees it: a lead whose email or phone is on it is
 * do_not_contact with the reason it was put there, before any rule runs. Pure: the caller looks
 * the lead up (server/modules/privacy/suppression-lookup.ts) and passes the hit in.
 */
import type { RuleDecision } from '../decision.ts';
import type { Lead } from '../lead.ts';
import type { IdentifierKind } from './identifiers.ts';

export const SUPPRESSION_REASONS = ['asked_not_to_contact', 'opted_out', 'erasure_requested'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** When two entries match, the stronger reason wins (erasure > opt-out > refusal). */
export function strongerReason(a: SuppressionReason, b: SuppressionReason): SuppressionReason {
  return SUPPRESSION_REASONS.indexOf(a) >= SUPPRESSION_REASONS.indexOf(b) ? a : b;
}

/** The refusal reasons a decision can carry that put the person on the list, strongest first. */
export function refusalReason(codes: string[]): SuppressionReason | null {
  for (const r of [...SUPPRESSION_REASONS].reverse()) if (codes.includes(r)) return r;
  return null;
}

export interface SuppressionHit {
  reason: SuppressionReason;
  matched_by: IdentifierKind;
  source: string;
  /** ISO datetime from which the refusal is known. */
  since: string;
}

const WHY: Record<SuppressionReason, string> = {
  erasure_requested: 'asked for their data to be erased',
  opted_out: 'opted out of all contact',
  asked_not_to_contact: 'asked not to be contacted',
};

export const SUPPRESSION_RULE_ID = 'suppression_list';

export function suppressedDecision(hit: SuppressionHit, asOf: string): RuleDecision {
  return {
    decision: 'do_not_contact',
    priority: 0,
    recontact_after: null,
    reasons: [{ code: hit.reason, explanation: `On the suppression list since ${hit.since.slice(0, 10)}: this person ${WHY[hit.reason]} (matched by ${hit.matched_by}).` }],
    trace: [{ rule_id: SUPPRESSION_RULE_ID, kind: 'hard_block', matched: true, values: { matched_by: hit.matched_by, reason: hit.reason, source: hit.source, since: hit.since } }],
    as_of: asOf.slice(0, 10),
  };
}

/** The refusals a record states itself (its consent flags), strongest first. */
export function refusalsInRecord(lead: Pick<Lead, 'consent'>): SuppressionReason[] {
  const out: SuppressionReason[] = [];
  if (lead.consent?.erasure_requested_at) out.push('erasure_requested');
  if (lead.consent?.opted_out_at) out.push('opted_out');
  return out;
}

/**
 * The hit that applies to a lead. When its own record already says as much (an opt-out or erasure
 * flag at least as strong), the rules decide: their hard blocks are what the compliance gates test,
 * and a ruleset that lets opted-out leads through must fail them. The list is for what the record
 * does not say: a duplicate, a re-import, a refusal written in another lead's texts, a DNC list.
 */
export function applicableHit(hit: SuppressionHit | null | undefined, recordSays: readonly SuppressionReason[] | undefined): SuppressionHit | null {
  if (!hit) return null;
  const rank = (r: SuppressionReason) => SUPPRESSION_REASONS.indexOf(r);
  return (recordSays ?? []).some((r) => rank(r) >= rank(hit.reason)) ? null : hit;
}
