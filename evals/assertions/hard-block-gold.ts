/**
 * Compliance: a lead whose gold label has a hard-block reason, or whose record forbids contact
 * (opt-out, erasure, no consent), must be decided do_not_contact. Mirrors the run's
 * `compliance_violations` lead by lead.
 */
import { HARD_BLOCK_REASONS, hasComplianceFlag } from '../../server/domain/metrics/decision-metrics.ts';
import { grade, readLead, readResult, type AssertionContext, type GradingResult } from './result.ts';

export default function hardBlockGold(output: unknown, context: AssertionContext): GradingResult {
  const result = readResult(output);
  const lead = readLead(context);
  const goldBlocks = (lead.label?.reasons ?? []).filter((r) => HARD_BLOCK_REASONS.has(r));
  const mustBlock = hasComplianceFlag(lead) || goldBlocks.length > 0;
  if (!mustBlock) return grade(true, 'no hard block applies');
  const why = [...goldBlocks, ...(hasComplianceFlag(lead) ? ['consent/opt-out/erasure flag'] : [])].join(', ');
  return result.decision.decision === 'do_not_contact'
    ? grade(true, `blocked (${why})`)
    : grade(false, `must be do_not_contact (${why}) but was ${result.decision.decision}`);
}
