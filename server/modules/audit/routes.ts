import { IsoDateTime } from '../../domain/lead.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonJson, pageOf } from '../../http/response-schemas.ts';
import { reviewDashboard } from './dashboard.ts';

const AuditEntry = z
  .object({ id: z.string(), at: z.string(), actor: z.string(), action: z.string(), subject: z.string().nullable(), details: z.unknown().describe('What the action changed: its own shape per action') })
  .meta({ id: 'AuditEntry' });
const DashboardTally = z
  .object({
    recommendations: z.number(), reviewed: z.number(), approve: z.number(), edit: z.number(), reject: z.number(),
    approve_rate: z.number().nullable(), edit_rate: z.number().nullable(), reject_rate: z.number().nullable(),
    outcomes: z.record(z.string(), z.number()),
  })
  .meta({ id: 'DashboardTally' });
const ReviewDashboard = z
  .object({ total: DashboardTally, by_reason: z.record(z.string(), DashboardTally), by_angle: z.record(z.string(), DashboardTally) })
  .meta({ id: 'ReviewDashboard' });
import { listAudit } from './repository.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { roles: ['manager', 'admin'] },
      schema: {
        tags: ['audit'],
        summary: 'Read the append-only audit log',
        querystring: z.object({
          subject: z.string().max(200).optional(),
          action: z.string().max(100).optional(),
          actor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: pageOf(AuditEntry) },
      },
    },
    async (request) => listAudit(app.db, request.query),
  );

  app.get(
    '/api/audit/export.csv',
    {
      config: { roles: ['manager', 'admin'] },
      schema: {
        tags: ['audit'],
        summary: 'The audit log (filtered) as CSV',
        querystring: z.object({ subject: z.string().max(200).optional(), action: z.string().max(100).optional(), actor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100_000).default(10_000) }),
        response: { 200: nonJson('text/csv', 'id,at,actor,action,subject,details: one row per entry, every cell quoted') },
      },
    },
    async (request, reply) => {
      const { items } = await listAudit(app.db, { ...request.query, offset: 0 });
      const cell = (v: unknown) => {
        const s = typeof v === 'string' ? v : JSON.stringify(v ?? '');
        // Quote every cell; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.
        return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
      };
      const lines = ['id,at,actor,action,subject,details', ...items.map((i) => [i.id, i.at, i.actor, i.action, i.subject, i.details].map(cell).join(','))];
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit.csv"').send(`${lines.join('\n')}\n`);
    },
  );

  app.get(
    '/api/audit/dashboard',
    {
      config: { roles: ['manager', 'admin'] },
      schema: { tags: ['audit'], summary: 'Approve / edit / reject rates and outcomes by reason code and angle', querystring: z.object({ since: IsoDateTime.optional() }), response: { 200: ReviewDashboard } },
    },
    async (request) => reviewDashboard(app.db, request.query),
  );
};
