import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../auth/plugin.ts';
import { recordAudit } from '../audit/repository.ts';
import { itemsOf } from '../../http/response-schemas.ts';
import { getMappingText, listMappings, listMappingVersions, saveMapping } from './service.ts';

const roles = ['manager', 'engineer'] as const;
const NameParams = z.object({ name: z.string().max(64) });
const Source = z.enum(['stored', 'file']).describe('stored: saved through the API; file: shipped in mappings/');
const MappingSummary = z.object({ name: z.string(), source: Source, updated_at: z.string().nullable() }).meta({ id: 'Mapping' });
const MappingText = z.object({ name: z.string(), source: Source, content: z.string().describe('The mapping, YAML') }).meta({ id: 'MappingText' });

export const mappingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/mappings', { config: { roles }, schema: { tags: ['mappings'], summary: 'List CSV column mappings', response: { 200: itemsOf(MappingSummary) } } }, async () => ({
    items: await listMappings(app.db),
  }));

  app.get('/api/mappings/:name', { config: { roles }, schema: { tags: ['mappings'], params: NameParams, response: { 200: MappingText } } }, async (request) => {
    const { content, source } = await getMappingText(app.db, request.params.name);
    return { name: request.params.name, source, content };
  });

  app.get(
    '/api/mappings/:name/versions',
    {
      config: { roles },
      schema: {
        tags: ['mappings'],
        summary: 'Every saved version of a stored mapping, newest first',
        params: NameParams,
        response: { 200: z.object({ items: z.array(z.object({ version: z.number(), content: z.string(), created_by: z.string(), created_at: z.string() })) }) },
      },
    },
    async (request) => ({ items: await listMappingVersions(app.db, request.params.name) }),
  );

  app.put(
    '/api/mappings/:name',
    {
      config: { roles },
      schema: { tags: ['mappings'], summary: 'Store a CSV mapping (YAML)', params: NameParams, body: z.object({ content: z.string().min(1).max(200_000) }), response: { 200: MappingText.extend({ version: z.number() }) } },
    },
    async (request) => {
      const actor = principalOf(request);
      const mapping = await saveMapping(app.db, request.params.name, request.body.content, actor.actor);
      await recordAudit(app.db, { actor: actor.actor, action: 'mapping.save', subject: `mapping:${mapping.name}` });
      return { name: mapping.name, source: 'stored' as const, content: request.body.content, version: mapping.version };
    },
  );
};
