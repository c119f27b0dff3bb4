/**
 * Not a timing: the database round trips of POST /api/v1/recommendations, counted by wrapping
 * `pg.Client#query` (every query of the pool, BEGIN and COMMIT included), on a scratch PostgreSQL
 * database or the embedded one, with the bodies bench/endpoint.ts sends (every 10th demo lead).
 * Prints the mean per request, by statement, over `--requests` requests sent one after another:
 * first each lead's first request (new refusals and drafts are written), then the same leads again
 * (what the load test mostly sends); and the statements of one warm request. The 1-second caches
 * refresh during a window as they would under load, so their share is higher here than at load.
 *
 *   npx tsx bench/endpoint-round-trips.ts [--requests 200] [--db postgres|embedded]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { createToken } from '../server/modules/auth/tokens.ts';
import { demoLeads } from '../test/helpers/demo-leads.ts';
import { scratchDb } from './scratch-db.ts';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const).filter(([a]) => a.startsWith('--')));
const requests = Number(args.get('--requests') ?? 200);
const kind = (args.get('--db') ?? 'postgres') as 'postgres' | 'embedded';
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const statements: string[] = [];
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...rest: unknown[]) {
  const first = rest[0] as string | { text?: string };
  statements.push(typeof first === 'string' ? first : (first?.text ?? '?'));
  return (original as (...a: unknown[]) => unknown).apply(this, rest);
} as typeof pg.Client.prototype.query;

const scratch = kind === 'postgres' ? await scratchDb(baseUrl, 'rekindle_round_trips') : null;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-round-trips-'));
const database = await openDatabase(scratch ? { databaseUrl: scratch.url, poolSize: 10 } : { embeddedDir: path.join(dataDir, 'pgdata') });
try {
  await bootstrap(database.db, { seedDemo: false });
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', RATE_LIMIT_PER_SECOND: '1000000', DATA_DIR: dataDir });
  const app = await buildApp({ config, database, logger: false, webDir: '/nonexistent' });
  const rep = (await createToken(database.db, { name: 'bench rep', role: 'rep', createdBy: 'bench' })).token;
  const bodies = demoLeads().filter((_, i) => i % 10 === 0).map((lead) => ({ lead, as_of: '2026-11-20' }));
  const send = async (i: number) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: { authorization: `Bearer ${rep}` }, payload: bodies[i % bodies.length] });
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 200)}`);
  };
  const perRequest = async (label: string, from: number, count: number) => {
    statements.length = 0;
    for (let i = from; i < from + count; i++) await send(i);
    const byStatement = new Map<string, number>();
    for (const s of statements) {
      const head = s.replace(/\s+/g, ' ').slice(0, 70);
      byStatement.set(head, (byStatement.get(head) ?? 0) + 1);
    }
    console.log(`${label}: ${count} requests, ${(statements.length / count).toFixed(2)} round trips per request`);
    for (const [head, n] of [...byStatement].sort((a, b) => b[1] - a[1])) console.log(`  ${(n / count).toFixed(2)}  ${head}`);
  };
  // Each lead seen for the first time (new refusals, first drafts), after 5 requests that build the release.
  for (let i = 0; i < 5; i++) await send(bodies.length - 1 - i);
  await perRequest('first sight of each lead', 0, Math.min(requests, bodies.length - 5));
  statements.length = 0;
  await send(0);
  console.log(`one warm request (${kind}): ${statements.length} round trips`);
  for (const s of statements) console.log(`  ${s.replace(/\s+/g, ' ').slice(0, 160)}`);
  // The same leads again, as the load test sends them.
  await perRequest('leads seen before', 0, requests);
  await app.close();
} finally {
  await database.close();
  await scratch?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
