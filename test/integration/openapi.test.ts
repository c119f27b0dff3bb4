/**
 * The OpenAPI document describes what every route returns: it is a valid OpenAPI document, every
 * 2xx JSON reply of every route has a schema (Fastify serializes with it, so it is also what
 * leaves the server), and the web client's generated types are up to date with it.
 */
import fs from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_TYPES_FILE, GENERATE_COMMAND, openApiDocument, renderApiTypes } from '../../scripts/api-types.ts';

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

describe('the OpenAPI document', () => {
  let doc: Record<string, unknown>;
  beforeAll(async () => {
    doc = await openApiDocument();
  }, 120_000);

  const operations = () =>
    Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ route: `${m.toUpperCase()} ${path}`, op: item[m] })),
    );

  it('is a valid OpenAPI document', async () => {
    // The validator dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('gives every 2xx JSON reply of every API route a schema', () => {
    const ops = operations().filter((o) => o.route.includes(' /api/'));
    expect(ops.length).toBeGreaterThan(90);
    const missing: string[] = [];
    for (const { route, op } of ops) {
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      // A route with no response declared at all shows up as a bare "Default Response".
      if (!success.some(([status, r]) => status === '204' || r.content)) missing.push(`${route}: no 2xx response described`);
      for (const [status, r] of success) {
        for (const [type, media] of Object.entries(r.content ?? {})) {
          if (type.includes('json') && !media.schema) missing.push(`${route} ${status} ${type}: no schema`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('is what web/src/lib/api-types.ts was generated from', async () => {
    const fresh = await renderApiTypes(doc);
    const committed = fs.readFileSync(API_TYPES_FILE, 'utf8');
    expect(committed === fresh, `web/src/lib/api-types.ts is stale: run \`${GENERATE_COMMAND}\` and commit it`).toBe(true);
  });
});
