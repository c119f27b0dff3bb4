import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
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
};
