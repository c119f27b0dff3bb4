import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../audit/repository.ts';
import { principalOf } from '../auth/plugin.ts';
import { getSettings, updateSettings, WorkspaceSettings } from './service.ts';

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/settings', { config: { roles: ['admin', 'manager', 'engineer'] }, schema: { tags: ['settings'] } }, async () => getSettings(app.db));
  app.put(
    '/api/settings',
    { config: { roles: ['admin'] }, schema: { tags: ['settings'], summary: 'Change workspace settings (admin)', body: WorkspaceSettings.partial() } },
    async (request) => {
      const actor = principalOf(request).actor;
      const next = await updateSettings(app.db, request.body);
      await recordAudit(app.db, { actor, action: 'settings.update', subject: 'workspace', details: request.body });
      return next;
    },
  );
};
