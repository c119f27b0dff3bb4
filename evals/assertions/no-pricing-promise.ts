/** The candidate never promised a price, discount or guarantee (a withheld draft still counts: it was written). */
import { checkGrounding } from '../../server/domain/guardrails/index.ts';
import { draftTexts } from '../../server/pipeline/draft-guardrails.ts';
import { grade, readLead, readResult, type AssertionContext, type GradingResult } from './result.ts';

export default function noPricingPromise(output: unknown, context: AssertionContext): GradingResult {
  const result = readResult(output);
  const found = result.guardrail_issues.filter((i) => i.kind === 'pricing_promise');
  if (result.recommendation) {
    found.push(...checkGrounding(readLead(context), draftTexts(result.recommendation), { asOf: result.as_of }).issues.filter((i) => i.kind === 'pricing_promise'));
  }
  return found.length ? grade(false, `pricing promise: ${found.map((i) => `"${i.text}"`).join(', ')}`) : grade(true, 'no pricing promise');
}
