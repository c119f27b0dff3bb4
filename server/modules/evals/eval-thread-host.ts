/**
 * Runs the evaluation worker loop (and, for the server, the campaign worker loop) in a worker
 * thread and connects it to this process: its database (embedded: served over a MessagePort from
 * this thread's pool; PostgreSQL: the thread opens its own pool), "a run / campaign was queued"
 * wake-ups, and its log lines. A thread that dies is
 * restarted; stopping gives the current run back (its lease ends) before the thread exits.
 */
import type { Worker } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import { spawnDatabaseWorker } from '../../db/worker-database.ts';
import { AppError } from '../../http/errors.ts';
import { bulkJobsOver, setBulkJobRunner, type BulkJobRunner } from '../bulk/bulk-thread-host.ts';
import { campaignEvents } from '../campaigns/service.ts';
import { runEvents, workerId } from './service.ts';

export interface EvalThreadData {
  kind: 'embedded' | 'postgres';
  databaseUrl?: string;
  modelsDir: string;
  owner: string;
  reclaimDeadLeases: { embedded: boolean };
  /** Also work campaign chunks in the thread (the server's one campaign worker). */
  campaigns: boolean;
  /** Also serve the app's bulk jobs (imports, bulk/serve-jobs.ts): the server's one thread for every bulk job. */
  bulkJobs: boolean;
}

export type ThreadMessage =
  | { type: 'log'; level: 'info' | 'error'; message: string; data?: Record<string, unknown> }
  | { type: 'stopped' };

const ENTRY = new URL('./eval-thread-entry.mjs', import.meta.url);

let threadsRunning = 0;
/** True when this process has an evaluation thread: bulk runs are then left to it. */
export function hasEvalThread(): boolean {
  return threadsRunning > 0;
}
const RESTART_DELAY_MS = 1000;
const STOP_TIMEOUT_MS = 15_000;

export function startEvalThread(app: FastifyInstance, options: { reclaimDeadLeases: { embedded: boolean }; campaigns?: boolean; bulkJobs?: boolean }): { stop(): Promise<void> } {
  let stopping = false;
  let current: { worker: Worker; stopped: Promise<void>; jobs: ReturnType<typeof bulkJobsOver> } | null = null;
  // Jobs go to the thread that is running (a restarted thread takes the next ones).
  const runner: BulkJobRunner = {
    run: (kind, args, body) =>
      current ? current.jobs.run(kind, args, body) : Promise.reject(new AppError('unavailable', 'The bulk-job thread is restarting; try again.', {}, { 'retry-after': '2' })),
  };
  if (options.bulkJobs) setBulkJobRunner(app, runner);
  threadsRunning++;
  const onQueued = () => current?.worker.postMessage({ type: 'queued' });
  const onCampaignQueued = () => current?.worker.postMessage({ type: 'campaign-queued' });
  runEvents.on('queued', onQueued);
  if (options.campaigns) campaignEvents.on('queued', onCampaignQueued);

  const spawn = () => {
    const data: EvalThreadData = {
      kind: app.dbKind,
      databaseUrl: app.config.databaseUrl,
      modelsDir: app.config.modelsDir,
      owner: workerId('server-thread'),
      reclaimDeadLeases: options.reclaimDeadLeases,
      campaigns: options.campaigns ?? false,
      bulkJobs: options.bulkJobs ?? false,
    };
    const { worker, stopped, markStopped } = spawnDatabaseWorker(app, ENTRY, data);
    const jobs = bulkJobsOver(worker);
    worker.on('message', (message: { type: string }) => {
      if (message.type !== 'log' && message.type !== 'stopped') return; // bulk-job replies: bulkJobsOver's
      const m = message as ThreadMessage;
      if (m.type === 'stopped') markStopped();
      else if (m.level === 'error') app.log.error(m.data ?? {}, m.message);
      else app.log.info(m.data ?? {}, m.message);
    });
    worker.on('error', (error) => app.log.error({ err: error }, 'evaluation thread failed'));
    worker.on('exit', (code) => {
      jobs.workerExited();
      if (current?.worker === worker) current = null;
      if (!stopping) {
        app.log.error({ code }, 'evaluation thread exited; restarting it');
        setTimeout(() => !stopping && spawn(), RESTART_DELAY_MS).unref();
      }
    });
    current = { worker, stopped, jobs };
  };
  spawn();

  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      threadsRunning--;
      if (options.bulkJobs) setBulkJobRunner(app, null);
      runEvents.off('queued', onQueued);
      campaignEvents.off('queued', onCampaignQueued);
      const running = current;
      if (!running) return;
      running.worker.postMessage({ type: 'stop' });
      await Promise.race([running.stopped, new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref())]);
      await running.worker.terminate();
    },
  };
}
