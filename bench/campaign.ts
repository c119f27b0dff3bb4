/**
 * Campaign benchmark (prints figures, asserts nothing): a campaign over --count generated leads
 * (default 100,000) on PostgreSQL, worked by 1 and then 2 worker processes
 * (`npm run campaign -- --worker --exit-when-idle`, each its own process, as on separate
 * machines): wall time, leads/s, the leads/s of each quarter (how the time grows), the peak RSS of
 * each worker, and the campaign's totals. Each configuration is its own campaign (holdout 10 and
 * 11: a different identity) on the same dataset.
 *
 *   npx tsx bench/campaign.ts [--count 100000] [--workers 1,2]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (default); the scratch database is dropped after.
 *
 * Measured 2026-12-01 20:00 UTC (`npx tsx bench/campaign.ts --count 100000`, 2 cores, load average
 * 12-24 from about eight other busy sessions, so absolute figures are noisy and several times
 * below a quiet machine): import 100,000 generated leads 35.5 s; duplicate index (each worker's
 * start) about 40 s; 1 worker 1,795 s = 56 leads/s, per quarter 53 / 42 / 71 / 118, peak RSS 725 MB;
 * 2 workers 950 s = 105 leads/s (1.9x), per quarter 103 / 133 / 130 / 129, peak RSS 695 + 611 MB;
 * selected 16,194, expected recovered revenue 2,563,019. The rate does not fall as the campaign
 * goes on (the quarters move with the machine's load, not with progress): time grows linearly.
 * 1,000,000 leads were not run: at these rates about 5 h with 1 worker, 2.6 h with 2. See
 * bench/README.md for the breakdown and the extrapolation.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { generateLeads } from '../datasets/generator/index.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { openDatabase } from '../server/db/database.ts';
import type { Lead } from '../server/domain/lead.ts';
import { duplicateIndexOf } from '../server/modules/campaigns/chunk-runner.ts';
import { findCampaign, type CampaignRow } from '../server/modules/campaigns/repository.ts';
import { createCampaign } from '../server/modules/campaigns/service.ts';
import { importRows } from '../server/modules/datasets/import-service.ts';
import { createDataset } from '../server/modules/datasets/service.ts';
import { scratchDb } from './scratch-db.ts';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const).filter(([a]) => a.startsWith('--')));
const count = Number(args.get('--count') ?? 100_000);
const workerCounts = (args.get('--workers') ?? '1,2').split(',').map(Number);
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const AS_OF = '2026-11-20';
// BENCH_CPU_PROF=<dir>: each worker writes a V8 CPU profile there (open in Chrome DevTools).
const profileArgs = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];

const scratch = await scratchDb(baseUrl, 'rekindle_bench_campaign');
const url = new URL(scratch.url);
const name = url.pathname.slice(1);
const database = await openDatabase({ databaseUrl: scratch.url });
const load = () => os.loadavg().map((v) => v.toFixed(1)).join(' / ');
console.log(`load average (1 / 5 / 15 min) at start: ${load()} on ${os.cpus().length} cores`);

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

try {
  await bootstrap(database.db, { seedDemo: false });
  const t0 = performance.now();
  const ds = await createDataset(database.db, { name: 'bench-campaign', as_of: AS_OF }, 'bench');
  // Generated and inserted as a stream (the generator yields one lead at a time; the import
  // inserts 1,000 rows a statement): the leads are never one array in memory.
  async function* rows() {
    let line = 0;
    for (const lead of generateLeads({ seed: 16, count, asOf: AS_OF })) yield { line: ++line, ok: true as const, lead: lead as Lead };
  }
  await importRows(database.db, ds.id, rows(), { actor: 'bench', format: 'jsonl' });
  console.log(
    `imported ${count.toLocaleString('en')} generated leads in ${((performance.now() - t0) / 1000).toFixed(1)} s (PostgreSQL ${name}); ` +
      `bench process RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB; load ${load()}`,
  );

  // What each worker does once per campaign before its first chunk: the duplicate index.
  const t1 = performance.now();
  const rss1 = process.memoryUsage().rss;
  const index = await duplicateIndexOf(database.db, { id: 'bench', dataset_id: ds.id, as_of: AS_OF } as CampaignRow);
  console.log(
    `duplicate index (each worker's start): ${index.duplicates.size.toLocaleString('en')} leads in contact groups of 2+, built in ${((performance.now() - t1) / 1000).toFixed(1)} s, ` +
      `RSS +${((process.memoryUsage().rss - rss1) / 2 ** 20).toFixed(0)} MB`,
  );

  for (const [k, workers] of workerCounts.entries()) {
    const { campaign } = await createCampaign(database.db, { dataset_id: ds.id, as_of: AS_OF, holdout_pct: 10 + k }, 'bench');
    const started = performance.now();
    const peaks = new Map<number, number>();
    const children = Array.from({ length: workers }, () =>
      spawn(process.execPath, [...profileArgs, '--import', 'tsx', 'server/cli/campaign.ts', '--worker', '--exit-when-idle'], {
        env: { ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    );
    const exited = children.map((c) => new Promise<void>((resolve) => c.once('exit', () => resolve())));
    let allExited = false;
    void Promise.all(exited).then(() => (allExited = true));
    // (time, leads done) once a second; a quarter's end is interpolated between the two samples
    // around it (a small run can cross several quarters within one second).
    const samples: [number, number][] = [[started, 0]];
    let row = await findCampaign(database.db, campaign.id);
    // Until done (a worker exits when nothing is claimable; the others finish their chunks).
    while (row && row.status !== 'done' && row.status !== 'failed' && !allExited) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      for (const c of children) if (c.pid) peaks.set(c.pid, Math.max(peaks.get(c.pid) ?? 0, rssMb(c.pid)));
      row = await findCampaign(database.db, campaign.id);
      samples.push([performance.now(), row?.done_count ?? 0]);
    }
    await Promise.all(exited);
    row = await findCampaign(database.db, campaign.id);
    const seconds = (performance.now() - started) / 1000;
    const total = row?.total || 1;
    const quarterEnd = (q: number) => {
      const goal = (q * total) / 4;
      const i = samples.findIndex(([, done]) => done >= goal);
      if (i <= 0) return i === 0 ? started : NaN;
      const [t0, d0] = samples[i - 1], [t1, d1] = samples[i];
      return t0 + ((goal - d0) / (d1 - d0)) * (t1 - t0);
    };
    const ends = [0, 1, 2, 3, 4].map(quarterEnd);
    const perQuarter = [1, 2, 3, 4].map((q) => total / 4 / ((ends[q] - ends[q - 1]) / 1000)).filter((v) => Number.isFinite(v));
    console.log(
      `${workers} worker${workers > 1 ? 's' : ''}: ${row?.status}, ${row?.done_count.toLocaleString('en')} leads in ${seconds.toFixed(1)} s = ${((row?.done_count ?? 0) / seconds).toFixed(0)} leads/s; ` +
        `leads/s per quarter ${perQuarter.map((v) => v.toFixed(0)).join(' / ')}; peak RSS per worker ${[...peaks.values()].map((v) => `${v.toFixed(0)} MB`).join(', ')}; ` +
        `selected ${row?.selected}, held out ${row?.held_out}, queued ${row?.queued}, expected recovered revenue ${row?.expected_recovered_revenue}; load ${load()}`,
    );
  }
} finally {
  await database.close();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await scratch.drop().catch(() => undefined);
}
