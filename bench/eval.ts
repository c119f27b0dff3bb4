/**
 * Evaluation-run benchmark (prints figures, asserts nothing), on the embedded database and on
 * PostgreSQL, each in its own child process:
 *
 *  1. throughput: a run of the default candidate with the template writer over --count generated
 *     leads (default 100,000): leads per second, end to end (claim, index, decide, draft, guard,
 *     batched writes, metrics).
 *  2. machinery overhead: a run over --delay-count leads (default 20,000) where the writer answers
 *     after --delay-ms (default 20) with --concurrency (default 16). Reported two ways:
 *     - wall-clock: wall * concurrency / drafted leads - delay (what the loop adds per model call);
 *     - busy time: main-thread busy time (event-loop utilisation) per lead, i.e. everything that is
 *       not waiting on the provider: features, rules, prompt, parse, guardrails, JSON, database
 *       client (and, embedded, the database itself, which runs in this thread).
 *
 *   npx tsx bench/eval.ts [--db embedded|postgres|both] [--count 100000] [--delay-count 20000] [--delay-ms 20] [--concurrency 16]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (default) for PostgreSQL.
 *
 * Measured 2026-11-23 (`npx tsx bench/eval.ts`, 2 cores, Node 20.20, PostgreSQL 15 on the same machine):
 *   embedded:   template run 100,000 leads in 173 s = 577 leads/s (re-run from the provider cache 847/s);
 *               delay run 20,000 leads: pipeline alone 0.69 ms busy/lead, durable run 1.33 ms busy/lead,
 *               run machinery 0.64 ms/lead (the embedded database runs in this thread and is counted).
 *   PostgreSQL: template run 100,000 leads in 135 s = 740 leads/s (re-run 1,496/s);
 *               delay run: pipeline alone 0.48 ms, durable run 0.72 ms, run machinery 0.24 ms per lead.
 * Both machines are CPU-bound on the pipeline itself (features, rules, grounding checks), not on
 * the run loop; the wall-clock formula therefore overstates the loop's share (27-59 ms per drafted
 * lead at 16-way concurrency on 2 cores).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { generateLeads } from '../datasets/generator/index.ts';
import { migrateToLatest, openDatabase, type Database } from '../server/db/database.ts';
import { writeTemplateDraft } from '../server/domain/drafting/index.ts';
import type { Lead } from '../server/domain/lead.ts';
import { importRows } from '../server/modules/datasets/import-service.ts';
import { createDataset } from '../server/modules/datasets/service.ts';
import { buildDatasetIndex } from '../server/domain/rules/index.ts';
import { recommendLead } from '../server/pipeline/recommend-lead.ts';
import { ProviderRuntime } from '../server/providers/runtime.ts';
import { buildCandidate } from '../server/modules/candidates/service.ts';
import { resolveCandidate, runCandidateOnDataset } from '../server/modules/evals/service.ts';
import { seedDefaultPrompt } from '../server/modules/prompts/service.ts';
import { seedDefaultRuleset } from '../server/modules/rulesets/service.ts';
import type { DraftWriter } from '../server/providers/types.ts';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const).filter(([a]) => a.startsWith('--')));
const which = args.get('--db') ?? 'both';
const count = Number(args.get('--count') ?? 100_000);
const delayCount = Number(args.get('--delay-count') ?? 20_000);
const delayMs = Number(args.get('--delay-ms') ?? 20);
const concurrency = Number(args.get('--concurrency') ?? 16);
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

if (which === 'both') {
  for (const db of ['embedded', 'postgres']) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/eval.ts', ...process.argv.slice(2).filter((a, i, all) => a !== '--db' && all[i - 1] !== '--db'), '--db', db], { stdio: 'inherit' });
    if (r.status) process.exit(r.status);
  }
  process.exit(0);
}

async function open(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (which === 'postgres') {
    const name = `rekindle_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    return {
      database,
      cleanup: async () => {
        await database.close();
        await new Promise((resolve) => setTimeout(resolve, 200));
        const c = new pg.Client({ connectionString: baseUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  // File-backed: 100,000 results with traces are several hundred MB.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-bench-eval-'));
  const database = await openDatabase({ embeddedDir: path.join(dir, 'pgdata') });
  return { database, cleanup: async () => (await database.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

async function importGenerated(database: Database, name: string, n: number, seed: number): Promise<string> {
  const ds = await createDataset(database.db, { name, as_of: '2026-11-20' }, 'bench');
  async function* rows() {
    let line = 0;
    for (const lead of generateLeads({ seed, count: n, asOf: '2026-11-20' })) yield { line: ++line, ok: true as const, lead: lead as Lead };
  }
  return (await importRows(database.db, ds.id, rows(), { actor: 'bench', format: 'jsonl' })).dataset_id;
}

function delayedWriter(ms: number): DraftWriter & { calls: number; providerMs: number } {
  const w = {
    calls: 0,
    providerMs: 0,
    async call({ lead, decision, features }: Parameters<DraftWriter['call']>[0]) {
      const t = performance.now();
      w.calls++;
      await new Promise((resolve) => setTimeout(resolve, ms));
      const text = JSON.stringify(writeTemplateDraft(lead, decision, { asOf: features.as_of }));
      w.providerMs += performance.now() - t;
      return { text };
    },
  };
  return w;
}

const { database, cleanup } = await open();
try {
  await migrateToLatest(database.db);
  await seedDefaultRuleset(database.db, 'bench');
  await seedDefaultPrompt(database.db, 'bench');
  const env = { db: database.db, modelsDir: path.resolve('models') };
  console.log(`\n== ${which} (node ${process.version}, ${os.cpus().length} cpus) ==`);

  // 1. Throughput with the template writer (its default config: concurrency 4, cache on).
  let t = performance.now();
  const bigId = await importGenerated(database, 'bench-big', count, 7);
  console.log(`import ${count} leads: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const big = await runCandidateOnDataset(env, { datasetId: bigId, label: 'bench template' });
  const bigS = (performance.now() - t) / 1000;
  console.log(
    `template run: ${count} leads in ${bigS.toFixed(1)} s = ${Math.round(count / bigS)} leads/s ` +
      `(drafts ${big.metrics.drafts}, decisions ${JSON.stringify(big.metrics.decision_counts)})`,
  );
  t = performance.now();
  const again = await runCandidateOnDataset(env, { datasetId: bigId, label: 'bench template, cached' });
  const againS = (performance.now() - t) / 1000;
  console.log(`template re-run (provider cache): ${Math.round(count / againS)} leads/s (${again.metrics.cached} cached)`);

  // 2. Machinery overhead over a provider that answers after a fixed delay.
  const smallId = await importGenerated(database, 'bench-delay', delayCount, 8);
  const provider = { type: 'template', concurrency, timeout_ms: 60_000 };

  // 2a. The shared pipeline alone (no run, no database): recommendLead over the same leads.
  const leads = [...generateLeads({ seed: 8, count: delayCount, asOf: '2026-11-20' })] as Lead[];
  const index = buildDatasetIndex(leads);
  const resolved = await resolveCandidate(database.db, { provider });
  const base = await buildCandidate(env, { ruleset: { versionId: resolved.ruleset_version_id }, prompt: { versionId: resolved.prompt_version_id }, provider });
  const direct = delayedWriter(delayMs);
  const candidate = { ...base, runtime: new ProviderRuntime(direct, { timeoutMs: 60_000, concurrency, retries: 0, configHash: base.providerHash }) };
  let next = 0;
  let elu0 = performance.eventLoopUtilization();
  t = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < leads.length) await recommendLead(candidate, leads[next++], '2026-11-20', { index });
    }),
  );
  const directMs = performance.now() - t;
  const directElu = performance.eventLoopUtilization(elu0);

  // 2b. The same leads as a durable run: claim, batched result writes, lease, provider cache, metrics.
  const writer = delayedWriter(delayMs);
  elu0 = performance.eventLoopUtilization();
  t = performance.now();
  const run = await runCandidateOnDataset(env, { datasetId: smallId, provider, label: 'bench delay' }, { writer, concurrency });
  const wallMs = performance.now() - t;
  const elu = performance.eventLoopUtilization(elu0);
  const drafted = writer.calls;
  const perDrafted = (wallMs * concurrency) / drafted - delayMs;
  const idealMs = Math.ceil(drafted / concurrency) * delayMs;
  const ms = (v: number) => v.toFixed(3);
  console.log(
    `delay runs: ${delayCount} leads, ${drafted} drafted by a ${delayMs} ms writer at concurrency ${concurrency} ` +
      `(provider-bound minimum ${(idealMs / 1000).toFixed(2)} s)`,
  );
  console.log(`  pipeline alone (recommendLead, no run): wall ${(directMs / 1000).toFixed(2)} s, busy ${ms(directElu.active / delayCount)} ms per lead`);
  console.log(`  durable run:                            wall ${(wallMs / 1000).toFixed(2)} s, busy ${ms(elu.active / delayCount)} ms per lead, ${Math.round(delayCount / (wallMs / 1000))} leads/s`);
  console.log(`  run machinery (run busy - pipeline busy): ${ms((elu.active - directElu.active) / delayCount)} ms per lead`);
  console.log(`  wall-clock formula (wall*concurrency/drafted - delay): ${perDrafted.toFixed(2)} ms per drafted lead (includes the pipeline's own CPU work)`);
  console.log(`  metrics: total ${run.metrics.total}, cached ${run.metrics.cached}`);
} finally {
  await cleanup();
}
