/**
 * Expected recovered revenue of a selection: the sum over its leads of P(recovered) x value, with
 * P from the recovery model fitted on outcomes (calibration.ts) and value the latest quote's
 * amount, else the lead's value_estimate, else a configured average job. The 95% interval comes
 * from refitting the model on bootstrap resamples of the outcome rows (seeded: the same inputs
 * always give the same interval), so it says how sure the calibration is, not how lucky a week is.
 */
import type { Lead } from '../lead.ts';
import { quantile, seededRandom, BOOTSTRAP_SEED, type Interval } from './bootstrap.ts';
import { fitRecoveryModel, fitWeighted, patternsOf, predictRecovery, type OutcomeRow } from './calibration.ts';

/** The value of a lead with neither a quote amount nor an estimate (EUR); REKINDLE_AVERAGE_JOB_VALUE overrides it. */
export const DEFAULT_AVERAGE_JOB_VALUE = 1000;

export function averageJobValue(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.REKINDLE_AVERAGE_JOB_VALUE);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_AVERAGE_JOB_VALUE;
}

export type ValueSource = 'quote' | 'estimate' | 'average_job';

/** What a recovered lead is worth: the latest quote with an amount, else value_estimate, else the average job. */
export function leadValue(lead: Pick<Lead, 'quotes' | 'value_estimate'>, averageJob = DEFAULT_AVERAGE_JOB_VALUE): { value: number; source: ValueSource } {
  let latest: { amount: number; at: string } | null = null;
  for (const q of lead.quotes ?? []) {
    if (!q || typeof q.amount !== 'number') continue;
    const at = q.sent_at ?? '';
    if (!latest || at >= latest.at) latest = { amount: q.amount, at };
  }
  if (latest) return { value: latest.amount, source: 'quote' };
  if (typeof lead.value_estimate === 'number' && lead.value_estimate > 0) return { value: lead.value_estimate, source: 'estimate' };
  return { value: averageJob, source: 'average_job' };
}

export interface SelectedLead {
  priority: number;
  reason: string | null;
  value: number;
}

export interface RecoveredRevenue {
  expected: number;
  interval: Interval | null;
  /** Leads summed, and the outcome rows the model was fitted on. */
  leads: number;
  fitted_on: number;
  positives: number;
}

export const REVENUE_DRAWS = 200;

const sumExpected = (model: ReturnType<typeof fitRecoveryModel>, selected: readonly SelectedLead[]) =>
  selected.reduce((s, l) => s + predictRecovery(model, l) * l.value, 0);

export function expectedRecoveredRevenue(outcomes: readonly OutcomeRow[], selected: readonly SelectedLead[], draws = REVENUE_DRAWS): RecoveredRevenue {
  const positives = outcomes.filter((r) => r.recovered).length;
  if (!outcomes.length || !selected.length) return { expected: 0, interval: null, leads: selected.length, fitted_on: outcomes.length, positives };
  const expected = sumExpected(fitRecoveryModel(outcomes), selected);
  const random = seededRandom(BOOTSTRAP_SEED);
  const values: number[] = [];
  const n = outcomes.length;
  // A resample of the rows is a count per distinct row (the fit weighs each by its count).
  const patterns = patternsOf(outcomes);
  const counts = new Float64Array(patterns.rows.length);
  for (let d = 0; d < draws; d++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[patterns.of[Math.floor(random() * n)]]++;
    values.push(sumExpected(fitWeighted(patterns.rows, counts, 12), selected));
  }
  values.sort((a, b) => a - b);
  return { expected, interval: [quantile(values, 0.025), quantile(values, 0.975)], leads: selected.length, fitted_on: n, positives };
}
