/**
 * `npm run campaign`: runs a campaign (CONTRACTS.md: the same job as POST /api/campaigns) from the
 * command line, with a progress bar, or works as a campaign worker beside others.
 *
 *   npm run campaign -- --dataset <name | id> [--as-of YYYY-MM-DD] [--holdout 10] [--workers 1] [--rerun] [--json]
 *   npm run campaign -- --worker [--exit-when-idle]
 *
 * The first form creates the campaign (or finds the identical one: same dataset version, date,
 * holdout and production release), works it here with --workers in-process workers (any
 * `npm run campaign -- --worker` process on the same PostgreSQL joins in), and prints its totals.
 * Exit 0 when it finished, 2 on bad usage or error.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { bootstrap } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { findCampaign } from '../modules/campaigns/repository.ts';
import { campaignView, createCampaign, rerunCampaign } from '../modules/campaigns/service.ts';
import { CampaignWorker } from '../modules/campaigns/worker.ts';
import { resolveDataset } from '../modules/datasets/service.ts';
import { progressBar } from '../modules/evals/report-format.ts';

const USAGE = `usage: npm run campaign -- --dataset <name | id> [--as-of YYYY-MM-DD] [--holdout 10] [--workers 1] [--rerun] [--json]
       npm run campaign -- --worker [--exit-when-idle]`;

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const OPTIONS = {
  dataset: { type: 'string' }, 'as-of': { type: 'string' }, holdout: { type: 'string' }, workers: { type: 'string' },
  rerun: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false },
  worker: { type: 'boolean', default: false }, 'exit-when-idle': { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
} as const;

function parseCli() {
  try {
    return parseArgs({ options: OPTIONS, strict: true }).values;
  } catch (e) {
    return usage((e as Error).message);
  }
}

const args = parseCli();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!args.worker && !args.dataset) usage('--dataset is required (or --worker)');
if (args['as-of'] && !/^\d{4}-\d{2}-\d{2}$/.test(args['as-of'])) usage('--as-of must be YYYY-MM-DD');
const holdout = args.holdout === undefined ? undefined : Number(args.holdout);
if (holdout !== undefined && !(holdout >= 0 && holdout <= 50)) usage('--holdout must be a number from 0 to 50 (percent of the selected leads)');
const workers = args.workers === undefined ? 1 : Number(args.workers);
if (!Number.isInteger(workers) || workers < 1 || workers > 16) usage('--workers must be a whole number from 1 to 16');

process.env.PROMPTFOO_DISABLE_TELEMETRY = '1';
process.env.PROMPTFOO_DISABLE_UPDATE = '1';
const config = loadConfig();
process.env.PROMPTFOO_CONFIG_DIR ??= path.join(config.dataDir, 'promptfoo');
const ACTOR = 'cli:campaign';
const opened: { database?: Database } = {};

async function workForever(env: { db: Database['db']; modelsDir: string }): Promise<number> {
  const worker = new CampaignWorker(env, { onError: (e) => console.error(`campaign worker: ${(e as Error).message}`) });
  console.error(`campaign worker ${worker.owner} on ${opened.database!.kind}`);
  if (args['exit-when-idle']) {
    await worker.drain();
    return 0;
  }
  worker.start();
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await worker.stop();
  return 0;
}

async function main(): Promise<number> {
  const database = (opened.database = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDir: path.join(config.dataDir, 'pgdata') }));
  const db = database.db;
  await bootstrap(db, { adminToken: config.adminToken ?? 'campaign-cli-creates-no-token', seedDemo: config.seedDemo });
  const env = { db, modelsDir: config.modelsDir };
  if (args.worker) return workForever(env);

  const dataset = await resolveDataset(db, args.dataset!);
  // The engine never reads the clock; the command line decides "today" when no date is given.
  const asOf = args['as-of'] ?? new Date().toISOString().slice(0, 10);
  const made = await createCampaign(db, { dataset_id: dataset.id, as_of: asOf, holdout_pct: holdout }, ACTOR);
  const created = made.created;
  let campaign = made.campaign;
  if (!created && args.rerun && (campaign.status === 'done' || campaign.status === 'failed')) campaign = await rerunCampaign(db, campaign.id, ACTOR);
  if (!args.quiet) console.error(`campaign ${campaign.id} (${created ? 'new' : 'existing'}) on ${dataset.name} v${dataset.version} as of ${asOf}, ${campaign.holdout_pct}% held out, ${workers} worker(s)`);

  const started = performance.now();
  const bar = args.quiet ? null : progressBar(process.stderr, 'campaign');
  const update = async () => {
    const row = await findCampaign(db, campaign.id).catch(() => undefined);
    if (!row || !bar) return;
    const elapsedMs = performance.now() - started;
    const rate = row.done_count / Math.max(1, elapsedMs);
    bar({ runId: row.id, done: row.done_count, total: row.total, written: row.done_count, elapsedMs, etaS: rate > 0 ? Math.round((row.total - row.done_count) / rate / 1000) : null });
  };
  // Chunks other processes finish show on the ticker; ours as each one ends (on the embedded
  // database the ticker waits behind our own queries).
  const ticker = setInterval(() => void update(), 500);
  try {
    for (;;) {
      await Promise.all(Array.from({ length: workers }, () => new CampaignWorker(env, { campaignId: campaign.id, onChunk: () => void update() }).drain()));
      const row = (await findCampaign(db, campaign.id))!;
      if (row.status === 'done') break;
      if (row.status === 'failed' || row.status === 'cancelled') throw new AppError('conflict', `campaign ${row.id} ${row.status}${row.error ? `: ${row.error}` : ''}`);
      // Another process holds a chunk: wait for it (or for its lease to expire).
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    clearInterval(ticker);
  }
  const view = campaignView((await findCampaign(db, campaign.id))!);
  const seconds = (performance.now() - started) / 1000;
  if (args.json) process.stdout.write(`${JSON.stringify({ ...view, seconds }, null, 2)}\n`);
  else {
    const iv = view.expected_recovered_revenue_interval;
    console.log(`campaign ${view.id}: ${view.progress.total} leads as of ${view.as_of} in ${seconds.toFixed(1)} s`);
    console.log(`selected ${view.selected}, held out ${view.held_out} (${view.selected ? ((100 * view.held_out) / view.selected).toFixed(1) : 0}%), queued ${view.queued}`);
    console.log(`expected recovered revenue ${view.expected_recovered_revenue ?? 0}${iv ? ` (95% interval ${iv[0].toFixed(0)} - ${iv[1].toFixed(0)})` : ''}`);
    for (const g of view.summary?.by_rep ?? []) console.log(`  rep ${g.key.padEnd(14)} selected ${String(g.selected).padStart(5)}  held out ${String(g.held_out).padStart(4)}  queued ${String(g.queued).padStart(5)}  expected ${g.expected_recovered_revenue.toFixed(0)}`);
  }
  return 0;
}

let code: number;
try {
  code = await main();
} catch (e) {
  console.error(e instanceof AppError ? `error: ${e.message}` : e);
  code = 2;
} finally {
  await opened.database?.close().catch(() => undefined);
}
process.exit(code);
