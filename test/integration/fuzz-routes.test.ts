/**
 * Property-based fuzzing of every route in the OpenAPI document (issue 9, "keep it fixed"):
 * generated bad bodies, path params, queries and content types, with a token of a role the route
 * allows, on both databases. Whatever is sent, the answer is never a 5xx, and every error is
 * application/problem+json. Prints the request count and the status histogram.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import type { Role } from '../../server/modules/auth/roles.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';

/** Percent-encodes; a lone surrogate becomes the invalid UTF-8 bytes a raw client would send. */
function encodePath(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s].map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

interface Operation {
  method: string;
  path: string;
  roles: readonly string[];
  query: string[];
  bodyProps: string[];
}

/** Strings a client might send: ordinary, empty, huge, unicode, control characters, encodings, injections. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '../../etc/passwd', '%00', '%', "'; drop table leads; --", '{{lead.id}}', '<script>', 'null', '-1', '1e309', 'NaN',
    '2026-02-31', '9999-99-99', 'x'.repeat(5000), '🙂', 'true', 'demo', 'default', 'production'),
);
const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  fc.jsonValue({ maxDepth: 3 }),
  nastyString,
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 3 }),
);

function operationsOf(doc: { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>> }, routes: TestApp['app']['routeList']): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, op] of Object.entries(methods)) {
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      const route = routes.find((r) => r.url === url && r.method === method.toUpperCase());
      const props = Object.values(op.requestBody?.content ?? {})[0]?.schema?.properties ?? {};
      ops.push({
        method: method.toUpperCase(),
        path,
        roles: route?.roles ?? [],
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyProps: Object.keys(props),
      });
    }
  }
  return ops;
}

describe.each(DB_TARGETS)('fuzzing every route on $kind', (target) => {
  let t: TestApp;
  let ops: Operation[] = [];
  const realIds: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(target);
    await bootstrap(t.database.db, { seedDemo: false });
    const ds = await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('manager'), payload: { name: 'fuzz', as_of: '2026-11-20' } });
    realIds.push(ds.json().id, 'default', 'demo', 'L-1');
    await t.app.inject({
      method: 'POST', url: `/api/datasets/${ds.json().id}/import`, headers: { ...t.auth('manager'), 'content-type': 'application/x-ndjson' },
      payload: '{"id":"L-1","contact":{"name":"Ana","email":"a@example.org"},"service":{"date":"2026-12-15"}}\n{"id":"L-2"}',
    });
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    ops = operationsOf(doc, t.app.routeList);
  }, 120_000);
  afterAll(async () => t?.close());

  it('never answers 5xx, whatever is sent', async () => {
    expect(ops.length).toBeGreaterThan(40);
    const histogram = new Map<number, number>();
    const failures: string[] = [];
    let requests = 0;
    for (const op of ops) {
      // SSE streams until a run ends: only fuzz it with ids that do not exist.
      const sse = op.path.endsWith('/events');
      const role = (op.roles.includes('manager') ? 'manager' : op.roles.includes('admin') ? 'admin' : op.roles[0] ?? 'rep') as Role;
      const param = sse ? nastyString.filter((s) => !realIds.includes(s)) : fc.oneof(nastyString, fc.constantFrom(...realIds));
      const body = fc.oneof(
        jsonish,
        op.bodyProps.length ? fc.dictionary(fc.constantFrom(...op.bodyProps), jsonish, { maxKeys: op.bodyProps.length }) : fc.constant({}),
        fc.string({ maxLength: 200 }),
      );
      const contentType = fc.constantFrom('application/json', 'application/json', 'text/csv', 'application/x-ndjson', 'text/plain', 'application/xml', '');
      const query = op.query.length ? fc.dictionary(fc.constantFrom(...op.query, 'access_token'), nastyString, { maxKeys: 3 }) : fc.constant({});
      await fc.assert(
        fc.asyncProperty(param, body, contentType, query, async (p, b, ct, q) => {
          const url = op.path.replace(/\{\w+\}/g, () => encodePath(p || 'x'));
          const qs = Object.entries(q as Record<string, string>).map(([k, v]) => `${k}=${encodePath(v)}`).join('&');
          const withBody = op.method === 'POST' || op.method === 'PUT';
          const payload = typeof b === 'string' && ct !== 'application/json' ? b : JSON.stringify(b);
          const res = await t.app.inject({
            method: op.method as 'GET',
            url: qs ? `${url}?${qs}` : url,
            headers: { ...t.auth(role), ...(withBody && ct ? { 'content-type': ct } : {}) },
            ...(withBody ? { payload } : {}),
          });
          requests++;
          histogram.set(res.statusCode, (histogram.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode >= 500) failures.push(`${op.method} ${url}?${qs} [${ct}] ${payload.slice(0, 100)} -> ${res.statusCode} ${res.body.slice(0, 150)}`);
          else if (res.statusCode >= 400 && !String(res.headers['content-type']).includes('application/problem+json')) {
            failures.push(`${op.method} ${url} -> ${res.statusCode} not problem+json: ${res.headers['content-type']}`);
          }
          return true;
        }),
        { numRuns: 25, seed: 20261201 },
      );
    }
    console.log(`fuzz on ${target.kind}: ${requests} requests over ${ops.length} operations; statuses ${JSON.stringify(Object.fromEntries([...histogram].sort((a, b) => a[0] - b[0])))}`);
    expect(failures.slice(0, 30)).toEqual([]);
  }, 600_000);
});
