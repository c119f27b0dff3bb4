/**
 * `npm run worker`: works queued evaluation runs from the configured database (DATABASE_URL, or
 * the embedded one in DATA_DIR when no server has it open). Start as many as you like on
 * PostgreSQL: they share runs through row locks and leases, and a run whose worker died is taken
 * over when its lease expires, without redoing the leads already written.
 *
 *   npm run worker -- [--exit-when-idle] [--lease-ms 30000] [--concurrency 16] [--pace-ms 0] [--poll-ms 1000] [--batch-size 200]
 *
 * Prints one JSON line per event on stdout (run started, progress, run ended).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { countClaimable } from '../modules/evals/repository.ts';
import { EvalWorker } from '../modules/evals/worker.ts';

const USAGE = 'usage: npm run worker -- [--exit-when-idle] [--lease-ms N] [--concurrency N] [--pace-ms N] [--poll-ms N] [--batch-size N]';

function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

let args;
try {
  args = parseArgs({
    options: {
      'exit-when-idle': { type: 'boolean', default: false },
      'lease-ms': { type: 'string' },
      concurrency: { type: 'string' },
      'pace-ms': { type: 'string' },
      'poll-ms': { type: 'string' },
      'batch-size': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

process.env.PROMPTFOO_DISABLE_TELEMETRY = '1';
process.env.PROMPTFOO_DISABLE_UPDATE = '1';
const config = loadConfig();
process.env.PROMPTFOO_CONFIG_DIR ??= path.join(config.dataDir, 'promptfoo');
const database = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDir: path.join(config.dataDir, 'pgdata') });
await migrateToLatest(database.db);

const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...event })}\n`);
const pollMs = int(args['poll-ms'], 'poll-ms') ?? 1000;
const worker = new EvalWorker(
  { db: database.db, modelsDir: config.modelsDir },
  {
    leaseMs: int(args['lease-ms'], 'lease-ms'),
    concurrency: int(args.concurrency, 'concurrency'),
    paceMs: int(args['pace-ms'], 'pace-ms'),
    batchSize: int(args['batch-size'], 'batch-size') || undefined,
    pollMs,
    onRunStart: (run) => emit({ event: 'run_start', run: run.id, done: run.done_count, total: run.total }),
    onRunEnd: (run, outcome) => emit({ event: 'run_end', run: run.id, status: outcome.status, ...('error' in outcome ? { error: outcome.error } : {}) }),
    onProgress: (p) => emit({ event: 'progress', run: p.runId, done: p.done, total: p.total, eta_s: p.etaS }),
    onError: (error) => emit({ event: 'error', error: (error as Error).message }),
  },
);
emit({ event: 'worker_start', owner: worker.owner, db: database.kind });

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  await database.close();
  process.exit(code);
}
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

if (args['exit-when-idle']) {
  // Also waits out the lease of a run whose worker died, then resumes it.
  for (;;) {
    await worker.drain();
    const { queued, running } = await countClaimable(database.db);
    if (!queued && !running) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, 250)));
  }
  emit({ event: 'idle' });
  await stop(0);
} else {
  worker.start();
}
