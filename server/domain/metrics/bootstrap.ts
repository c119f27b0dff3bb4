/**
 * Percentile bootstrap intervals, deterministic: a seeded PRNG, a fixed number of draws, and the
 * items in a fixed order (by dataset position), so the same run always reports the same interval.
 */

import { mulberry32 } from '../random.ts';

export const BOOTSTRAP_DRAWS = 1000;
export const BOOTSTRAP_SEED = 20261123;

/** The seeded resampling stream: the same seed gives the same draws. */
export const seededRandom = mulberry32;

export type Interval = [number, number];

/** Nearest-rank percentile of sorted values (p in 0..100). */
export function percentileSorted(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function percentile(values: readonly number[], p: number): number {
  return percentileSorted([...values].sort((x, y) => x - y), p);
}

export interface BootstrapOptions {
  draws?: number;
  seed?: number;
  /** Confidence level, default 0.95. */
  level?: number;
}

/**
 * Resamples item positions with replacement and computes `statistic` on the counts of each
 * category (items are pre-coded into small integer categories, so a draw costs one pass over n).
 * Draws where the statistic is undefined (null) are left out.
 */
export function bootstrapCategories(
  categories: Uint8Array,
  categoryCount: number,
  statistic: (counts: Int32Array) => number | null,
  options: BootstrapOptions = {},
): Interval | null {
  const n = categories.length;
  if (!n) return null;
  const random = seededRandom(options.seed ?? BOOTSTRAP_SEED);
  const draws = options.draws ?? BOOTSTRAP_DRAWS;
  const values: number[] = [];
  const counts = new Int32Array(categoryCount);
  for (let d = 0; d < draws; d++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[categories[Math.floor(random() * n)]]++;
    const v = statistic(counts);
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  if (!values.length) return null;
  values.sort((x, y) => x - y);
  const alpha = (1 - (options.level ?? 0.95)) / 2;
  return [quantile(values, alpha), quantile(values, 1 - alpha)];
}

/** Linear-interpolated quantile of sorted values (q in 0..1). */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
