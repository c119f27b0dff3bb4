/**
 * Shapes shared by the grounding checks. The issue shape and the base kinds are fixed by
 * CONTRACTS.md section 5 (`POST /api/v1/grounding`); `followed_injected_instruction` is ours.
 */
import type { Lead } from '../lead.ts';
import type { RecordFacts } from './record-facts.ts';

export const GROUNDING_ISSUE_KINDS = [
  'unsupported_date',
  'unsupported_amount',
  'unsupported_place',
  'unsupported_name',
  'unsupported_quantity',
  'unsupported_claim',
  'pricing_promise',
  'prohibited_action',
  'followed_injected_instruction',
] as const;
export type GroundingIssueKind = (typeof GROUNDING_ISSUE_KINDS)[number];

export interface GroundingIssue {
  kind: GroundingIssueKind;
  /** The span of the draft the issue is about, as written. */
  text: string;
  /** One line for the reviewing rep: what the record does or does not say. */
  explanation: string;
}

export interface GroundingResult {
  grounded: boolean;
  issues: GroundingIssue[];
}

export interface GroundingOptions {
  /** ISO date the draft is read against ("next Tuesday" is relative to it). */
  asOf?: string;
  /** Extra terms that may appear without support, e.g. the company's own name. */
  allowedTerms?: string[];
}

/** Everything a check may look at; facts are computed once per call and shared. */
export interface GroundingContext {
  lead: Lead;
  text: string;
  /** Midnight UTC of the as-of date. */
  asOf: Date;
  facts: RecordFacts;
  allowedTerms: string[];
}

/** One check kind, like one promptfoo assertion handler: pure, returns its issues. */
export interface GroundingCheck {
  id: string;
  description: string;
  run(ctx: GroundingContext): GroundingIssue[];
}
