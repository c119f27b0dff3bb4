/**
 * A run survives its worker being killed: `npm run worker` (a real child process) is killed with
 * SIGKILL after some results are written; a new worker takes the run over once the lease expires,
 * skips the leads already written, and the run ends with the same metrics as an uninterrupted run,
 * every lead counted exactly once. PostgreSQL: a scratch database; embedded: a file-backed DATA_DIR.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Database } from '../../server/db/database.ts';
import * as repo from '../../server/modules/evals/repository.ts';
import { createRun, runCandidateOnDataset } from '../../server/modules/evals/service.ts';
import { DB_TARGETS, openTestDatabase } from '../helpers/databases.ts';
import { importDataset, ROOT, seedDefaults, smallLeads, stableMetrics } from './evals-helpers.ts';

const COUNT = 240;

interface WorkerEvent {
  event: string;
  run?: string;
  done?: number;
  total?: number;
  status?: string;
}

function startWorker(env: Record<string, string>, args: string[]): { child: ChildProcess; events: WorkerEvent[]; waitFor: (p: (e: WorkerEvent) => boolean) => Promise<WorkerEvent>; exited: Promise<number | null> } {
  // node --import tsx (not the tsx binary, which forks a second process that SIGKILL would miss).
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/worker.ts', ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const events: WorkerEvent[] = [];
  const waiters: { p: (e: WorkerEvent) => boolean; resolve: (e: WorkerEvent) => void }[] = [];
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    let e: WorkerEvent;
    try {
      e = JSON.parse(line);
    } catch {
      return;
    }
    events.push(e);
    for (const w of [...waiters]) {
      if (!w.p(e)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(e);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (p: (e: WorkerEvent) => boolean) =>
    new Promise<WorkerEvent>((resolve, reject) => {
      const found = events.find(p);
      if (found) return resolve(found);
      waiters.push({ p, resolve });
      void exited.then((code) => reject(new Error(`worker exited (${code}) before the awaited event; stderr: ${stderr.slice(-2000)}`)));
    });
  return { child, events, waitFor, exited };
}

describe.each(DB_TARGETS)('a killed run resumes on $kind', (target) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('kill -9 midway, resume with a new worker: same metrics as an uninterrupted run, each lead once', { timeout: 120_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-resume-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const embeddedDir = path.join(dataDir, 'pgdata');
    let database: Database;
    let childEnv: Record<string, string>;
    if (target.kind === 'postgres') {
      const pgdb = await openTestDatabase(target);
      cleanups.push(() => pgdb.close());
      database = pgdb;
      childEnv = { DATABASE_URL: pgdb.url!, DATA_DIR: dataDir };
    } else {
      database = await openDatabase({ embeddedDir });
      await migrateToLatest(database.db);
      childEnv = { DATA_DIR: dataDir };
    }
    await seedDefaults(database.db);
    const datasetId = await importDataset(database.db, 'resume', smallLeads(COUNT, 11));
    const run = await createRun(database.db, { dataset_id: datasetId, label: 'killed midway' }, 'test');
    // The embedded database is one process's: hand it to the worker.
    if (target.kind === 'embedded') await database.close();

    const first = startWorker(childEnv, ['--pace-ms', '15', '--concurrency', '2', '--batch-size', '20', '--lease-ms', '1500']);
    const progressed = await first.waitFor((e) => e.event === 'progress' && e.run === run.id && (e.done ?? 0) >= 60);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(progressed.done).toBeLessThan(COUNT);

    const second = startWorker(childEnv, ['--exit-when-idle', '--lease-ms', '1500', '--poll-ms', '200']);
    const resumed = await second.waitFor((e) => e.event === 'run_start' && e.run === run.id);
    expect(await second.exited).toBe(0);
    // The new worker started from what the killed one had written, not from zero.
    expect(resumed.done).toBeGreaterThanOrEqual(progressed.done!);
    expect(second.events.find((e) => e.event === 'run_end' && e.run === run.id)?.status).toBe('done');

    if (target.kind === 'embedded') {
      database = await openDatabase({ embeddedDir });
    }
    const db = database.db;
    cleanups.push(() => (target.kind === 'embedded' ? database.close() : Promise.resolve()));
    const finished = (await repo.findRun(db, run.id))!;
    expect(finished).toMatchObject({ status: 'done', done_count: COUNT, total: COUNT });
    const { rows } = await sql<{ n: string; d: string }>`select count(*) as n, count(distinct lead_id) as d from eval_results where run_id = ${run.id}`.execute(db);
    expect([Number(rows[0].n), Number(rows[0].d)]).toEqual([COUNT, COUNT]);

    const uninterrupted = await runCandidateOnDataset({ db, modelsDir: path.join(dataDir, 'models') }, { datasetId, label: 'uninterrupted' });
    expect(stableMetrics(finished.metrics as never)).toEqual(stableMetrics(uninterrupted.metrics));
    expect(uninterrupted.metrics.total).toBe(COUNT);
  });
});
