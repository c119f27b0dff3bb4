/**
 * The Models page's API (engineer, admin): models in MODELS_DIR with task, size and whether their
 * files are complete; a real load check for one of them; the recommended models with their pull
 * command; the configured private model servers and whether they answer.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkModelLoads, listLocalModels, MODEL_TASKS, pullCommand, RECOMMENDED_MODELS } from '../../providers/local/model-inventory.ts';
import { checkServer, collectServers, MAX_SERVERS_CHECKED } from '../../providers/private-servers.ts';

const roles = ['engineer', 'admin'] as const;
const Task = z.enum(MODEL_TASKS);
const LocalModel = z.object({ id: z.string(), task: Task.nullable(), bytes: z.number(), complete: z.boolean(), problem: z.string().nullable() });
const ModelsView = z.object({
  models_dir: z.string(),
  models: z.array(LocalModel),
  recommended: z.array(z.object({ id: z.string(), use: z.enum(['drafting', 'classification']), task: Task, size: z.string(), note: z.string(), command: z.string(), installed: z.boolean() })),
});
const LoadCheck = z.object({ id: z.string(), task: Task.nullable(), loads: z.boolean(), ms: z.number(), error: z.string().nullable() });
const ServersView = z.object({
  servers: z.array(z.object({
    provider_id: z.string(), base_url: z.string(), used_by: z.array(z.string()), private: z.boolean(),
    checked: z.boolean(), answers: z.boolean(), status: z.number().nullable(), ms: z.number(), error: z.string().nullable(),
  })),
  truncated: z.boolean(),
});

export const modelRoutes: FastifyPluginAsyncZod = async (app) => {
  const modelsDir = app.config.modelsDir;

  app.get('/api/models', { config: { roles }, schema: { tags: ['models'], summary: 'Models in MODELS_DIR and the recommended ones', response: { 200: ModelsView } } }, async () => {
    const models = listLocalModels(modelsDir);
    const have = new Set(models.filter((m) => m.complete).map((m) => m.id));
    return {
      models_dir: modelsDir,
      models,
      recommended: RECOMMENDED_MODELS.map((r) => ({ ...r, command: pullCommand(r.id), installed: have.has(r.id) })),
    };
  });

  app.post(
    '/api/models/check',
    {
      config: { roles },
      schema: {
        tags: ['models'],
        summary: 'Load one model from MODELS_DIR through Transformers.js (offline) and say whether it loads',
        body: z.object({ id: z.string().min(1).max(200).regex(/^[\w.-]+(\/[\w.-]+)?$/, 'a model id such as Xenova/mobilebert-uncased-mnli').refine((id) => !id.split('/').includes('..'), 'a model id such as Xenova/mobilebert-uncased-mnli') }),
        response: { 200: LoadCheck },
      },
    },
    async (request) => checkModelLoads(modelsDir, request.body.id),
  );

  app.get(
    '/api/models/servers',
    { config: { roles }, schema: { tags: ['models'], summary: 'Configured OpenAI-compatible servers and whether they answer (private addresses only, short timeout)', response: { 200: ServersView } } },
    async () => {
      const [releases, runs] = await Promise.all([
        app.db.selectFrom('releases').select(['number', 'status', 'provider']).execute(),
        app.db.selectFrom('eval_runs').select(['provider']).execute(),
      ]);
      const uses = [
        ...releases.map((r) => ({ provider: r.provider, where: `release #${r.number} (${r.status})` })),
        ...runs.map((r) => ({ provider: r.provider, where: 'evaluation runs' })),
      ];
      const all = collectServers(uses);
      const shown = all.slice(0, MAX_SERVERS_CHECKED);
      const checks = await Promise.all(shown.map((s) => (s.private ? checkServer(s.base_url) : Promise.resolve({ answers: false, status: null, ms: 0, error: 'not checked: outside the company network', checked: false }))));
      return { servers: shown.map((s, i) => ({ ...s, ...checks[i] })), truncated: all.length > shown.length };
    },
  );
};
