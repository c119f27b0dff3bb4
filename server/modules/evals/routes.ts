/**
 * Evaluation runs over HTTP: create (queued for a worker), list, progress + metrics, the per-lead
 * table with drill-down, cancel, live progress as server-sent events, and run comparison.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DECISIONS, IsoDate, type Decision } from '../../domain/lead.ts';
import { headlineMetrics, type EvalMetrics } from '../../domain/metrics/eval-metrics.ts';
import { AppError } from '../../http/errors.ts';
import { streamProgress } from '../../http/progress-stream.ts';
import { principalOf } from '../auth/plugin.ts';
import { findLead } from '../datasets/repository.ts';
import { resolveDataset } from '../datasets/service.ts';
import { compareRuns } from './compare.ts';
import * as repo from './repository.ts';
import { cancelRunById, createRun, runView } from './service.ts';
import { nonJson, pageOf } from '../../http/response-schemas.ts';
import { EvalLeadDetailSchema, EvalResultRowSchema, EvalRunSchema, EvalRunSummarySchema, RunComparisonSchema, type StoredResultSchema } from './schemas.ts';

const roles = ['manager', 'engineer'] as const;
const RunParams = z.object({ id: z.string().max(100) });
const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const TERMINAL = new Set(['done', 'failed', 'cancelled']);

async function runOr404(db: Parameters<typeof repo.findRun>[0], id: string) {
  const run = await repo.findRun(db, id);
  if (!run) throw new AppError('not_found', `No evaluation run ${id}.`);
  return run;
}

export const evalRoutes: FastifyPluginAsyncZod = async (app) => {
  const streams = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of streams) end();
  });

  app.post(
    '/api/evals/runs',
    {
      config: { roles },
      schema: {
        tags: ['evals'],
        summary: 'Queue an evaluation run of a candidate (defaults: latest default ruleset and prompt, template writer) on a dataset version',
        body: z.object({
          dataset_id: z.string().min(1).max(100),
          ruleset_version_id: z.string().max(200).optional(),
          prompt_version_id: z.string().max(200).optional(),
          provider: z.record(z.string(), z.unknown()).optional(),
          release_id: z.string().max(100).optional(),
          label: z.string().max(200).optional(),
          as_of: IsoDate.optional().describe('Replay the dataset as of this date (a backtest): only what was known then; outcomes after it are the labels'),
          outcome_window_days: z.number().int().min(1).max(365).optional(),
        }),
        response: { 201: EvalRunSchema },
      },
    },
    async (request, reply) => {
      const dataset = await resolveDataset(app.db, request.body.dataset_id);
      const run = await createRun(app.db, { ...request.body, dataset_id: dataset.id }, principalOf(request).actor);
      return reply.status(201).send(runView(run));
    },
  );

  app.get(
    '/api/evals/runs',
    {
      config: { roles },
      schema: {
        tags: ['evals'],
        querystring: z.object({
          dataset_id: z.string().max(100).optional(),
          status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: pageOf(EvalRunSummarySchema) },
      },
    },
    async (request) => {
      const { total, rows } = await repo.listRuns(app.db, request.query);
      return {
        total,
        items: rows.map((r) => {
          const view = runView(r);
          return { ...view, metrics: view.metrics ? headlineMetrics(view.metrics) : null };
        }),
      };
    },
  );

  app.get('/api/evals/runs/:id', { config: { roles }, schema: { tags: ['evals'], params: RunParams, response: { 200: EvalRunSchema } } }, async (request) =>
    runView(await runOr404(app.db, request.params.id)),
  );

  app.get(
    '/api/evals/runs/:id/results',
    {
      config: { roles },
      schema: {
        tags: ['evals'],
        summary: 'Per-lead results; flipped=true: decision differs from the gold label (or from run compare_to)',
        params: RunParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
          decision: z.enum(DECISIONS).optional(),
          gold: z.union([z.enum(DECISIONS), z.literal('none')]).optional(),
          flipped: Bool.optional(),
          compare_to: z.string().max(100).optional(),
          has_issues: Bool.optional(),
        }),
        response: { 200: pageOf(EvalResultRowSchema) },
      },
    },
    async (request) => {
      await runOr404(app.db, request.params.id);
      const q = request.query;
      const { total, rows } = await repo.queryResults(app.db, request.params.id, {
        limit: q.limit,
        offset: q.offset,
        decision: q.decision,
        gold: q.gold,
        flipped: q.flipped,
        compareTo: q.compare_to,
        hasIssues: q.has_issues,
      });
      return {
        total,
        items: rows.map((r) => ({
          lead_id: r.lead_id,
          seq: r.seq,
          decision: r.decision as Decision,
          gold: r.gold_decision as Decision | null,
          priority: r.priority,
          reasons: r.reasons,
          draft_status: r.draft_status,
          issue_kinds: r.issue_kinds,
          latency_ms: Number(r.latency_ms),
          cached: r.cached,
        })),
      };
    },
  );

  app.get(
    '/api/evals/runs/:id/results/:leadId',
    { config: { roles }, schema: { tags: ['evals'], summary: 'One lead: trace, draft, grounding issues, and the lead record', params: RunParams.extend({ leadId: z.string().max(200) }), response: { 200: EvalLeadDetailSchema } } },
    async (request) => {
      const run = await runOr404(app.db, request.params.id);
      const row = await repo.findResult(app.db, run.id, request.params.leadId);
      if (!row) throw new AppError('not_found', `Run ${run.id} has no result for lead ${request.params.leadId} (yet).`);
      const lead = await findLead(app.db, run.dataset_id, row.lead_id);
      const { summary: _summary, ...result } = row.result as z.infer<typeof StoredResultSchema> & { summary?: unknown };
      return { run_id: run.id, lead_id: row.lead_id, seq: row.seq, decision: row.decision as Decision, gold: row.gold_decision as Decision | null, latency_ms: Number(row.latency_ms), cached: row.cached, result, lead: lead ?? null };
    },
  );

  app.post('/api/evals/runs/:id/cancel', { config: { roles }, schema: { tags: ['evals'], params: RunParams, response: { 200: EvalRunSchema } } }, async (request) =>
    runView(await cancelRunById(app.db, request.params.id, principalOf(request).actor)),
  );

  app.get(
    '/api/evals/runs/:id/events',
    {
      // EventSource cannot send headers: this one route also takes ?access_token= (never logged).
      config: { roles, sseToken: true },
      schema: {
        tags: ['evals'],
        summary: 'Server-sent events: `progress` {done,total,eta_s} until the run ends, then `done` with the metrics',
        params: RunParams,
        querystring: z.object({ access_token: z.string().max(200).optional() }),
        response: { 200: nonJson('text/event-stream', 'Server-sent events: `progress` {status, done, total, eta_s}, then `done` {status, error, metrics}') },
      },
    },
    async (request, reply) => {
      const run = await runOr404(app.db, request.params.id);
      await streamProgress(reply, streams, {
        first: run,
        reload: (r) => runOr404(app.db, r.id),
        progress: (r) => {
          const view = runView(r);
          return { status: view.status, ...view.progress };
        },
        done: (r) => (TERMINAL.has(r.status) ? { status: r.status, error: r.error, metrics: (r.metrics as EvalMetrics | null) ?? null } : null),
      });
    },
  );

  app.get(
    '/api/evals/compare',
    {
      config: { roles },
      schema: {
        tags: ['evals'],
        summary: 'Compare two runs on the same dataset version: metric deltas (b - a), decision flips with both traces, changed drafts',
        querystring: z.object({ a: z.string().max(100), b: z.string().max(100), limit: z.coerce.number().int().min(0).max(500).default(100) }),
        response: { 200: RunComparisonSchema },
      },
    },
    async (request) => compareRuns(app.db, request.query.a, request.query.b, { limit: request.query.limit }),
  );
};
