import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../audit/repository.ts';
import { principalOf } from '../auth/plugin.ts';
import { getSettings, updateSettings, WorkspaceSettings } from './service.ts';
import { z } from 'zod';
import { openObject } from '../../http/response-schemas.ts';

/** Loose: settings other features add reach the settings page without a change here. */
const SettingsSchema = openObject({
  allow_external_processing: z.boolean().describe('Lead data may go to a provider off this machine (GDPR: off by default)'),
  gating_datasets: z.array(z.string()).describe('Datasets whose gates a release must pass before approval'),
  retention_days: z.number().describe('Days payloads, drafts and evaluation results keep personal data'),
}).meta({ id: 'WorkspaceSettings' });

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/settings', { config: { roles: ['admin', 'manager', 'engineer'] }, schema: { tags: ['settings'], response: { 200: SettingsSchema } } }, async () => getSettings(app.db));
  app.put(
    '/api/settings',
    { config: { roles: ['admin'] }, schema: { tags: ['settings'], summary: 'Change workspace settings (admin)', body: WorkspaceSettings.partial(), response: { 200: SettingsSchema } } },
    async (request) => {
      const actor = principalOf(request).actor;
      const next = await updateSettings(app.db, request.body);
      await recordAudit(app.db, { actor, action: 'settings.update', subject: 'workspace', details: request.body });
      return next;
    },
  );
};
