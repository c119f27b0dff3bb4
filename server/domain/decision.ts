/**
 * What the rules engine decides about one lead. Shared by the rules preview, evaluation runs,
 * the promptfoo provider and the production endpoint: one shape, one implementation.
 */
import type { Decision } from './lead.ts';
import type { TextUnderstanding } from './text/understand.ts';

export interface ReasonExplained {
  /** A CONTRACTS.md section 2 reason code, or a ruleset's own snake_case code. */
  code: string;
  /** One line built from the lead's actual values, e.g. "Service date 2026-12-15 is in 25 days." */
  explanation: string;
}

export interface RuleTraceEntry {
  rule_id: string;
  kind: 'hard_block' | 'exclusion' | 'wait' | 'priority' | 'contact';
  matched: boolean;
  /** The feature and signal values the rule's condition looked at. */
  values: Record<string, unknown>;
  /** Which activity texts a signal matched, for "why was this lead excluded?". */
  evidence?: { signal: string; activity_index: number; phrase: string; excerpt: string }[];
  error?: string;
}

export interface RuleDecision {
  decision: Decision;
  /** 0-100, meaningful for `contact` (and ordering of `wait`). */
  priority: number;
  /** ISO date, set for `wait`. */
  recontact_after: string | null;
  reasons: ReasonExplained[];
  trace: RuleTraceEntry[];
  /** Content hash of the ruleset version that decided (optional: added by the rules engine). */
  ruleset_hash?: string;
  /** The as_of the decision is relative to (YYYY-MM-DD). */
  as_of?: string;
  /** Every signal of the ruleset: matched or not, and whether it could be evaluated at all. */
  signals?: Record<string, { matched: boolean; available: boolean; note?: string }>;
  /**
   * Which texts were read and why (speaker, language, sentence intents with calibrated scores),
   * and the customer texts the engine could not read with confidence (`unread`): what the
   * "Needs a human read" list shows. Present when the ruleset reads intents or unread texts.
   */
  texts?: TextUnderstanding;
}
