/**
 * How the API answers WHILE an evaluation run works (issue 9, item 3): a real server process
 * (with its evaluation thread, as `npm start`), a generated dataset of --leads leads, one run of
 * the default candidate; meanwhile a prober calls GET /api/health every 25 ms and
 * POST /api/v1/recommendations every 100 ms, and the run's server-sent events are read.
 * Prints latency percentiles, the longest gap between progress events and the load average at
 * the run's start and end (the figures move with the machine's load). The dataset's import is
 * probed the same way first (import_*): the server imports in its bulk thread, as `npm start`
 * does; BENCH_BULK_THREAD=0 imports in the request thread instead (the comparison).
 *
 *   npx tsx bench/eval-latency.ts [--leads 20000] [--db embedded|postgres|both] [--import-only true]
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import readline from 'node:readline';
import { scratchDb } from './scratch-db.ts';
import { generateLeads } from '../datasets/generator/index.ts';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const).filter(([a]) => a.startsWith('--')));
const count = Number(args.get('--leads') ?? 20000);
const which = args.get('--db') ?? 'both';
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10 : null;
};


async function run(kind: 'embedded' | 'postgres') {
  const scratch = kind === 'postgres' ? await scratchDb(baseUrl, 'rekindle_evallat') : null;
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/endpoint-server.ts', kind, scratch?.url ?? ''], {
    stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BENCH_EVAL_THREAD: '1', BENCH_BULK_THREAD: process.env.BENCH_BULK_THREAD ?? '1' },
  });
  const first = await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve));
  const server = JSON.parse(first) as { port: number; rep: string; manager: string };
  const base = `http://127.0.0.1:${server.port}`;
  const manager = { authorization: `Bearer ${server.manager}` };

  const ds = await (await fetch(`${base}/api/datasets`, { method: 'POST', headers: { ...manager, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'latency', as_of: '2026-11-20' }) })).json();
  const lines: string[] = [];
  for (const lead of generateLeads({ seed: 11, count, asOf: '2026-11-20' })) lines.push(JSON.stringify(lead));
  // The import, probed as the run is below: how long /api/health and a recommendation wait while it runs.
  let importing = true;
  const importHealth: number[] = [];
  const importRecs: number[] = [];
  const importStarted = performance.now();
  const importDone = fetch(`${base}/api/datasets/${ds.id}/import`, { method: 'POST', headers: { ...manager, 'content-type': 'application/x-ndjson' }, body: lines.join('\n') })
    .then((r) => r.json())
    .finally(() => (importing = false));
  const probeDuring = async (out: number[], request: () => Promise<Response>, pauseMs: number) => {
    while (importing) {
      const t0 = performance.now();
      await request().then((r) => r.arrayBuffer());
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  };
  const probeLead = JSON.stringify({ lead: { id: 'PROBE-0', contact: { name: 'Ana Horvat', email: 'ana@example.org' }, service: { date: '2026-12-15' } }, as_of: '2026-11-20' });
  await Promise.all([
    importDone,
    probeDuring(importHealth, () => fetch(`${base}/api/health`), 25),
    probeDuring(importRecs, () => fetch(`${base}/api/v1/recommendations`, { method: 'POST', headers: { authorization: `Bearer ${server.rep}`, 'content-type': 'application/json' }, body: probeLead }), 100),
  ]);
  const imported = await importDone;
  const importMs = performance.now() - importStarted;

  if (args.has('--import-only')) {
    console.log(JSON.stringify({
      db: kind, leads: imported.imported, import_seconds: Math.round(importMs / 100) / 10,
      import_health_ms: { n: importHealth.length, p50: pct(importHealth, 50), p99: pct(importHealth, 99), max: pct(importHealth, 100) },
      import_recommendation_ms: { n: importRecs.length, p50: pct(importRecs, 50), p99: pct(importRecs, 99), max: pct(importRecs, 100) },
      bulk_thread: process.env.BENCH_BULK_THREAD !== '0', load_avg_1m: Math.round(os.loadavg()[0] * 10) / 10,
    }));
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await scratch?.drop();
    return;
  }
  const runRes = await (await fetch(`${base}/api/evals/runs`, { method: 'POST', headers: { ...manager, 'content-type': 'application/json' }, body: JSON.stringify({ dataset_id: ds.id }) })).json();
  const started = performance.now();
  const loadAtStart = os.loadavg()[0];
  const health: number[] = [];
  const recs: number[] = [];
  const progressAt: number[] = [];
  let finished = false;

  const sse = (async () => {
    const res = await fetch(`${base}/api/evals/runs/${runRes.id}/events?access_token=${server.manager}`);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += decoder.decode(value, { stream: true });
      for (let i; (i = buf.indexOf('\n\n')) >= 0;) {
        const event = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (event.startsWith('event: progress')) progressAt.push(performance.now());
        if (event.startsWith('event: done') || event.startsWith('event: end')) finished = true;
      }
      if (finished) break;
    }
    finished = true;
  })();
  const probeHealth = (async () => {
    while (!finished) {
      const t0 = performance.now();
      await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
      health.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  const lead = JSON.stringify({ lead: { id: 'PROBE-1', contact: { name: 'Ana Horvat', email: 'ana@example.org' }, service: { date: '2026-12-15' } }, as_of: '2026-11-20' });
  const probeRecs = (async () => {
    while (!finished) {
      const t0 = performance.now();
      await fetch(`${base}/api/v1/recommendations`, { method: 'POST', headers: { authorization: `Bearer ${server.rep}`, 'content-type': 'application/json' }, body: lead }).then((r) => r.arrayBuffer());
      recs.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await Promise.all([sse, probeHealth, probeRecs]);
  const runMs = performance.now() - started;
  const gaps = progressAt.slice(1).map((t, i) => t - progressAt[i]);
  const final = await (await fetch(`${base}/api/evals/runs/${runRes.id}`, { headers: manager })).json();
  console.log(JSON.stringify({
    db: kind, leads: imported.imported,
    import_seconds: Math.round(importMs / 100) / 10,
    import_health_ms: { n: importHealth.length, p50: pct(importHealth, 50), p99: pct(importHealth, 99), max: pct(importHealth, 100) },
    import_recommendation_ms: { n: importRecs.length, p50: pct(importRecs, 50), p99: pct(importRecs, 99), max: pct(importRecs, 100) },
    run_status: final.status ?? final.run?.status, run_seconds: Math.round(runMs / 100) / 10,
    health_ms: { n: health.length, p50: pct(health, 50), p99: pct(health, 99), max: pct(health, 100) },
    recommendation_ms: { n: recs.length, p50: pct(recs, 50), p99: pct(recs, 99), max: pct(recs, 100) },
    progress_events: progressAt.length, longest_gap_between_progress_ms: gaps.length ? Math.round(Math.max(...gaps)) : null,
    load_avg_1m: { start: Math.round(loadAtStart * 10) / 10, end: Math.round(os.loadavg()[0] * 10) / 10 },
  }));
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await scratch?.drop();
}

for (const kind of which === 'both' ? (['embedded', 'postgres'] as const) : [which as 'embedded' | 'postgres']) await run(kind);
