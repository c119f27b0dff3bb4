import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { principalOf } from './plugin.ts';
import { Role, ANY_ROLE } from './roles.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/tokens',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['auth'],
        summary: 'Create a bearer token for a role (shown once)',
        body: z.object({ name: z.string().trim().min(1).max(100), role: Role }),
      },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      // The token and its audit entry commit together: no token exists without its record.
      const created = await app.db.transaction().execute(async (trx) => {
        const token = await createToken(trx, { ...request.body, createdBy: actor.actor });
        await recordAudit(trx, { actor: actor.actor, action: 'token.create', subject: token.id, details: { name: token.name, role: token.role } });
        return token;
      });
      return reply.status(201).send({ id: created.id, token: created.token, name: created.name, role: created.role });
    },
  );

  app.get('/api/tokens', { config: { roles: ['admin'] }, schema: { tags: ['auth'] } }, async () => {
    const rows = await listTokens(app.db);
    return { items: rows.map((r) => ({ ...r, created_at: r.created_at.toISOString(), revoked_at: r.revoked_at?.toISOString() ?? null })) };
  });

  app.delete(
    '/api/tokens/:id',
    { config: { roles: ['admin'] }, schema: { tags: ['auth'], params: z.object({ id: z.string().max(100) }) } },
    async (request, reply) => {
      const actor = principalOf(request);
      const revoked = await revokeToken(app.db, request.params.id);
      if (!revoked) throw new AppError('not_found', `No active token ${request.params.id}.`);
      await recordAudit(app.db, { actor: actor.actor, action: 'token.revoke', subject: request.params.id });
      return reply.status(204).send();
    },
  );

  app.get('/api/me', { config: { roles: ANY_ROLE }, schema: { tags: ['auth'] } }, async (request) => {
    const p = principalOf(request);
    return { name: p.name, role: p.role };
  });
};
