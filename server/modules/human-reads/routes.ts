/** "Needs a human read" over HTTP (managers and the admin): the list, a label, a corpus example. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../auth/plugin.ts';
import { addLabelToCorpus, humanReadList, labelText } from './service.ts';

const roles = ['manager', 'admin'] as const;
const Target = z.object({
  dataset_id: z.string().min(1).max(100),
  lead_id: z.string().min(1).max(200),
  text_hash: z.string().regex(/^[0-9a-f]{8,64}$/, 'a text hash from the list'),
});
const Reason = z.object({ code: z.string(), explanation: z.string() });
const Text = z.object({
  text_hash: z.string(), activity_index: z.number(), excerpt: z.string(), language: z.string().nullable(), language_supported: z.boolean(),
  why: z.string(), guesses: z.array(z.object({ intent: z.string(), score: z.number() })), label: z.string().nullable(),
});

export const humanReadRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/human-reads',
    {
      config: { roles },
      schema: {
        tags: ['human-reads'],
        summary: 'Leads whose customer texts the production rules could not read with confidence (or only just), with the engine\'s guesses',
        querystring: z.object({
          dataset_id: z.string().min(1).max(100).default('demo'),
          kind: z.enum(['unread', 'near_threshold', 'labelled']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({
            dataset_id: z.string(), release_id: z.string(), as_of: z.string(), total: z.number(),
            counts: z.object({ unread: z.number(), near_threshold: z.number(), labelled: z.number() }),
            intents: z.array(z.string()),
            items: z.array(z.object({ lead_id: z.string(), decision: z.string(), reasons: z.array(Reason), kind: z.enum(['unread', 'near_threshold', 'labelled']), texts: z.array(Text) })),
          }),
        },
      },
    },
    async (request) => humanReadList(app.db, request.query.dataset_id, request.query),
  );

  app.post(
    '/api/human-reads/labels',
    {
      config: { roles },
      schema: {
        tags: ['human-reads'],
        summary: 'A manager reads a text and picks its intent: stored, audited, and the lead decided again with it',
        body: Target.extend({ intent: z.string().min(1).max(60) }),
        response: {
          200: z.object({
            lead_id: z.string(), text_hash: z.string(), intent: z.string(),
            before: z.object({ decision: z.string(), reasons: z.array(Reason) }),
            after: z.object({ decision: z.string(), reasons: z.array(Reason), priority: z.number().nullable(), recontact_after: z.string().nullable() }),
          }),
        },
      },
    },
    async (request) => labelText(app.db, request.body, principalOf(request).actor),
  );

  app.post(
    '/api/human-reads/labels/corpus',
    {
      config: { roles },
      schema: {
        tags: ['human-reads'],
        summary: 'Add a labelled text to the intent corpus as a new ruleset version (preview and release it like any edit)',
        body: Target.extend({ ruleset_version_id: z.string().max(200).optional() }),
        response: { 201: z.object({ ruleset_version_id: z.string(), version: z.number(), file: z.string(), intent: z.string(), language: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await addLabelToCorpus(app.db, request.body, principalOf(request).actor)),
  );
};
