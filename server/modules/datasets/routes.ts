import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IsoDate } from '../../domain/lead.ts';
import { buildLeadStory } from '../../domain/story/index.ts';
import { AppError } from '../../http/errors.ts';
import { limitBytes, mediaType } from '../../http/raw-body.ts';
import { principalOf } from '../auth/plugin.ts';
import { loadMapping } from '../mappings/service.ts';
import { invalidateFeatureSets } from '../rulesets/feature-cache.ts';
import { readCsv } from './import-sources.ts';
import { charsetOf, decodeText } from './text-decoding.ts';
import { runBulkJob } from '../bulk/bulk-thread-host.ts';
import * as repo from './repository.ts';
import { itemsOf } from '../../http/response-schemas.ts';
import { DatasetDetailSchema, DatasetSchema, ImportResultSchema, LeadDetailSchema, LeadPageSchema, MappingPreviewSchema } from './schemas.ts';
import { createDataset, datasetView, resolveDataset } from './service.ts';

const roles = ['manager', 'engineer'] as const;
const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
const IdParams = z.object({ id: z.string().max(100) });

export const datasetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/datasets',
    {
      config: { roles },
      schema: {
        tags: ['datasets'],
        summary: 'Create a dataset (a named, versioned set of leads with an as_of date)',
        body: z.object({
          name: z.string().trim().min(1).max(100).regex(/^[\w.\- ]+$/, 'letters, digits, spaces, . _ -'),
          as_of: IsoDate,
          description: z.string().max(2000).nullish(),
        }),
        response: { 201: DatasetSchema },
      },
    },
    async (request, reply) => {
      const row = await createDataset(app.db, request.body, principalOf(request).actor);
      return reply.status(201).send(datasetView(row));
    },
  );

  app.get('/api/datasets', { config: { roles }, schema: { tags: ['datasets'], response: { 200: itemsOf(DatasetSchema) } } }, async () => ({
    items: (await repo.listDatasets(app.db)).map(datasetView),
  }));

  app.get('/api/datasets/:id', { config: { roles }, schema: { tags: ['datasets'], params: IdParams, response: { 200: DatasetDetailSchema } } }, async (request) => {
    const row = await resolveDataset(app.db, request.params.id);
    const [statuses, labels] = await Promise.all([repo.countBy(app.db, row.id, 'status'), repo.countBy(app.db, row.id, 'label_decision')]);
    return { ...datasetView(row), counts: { status: statuses, label: labels } };
  });

  app.post(
    '/api/datasets/:id/import',
    {
      config: { roles },
      schema: {
        tags: ['datasets'],
        summary: 'Import leads: application/x-ndjson canonical records, or text/csv with ?mapping=<name>',
        description: 'The text encoding is detected (UTF-8 with or without BOM, UTF-16, Windows-1252) unless named by ?encoding= or the charset of the Content-Type; the reply says which was used.',
        params: IdParams,
        querystring: z.object({ mapping: z.string().max(64).optional(), encoding: z.string().max(40).optional() }),
        response: { 200: ImportResultSchema },
      },
    },
    async (request) => {
      const actor = principalOf(request).actor;
      const type = mediaType(request.headers['content-type']);
      const dataset = await resolveDataset(app.db, request.params.id);
      if (!request.body || typeof (request.body as Readable).pipe !== 'function') {
        throw new AppError('unsupported_media_type', 'Send application/x-ndjson (one lead record per line) or text/csv with ?mapping=<name>.');
      }
      let mapping: string | null = null;
      if (type === 'text/csv') {
        if (!request.query.mapping) throw new AppError('bad_request', 'A CSV import needs ?mapping=<mapping name> (see GET /api/mappings).');
        mapping = (await loadMapping(app.db, request.query.mapping)).name;
      }
      // Decoded, parsed, validated and written in the bulk thread (bulk/jobs.ts), not here.
      const body = limitBytes(request.body as Readable, MAX_IMPORT_BYTES);
      const encoding = request.query.encoding ?? charsetOf(request.headers['content-type']);
      const result = await runBulkJob(app, 'dataset-import', { datasetId: dataset.id, actor, mapping, encoding }, body);
      invalidateFeatureSets(result.dataset_id);
      return result;
    },
  );

  app.post(
    '/api/mappings/:name/preview',
    {
      config: { roles },
      schema: {
        tags: ['mappings'],
        summary: 'Map the first rows of a CSV (text/csv body) without importing anything',
        params: z.object({ name: z.string().max(64) }),
        querystring: z.object({ rows: z.coerce.number().int().min(1).max(100).default(10), encoding: z.string().max(40).optional() }),
        response: { 200: MappingPreviewSchema },
      },
    },
    async (request) => {
      if (mediaType(request.headers['content-type']) !== 'text/csv') throw new AppError('unsupported_media_type', 'Send the CSV as text/csv.');
      const mapping = await loadMapping(app.db, request.params.name);
      const decoded = decodeText(limitBytes(request.body as Readable, MAX_IMPORT_BYTES), request.query.encoding ?? charsetOf(request.headers['content-type']));
      const items = [];
      for await (const { leadId: _leadId, ...row } of readCsv(decoded.text, mapping, { limit: request.query.rows })) {
        items.push(row);
      }
      // Stop reading the rest of the upload; the preview only needed its head.
      (request.body as Readable).resume();
      return { mapping: mapping.name, items, encoding: decoded.encoding() };
    },
  );

  app.get(
    '/api/datasets/:id/leads',
    {
      config: { roles },
      schema: {
        tags: ['datasets'],
        params: IdParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
          status: z.string().max(40).optional(),
          label: z.string().max(40).optional(),
          q: z.string().max(200).optional(),
        }),
        response: { 200: LeadPageSchema },
      },
    },
    async (request) => {
      const dataset = await resolveDataset(app.db, request.params.id);
      return repo.queryLeads(app.db, dataset.id, request.query);
    },
  );

  app.get(
    '/api/datasets/:id/leads/:leadId',
    { config: { roles }, schema: { tags: ['datasets'], params: z.object({ id: z.string().max(100), leadId: z.string().max(200) }), response: { 200: LeadDetailSchema } } },
    async (request) => {
      const dataset = await resolveDataset(app.db, request.params.id);
      const lead = await repo.findLead(app.db, dataset.id, request.params.leadId);
      if (!lead) throw new AppError('not_found', `No lead ${request.params.leadId} in dataset ${dataset.name} v${dataset.version}.`);
      // The lead's story as of the dataset's as_of: what the Review page shows for it too.
      return { dataset: datasetView(dataset), lead, story: buildLeadStory(lead, dataset.as_of) };
    },
  );
};
