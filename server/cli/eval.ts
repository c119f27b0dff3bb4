/**
 * `npm run eval` (CONTRACTS.md section 6): runs a candidate on a dataset, prints the metrics,
 * checks gates, and exits 0 (all gates pass), 1 (a gate failed) or 2 (bad usage or error).
 *
 *   npm run eval -- --dataset <name | path.jsonl> [--release <id> | --rules <dir> --prompt <file> --provider <id>]
 *                   [--baseline production] [--gate evals/gates.yaml] [--json] [--as-of YYYY-MM-DD] [--label text]
 *
 * Opens the database like the server (DATA_DIR embedded, or DATABASE_URL) and bootstraps it, so
 * a fresh clone works. An embedded database can be open in one process only: stop the server first.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bootstrap } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import type { EvalMetrics } from '../domain/metrics/eval-metrics.ts';
import { AppError } from '../http/errors.ts';
import { GateFileError, loadGatesFile, evaluateGates, type Gate } from '../modules/evals/gates.ts';
import { findIdenticalDoneRun } from '../modules/evals/repository.ts';
import { resolveCandidate, runCandidateOnDataset, type CandidateInput } from '../modules/evals/service.ts';
import { findProduction } from '../modules/releases/repository.ts';
import { compiledVersion } from '../modules/rulesets/service.ts';
import { runScenarios } from '../domain/rules/index.ts';
import type { RunProgress } from '../modules/evals/runner.ts';
import { CliUsageError, importDatasetFile, parseProviderId, promptFileInRulesDir, promptVersionFromFile, rulesetVersionFromDir } from '../modules/evals/cli-inputs.ts';
import { formatGateLines, formatMetricsTable, progressBar } from '../modules/evals/report-format.ts';

const USAGE = `usage: npm run eval -- --dataset <name | path.jsonl> [--release <id> | --rules <dir> --prompt <file> --provider <id>]
                     [--baseline production] [--gate evals/gates.yaml] [--json] [--as-of YYYY-MM-DD] [--label text] [--quiet]`;

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const OPTIONS = {
  dataset: { type: 'string' },
  release: { type: 'string' },
  rules: { type: 'string' },
  prompt: { type: 'string' },
  provider: { type: 'string' },
  baseline: { type: 'string' },
  gate: { type: 'string' },
  json: { type: 'boolean', default: false },
  'as-of': { type: 'string' },
  label: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

function parseCli() {
  try {
    return parseArgs({ options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    return usage((e as Error).message);
  }
}

const args = parseCli();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!args.dataset) usage('--dataset is required');
if (args.release && (args.rules || args.prompt || args.provider)) usage('--release pins rules, prompt and provider: do not combine it with --rules, --prompt or --provider');
if (args.baseline !== undefined && args.baseline !== 'production') usage(`--baseline takes "production" (got "${args.baseline}")`);
if (args['as-of'] && !/^\d{4}-\d{2}-\d{2}$/.test(args['as-of'])) usage('--as-of must be YYYY-MM-DD');

let gates: Gate[] = [];
if (args.gate) {
  try {
    gates = loadGatesFile(args.gate);
  } catch (e) {
    if (e instanceof GateFileError) usage(e.message);
    throw e;
  }
}

process.env.PROMPTFOO_DISABLE_TELEMETRY = '1';
process.env.PROMPTFOO_DISABLE_UPDATE = '1';
const config = loadConfig();
process.env.PROMPTFOO_CONFIG_DIR ??= path.join(config.dataDir, 'promptfoo');

const ACTOR = 'cli:eval';
const opened: { database?: Database } = {};

async function main(): Promise<number> {
  const database = (opened.database = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDir: path.join(config.dataDir, 'pgdata') }));
  const db = database.db;
  // No first-admin token from here: it is shown once, by the server's first start.
  await bootstrap(db, { adminToken: config.adminToken ?? 'eval-cli-creates-no-token', seedDemo: config.seedDemo });
  const env = { db, modelsDir: config.modelsDir };

  const dataset = await importDatasetFile(db, args.dataset!, { asOf: args['as-of'], actor: ACTOR, warn: (m) => console.error(m) });
  const candidate: CandidateInput = {};
  if (args.release) candidate.release_id = args.release;
  if (args.rules) candidate.ruleset_version_id = (await rulesetVersionFromDir(db, args.rules, ACTOR)).id;
  const promptFile = args.prompt ?? (args.rules ? promptFileInRulesDir(args.rules) : null);
  if (promptFile) candidate.prompt_version_id = (await promptVersionFromFile(db, promptFile, ACTOR)).id;
  if (args.provider) candidate.provider = parseProviderId(args.provider);

  let baseline: { runId: string; metrics: EvalMetrics; reused: boolean } | null = null;
  if (args.baseline === 'production') {
    const production = await findProduction(db);
    if (!production) throw new CliUsageError('--baseline production: there is no production release yet (promote one first, or drop --baseline).');
    const resolved = await resolveCandidate(db, { release_id: production.id });
    // A replay is compared with production replayed as of the same date.
    const done = args['as-of'] ? undefined : await findIdenticalDoneRun(db, dataset.id, resolved.candidate_hash);
    if (done?.metrics) baseline = { runId: done.id, metrics: done.metrics as EvalMetrics, reused: true };
    else {
      if (!args.quiet) console.error(`baseline: production release ${production.number} (${production.id})`);
      const run = await runCandidateOnDataset(env, { datasetId: dataset.id, release_id: production.id, label: 'eval baseline (production)', actor: ACTOR, as_of: args['as-of'] ?? null }, { onProgress: progress('baseline') });
      baseline = { ...run, reused: false };
    }
  }

  const asOf = args['as-of'] ?? null;
  const run = await runCandidateOnDataset(env, { datasetId: dataset.id, ...candidate, label: args.label ?? (asOf ? `npm run eval --as-of ${asOf}` : 'npm run eval'), actor: ACTOR, as_of: asOf }, { onProgress: progress('candidate') });
  const evaluation = gates.length ? evaluateGates(run.metrics, gates, baseline?.metrics ?? null) : null;
  // The candidate ruleset's own test scenarios gate it too (as they gate a release).
  const { compiled } = await compiledVersion(db, (await resolveCandidate(db, candidate)).ruleset_version_id);
  const scenarioResults = runScenarios(compiled);
  const scenarioFailures = scenarioResults.filter((r) => !r.passed);

  if (args.json) {
    process.stdout.write(
      `${JSON.stringify({ run_id: run.runId, as_of: asOf ?? dataset.as_of, replay: asOf !== null, dataset: { id: dataset.id, name: dataset.name, version: dataset.version, as_of: dataset.as_of }, metrics: run.metrics, baseline: baseline ? { run_id: baseline.runId, reused: baseline.reused, metrics: baseline.metrics } : null, gates: evaluation, scenarios: scenarioResults.map(({ name, lead_id, passed, failure }) => ({ name, lead_id, passed, failure })) }, null, 2)}\n`,
    );
  } else {
    console.log(`dataset ${dataset.name} v${dataset.version} (${dataset.id}), as_of ${asOf ? `${asOf} (replay; the dataset's is ${dataset.as_of})` : dataset.as_of}, ${run.metrics.total} leads; run ${run.runId}`);
    if (baseline) console.log(`baseline: run ${baseline.runId}${baseline.reused ? ' (reused)' : ''}`);
    console.log(formatMetricsTable(run.metrics, baseline?.metrics ?? null));
    if (evaluation) console.log(`\n${formatGateLines(evaluation)}`);
    if (scenarioResults.length) console.log(`scenarios: ${scenarioResults.length - scenarioFailures.length} / ${scenarioResults.length} pass${scenarioFailures.map((f) => `\n  FAIL ${f.name} (${f.lead_id}): ${f.failure}`).join('')}`);
  }
  const failed = [...(evaluation?.failed ?? []), ...(evaluation && scenarioFailures.length ? [`scenarios (${scenarioFailures.map((f) => f.name).join('; ')})`] : [])];
  if (failed.length) {
    console.error(`gate failed: ${failed.join(', ')}`);
    return 1;
  }
  return 0;
}

function progress(what: string): ((p: RunProgress) => void) | undefined {
  if (args.quiet) return undefined;
  const bar = progressBar(process.stderr, what);
  return (p) => bar(p);
}

let code: number;
try {
  code = await main();
} catch (e) {
  if (e instanceof CliUsageError || e instanceof AppError) console.error(`error: ${e.message}`);
  else console.error(e);
  code = 2;
} finally {
  await opened.database?.close().catch(() => undefined);
}
process.exit(code);
