/**
 * Comparing two runs on the same dataset version: metric deltas with intervals, the leads whose
 * decision flipped (with both traces), and the drafts that changed, side by side.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { computeEvalMetrics, headlineMetrics, type EvalMetrics } from '../../domain/metrics/eval-metrics.ts';
import { metricDeltas, pairRows } from '../../domain/metrics/run-comparison.ts';
import type { RuleDecision } from '../../domain/decision.ts';
import type { Decision } from '../../domain/lead.ts';
import type { GroundingIssue } from '../../domain/guardrails/types.ts';
import type { DraftRecommendation } from '../../domain/recommendation.ts';
import { AppError } from '../../http/errors.ts';
import * as repo from './repository.ts';
import { runView } from './service.ts';

export interface CompareOptions {
  limit: number;
}

export async function compareRuns(db: Kysely<DB>, aId: string, bId: string, options: CompareOptions) {
  const [a, b] = await Promise.all([repo.findRun(db, aId), repo.findRun(db, bId)]);
  if (!a) throw new AppError('not_found', `No evaluation run ${aId}.`);
  if (!b) throw new AppError('not_found', `No evaluation run ${bId}.`);
  if (a.dataset_id !== b.dataset_id) {
    throw new AppError('bad_request', `Runs ${aId} and ${bId} are on different dataset versions (${a.dataset_id}, ${b.dataset_id}); compare runs on the same version.`);
  }
  const [rowsA, rowsB] = await Promise.all([repo.loadEvalRows(db, aId), repo.loadEvalRows(db, bId)]);
  // Finished runs carry their metrics; a run still going is compared on what it has so far.
  const metricsA = (a.status === 'done' ? (a.metrics as EvalMetrics) : null) ?? computeEvalMetrics(rowsA);
  const metricsB = (b.status === 'done' ? (b.metrics as EvalMetrics) : null) ?? computeEvalMetrics(rowsB);
  const deltas = metricDeltas(headlineMetrics(metricsA), headlineMetrics(metricsB), pairRows(rowsA, rowsB));

  const flipsBase = db
    .selectFrom('eval_results as a')
    .innerJoin('eval_results as b', (j) => j.onRef('b.lead_id', '=', 'a.lead_id').on('b.run_id', '=', bId))
    .where('a.run_id', '=', aId)
    .whereRef('a.decision', '<>', 'b.decision');
  const flipCounts = await flipsBase
    .select(['a.decision as from', 'b.decision as to', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['a.decision', 'b.decision'])
    .execute();
  const flips = await flipsBase
    .select([
      'a.lead_id',
      'a.gold_decision as gold',
      sql<RuleDecision>`a.result->'decision'`.as('a_decision'),
      sql<RuleDecision>`b.result->'decision'`.as('b_decision'),
    ])
    .orderBy('a.seq')
    .limit(options.limit)
    .execute();

  const draftsBase = db
    .selectFrom('eval_results as a')
    .innerJoin('eval_results as b', (j) => j.onRef('b.lead_id', '=', 'a.lead_id').on('b.run_id', '=', bId))
    .where('a.run_id', '=', aId)
    .whereRef('a.decision', '=', 'b.decision')
    .where(sql<boolean>`((a.result->'recommendation') is distinct from (b.result->'recommendation'))`, '=', true);
  const [{ n: draftsChanged }] = await draftsBase.select((eb) => eb.fn.countAll<string>().as('n')).execute();
  const drafts = await draftsBase
    .select([
      'a.lead_id',
      'a.decision',
      sql<DraftRecommendation | null>`a.result->'recommendation'`.as('a_draft'),
      sql<DraftRecommendation | null>`b.result->'recommendation'`.as('b_draft'),
      sql<GroundingIssue[] | null>`a.result->'guardrail_issues'`.as('a_issues'),
      sql<GroundingIssue[] | null>`b.result->'guardrail_issues'`.as('b_issues'),
      sql<string>`a.result->>'draft_status'`.as('a_status'),
      sql<string>`b.result->>'draft_status'`.as('b_status'),
    ])
    .orderBy('a.seq')
    .limit(options.limit)
    .execute();

  const byTransition: Record<string, number> = {};
  let flipTotal = 0;
  for (const r of flipCounts) {
    byTransition[`${r.from}->${r.to}`] = Number(r.n);
    flipTotal += Number(r.n);
  }
  return {
    a: runView(a),
    b: runView(b),
    dataset_id: a.dataset_id,
    deltas,
    flips: {
      total: flipTotal,
      by_transition: byTransition,
      items: flips.map((f) => ({ lead_id: f.lead_id, gold: f.gold as Decision | null, a: f.a_decision, b: f.b_decision })),
    },
    changed_drafts: {
      total: Number(draftsChanged),
      items: drafts.map((d) => ({
        lead_id: d.lead_id,
        decision: d.decision as Decision,
        a: { draft: d.a_draft, status: d.a_status, issues: d.a_issues },
        b: { draft: d.b_draft, status: d.b_status, issues: d.b_issues },
      })),
    },
  };
}
