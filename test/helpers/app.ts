/** Builds the real app on a test database, with one token per role, for `inject` tests. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { createToken } from '../../server/modules/auth/tokens.ts';
import { startBulkThread } from '../../server/modules/bulk/bulk-thread-host.ts';
import type { Role } from '../../server/modules/auth/roles.ts';
import { openTestDatabase, type DbTarget, type TestDatabase } from './databases.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  tokens: Record<Role, string>;
  auth(role: Role): { authorization: string };
  close(): Promise<void>;
}

export async function createTestApp(
  target: DbTarget,
  env: Record<string, string> = {},
  /** bulkThread: imports run in the bulk thread, as in the server (default: in the test's thread). */
  options: { embeddedDir?: string; bulkThread?: boolean } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(target, options);
  const config = loadConfig({ DATA_DIR: '/tmp/rekindle-test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...(database.url ? { DATABASE_URL: database.url } : {}), ...env });
  const app = await buildApp({ config, database, logger: false, webDir: '/nonexistent' });
  const bulk = options.bulkThread ? startBulkThread(app) : null;
  const tokens = {} as Record<Role, string>;
  for (const role of ['admin', 'manager', 'engineer', 'rep'] as const) {
    tokens[role] = (await createToken(database.db, { name: `test ${role}`, role, createdBy: 'test' })).token;
  }
  return {
    app,
    database,
    config,
    tokens,
    auth: (role) => ({ authorization: `Bearer ${tokens[role]}` }),
    close: async () => {
      await bulk?.stop();
      await app.close();
      await database.close();
    },
  };
}
