/**
 * Privacy routes: erasure of a person and access export (admin), the suppression list (managers
 * see its size, list it and import their CRM's DNC list; removal needs the admin and is audited),
 * and retention on demand (admin; the server also runs it hourly).
 */
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { normaliseEmail, normalisePhone, keyedHash } from '../../domain/privacy/identifiers.ts';
import { AppError } from '../../http/errors.ts';
import { limitBytes, mediaType } from '../../http/raw-body.ts';
import { recordAudit } from '../audit/repository.ts';
import { principalOf } from '../auth/plugin.ts';
import { readDncCsv } from './dnc-import.ts';
import { erasePerson, redactText } from './erasure.ts';
import { privacyKey } from './privacy-key.ts';
import { applyRetention } from './retention.ts';
import { exportSubject } from './subject-export.ts';
import { addSuppressions, listSuppressions, removeSuppressions, suppressionSize } from './suppression-list.ts';

const ADMIN = ['admin'] as const;
const MANAGERS = ['manager', 'admin'] as const;

const Identifiers = z.object({
  email: z.string().trim().max(320).optional(),
  phone: z.string().trim().max(64).optional(),
  lead_id: z.string().trim().max(200).optional(),
});

/** At least one identifier, each one usable: a typo must not erase (or export) nobody and say "done". */
function checkIdentifiers(q: z.infer<typeof Identifiers>, allowLeadId = true): void {
  const errors: string[] = [];
  if (q.email && !normaliseEmail(q.email)) errors.push('email: not an email address');
  if (q.phone && !normalisePhone(q.phone)) errors.push('phone: needs at least 7 digits');
  if (!q.email && !q.phone && !(allowLeadId && q.lead_id)) errors.push(allowLeadId ? 'give email, phone or lead_id' : 'give email or phone');
  if (errors.length) throw new AppError('bad_request', errors.join('; '), { errors });
}

const ErasureReply = z.object({
  id: z.string(),
  at: z.string(),
  records_erased: z.number(),
  counts: z.record(z.string(), z.number()),
  datasets: z.array(z.string()),
  suppressed_identifiers: z.number(),
  files_unreadable: z.array(z.string()),
});

const SizeReply = z.object({ total: z.number(), by_kind: z.record(z.string(), z.number()), by_reason: z.record(z.string(), z.number()), by_source: z.record(z.string(), z.number()) });

export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/privacy/erasures',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['privacy'],
        summary: "Erase a person's data from every store; their identifiers (hashed) go on the suppression list",
        body: Identifiers.extend({ reason: z.string().trim().min(1, 'reason: required').max(1000) }),
        response: { 201: ErasureReply },
      },
    },
    async (request, reply) => {
      checkIdentifiers(request.body);
      const result = await erasePerson({ db: app.db, dbKind: app.dbKind, dataDir: app.config.dataDir }, request.body, principalOf(request).actor);
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/privacy/erasures',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['privacy'],
        summary: 'Erasures done: when, by whom, why, how many records (identifiers only as keyed hashes)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0) }),
        response: { 200: z.object({ total: z.number(), items: z.array(z.object({ id: z.string(), at: z.string(), actor: z.string(), reason: z.string(), records_erased: z.number(), counts: z.record(z.string(), z.number()) })) }) },
      },
    },
    async (request) => {
      const [{ n }] = await app.db.selectFrom('privacy_erasures').select((eb) => eb.fn.countAll<string>().as('n')).execute();
      const rows = await app.db.selectFrom('privacy_erasures').selectAll().orderBy('at', 'desc').limit(request.query.limit).offset(request.query.offset).execute();
      return { total: Number(n), items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), actor: r.actor, reason: r.reason, records_erased: r.records_erased, counts: r.counts })) };
    },
  );

  app.get(
    '/api/privacy/subjects',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['privacy'],
        summary: 'Everything held about a person (access request), as JSON',
        querystring: Identifiers,
        response: { 200: z.looseObject({ generated_at: z.string(), identifiers: z.unknown(), leads: z.array(z.unknown()), recommendations: z.array(z.unknown()), evaluation_results: z.array(z.unknown()) }) },
      },
    },
    async (request, reply) => {
      checkIdentifiers(request.query);
      const result = await exportSubject(app.db, request.query);
      const key = await privacyKey(app.db);
      // The access itself is audited, by hashes: the audit log holds no personal data.
      await recordAudit(app.db, {
        actor: principalOf(request).actor,
        action: 'privacy.access_export',
        subject: null,
        details: { identifier_hashes: [...result.identifiers.emails.map((e) => keyedHash(key, 'email', e)), ...result.identifiers.phones.map((p) => keyedHash(key, 'phone', p))], leads: result.leads.length, recommendations: result.recommendations.length },
      });
      return reply.header('content-disposition', 'attachment; filename="subject-access.json"').send(result);
    },
  );

  app.get(
    '/api/privacy/suppressions',
    {
      config: { roles: MANAGERS },
      schema: {
        tags: ['privacy'],
        summary: 'The suppression list: its size by reason and source, and its entries (keyed hashes only)',
        querystring: z.object({ limit: z.coerce.number().int().min(0).max(500).default(50), offset: z.coerce.number().int().min(0).default(0) }),
        response: {
          200: SizeReply.extend({
            items: z.array(z.object({ kind: z.string(), hash: z.string(), reason: z.string(), source: z.string(), effective_at: z.string(), created_by: z.string(), created_at: z.string() })),
          }),
        },
      },
    },
    async (request) => ({ ...(await suppressionSize(app.db)), items: request.query.limit ? await listSuppressions(app.db, request.query) : [] }),
  );

  app.post(
    '/api/privacy/suppressions/import',
    {
      config: { roles: MANAGERS },
      schema: {
        tags: ['privacy'],
        summary: "Add a CRM's do-not-contact list: text/csv with email and/or phone columns (reason, since optional)",
        response: { 200: z.object({ rows: z.number(), added: z.number(), rejected: z.array(z.object({ line: z.number(), errors: z.array(z.string()) })), size: SizeReply }) },
      },
    },
    async (request) => {
      if (mediaType(request.headers['content-type']) !== 'text/csv') throw new AppError('unsupported_media_type', 'Send the list as text/csv.');
      const parsed = await readDncCsv(limitBytes(request.body as Readable, 50 * 1024 * 1024), new Date());
      const actor = principalOf(request).actor;
      const added = await app.db.transaction().execute(async (trx) => {
        const n = await addSuppressions(trx, parsed.entries, actor);
        await recordAudit(trx, { actor, action: 'privacy.suppression.import', subject: 'suppression_list', details: { rows: parsed.rows, identifiers: parsed.entries.length, rejected: parsed.rejected.length } });
        return n;
      });
      return { rows: parsed.rows, added, rejected: parsed.rejected, size: await suppressionSize(app.db) };
    },
  );

  app.post(
    '/api/privacy/suppressions/remove',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['privacy'],
        summary: 'Take an email and/or phone off the suppression list (admin; audited with the reason)',
        body: z.object({ email: z.string().trim().max(320).optional(), phone: z.string().trim().max(64).optional(), reason: z.string().trim().min(1, 'reason: required').max(1000) }),
        response: { 200: z.object({ removed: z.array(z.object({ kind: z.string(), hash: z.string(), reason: z.string() })) }) },
      },
    },
    async (request) => {
      checkIdentifiers(request.body, false);
      const ids = [
        ...(request.body.email ? [{ kind: 'email' as const, value: normaliseEmail(request.body.email)! }] : []),
        ...(request.body.phone ? [{ kind: 'phone' as const, value: normalisePhone(request.body.phone)! }] : []),
      ];
      const actor = principalOf(request).actor;
      const removed = await app.db.transaction().execute(async (trx) => {
        const rows = await removeSuppressions(trx, ids);
        if (!rows.length) throw new AppError('not_found', 'Neither identifier is on the suppression list.');
        // Hashes, codes and the reason with the identifiers themselves taken out.
        const reason = redactText(request.body.reason, [request.body.email, request.body.phone].filter((v): v is string => Boolean(v)));
        await recordAudit(trx, { actor, action: 'privacy.suppression.remove', subject: 'suppression_list', details: { removed: rows, reason } });
        return rows;
      });
      return { removed };
    },
  );

  app.post(
    '/api/privacy/retention',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['privacy'],
        summary: 'Apply retention now: strip personal data older than settings.retention_days',
        response: { 200: z.object({ cutoff: z.string(), retention_days: z.number(), recommendations: z.number(), reviews: z.number(), outcomes: z.number(), eval_runs: z.number(), eval_results: z.number(), provider_cache: z.number() }) },
      },
    },
    async (request) => applyRetention(app.db, { now: new Date(), actor: principalOf(request).actor }),
  );
};
