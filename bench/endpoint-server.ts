/**
 * The server side of bench/endpoint.ts: a real Rekindle server on a scratch database (PostgreSQL
 * or a temporary file-backed embedded one), seeded with the default release. Prints one JSON
 * line {port, rep, manager} on stdout when it listens; stops on SIGTERM.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { createToken } from '../server/modules/auth/tokens.ts';
import { startInProcessWorker } from '../server/modules/evals/worker.ts';

const kind = process.argv[2] as 'embedded' | 'postgres';
const url = process.argv[3];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-endpoint-'));
const database = await openDatabase(kind === 'postgres' ? { databaseUrl: url, poolSize: 10 } : { embeddedDir: path.join(dataDir, 'pgdata') });
await bootstrap(database.db, { seedDemo: false });
const config = loadConfig({ LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent', SEED_DEMO: 'false', RATE_LIMIT_PER_SECOND: '1000000', DATA_DIR: dataDir });
const app = await buildApp({ config, database, logger: false, webDir: '/nonexistent' });
// BENCH_EVAL_THREAD=1: also work evaluation runs, as `npm start` does (bench/eval-latency.ts).
// BENCH_BULK_THREAD=0: imports in the request thread instead of the evaluation thread (a comparison).
if (process.env.BENCH_EVAL_THREAD === '1') startInProcessWorker(app, { bulkJobs: process.env.BENCH_BULK_THREAD !== '0' });
await app.listen({ port: 0, host: '127.0.0.1' });
const rep = (await createToken(database.db, { name: 'bench rep', role: 'rep', createdBy: 'bench' })).token;
const manager = (await createToken(database.db, { name: 'bench manager', role: 'manager', createdBy: 'bench' })).token;
process.stdout.write(`${JSON.stringify({ port: (app.server.address() as { port: number }).port, rep, manager })}\n`);
process.once('SIGTERM', async () => {
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
