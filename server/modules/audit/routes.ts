import { IsoDateTime } from '../../domain/lead.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reviewDashboard } from './dashboard.ts';
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
      schema: { tags: ['audit'], summary: 'Approve / edit / reject rates and outcomes by reason code and angle', querystring: z.object({ since: IsoDateTime.optional() }) },
    },
    async (request) => reviewDashboard(app.db, request.query),
  );
};
