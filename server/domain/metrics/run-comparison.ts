/**
 * Two runs on the same dataset version, lead by lead: metric deltas (b - a), with paired bootstrap
 * intervals for do-not-contact precision and recall (the same resampled leads for both runs, so
 * the interval is about the change, not about two independent samples).
 */
import { bootstrapCategories, type BootstrapOptions, type Interval } from './bootstrap.ts';
import { DNC_FN, DNC_FP, DNC_TP, dncCategory, HEADLINE_METRICS, precisionOf, recallOf, type EvalLeadRow, type HeadlineMetric } from './eval-metrics.ts';

export interface MetricDelta {
  a: number;
  b: number;
  delta: number;
  /** 95% paired bootstrap interval of the delta (dnc_precision, dnc_recall only). */
  interval: Interval | null;
}

/** Pairs rows of the two runs by lead id (leads only one run has are left out of the intervals). */
export function pairRows(a: readonly EvalLeadRow[], b: readonly EvalLeadRow[]): [EvalLeadRow, EvalLeadRow][] {
  const byId = new Map(b.map((r) => [r.lead_id, r]));
  const pairs: [EvalLeadRow, EvalLeadRow][] = [];
  for (const r of a) {
    const other = byId.get(r.lead_id);
    if (other) pairs.push([r, other]);
  }
  return pairs;
}

function pairedInterval(pairs: [EvalLeadRow, EvalLeadRow][], metric: 'precision' | 'recall', options: BootstrapOptions): Interval | null {
  // Category of a pair = 4 * category in a + category in b.
  const categories = new Uint8Array(pairs.length);
  pairs.forEach(([x, y], i) => (categories[i] = dncCategory(x) * 4 + dncCategory(y)));
  return bootstrapCategories(
    categories,
    16,
    (c) => {
      const count = (run: 'a' | 'b', cat: number) => {
        let n = 0;
        for (let k = 0; k < 4; k++) n += run === 'a' ? c[cat * 4 + k] : c[k * 4 + cat];
        return n;
      };
      const value = (run: 'a' | 'b') =>
        metric === 'precision' ? precisionOf(count(run, DNC_TP), count(run, DNC_FP)) : recallOf(count(run, DNC_TP), count(run, DNC_FN));
      const va = value('a');
      const vb = value('b');
      return va === null || vb === null ? null : vb - va;
    },
    options,
  );
}

export function metricDeltas(
  a: Record<HeadlineMetric, number>,
  b: Record<HeadlineMetric, number>,
  pairs: [EvalLeadRow, EvalLeadRow][],
  options: BootstrapOptions = {},
): Record<HeadlineMetric, MetricDelta> {
  const out = {} as Record<HeadlineMetric, MetricDelta>;
  for (const m of HEADLINE_METRICS) out[m] = { a: a[m], b: b[m], delta: b[m] - a[m], interval: null };
  out.dnc_precision.interval = pairedInterval(pairs, 'precision', options);
  out.dnc_recall.interval = pairedInterval(pairs, 'recall', options);
  return out;
}
