/**
 * Recovery of one group of leads against another: the backtest's selected vs not selected, a
 * campaign's treated vs its held-out control. Rates, their difference and ratio (lift), and a
 * seeded bootstrap interval of the difference (both groups resampled together).
 */
import { bootstrapCategories, type BootstrapOptions, type Interval } from './bootstrap.ts';

export interface GroupRecovery {
  leads: number;
  recovered: number;
  rate: number | null;
}

export interface RecoveryComparison {
  a: GroupRecovery;
  b: GroupRecovery;
  /** a.rate - b.rate */
  difference: number | null;
  difference_interval: Interval | null;
  /** a.rate / b.rate (null when b recovered nothing) */
  lift: number | null;
}

const A_REC = 0, A_NOT = 1, B_REC = 2, B_NOT = 3;

/** `inA` says which group a lead is in; `recovered` whether it came back. */
export function compareRecovery(items: readonly { inA: boolean; recovered: boolean }[], options: BootstrapOptions = {}): RecoveryComparison {
  const categories = new Uint8Array(items.length);
  const counts = [0, 0, 0, 0];
  items.forEach((it, i) => {
    const c = it.inA ? (it.recovered ? A_REC : A_NOT) : it.recovered ? B_REC : B_NOT;
    categories[i] = c;
    counts[c]++;
  });
  const group = (rec: number, not: number): GroupRecovery => ({ leads: rec + not, recovered: rec, rate: rec + not ? rec / (rec + not) : null });
  const a = group(counts[A_REC], counts[A_NOT]);
  const b = group(counts[B_REC], counts[B_NOT]);
  const diff = (c: ArrayLike<number>) => {
    const na = c[A_REC] + c[A_NOT], nb = c[B_REC] + c[B_NOT];
    return na && nb ? c[A_REC] / na - c[B_REC] / nb : null;
  };
  return {
    a,
    b,
    difference: diff(counts),
    difference_interval: a.leads && b.leads ? bootstrapCategories(categories, 4, diff, options) : null,
    lift: a.rate !== null && b.rate ? a.rate / b.rate : null,
  };
}
