/**
 * Import benchmark: 100,000 generated leads streamed as NDJSON over HTTP (loopback) into a new
 * dataset, on the embedded database and on PostgreSQL. Prints wall time, rows per second and
 * peak resident memory of the server process (server + database; the upload comes from a separate process).
 *
 *   npx tsx bench/import.ts [--count 100000] [--db embedded|postgres|both]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (default) for PostgreSQL.
 * Each database is measured in its own child process so peaks do not mix.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { migrateToLatest, openDatabase } from '../server/db/database.ts';
import { createToken } from '../server/modules/auth/tokens.ts';
import { startMemorySampler } from './memory-sampler.ts';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const).filter(([a]) => a.startsWith('--')));
const count = Number(args.get('--count') ?? 100_000);
const which = args.get('--db') ?? 'both';
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function scratchPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `rekindle_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * The upload comes from another process (the generator CLI writing NDJSON to stdout), as it would
 * from a user's machine: the measured memory is the server's, not the generator's.
 */
function ndjsonStream(n: number): Readable {
  const generator = spawn(process.execPath, ['--import', 'tsx', 'datasets/generate.ts', '--out', '-', '--count', String(n), '--seed', '7'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return generator.stdout!;
}

async function measure(kind: 'embedded' | 'postgres'): Promise<void> {
  const scratch = kind === 'postgres' ? await scratchPostgres() : null;
  // File-backed, as `npm start` uses it (an in-memory PGlite would hold the whole table in RAM).
  const dataDir = kind === 'embedded' ? fs.mkdtempSync(path.join(os.tmpdir(), 'rk-bench-')) : null;
  // The very first open of a data directory runs initdb (about 900 MB of WASM memory, once per
  // installation). A server opens an existing directory on every later start (about 360 MB):
  // create it in another process first, so the figures are those of a running installation.
  if (dataDir) spawnSync(process.execPath, ['--import', 'tsx', 'bench/import.ts', '--init-embedded', dataDir], { stdio: 'inherit' });
  const database = await openDatabase(scratch ? { databaseUrl: scratch.url } : { embeddedDir: path.join(dataDir!, 'pgdata') });
  await migrateToLatest(database.db);
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
  const app = await buildApp({ config, database, logger: false, webDir: '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const token = (await createToken(database.db, { name: 'bench', role: 'engineer', createdBy: 'bench' })).token;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const ds = await (await fetch(`http://127.0.0.1:${port}/api/datasets`, { method: 'POST', headers, body: JSON.stringify({ name: 'bench', as_of: '2026-11-20' }) })).json();

  const baselineMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const memory = startMemorySampler();
  const started = performance.now();
  // http.request + pipeline keeps backpressure end to end (Node 20's Readable.toWeb does not).
  const result = await new Promise<{ imported: number; rejected: unknown[] }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: `/api/datasets/${ds.id}/import`, headers: { authorization: headers.authorization, 'content-type': 'application/x-ndjson' } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve(JSON.parse(body)));
      },
    );
    req.on('error', reject);
    pipeline(ndjsonStream(count), req).catch(reject);
  });
  const seconds = (performance.now() - started) / 1000;
  const { peakMb } = memory.stop();
  console.log(JSON.stringify({ db: kind, leads: count, imported: result.imported, rejected: result.rejected?.length, seconds: Number(seconds.toFixed(2)), leads_per_second: Math.round(count / seconds), rss_before_mb: baselineMb, peak_rss_mb: peakMb, growth_mb: peakMb - baselineMb }));
  await app.close();
  await database.close();
  await scratch?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

if (args.has('--init-embedded')) {
  const db = await openDatabase({ embeddedDir: path.join(args.get('--init-embedded')!, 'pgdata') });
  await migrateToLatest(db.db);
  await db.close();
} else if (args.has('--child')) {
  await measure(args.get('--child') as 'embedded' | 'postgres');
} else {
  for (const kind of which === 'both' ? (['embedded', 'postgres'] as const) : [which as 'embedded' | 'postgres']) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/import.ts', '--child', kind, '--count', String(count)], { stdio: 'inherit' });
    if (run.status !== 0) process.exitCode = 1;
  }
}
