/**
 * No spelling of a path reaches a handler without the auth checks (issue 9, item 1): every API
 * route x percent-encoded letters, double encoding, doubled slashes, case, dot segments,
 * trailing slashes, backslashes, sent WITHOUT a token over a real socket (`inject` would not
 * send a path byte for byte) to the app serving the web UI (its catch-all route is live too).
 * The answer is 401 or 404, never a handler's reply.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import type { FastifyInstance } from 'fastify';

function rawRequest(port: number, method: string, rawPath: string, body?: string): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: rawPath, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, type: String(res.headers['content-type'] ?? '') }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** Spellings of `/api/<rest>` that a router or proxy may read as the same path. */
export function spellingsOf(url: string): string[] {
  const rest = url.replace(/^\/api\//, '');
  const first = rest.split('/')[0];
  const encodeLetter = (s: string) => s.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return [
    `/%61pi/${rest}`,
    `/%41PI/${rest}`,
    `/a%70i/${rest}`,
    `/api/${encodeLetter(rest)}`,
    `/%2561pi/${rest}`,
    `/api/%25${first.charCodeAt(0).toString(16)}${rest.slice(1)}`,
    `//api/${rest}`,
    `/api//${rest}`,
    `/API/${rest}`,
    `/Api/${rest.toUpperCase()}`,
    `/x/../api/${rest}`,
    `/api/./${rest}`,
    `/api/${rest}/`,
    `/api%2F${rest}`,
    `/api\\${rest}`,
    `/%2e/api/${rest}`,
  ];
}

describe('every path spelling without a token', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let port = 0;
  let webDir = '';

  beforeAll(async () => {
    database = await openTestDatabase({ kind: 'embedded' });
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekindle-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Rekindle</title>SPA-INDEX');
    const config = loadConfig({ DATA_DIR: '/tmp/rekindle-test', LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
    app = await buildApp({ config, database, logger: false, webDir });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('gets 401 or 404 on every API route, never a handler', async () => {
    const routes = app.routeList.filter((r) => r.url.startsWith('/api/') && r.url !== '/api/health');
    expect(routes.length).toBeGreaterThan(40);
    const leaks: string[] = [];
    let requests = 0;
    for (const route of routes) {
      const url = route.url.replace(/:[a-zA-Z_]+/g, 'none').replace(/\*$/, 'x');
      for (const spelling of [url, ...spellingsOf(url)]) {
        const body = route.method === 'POST' || route.method === 'PUT' ? '{}' : undefined;
        const res = await rawRequest(port, route.method, spelling, body);
        requests++;
        if (![401, 404].includes(res.status) || res.body.includes('SPA-INDEX')) leaks.push(`${route.method} ${spelling} -> ${res.status} ${res.body.slice(0, 80)}`);
        else expect(res.type).toContain('application/problem+json');
      }
    }
    expect(leaks).toEqual([]);
    expect(requests).toBeGreaterThan(40 * 17);
  });

  it('refuses a wrong ?access_token on the one route that takes it, in any spelling', async () => {
    for (const p of ['/api/evals/runs/none/events?access_token=wrong', '/%61pi/evals/runs/none/events?access_token=wrong']) {
      const res = await rawRequest(port, 'GET', p);
      expect(res.status).toBe(401);
    }
  });

  it('still serves health, the docs and the web UI without a token', async () => {
    expect((await rawRequest(port, 'GET', '/api/health')).status).toBe(200);
    expect((await rawRequest(port, 'GET', '/docs/json')).status).toBe(200);
    const page = await rawRequest(port, 'GET', '/datasets/demo');
    expect(page.status).toBe(200);
    expect(page.body).toContain('SPA-INDEX');
  });
});
