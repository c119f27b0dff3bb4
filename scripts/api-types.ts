/**
 * The web client's API types, generated from the app's own OpenAPI document: the app is built
 * in-process on a throwaway in-memory database (nothing listens), @fastify/swagger produces the
 * document `/docs/json` serves, and openapi-typescript turns it into TypeScript. Used by
 * `npm run generate:api-types` (writes the file) and by the test that fails when it is stale.
 */
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';

export const API_TYPES_FILE = path.join(import.meta.dirname, '..', 'web', 'src', 'lib', 'api-types.ts');
export const GENERATE_COMMAND = 'npm run generate:api-types';

/** The OpenAPI document of the app as `/docs/json` serves it. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const database = await openDatabase({ embeddedDir: 'memory://' });
  const config = loadConfig({ DATA_DIR: '/tmp/rekindle-openapi', LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
  const app = await buildApp({ config, database, logger: false, webDir: '/nonexistent' });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await database.close();
  }
}

const HEADER = `/**
 * GENERATED from the server's OpenAPI document by \`${GENERATE_COMMAND}\`: do not edit.
 * The server's zod response schemas (server/modules/<m>/, server/http/response-schemas.ts) are
 * the source; web/src/lib/types.ts names the shapes the UI reads.
 */
`;

export async function renderApiTypes(document?: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS((document ?? (await openApiDocument())) as never, { alphabetize: true });
  return HEADER + astToString(ast);
}
