/** evaluateLead: both steps for one lead, as the production endpoint and evaluation runs call them. */
import type { RuleDecision } from '../decision.ts';
import type { Lead } from '../lead.ts';
import { computeFeatures } from '../features/compute-features.ts';
import type { DatasetIndex } from '../features/dataset-index.ts';
import type { CompiledRuleset } from './compile.ts';
import { decide, type DecideOptions } from './decide.ts';

export function evaluateLead(compiled: CompiledRuleset, lead: Lead, asOf: string | Date, index?: DatasetIndex, options?: DecideOptions): RuleDecision {
  return decide(compiled, computeFeatures(lead, asOf, index), options);
}
