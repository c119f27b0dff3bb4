/** The writer's reply matched the draft schema (the pipeline retries once before giving up). */
import { DraftRecommendation } from '../../server/domain/recommendation.ts';
import { grade, readResult, type GradingResult } from './result.ts';

export default function schemaValid(output: unknown): GradingResult {
  const result = readResult(output);
  if (result.draft_status === 'schema_failure') return grade(false, result.risk_flags.join(' ') || 'schema failure');
  if (result.recommendation && !DraftRecommendation.safeParse(result.recommendation).success) return grade(false, 'recommendation does not match the draft schema');
  return grade(true, 'schema valid');
}
