import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { itemsOf } from '../../http/response-schemas.ts';
import { recordAudit } from '../audit/repository.ts';
import { principalOf } from './plugin.ts';
import { Role, ANY_ROLE } from './roles.ts';
import { createToken, forgetTokens, listPeople, listTokens, revokeToken, updateToken } from './tokens.ts';

const OwnerNames = z.array(z.string().trim().min(1).max(100)).max(50);
const TokenView = z.object({ id: z.string(), name: z.string(), role: Role, acts_for: z.array(z.string()) });
const CreatedToken = TokenView.extend({ token: z.string().describe('The bearer token: shown once, stored only as a hash') }).meta({ id: 'CreatedToken' });
const TokenInfo = z
  .object({ id: z.string(), name: z.string(), role: Role, acts_for: z.array(z.string()), created_by: z.string().nullable(), created_at: z.string(), revoked_at: z.string().nullable() })
  .meta({ id: 'TokenInfo' });
const Me = z
  .object({ name: z.string(), role: Role, actor: z.string().describe('`token:<id>`: compared with proposed_by etc. (the four-eyes rule is between persons)'), acts_for: z.array(z.string()) })
  .meta({ id: 'Me' });

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/tokens',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['auth'],
        summary: 'Create a bearer token for a role (shown once)',
        body: z.object({
          name: z.string().trim().min(1).max(100),
          role: Role,
          /** CRM owner names this person acts for (a rep's queue); a rep without it acts for the owner spelled like their name. */
          acts_for: OwnerNames.optional(),
        }),
        response: { 201: CreatedToken },
      },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const { name, role, acts_for } = request.body;
      // The token and its audit entry commit together: no token exists without its record.
      const created = await app.db.transaction().execute(async (trx) => {
        const token = await createToken(trx, { name, role, actsFor: acts_for, createdBy: actor.actor });
        await recordAudit(trx, { actor: actor.actor, action: 'token.create', subject: token.id, details: { name: token.name, role: token.role, acts_for: token.acts_for } });
        return token;
      });
      return reply.status(201).send({ id: created.id, token: created.token, name: created.name, role: created.role, acts_for: created.acts_for });
    },
  );

  app.get('/api/tokens', { config: { roles: ['admin'] }, schema: { tags: ['auth'], response: { 200: itemsOf(TokenInfo) } } }, async () => {
    const rows = await listTokens(app.db);
    return { items: rows.map((r) => ({ ...r, role: r.role as Role, created_at: r.created_at.toISOString(), revoked_at: r.revoked_at?.toISOString() ?? null })) };
  });

  app.patch(
    '/api/tokens/:id',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['auth'],
        summary: "Change a token's display name or the CRM owners it acts for",
        params: z.object({ id: z.string().max(100) }),
        body: z.object({ name: z.string().trim().min(1).max(100).optional(), acts_for: OwnerNames.optional() }),
        response: { 200: TokenView },
      },
    },
    async (request) => {
      const actor = principalOf(request);
      const { name, acts_for } = request.body;
      const updated = await app.db.transaction().execute(async (trx) => {
        const row = await updateToken(trx, request.params.id, { name, actsFor: acts_for });
        if (!row) throw new AppError('not_found', `No active token ${request.params.id}.`);
        await recordAudit(trx, { actor: actor.actor, action: 'token.update', subject: row.id, details: { name: row.name, acts_for: row.acts_for } });
        return { id: row.id, name: row.name, role: row.role as Role, acts_for: row.acts_for ?? [] };
      });
      // Again after the commit: a request authenticated while the transaction was open may have cached the old row.
      forgetTokens();
      return updated;
    },
  );

  app.get(
    '/api/people',
    {
      config: { roles: ANY_ROLE },
      schema: {
        tags: ['auth'],
        summary: 'Display names for the actors that records and the audit log hold (token ids are never shown to people)',
        response: { 200: z.object({ items: z.array(z.object({ actor: z.string(), name: z.string(), role: z.string() })) }) },
      },
    },
    async () => ({ items: await listPeople(app.db) }),
  );

  app.delete(
    '/api/tokens/:id',
    { config: { roles: ['admin'] }, schema: { tags: ['auth'], params: z.object({ id: z.string().max(100) }), response: { 204: z.null().describe('Revoked') } } },
    async (request, reply) => {
      const actor = principalOf(request);
      const revoked = await revokeToken(app.db, request.params.id);
      if (!revoked) throw new AppError('not_found', `No active token ${request.params.id}.`);
      await recordAudit(app.db, { actor: actor.actor, action: 'token.revoke', subject: request.params.id });
      return reply.status(204).send(null);
    },
  );

  app.get('/api/me', { config: { roles: ANY_ROLE }, schema: { tags: ['auth'], response: { 200: Me } } }, async (request) => {
    const p = principalOf(request);
    return { name: p.name, role: p.role, actor: p.actor, acts_for: p.actsFor };
  });
};
