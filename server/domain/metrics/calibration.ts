/**
 * P(recovered) from the rules' own output, calibrated on outcomes: an L2-regularised logistic
 * regression on the priority (scaled to 0..1) and the first reason code (one-hot; codes seen fewer
 * than MIN_REASON_COUNT times share one "other" column), fitted by Newton's method (IRLS).
 * A small implementation on purpose: the few features need no matrix library, the fit is exact
 * and deterministic, and the packages on the registry (ml-logistic-regression) fit by fixed-step
 * gradient descent without regularisation, which does not converge on rare positives.
 *
 * Calibration error (ECE) and the reliability diagram use out-of-fold predictions (5 folds by
 * position), so a model is never judged on the rows it was fitted on.
 */

export interface OutcomeRow {
  priority: number;
  reason: string | null;
  recovered: boolean;
}

export interface RecoveryModel {
  /** Column names: intercept, priority, then reason:<code>. */
  columns: string[];
  weights: number[];
  /** Rows fitted on and their positives. */
  n: number;
  positives: number;
}

export const MIN_REASON_COUNT = 5;
const L2 = 1;
const OTHER = 'reason:(other)';

/**
 * Rows with the same (priority, reason, outcome) contribute identical terms to the likelihood, so
 * the fit works on the distinct patterns with their counts as weights: the same maximum, in time
 * that grows with the number of patterns (a few hundred) instead of the rows (up to 50,000, and
 * again for each bootstrap resample).
 */
export interface OutcomePatterns {
  rows: OutcomeRow[];
  /** Each input row's pattern (an index into rows). */
  of: Int32Array;
}

export function patternsOf(rows: readonly OutcomeRow[]): OutcomePatterns {
  const ids = new Map<string, number>();
  const distinct: OutcomeRow[] = [];
  const of = new Int32Array(rows.length);
  rows.forEach((r, i) => {
    const key = `${r.priority}\0${r.reason ?? ''}\0${r.reason === null ? 'n' : 's'}\0${r.recovered ? 1 : 0}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = distinct.push(r) - 1));
    of[i] = id;
  });
  return { rows: distinct, of };
}

function columnsFor(rows: readonly OutcomeRow[], weights: ArrayLike<number>): string[] {
  const counts = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.reason && weights[i]) counts.set(r.reason, (counts.get(r.reason) ?? 0) + weights[i]);
  });
  const reasons = [...counts].filter(([, n]) => n >= MIN_REASON_COUNT).map(([code]) => `reason:${code}`).sort();
  return ['intercept', 'priority', ...reasons, OTHER];
}

function encode(columns: readonly string[], row: Pick<OutcomeRow, 'priority' | 'reason'>): Float64Array {
  const x = new Float64Array(columns.length);
  x[0] = 1;
  x[1] = Math.max(0, Math.min(100, row.priority)) / 100;
  const idx = row.reason ? columns.indexOf(`reason:${row.reason}`) : -1;
  x[idx >= 2 ? idx : columns.length - 1] = 1;
  return x;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const p = m[col][col] || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / p;
      if (f) for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  return m.map((row, i) => row[n] / (row[i] || 1e-12));
}

export function fitRecoveryModel(rows: readonly OutcomeRow[], iterations = 25): RecoveryModel {
  const patterns = patternsOf(rows);
  const weights = new Float64Array(patterns.rows.length);
  for (const id of patterns.of) weights[id]++;
  return fitWeighted(patterns.rows, weights, iterations);
}

/** The model fitted on distinct rows, each standing for `weights[i]` identical rows (0: absent). */
export function fitWeighted(rows: readonly OutcomeRow[], weights: ArrayLike<number>, iterations = 25): RecoveryModel {
  const columns = columnsFor(rows, weights);
  const k = columns.length;
  const xs = rows.map((r) => encode(columns, r));
  const w = new Array<number>(k).fill(0);
  let n = 0, positives = 0;
  rows.forEach((r, i) => {
    n += weights[i];
    if (r.recovered) positives += weights[i];
  });
  // Start at the base rate so a model with no signal predicts it.
  const base = (positives + 0.5) / (n + 1);
  w[0] = Math.log(base / (1 - base));
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(k).fill(0);
    const hess = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let i = 0; i < xs.length; i++) {
      const weight = weights[i];
      if (!weight) continue;
      const x = xs[i];
      let z = 0;
      for (let j = 0; j < k; j++) z += w[j] * x[j];
      const p = sigmoid(z);
      const err = weight * (p - (rows[i].recovered ? 1 : 0));
      const s = weight * p * (1 - p);
      for (let j = 0; j < k; j++) {
        if (!x[j]) continue;
        grad[j] += err * x[j];
        for (let l = 0; l < k; l++) if (x[l]) hess[j][l] += s * x[j] * x[l];
      }
    }
    // The intercept is not shrunk: with no data the model predicts the base rate.
    for (let j = 1; j < k; j++) {
      grad[j] += L2 * w[j];
      hess[j][j] += L2;
    }
    hess[0][0] += 1e-9;
    const step = solve(hess, grad);
    let moved = 0;
    for (let j = 0; j < k; j++) {
      w[j] -= step[j];
      moved = Math.max(moved, Math.abs(step[j]));
    }
    if (moved < 1e-8) break;
  }
  return { columns, weights: w, n, positives };
}

export function predictRecovery(model: RecoveryModel, row: Pick<OutcomeRow, 'priority' | 'reason'>): number {
  const x = encode(model.columns, row);
  let z = 0;
  for (let j = 0; j < x.length; j++) z += model.weights[j] * x[j];
  return sigmoid(z);
}

export interface ReliabilityBin {
  lo: number;
  hi: number;
  count: number;
  mean_predicted: number;
  observed_rate: number;
}

export interface Calibration {
  /** Rows with a known outcome that the model was fitted and judged on. */
  n: number;
  positives: number;
  /** Expected calibration error over BINS equal-width bins of out-of-fold predictions. */
  ece: number;
  bins: ReliabilityBin[];
}

export const BINS = 10;
export const FOLDS = 5;

export function reliability(predicted: readonly number[], actual: readonly boolean[], bins = BINS): { ece: number; bins: ReliabilityBin[] } {
  const out: ReliabilityBin[] = Array.from({ length: bins }, (_, b) => ({ lo: b / bins, hi: (b + 1) / bins, count: 0, mean_predicted: 0, observed_rate: 0 }));
  predicted.forEach((p, i) => {
    const bin = out[Math.min(bins - 1, Math.floor(p * bins))];
    bin.count++;
    bin.mean_predicted += p;
    bin.observed_rate += actual[i] ? 1 : 0;
  });
  let ece = 0;
  for (const bin of out) {
    if (!bin.count) continue;
    bin.mean_predicted /= bin.count;
    bin.observed_rate /= bin.count;
    ece += (bin.count / Math.max(1, predicted.length)) * Math.abs(bin.mean_predicted - bin.observed_rate);
  }
  return { ece, bins: out };
}

/** Out-of-fold predictions (fold = position mod FOLDS): each row predicted by a model that never saw it. */
export function outOfFoldPredictions(rows: readonly OutcomeRow[], folds = FOLDS): number[] {
  const preds = new Array<number>(rows.length).fill(0);
  if (rows.length < folds * 2) {
    const model = fitRecoveryModel(rows);
    return rows.map((r) => predictRecovery(model, r));
  }
  for (let f = 0; f < folds; f++) {
    const model = fitRecoveryModel(rows.filter((_, i) => i % folds !== f));
    rows.forEach((r, i) => {
      if (i % folds === f) preds[i] = predictRecovery(model, r);
    });
  }
  return preds;
}

export function calibrationOf(rows: readonly OutcomeRow[]): Calibration {
  const preds = outOfFoldPredictions(rows);
  const { ece, bins } = reliability(preds, rows.map((r) => r.recovered));
  return { n: rows.length, positives: rows.filter((r) => r.recovered).length, ece, bins };
}
