/**
 * Import benchmark, on the embedded database and on PostgreSQL. Prints wall time, rows per second
 * and peak resident memory of the server process (server + database).
 * - `--format ndjson` (default): generated leads streamed as NDJSON over HTTP (loopback) into a new
 *   dataset; the upload comes from a separate process.
 * - `--format crm`: the same leads as a two-file CRM export, leads.csv + activities.csv
 *   (--activities rows, default 500,000), written beforehand by bench/write-crm-export.ts in a
 *   separate process, then imported through the staged API: create, PUT leads, PUT activities,
 *   commit (activities joined to their leads in the database). Phase times are printed too.
 *
 *   npx tsx bench/import.ts [--count 100000] [--db embedded|postgres|both] [--format ndjson|crm] [--activities 500000]
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
import { startInProcessWorker } from '../server/modules/evals/worker.ts';
import { startMemorySampler } from './memory-sampler.ts';
import { PerformanceObserver } from 'node:perf_hooks';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const).filter(([a]) => a.startsWith('--')));
const count = Number(args.get('--count') ?? 100_000);
const which = args.get('--db') ?? 'both';
const format = args.get('--format') ?? 'ndjson';
const activityCount = Number(args.get('--activities') ?? 500_000);
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
  // As `npm start`: imports run in the evaluation thread, the server's one thread for bulk jobs
  // (BENCH_BULK_THREAD=0: in the request thread, a comparison).
  const bulk = process.env.BENCH_BULK_THREAD === '0' ? null : startInProcessWorker(app, { campaigns: true, bulkJobs: true, closeWithApp: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const token = (await createToken(database.db, { name: 'bench', role: 'engineer', createdBy: 'bench' })).token;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const ds = await (await fetch(`http://127.0.0.1:${port}/api/datasets`, { method: 'POST', headers, body: JSON.stringify({ name: 'bench', as_of: '2026-11-20' }) })).json();

  if (format === 'crm') {
    await measureCrm(kind, port, headers.authorization, ds.id);
  } else {
    await measureNdjson(kind, port, headers.authorization, ds.id);
  }
  await bulk?.stop();
  await app.close();
  await database.close();
  await scratch?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

/** CPU seconds of this process (server, and the embedded database, which runs in it) since `before`: comparable on a busy machine, where wall time is not. */
function cpuSeconds(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return Number(((used.user + used.system) / 1e6).toFixed(1));
}

/** One HTTP request with a streamed body (http.request + pipeline keeps backpressure end to end). */
function send(port: number, method: string, url: string, auth: string, body: Readable | string | null, contentType: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, headers: { authorization: auth, 'content-type': contentType } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    if (body === null) req.end();
    else if (typeof body === 'string') req.end(body);
    else pipeline(body, req).catch(reject);
  });
}

async function measureCrm(kind: 'embedded' | 'postgres', port: number, auth: string, datasetId: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-crm-export-'));
  const written = spawnSync(process.execPath, ['--import', 'tsx', 'bench/write-crm-export.ts', '--count', String(count), '--activities', String(activityCount), '--out', dir], { stdio: 'inherit' });
  if (written.status !== 0) throw new Error('could not write the export');
  const mapping = await send(port, 'PUT', '/api/mappings/crm-bench', auth, JSON.stringify({ content: fs.readFileSync(path.join(dir, 'crm-bench.yaml'), 'utf8') }), 'application/json');
  if (mapping.status !== 200) throw new Error(JSON.stringify(mapping.json));
  const bytes = fs.statSync(path.join(dir, 'leads.csv')).size + fs.statSync(path.join(dir, 'activities.csv')).size;

  const baselineMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const memory = startMemorySampler();
  const idle = memory.lap();
  // Time the main thread spent paused in garbage collection during the import.
  let gcMs = 0;
  const gcObserver = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; });
  gcObserver.observe({ entryTypes: ['gc'] });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const lap = (() => {
    let last = started;
    return () => {
      const now = performance.now();
      const s = (now - last) / 1000;
      last = now;
      return Number(s.toFixed(2));
    };
  })();
  const stage = await send(port, 'POST', `/api/datasets/${datasetId}/imports`, auth, JSON.stringify({ mapping: 'crm-bench' }), 'application/json');
  const leads = await send(port, 'PUT', `/api/imports/${stage.json.id}/files/leads`, auth, fs.createReadStream(path.join(dir, 'leads.csv')), 'text/csv');
  const leadsSeconds = lap();
  const leadsMemory = memory.lap();
  const acts = await send(port, 'PUT', `/api/imports/${stage.json.id}/files/activities`, auth, fs.createReadStream(path.join(dir, 'activities.csv')), 'text/csv');
  const activitiesSeconds = lap();
  const activitiesMemory = memory.lap();
  const commit = await send(port, 'POST', `/api/imports/${stage.json.id}/commit`, auth, '{}', 'application/json');
  const commitSeconds = lap();
  const commitMemory = memory.lap();
  const seconds = (performance.now() - started) / 1000;
  const { peakMb } = memory.stop();
  gcObserver.disconnect();
  if (commit.status !== 200) throw new Error(JSON.stringify(commit.json));
  console.log(JSON.stringify({
    db: kind, format: 'crm', leads: count, activities: acts.json.rows, export_mb: Math.round(bytes / 1024 / 1024),
    imported: commit.json.imported, rejected: commit.json.rejected.length, staged_rejected: leads.json.rejected.length + acts.json.rejected.length,
    seconds: Number(seconds.toFixed(2)), server_cpu_s: cpuSeconds(cpuBefore), gc_pause_s: Number((gcMs / 1000).toFixed(1)), load_average: os.loadavg()[0].toFixed(1), upload_leads_s: leadsSeconds, upload_activities_s: activitiesSeconds, commit_s: commitSeconds,
    rss_before_mb: baselineMb, peak_rss_mb: peakMb, growth_mb: peakMb - baselineMb,
    // Peaks per phase of RSS and its parts (MB): heap in use, heap reserved, outside the heap.
    memory_peaks: { before: idle, leads: leadsMemory, activities: activitiesMemory, commit: commitMemory },
  }));
  fs.rmSync(dir, { recursive: true, force: true });
}

async function measureNdjson(kind: 'embedded' | 'postgres', port: number, auth: string, datasetId: string): Promise<void> {
  const headers = { authorization: auth };
  const ds = { id: datasetId };
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
}

if (args.has('--init-embedded')) {
  const db = await openDatabase({ embeddedDir: path.join(args.get('--init-embedded')!, 'pgdata') });
  await migrateToLatest(db.db);
  await db.close();
} else if (args.has('--child')) {
  await measure(args.get('--child') as 'embedded' | 'postgres');
} else {
  for (const kind of which === 'both' ? (['embedded', 'postgres'] as const) : [which as 'embedded' | 'postgres']) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/import.ts', '--child', kind, '--count', String(count), '--format', format, '--activities', String(activityCount)], { stdio: 'inherit' });
    if (run.status !== 0) process.exitCode = 1;
  }
}
