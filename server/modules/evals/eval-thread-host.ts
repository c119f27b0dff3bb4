/**
 * Runs the evaluation worker loop (and, for the server, the campaign worker loop) in a worker
 * thread and connects it to this process: its database (embedded: served over a MessagePort from
 * this thread's pool; PostgreSQL: the thread opens its own pool), "a run / campaign was queued"
 * wake-ups, and its log lines. A thread that dies is
 * restarted; stopping gives the current run back (its lease ends) before the thread exits.
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import { serveDatabaseOverPort } from '../../db/serve-over-port.ts';
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

export function startEvalThread(app: FastifyInstance, options: { reclaimDeadLeases: { embedded: boolean }; campaigns?: boolean }): { stop(): Promise<void> } {
  let stopping = false;
  let current: { worker: Worker; served: { close(): void } | null; stopped: Promise<void> } | null = null;
  threadsRunning++;
  const onQueued = () => current?.worker.postMessage({ type: 'queued' });
  const onCampaignQueued = () => current?.worker.postMessage({ type: 'campaign-queued' });
  runEvents.on('queued', onQueued);
  if (options.campaigns) campaignEvents.on('queued', onCampaignQueued);

  const spawn = () => {
    const channel = new MessageChannel();
    const data: EvalThreadData = {
      kind: app.dbKind,
      databaseUrl: app.config.databaseUrl,
      modelsDir: app.config.modelsDir,
      owner: workerId('server-thread'),
      reclaimDeadLeases: options.reclaimDeadLeases,
      campaigns: options.campaigns ?? false,
    };
    const worker = new Worker(ENTRY, { workerData: { ...data, port: channel.port2 }, transferList: [channel.port2] });
    // Without a URL to connect to by itself (the embedded database, or a pool handed in by a
    // caller), the thread's queries come back here.
    const served = data.kind === 'embedded' || !data.databaseUrl ? serveDatabaseOverPort(channel.port1, app.dbPool) : null;
    if (!served) channel.port1.close();
    let resolveStopped: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
    worker.on('message', (m: ThreadMessage) => {
      if (m.type === 'stopped') resolveStopped();
      else if (m.level === 'error') app.log.error(m.data ?? {}, m.message);
      else app.log.info(m.data ?? {}, m.message);
    });
    worker.on('error', (error) => app.log.error({ err: error }, 'evaluation thread failed'));
    worker.on('exit', (code) => {
      served?.close();
      resolveStopped();
      if (current?.worker === worker) current = null;
      if (!stopping) {
        app.log.error({ code }, 'evaluation thread exited; restarting it');
        setTimeout(() => !stopping && spawn(), RESTART_DELAY_MS).unref();
      }
    });
    current = { worker, served, stopped };
  };
  spawn();

  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      threadsRunning--;
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
