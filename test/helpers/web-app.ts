/**
 * The real app serving the built web UI (dist/web) on an ephemeral port, on an embedded test
 * database, with one token per role: for browser tests. (test/helpers/app.ts is the `inject`
 * variant without the UI.)
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createToken } from '../../server/modules/auth/tokens.ts';
import type { Role } from '../../server/modules/auth/roles.ts';
import { WEB_DIST_DIR } from '../../server/paths.ts';
import { openTestDatabase, type TestDatabase } from './databases.ts';

export interface WebTestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** http://127.0.0.1:<port> */
  url: string;
  tokens: Record<Role, string>;
  auth(role: Role): { authorization: string };
  close(): Promise<void>;
}

export async function startWebApp(options: { webDir?: string; env?: Record<string, string> } = {}): Promise<WebTestApp> {
  const database = await openTestDatabase({ kind: 'embedded' });
  const config = loadConfig({ DATA_DIR: '/tmp/rekindle-test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...options.env });
  const app = await buildApp({ config, database, logger: false, webDir: options.webDir ?? WEB_DIST_DIR });
  const tokens = {} as Record<Role, string>;
  for (const role of ['admin', 'manager', 'engineer', 'rep'] as const) {
    tokens[role] = (await createToken(database.db, { name: `e2e ${role}`, role, createdBy: 'test' })).token;
  }
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    database,
    url: address,
    tokens,
    auth: (role) => ({ authorization: `Bearer ${tokens[role]}` }),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
