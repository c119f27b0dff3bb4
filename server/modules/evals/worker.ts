/**
 * The evaluation worker loop: claim a run, work it, repeat; poll when idle. Several workers
 * (`npm run worker` processes, the server's in-process worker) share runs on PostgreSQL through
 * `FOR UPDATE SKIP LOCKED` and leases. Stopping gives the current run back at once.
 */
import type { FastifyInstance } from 'fastify';
import type { CandidateEnv } from '../candidates/service.ts';
import * as repo from './repository.ts';
import { executeRun, type ExecuteOptions, type RunOutcome } from './runner.ts';
import { runEvents, workerId } from './service.ts';
import { startEvalThread } from './eval-thread-host.ts';

export interface WorkerOptions extends Omit<ExecuteOptions, 'owner' | 'signal'> {
  owner?: string;
  pollMs?: number;
  onRunStart?: (run: repo.EvalRunRow) => void;
  onRunEnd?: (run: repo.EvalRunRow, outcome: RunOutcome) => void;
  onError?: (error: unknown) => void;
  /** At start, end the leases of dead workers (see repo.expireDeadLeases) instead of waiting them out. */
  reclaimDeadLeases?: { embedded: boolean };
}

export class EvalWorker {
  readonly owner: string;
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly onQueued = () => this.wake?.();

  constructor(
    private readonly env: CandidateEnv,
    private readonly options: WorkerOptions = {},
  ) {
    this.owner = options.owner ?? workerId('worker');
  }

  /** Claims and works one run; false when there was nothing to claim. */
  async runOnce(): Promise<boolean> {
    const run = await repo.claimRun(this.env.db, this.owner, this.options.leaseMs ?? 30_000);
    if (!run) return false;
    this.options.onRunStart?.(run);
    const outcome = await executeRun(this.env, run, { ...this.options, owner: this.owner, signal: this.abort.signal });
    this.options.onRunEnd?.(run, outcome);
    return true;
  }

  /** Works until nothing is claimable (tests, `worker --exit-when-idle`). */
  async drain(): Promise<number> {
    let n = 0;
    while (!this.abort.signal.aborted && (await this.runOnce())) n++;
    return n;
  }

  start(): void {
    if (this.loop) return;
    runEvents.on('queued', this.onQueued);
    this.loop = (async () => {
      if (this.options.reclaimDeadLeases) {
        try {
          await repo.expireDeadLeases(this.env.db, this.options.reclaimDeadLeases);
        } catch (e) {
          this.options.onError?.(e);
        }
      }
      while (!this.abort.signal.aborted) {
        try {
          if (await this.runOnce()) continue;
        } catch (e) {
          this.options.onError?.(e);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs ?? 1000);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    })();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    runEvents.off('queued', this.onQueued);
    this.wake?.();
    await this.loop;
  }
}

/**
 * The server works runs itself (embedded: the only way; PostgreSQL: alongside any `npm run
 * worker`), in a WORKER THREAD, so a long run never stalls the API: on the embedded database the
 * thread's queries come back to this thread's pool (API requests first), on PostgreSQL the thread
 * has its own connections. `inline: true` keeps the old in-process loop (tests that drive runs).
 */
export function startInProcessWorker(
  app: FastifyInstance,
  /**
   * closeWithApp: stop with app.close() (only possible before the app has started; tests stop it themselves).
   * campaigns: the thread also works campaign chunks (the server: one thread for every bulk job; ignored inline).
   * bulkJobs: the thread also runs the app's imports (bulk/jobs.ts; ignored inline).
   */
  options: { inline?: boolean; closeWithApp?: boolean; campaigns?: boolean; bulkJobs?: boolean } = {},
): { stop(): Promise<void> } {
  const closeWithApp = options.closeWithApp ?? true;
  const reclaimDeadLeases = { embedded: app.dbKind === 'embedded' };
  if (options.inline) {
    const worker = new EvalWorker(
      { db: app.db, modelsDir: app.config.modelsDir },
      {
        owner: workerId('server'),
        reclaimDeadLeases,
        onRunStart: (run) => app.log.info({ run: run.id }, 'evaluation run started'),
        onRunEnd: (run, outcome) => app.log.info({ run: run.id, status: outcome.status }, 'evaluation run ended'),
        onError: (error) => app.log.error({ err: error }, 'evaluation worker error'),
      },
    );
    worker.start();
    if (closeWithApp) app.addHook('onClose', async () => worker.stop());
    return worker;
  }
  const thread = startEvalThread(app, { reclaimDeadLeases, campaigns: options.campaigns, bulkJobs: options.bulkJobs });
  if (closeWithApp) app.addHook('onClose', async () => thread.stop());
  return thread;
}
