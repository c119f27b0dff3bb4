/**
 * How reps treat recommendations: approve / edit / reject rates and outcomes, by reason code and
 * by angle. Read from the reviews and outcomes tables joined to the recommendation they concern.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Tally = { recommendations: number; approve: number; edit: number; reject: number; outcomes: Record<string, number> };
const tally = (): Tally => ({ recommendations: 0, approve: 0, edit: 0, reject: 0, outcomes: {} });

export async function reviewDashboard(db: Kysely<DB>, options: { since?: string } = {}) {
  let recs = db.selectFrom('recommendations').select(['id', 'output', 'status']).where('status', '!=', 'no_action');
  if (options.since) recs = recs.where('created_at', '>=', new Date(options.since));
  const rows = await recs.execute();
  const ids = rows.map((r) => r.id);
  const reviews = ids.length ? await db.selectFrom('reviews').select(['recommendation_id', 'action']).where('recommendation_id', 'in', ids).execute() : [];
  const outcomes = ids.length ? await db.selectFrom('outcomes').select(['recommendation_id', 'outcome']).where('recommendation_id', 'in', ids).execute() : [];
  const reviewOf = new Map(reviews.map((r) => [r.recommendation_id, r.action]));
  const outcomesOf = new Map<string, string[]>();
  for (const o of outcomes) outcomesOf.set(o.recommendation_id, [...(outcomesOf.get(o.recommendation_id) ?? []), o.outcome]);

  const total = tally();
  const byReason: Record<string, Tally> = {};
  const byAngle: Record<string, Tally> = {};
  for (const row of rows) {
    const view = row.output as { reasons: { code: string }[]; recommendation: { angle: string } | null };
    const groups = [total, ...view.reasons.map((r) => (byReason[r.code] ??= tally())), (byAngle[view.recommendation?.angle ?? '(no draft)'] ??= tally())];
    const action = reviewOf.get(row.id);
    for (const g of groups) {
      g.recommendations++;
      if (action) g[action]++;
      for (const o of outcomesOf.get(row.id) ?? []) g.outcomes[o] = (g.outcomes[o] ?? 0) + 1;
    }
  }
  const withRates = (t: Tally) => {
    const reviewed = t.approve + t.edit + t.reject;
    const rate = (n: number) => (reviewed ? n / reviewed : null);
    return { ...t, reviewed, approve_rate: rate(t.approve), edit_rate: rate(t.edit), reject_rate: rate(t.reject) };
  };
  return {
    total: withRates(total),
    by_reason: Object.fromEntries(Object.entries(byReason).map(([k, v]) => [k, withRates(v)])),
    by_angle: Object.fromEntries(Object.entries(byAngle).map(([k, v]) => [k, withRates(v)])),
  };
}
