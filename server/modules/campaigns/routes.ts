/**
 * Campaigns over HTTP (CONTRACTS.md section 5): start one (202: a durable job the workers share),
 * read it with its totals, follow its progress as server-sent events, list its leads, export the
 * selection as CSV for the CRM, re-run it (idempotent), and see treated against control recovery.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { nonJson } from '../../http/response-schemas.ts';
import { streamProgress } from '../../http/progress-stream.ts';
import { principalOf } from '../auth/plugin.ts';
import { resolveDataset } from '../datasets/service.ts';
import { campaignRecovery } from './recovery.ts';
import * as repo from './repository.ts';
import { CampaignLeadSchema, CampaignViewSchema, CreateCampaignBody, CreatedCampaignSchema, RecoverySchema } from './schemas.ts';
import { campaignView, createCampaign, rerunCampaign } from './service.ts';

const runners = ['manager', 'admin'] as const;
const readers = ['manager', 'engineer', 'admin'] as const;
const Params = z.object({ id: z.string().max(100) });
const TERMINAL = new Set(['done', 'failed', 'cancelled']);
const today = () => new Date().toISOString().slice(0, 10);

async function campaignOr404(db: Parameters<typeof repo.findCampaign>[0], id: string) {
  const row = await repo.findCampaign(db, id);
  if (!row) throw new AppError('not_found', `No campaign ${id}.`);
  return row;
}

const CSV_COLUMNS = ['lead_id', 'owner', 'group', 'decision', 'priority', 'reason', 'value', 'value_source', 'p_recovered', 'expected_value', 'recommendation_id'] as const;
function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote when needed; a leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const streams = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of streams) end();
  });

  app.post(
    '/api/campaigns',
    {
      config: { roles: runners },
      schema: {
        tags: ['campaigns'],
        summary: 'Run the production release over a dataset as of a date: selected leads go to their reps\' queues, a held-out control group does not',
        body: CreateCampaignBody,
        response: { 202: CreatedCampaignSchema },
      },
    },
    async (request, reply) => {
      const dataset = await resolveDataset(app.db, request.body.dataset_id);
      const { campaign, created } = await createCampaign(app.db, { dataset_id: dataset.id, as_of: request.body.as_of ?? today(), holdout_pct: request.body.holdout_pct }, principalOf(request).actor);
      return reply.status(202).send({ ...campaignView(campaign), created });
    },
  );

  app.get(
    '/api/campaigns',
    {
      config: { roles: readers },
      schema: {
        tags: ['campaigns'],
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }),
        response: { 200: z.object({ total: z.number(), items: z.array(CampaignViewSchema) }) },
      },
    },
    async (request) => {
      const { total, rows } = await repo.listCampaigns(app.db, request.query.limit, request.query.offset);
      return { total, items: rows.map(campaignView) };
    },
  );

  app.get('/api/campaigns/:id', { config: { roles: readers }, schema: { tags: ['campaigns'], params: Params, response: { 200: CampaignViewSchema } } }, async (request) =>
    campaignView(await campaignOr404(app.db, request.params.id)),
  );

  app.post(
    '/api/campaigns/:id/run',
    { config: { roles: runners }, schema: { tags: ['campaigns'], summary: 'Run the campaign again: leads already decided are not queued twice', params: Params, response: { 202: CampaignViewSchema } } },
    async (request, reply) => reply.status(202).send(campaignView(await rerunCampaign(app.db, request.params.id, principalOf(request).actor))),
  );

  app.get(
    '/api/campaigns/:id/leads',
    {
      config: { roles: readers },
      schema: {
        tags: ['campaigns'],
        summary: 'The selected leads: treated (queued) and held out (control)',
        params: Params,
        querystring: z.object({ group: z.enum(['all', 'queued', 'held_out']).default('all'), limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0) }),
        response: { 200: z.object({ total: z.number(), items: z.array(CampaignLeadSchema) }) },
      },
    },
    async (request) => {
      await campaignOr404(app.db, request.params.id);
      let q = app.db.selectFrom('campaign_leads').where('campaign_id', '=', request.params.id).where('selected', '=', true);
      if (request.query.group === 'queued') q = q.where('recommendation_id', 'is not', null);
      if (request.query.group === 'held_out') q = q.where('held_out', '=', true);
      const [{ n }] = await q.select((eb) => eb.fn.countAll<string>().as('n')).execute();
      const items = await q
        .select(['lead_id', 'seq', 'owner', 'decision', 'priority', 'reason', 'held_out', 'recommendation_id', 'value', 'value_source', 'p_recovered'])
        .orderBy('priority', 'desc')
        .orderBy('seq')
        .limit(request.query.limit)
        .offset(request.query.offset)
        .execute();
      return { total: Number(n), items };
    },
  );

  app.get(
    '/api/campaigns/:id/export.csv',
    { config: { roles: readers }, schema: { tags: ['campaigns'], summary: 'The selection as CSV for the CRM: one row per selected lead, treated or held out', params: Params, response: { 200: nonJson('text/csv', `${CSV_COLUMNS.join(',')}: one row per selected lead`) } } },
    async (request, reply) => {
      const campaign = await campaignOr404(app.db, request.params.id);
      // Streamed a page at a time: a selection of 200,000 leads is never one string in memory.
      const db = app.db;
      async function* csv() {
        yield CSV_COLUMNS.join(',') + '\n';
        for await (const page of repo.campaignLeadPages(db, campaign.id, true)) {
          let out = '';
          for (const r of page) {
            const values = {
              ...r, group: r.held_out ? 'held_out' : 'queued',
              p_recovered: r.p_recovered === null ? null : r.p_recovered.toFixed(4),
              expected_value: r.p_recovered === null ? null : (r.p_recovered * r.value).toFixed(2),
            };
            out += CSV_COLUMNS.map((c) => csvCell((values as Record<string, unknown>)[c])).join(',') + '\n';
          }
          yield out;
        }
      }
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${campaign.id}.csv"`).send(Readable.from(csv()) as never);
      // (`as never`: the documented type is the CSV text; Fastify sends a stream as it is, unserialized.)
    },
  );

  app.get(
    '/api/campaigns/:id/recovery',
    {
      config: { roles: readers },
      schema: {
        tags: ['campaigns'],
        summary: 'Recovery of treated against control, from outcomes recorded on the recommendations and, with later_dataset_id, a later CRM export',
        params: Params,
        querystring: z.object({ later_dataset_id: z.string().max(100).optional(), window_days: z.coerce.number().int().min(1).max(365).optional() }),
        response: { 200: RecoverySchema },
      },
    },
    async (request) => {
      const campaign = await campaignOr404(app.db, request.params.id);
      const later = request.query.later_dataset_id ? (await resolveDataset(app.db, request.query.later_dataset_id)).id : null;
      const r = await campaignRecovery(app.db, campaign, later, request.query.window_days);
      return { treated: r.comparison.a, control: r.comparison.b, difference: r.comparison.difference, difference_interval: r.comparison.difference_interval, lift: r.comparison.lift, recorded_outcomes: r.recorded_outcomes, later_dataset_id: r.later_dataset_id, window_days: r.window_days };
    },
  );

  app.get(
    '/api/campaigns/:id/events',
    {
      // EventSource cannot send headers: this one route also takes ?access_token= (never logged).
      config: { roles: readers, sseToken: true },
      schema: {
        tags: ['campaigns'],
        summary: 'Server-sent events: `progress` {status, done, total, selected, held_out, queued} until the campaign ends, then `done` with the campaign',
        params: Params,
        querystring: z.object({ access_token: z.string().max(200).optional() }),
        response: { 200: nonJson('text/event-stream', 'Server-sent events: `progress` {status, done, total, selected, held_out, queued}, then `done` with the campaign') },
      },
    },
    async (request, reply) => {
      await streamProgress(reply, streams, {
        first: await campaignOr404(app.db, request.params.id),
        reload: (r) => campaignOr404(app.db, r.id),
        progress: (r) => ({ status: r.status, done: r.done_count, total: r.total, selected: r.selected, held_out: r.held_out, queued: r.queued }),
        done: (r) => (TERMINAL.has(r.status) ? campaignView(r) : null),
      });
    },
  );
};
