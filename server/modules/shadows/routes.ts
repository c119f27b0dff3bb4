/** Shadow mode over HTTP: start (an approved, non-production release), list, the report, stop. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../auth/plugin.ts';
import { shadowReport, startShadow, stopShadow } from './service.ts';

const runners = ['manager', 'admin'] as const;
const readers = ['manager', 'engineer', 'admin'] as const;
const Params = z.object({ id: z.string().max(100) });
const ShadowSchema = z.object({ id: z.string(), release_id: z.string(), status: z.string(), started_by: z.string(), started_at: z.string(), stopped_by: z.string().nullable(), stopped_at: z.string().nullable() });
const Delta = z.object({ production: z.number(), shadow: z.number(), delta: z.number() });
const ReportSchema = z.object({
  id: z.string(),
  release_id: z.string(),
  release_number: z.number().nullable(),
  status: z.string(),
  started_at: z.string(),
  stopped_at: z.string().nullable(),
  requests: z.number(),
  agreement: z.number(),
  agreement_rate: z.number().nullable(),
  flipped: z.number(),
  matrix: z.record(z.string(), z.record(z.string(), z.number())),
  metric_deltas: z.record(z.string(), Delta),
  flips: z.array(z.object({ recommendation_id: z.string(), lead_id: z.string(), at: z.string(), production: z.unknown(), shadow: z.unknown() })),
  queue: z.object({ dropped: z.number(), pending: z.number(), failed: z.number() }),
});

const view = (r: { id: string; release_id: string; status: string; started_by: string; started_at: Date; stopped_by: string | null; stopped_at: Date | null }) => ({
  ...r, started_at: r.started_at.toISOString(), stopped_at: r.stopped_at?.toISOString() ?? null,
});

export const shadowRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/shadows',
    {
      config: { roles: runners },
      schema: { tags: ['shadows'], summary: 'Let an approved, non-production release shadow production: it decides every live request too, never returned', body: z.object({ release_id: z.string().min(1).max(100) }), response: { 201: ShadowSchema } },
    },
    async (request, reply) => reply.status(201).send(view(await startShadow(app.db, request.body.release_id, principalOf(request).actor))),
  );

  app.get('/api/shadows', { config: { roles: readers }, schema: { tags: ['shadows'], response: { 200: z.object({ items: z.array(ShadowSchema) }) } } }, async () => ({
    items: (await app.db.selectFrom('shadows').selectAll().orderBy('started_at', 'desc').limit(100).execute()).map(view),
  }));

  app.get(
    '/api/shadows/:id/report',
    { config: { roles: readers }, schema: { tags: ['shadows'], summary: 'Agreement with production, flips with both traces, decision-rate deltas', params: Params, querystring: z.object({ flips: z.coerce.number().int().min(0).max(500).default(50) }), response: { 200: ReportSchema } } },
    async (request) => shadowReport(app.db, request.params.id, request.query.flips),
  );

  app.post('/api/shadows/:id/stop', { config: { roles: runners }, schema: { tags: ['shadows'], params: Params, response: { 200: ShadowSchema } } }, async (request) =>
    view(await stopShadow(app.db, request.params.id, principalOf(request).actor)),
  );
};
