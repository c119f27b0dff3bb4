import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkGrounding } from '../../domain/guardrails/index.ts';
import { describeIssues, IsoDate, Lead } from '../../domain/lead.ts';
import { AppError } from '../../http/errors.ts';
import { GroundingResultSchema } from '../../http/response-schemas.ts';
import { ANY_ROLE } from '../auth/roles.ts';

export const groundingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/grounding',
    {
      config: { roles: ANY_ROLE },
      bodyLimit: 1024 * 1024,
      schema: {
        tags: ['guardrails'],
        summary: 'Check every factual claim of a text against a lead record',
        body: z.object({ lead: z.unknown(), text: z.string().max(20_000), as_of: IsoDate.optional() }),
        response: { 200: GroundingResultSchema },
      },
    },
    async (request) => {
      const parsed = Lead.safeParse(request.body.lead);
      if (!parsed.success) {
        const errors = describeIssues(parsed.error, 'lead');
        throw new AppError('bad_request', errors.join('; '), { errors });
      }
      return checkGrounding(parsed.data, request.body.text, { asOf: request.body.as_of });
    },
  );
};
