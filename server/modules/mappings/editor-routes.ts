/** The mapping editor's routes: inspect an uploaded file, preview a mapping that is not saved yet. */
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IsoDate } from '../../domain/lead.ts';
import { AppError } from '../../http/errors.ts';
import { limitBytes, mediaType } from '../../http/raw-body.ts';
import { charsetOf, decodeText, ENCODINGS } from '../datasets/text-decoding.ts';
import { inspectCsv, previewDraftMapping } from './editor-service.ts';
import { LeadRecordSchema } from '../../http/response-schemas.ts';

const roles = ['manager', 'engineer', 'admin'] as const;
const MAX_INSPECT_BYTES = 64 * 1024 * 1024;

const Suggestion = z.object({
  field: z.string().nullable(),
  type: z.enum(['string', 'number', 'boolean', 'date', 'datetime']),
  formats: z.array(z.string()),
  ambiguous_date: z.boolean(),
  join: z.string().optional(),
  values: z.record(z.string(), z.unknown()).optional(),
});
const Encoding = z.object({ name: z.enum(ENCODINGS), source: z.enum(['requested', 'byte order mark', 'detected']) }).nullable();
const Reason = z.object({ code: z.string(), explanation: z.string() });

export const mappingEditorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/mappings/inspect',
    {
      config: { roles },
      schema: {
        tags: ['mappings'],
        summary: 'The columns of a CSV (text/csv body) with sample values and field suggestions',
        querystring: z.object({ kind: z.enum(['leads', 'activities', 'quotes']).default('leads'), rows: z.coerce.number().int().min(1).max(5000).default(500), encoding: z.string().max(40).optional() }),
        response: {
          200: z.object({
            encoding: Encoding,
            rows_read: z.number(),
            columns: z.array(z.object({ name: z.string(), samples: z.array(z.string()), distinct: z.array(z.string()), suggestion: Suggestion })),
          }),
        },
      },
    },
    async (request) => {
      if (mediaType(request.headers['content-type']) !== 'text/csv' || typeof (request.body as Readable | undefined)?.pipe !== 'function') {
        throw new AppError('unsupported_media_type', 'Send the CSV as text/csv.');
      }
      const decoded = decodeText(limitBytes(request.body as Readable, MAX_INSPECT_BYTES), request.query.encoding ?? charsetOf(request.headers['content-type']));
      const result = await inspectCsv(decoded.text, request.query.kind, request.query.rows);
      (request.body as Readable).resume();
      return { encoding: decoded.encoding(), ...result };
    },
  );

  app.post(
    '/api/mappings/draft-preview',
    {
      config: { roles },
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags: ['mappings'],
        summary: 'Preview an unsaved mapping (YAML) on the heads of an export: canonical leads and the decisions production would give',
        body: z.object({
          content: z.string().min(1).max(200_000),
          files: z.record(z.string().max(64), z.string().max(4 * 1024 * 1024)),
          rows: z.number().int().min(1).max(50).default(10),
          as_of: IsoDate,
        }),
        response: {
          200: z.object({
            mapping: z.string(),
            as_of: z.string(),
            release_id: z.string().nullable(),
            leads: z.array(
              z.union([
                z.object({
                  line: z.number(),
                  ok: z.literal(true),
                  lead: LeadRecordSchema,
                  decision: z.object({ decision: z.string(), priority: z.number(), recontact_after: z.string().nullable(), reasons: z.array(Reason) }).nullable(),
                }),
                z.object({ line: z.number(), ok: z.literal(false), errors: z.array(z.string()) }),
              ]),
            ),
            rejected: z.array(z.object({ file: z.string(), line: z.number(), errors: z.array(z.string()) })),
            unmatched_rows: z.number(),
          }),
        },
      },
    },
    async (request) => previewDraftMapping({ db: app.db, modelsDir: app.config.modelsDir }, request.body),
  );
};
