/**
 * Staged multi-file imports (a CRM export of several files joined by record id):
 *   POST /api/datasets/:id/imports { mapping }   -> 201 the import, with the files it takes
 *   PUT  /api/imports/:id/files/:file  text/csv  -> that file's rows staged, its rejected lines
 *   POST /api/imports/:id/commit                 -> the dataset written, all or nothing
 *   DELETE /api/imports/:id                      -> discarded
 * The single-file POST /api/datasets/:id/import is unchanged.
 */
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { limitBytes, mediaType } from '../../http/raw-body.ts';
import { principalOf } from '../auth/plugin.ts';
import { invalidateFeatureSets } from '../rulesets/feature-cache.ts';
import { charsetOf, ENCODINGS } from '../datasets/text-decoding.ts';
import { runBulkJob } from '../bulk/bulk-thread-host.ts';
import { createImport, discardImport, getImport } from './service.ts';

const roles = ['manager', 'engineer', 'admin'] as const;
const MAX_FILE_BYTES = 1024 * 1024 * 1024;
const IdParams = z.object({ id: z.string().max(100) });

const Encoding = z.object({ name: z.enum(ENCODINGS), source: z.enum(['requested', 'byte order mark', 'detected']) }).nullable();
const Rejected = z.array(z.object({ file: z.string().optional(), line: z.number(), errors: z.array(z.string()) }));
const FileSummary = z.object({ rows: z.number(), rejected: z.number(), encoding: Encoding });
const StageSchema = z.object({
  id: z.string(),
  dataset_id: z.string(),
  mapping: z.string(),
  status: z.enum(['open', 'committed']),
  expected_files: z.array(z.object({ name: z.string(), kind: z.enum(['leads', 'activities', 'quotes']) })),
  files: z.record(z.string(), FileSummary),
  created_at: z.string(),
});

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/datasets/:id/imports',
    {
      config: { roles },
      schema: {
        tags: ['datasets'],
        summary: 'Start a multi-file import (leads + activities / quotes files joined by record id)',
        params: IdParams,
        body: z.object({ mapping: z.string().min(1).max(64) }),
        response: { 201: StageSchema },
      },
    },
    async (request, reply) => {
      const stage = await createImport(app.db, { dataset: request.params.id, mapping: request.body.mapping }, principalOf(request).actor);
      return reply.status(201).send(stage);
    },
  );

  app.get('/api/imports/:id', { config: { roles }, schema: { tags: ['datasets'], params: IdParams, response: { 200: StageSchema } } }, async (request) =>
    getImport(app.db, request.params.id),
  );

  app.put(
    '/api/imports/:id/files/:file',
    {
      config: { roles },
      schema: {
        tags: ['datasets'],
        summary: 'Add (or replace) one file of a multi-file import: text/csv, encoding detected unless ?encoding= names it',
        params: z.object({ id: z.string().max(100), file: z.string().max(64) }),
        querystring: z.object({ encoding: z.string().max(40).optional() }),
        response: { 200: z.object({ file: z.string(), rows: z.number(), rejected: Rejected, encoding: Encoding }) },
      },
    },
    async (request) => {
      if (mediaType(request.headers['content-type']) !== 'text/csv' || typeof (request.body as Readable | undefined)?.pipe !== 'function') {
        throw new AppError('unsupported_media_type', 'Send the file as text/csv.');
      }
      // Decoded, mapped and staged in the bulk thread (bulk/jobs.ts), not here.
      const body = limitBytes(request.body as Readable, MAX_FILE_BYTES);
      const encoding = request.query.encoding ?? charsetOf(request.headers['content-type']);
      return runBulkJob(app, 'import-file', { importId: request.params.id, file: request.params.file, encoding }, body);
    },
  );

  app.post(
    '/api/imports/:id/commit',
    {
      config: { roles },
      schema: {
        tags: ['datasets'],
        summary: 'Write the staged files into the dataset in one transaction',
        params: IdParams,
        response: {
          200: z.object({
            import_id: z.string(),
            imported: z.number(),
            rejected: Rejected,
            dataset_id: z.string(),
            version: z.number(),
            lead_count: z.number(),
            files: z.record(z.string(), FileSummary),
          }),
        },
      },
    },
    async (request) => {
      const result = await runBulkJob(app, 'import-commit', { importId: request.params.id, actor: principalOf(request).actor });
      invalidateFeatureSets(result.dataset_id);
      return result;
    },
  );

  app.delete('/api/imports/:id', { config: { roles }, schema: { tags: ['datasets'], params: IdParams, response: { 204: z.null() } } }, async (request, reply) => {
    await discardImport(app.db, request.params.id, principalOf(request).actor);
    return reply.status(204).send(null);
  });
};
