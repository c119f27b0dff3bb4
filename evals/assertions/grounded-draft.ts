/**
 * A produced draft says nothing the lead record does not support: re-checked here with the same
 * grounding checks the pipeline ran. No draft (not needed, or the writer failed) passes: there is
 * nothing to ground. Mirrors the run's `grounding_rate` (a draft with any issue counts against it).
 */
import { checkGrounding } from '../../server/domain/guardrails/index.ts';
import { draftTexts } from '../../server/pipeline/draft-guardrails.ts';
import { grade, readLead, readResult, type AssertionContext, type GradingResult } from './result.ts';

export default function groundedDraft(output: unknown, context: AssertionContext): GradingResult {
  const result = readResult(output);
  if (result.draft_status === 'withheld') {
    return grade(false, `draft withheld: ${result.guardrail_issues.map((i) => `${i.kind} "${i.text}"`).join(', ')}`);
  }
  if (!result.recommendation) return grade(true, `no draft (${result.draft_status})`);
  const { issues } = checkGrounding(readLead(context), draftTexts(result.recommendation), { asOf: result.as_of });
  return issues.length ? grade(false, issues.map((i) => `${i.kind}: "${i.text}" (${i.explanation})`).join('; ')) : grade(true, 'draft grounded');
}
