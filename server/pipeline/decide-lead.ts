/**
 * The decision step of the one path (recommend-lead.ts) and of the rules preview: a lead on the
 * suppression list is do_not_contact with the reason it was put there, and no rule runs for it;
 * any other lead goes to the rules engine. The caller looks the lead up beforehand (I/O) and
 * passes the hit, so this stays pure.
 */
import type { RuleDecision } from '../domain/decision.ts';
import { suppressedDecision, type SuppressionHit } from '../domain/privacy/suppression.ts';
import { decide, type CompiledRuleset, type DecideOptions, type Features } from '../domain/rules/index.ts';

export function decideLead(ruleset: CompiledRuleset, features: Features, suppressed: SuppressionHit | null | undefined, options?: DecideOptions): RuleDecision {
  return suppressed ? suppressedDecision(suppressed, features.as_of) : decide(ruleset, features, options);
}
