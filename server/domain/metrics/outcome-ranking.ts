/**
 * How well a candidate's ordering finds the leads that actually came back. Where gold labels carry
 * an outcome, the leads that were reactivated or converted are the positives; the candidate's
 * call list is contact first, then wait, then the rest, each by priority (highest first), ties in
 * dataset order. Captured = positives in the top 10% / 20% of that list; lift = captured share
 * over the share a random order would capture (10% / 20%).
 */
import type { Decision } from '../lead.ts';

export const POSITIVE_OUTCOMES = new Set(['reactivated', 'converted']);

export interface TopShare {
  /** Leads in the top slice. */
  size: number;
  captured: number;
  /** captured / positives (0 when there are no positives). */
  share: number;
  /** share / slice fraction: 1 = no better than random. */
  lift: number;
}

export interface OutcomeRanking {
  /** Leads whose label carries an outcome: the population ranked. */
  with_outcome: number;
  positives: number;
  top10: TopShare;
  top20: TopShare;
}

const DECISION_RANK: Record<Decision, number> = { contact: 0, wait: 1, not_worth_pursuing: 2, do_not_contact: 3 };

export interface RankedRow {
  decision: Decision;
  priority: number;
  outcome: string | null;
}

/** Rows in call-list order (a stable sort keeps dataset order for ties). */
export function callListOrder<T extends Pick<RankedRow, 'decision' | 'priority'>>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => DECISION_RANK[a.decision] - DECISION_RANK[b.decision] || b.priority - a.priority);
}

function topShare(ordered: readonly RankedRow[], fraction: number, positives: number): TopShare {
  const size = Math.ceil(ordered.length * fraction);
  let captured = 0;
  for (let i = 0; i < size; i++) if (POSITIVE_OUTCOMES.has(ordered[i].outcome ?? '')) captured++;
  const share = positives ? captured / positives : 0;
  return { size, captured, share, lift: positives ? share / fraction : 0 };
}

export function outcomeRanking(rows: readonly RankedRow[]): OutcomeRanking {
  const population = rows.filter((r) => r.outcome);
  const positives = population.filter((r) => POSITIVE_OUTCOMES.has(r.outcome!)).length;
  const ordered = callListOrder(population);
  return { with_outcome: population.length, positives, top10: topShare(ordered, 0.1, positives), top20: topShare(ordered, 0.2, positives) };
}
