import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { principalOf } from '../auth/plugin.ts';
import { forgetProductionCache } from '../recommendations/production.ts';
import { runReleaseGates } from './gate-check.ts';
import * as repo from './repository.ts';
import { itemsOf } from '../../http/response-schemas.ts';
import { ReleaseListItemSchema, ReleaseSchema } from './schemas.ts';
import { approveRelease, proposeRelease, rejectRelease, rollbackTo } from './service.ts';

const readers = ['manager', 'engineer'] as const;
const IdParams = z.object({ id: z.string().max(100) });
const Comment = z.object({ comment: z.string().max(2000).nullish() });

export const releaseRoutes: FastifyPluginAsyncZod = async (app) => {
  const env = { db: app.db, modelsDir: app.config.modelsDir };

  app.get('/api/releases', { config: { roles: readers }, schema: { tags: ['releases'], response: { 200: itemsOf(ReleaseListItemSchema) } } }, async () => ({
    items: await repo.withVersionLabels(app.db, (await repo.listReleases(app.db)).map(repo.releaseView)),
  }));

  app.get('/api/releases/production', { config: { roles: ['manager', 'engineer', 'rep'] }, schema: { tags: ['releases'], response: { 200: ReleaseSchema } } }, async () => {
    const release = await repo.findProduction(app.db);
    if (!release) throw new AppError('not_found', 'There is no production release.');
    return repo.releaseView(release);
  });

  app.get('/api/releases/:id', { config: { roles: readers }, schema: { tags: ['releases'], params: IdParams, response: { 200: ReleaseSchema } } }, async (request) => {
    const release = await repo.findRelease(app.db, request.params.id);
    if (!release) throw new AppError('not_found', `No release ${request.params.id}.`);
    return repo.releaseView(release);
  });

  app.post(
    '/api/releases',
    {
      config: { roles: readers },
      schema: {
        tags: ['releases'],
        summary: 'Propose a candidate (ruleset version + prompt version + provider) as a release; its gates run at once',
        body: z.object({
          ruleset_version_id: z.string().max(200),
          prompt_version_id: z.string().max(200),
          provider: z.unknown().default({ type: 'template' }),
          description: z.string().max(2000).default(''),
          run_gates: z.boolean().default(true),
        }),
        response: { 201: ReleaseSchema },
      },
    },
    async (request, reply) => {
      const actor = principalOf(request).actor;
      const release = await proposeRelease(app.db, request.body, actor);
      const gated = request.body.run_gates ? await runReleaseGates(env, release.id, actor) : release;
      return reply.status(201).send(repo.releaseView(gated));
    },
  );

  app.post(
    '/api/releases/:id/gates',
    { config: { roles: readers }, schema: { tags: ['releases'], summary: 'Run (again) the gates of a proposed release on the gating datasets', params: IdParams, response: { 200: ReleaseSchema } } },
    async (request) => repo.releaseView(await runReleaseGates(env, request.params.id, principalOf(request).actor)),
  );

  app.post(
    '/api/releases/:id/approve',
    { config: { roles: ['manager'] }, schema: { tags: ['releases'], summary: 'Approve (four eyes) and promote to production', params: IdParams, body: Comment, response: { 200: ReleaseSchema } } },
    async (request) => {
      const release = await approveRelease(app.db, request.params.id, principalOf(request).actor, request.body.comment ?? null);
      forgetProductionCache(app.db);
      return repo.releaseView(release);
    },
  );

  app.post(
    '/api/releases/:id/reject',
    { config: { roles: ['manager'] }, schema: { tags: ['releases'], params: IdParams, body: z.object({ comment: z.string().trim().min(1, 'say why').max(2000) }), response: { 200: ReleaseSchema } } },
    async (request) => repo.releaseView(await rejectRelease(app.db, request.params.id, principalOf(request).actor, request.body.comment)),
  );

  app.post(
    '/api/releases/:id/rollback',
    { config: { roles: ['manager'] }, schema: { tags: ['releases'], summary: 'Make an earlier approved release production again', params: IdParams, body: Comment, response: { 200: ReleaseSchema } } },
    async (request) => {
      const release = await rollbackTo(app.db, request.params.id, principalOf(request).actor, request.body.comment ?? null);
      forgetProductionCache(app.db);
      return repo.releaseView(release);
    },
  );
};
