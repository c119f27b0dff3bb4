/**
 * Runs bulk jobs (imports: bulk/jobs.ts) in a worker thread, so that parsing and validating an
 * upload of any size never holds up the thread that answers HTTP requests. The server's thread
 * for this is its evaluation thread (one thread for every bulk job, eval-thread-host.ts, which
 * attaches bulkJobsOver to it); startBulkThread gives an app a thread of its own (tests, benches).
 * Jobs run in the thread side by side. A job's upload is streamed to the thread as the thread
 * asks for it. A thread that dies fails the jobs it was running with a 503 (each job is one
 * transaction, so nothing of them was written).
 *
 * runBulkJob() is what routes call: in the app's thread when it has one, else (tests, CLIs) the
 * same job function in the calling thread.
 */
import type { Readable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import { spawnDatabaseWorker, type WorkerDatabaseData } from '../../db/worker-database.ts';
import { AppError } from '../../http/errors.ts';
import { suppressionsChangedHere } from '../privacy/suppression-list.ts';
import { BULK_JOBS, type BulkJobArgs, type BulkJobKind, type BulkJobResult } from './jobs.ts';
import { fromPlainError, toPlainError, type PlainError } from './plain-error.ts';

export type BulkThreadData = WorkerDatabaseData;

export type HostMessage =
  | { type: 'job'; id: number; kind: BulkJobKind; args: unknown; hasBody: boolean }
  | { type: 'chunk'; id: number; data: Uint8Array }
  | { type: 'end'; id: number }
  | { type: 'body-error'; id: number; error: PlainError }
  | { type: 'stop' };

export type ThreadReply =
  | { type: 'pull'; id: number }
  | { type: 'discard'; id: number }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: PlainError }
  | { type: 'stopped' };

const ENTRY = new URL('./bulk-thread-entry.mjs', import.meta.url);
const STOP_TIMEOUT_MS = 15_000;

interface PendingJob {
  resolve(value: unknown): void;
  reject(error: Error): void;
  body: AsyncIterator<Buffer> | null;
  source: Readable | null;
}

/** What runs bulk jobs for an app: a thread that serves them (serve-jobs.ts). */
export interface BulkJobRunner {
  run<K extends BulkJobKind>(kind: K, args: BulkJobArgs<K>, body: Readable | null): Promise<unknown>;
}

export interface BulkThread extends BulkJobRunner {
  stop(): Promise<void>;
  /** Ends the thread as a crash would (tests): its jobs fail with a 503, the next job starts a new one. */
  crash(): Promise<void>;
}

// By the app's database: a route's `app` is its plugin's child instance, which shares the root's
// decorations (app.db) but is not the instance the thread was started with.
const runners = new WeakMap<object, BulkJobRunner>();

/** Whether the app's bulk jobs run in a thread (else in the calling thread). */
export function hasBulkJobRunner(app: FastifyInstance): boolean {
  return runners.has(app.db);
}

/** Makes `runner` the app's bulk job runner (null: jobs run in the calling thread again). */
export function setBulkJobRunner(app: FastifyInstance, runner: BulkJobRunner | null): void {
  if (runner) runners.set(app.db, runner);
  else runners.delete(app.db);
}

/**
 * The host side of the job protocol over one worker: sends jobs, streams their uploads as the
 * thread pulls them, settles them with the thread's replies. `workerExited` fails the jobs in
 * flight with a 503 (each job is one transaction: nothing of them was written).
 */
export function bulkJobsOver(worker: Worker): BulkJobRunner & { workerExited(): void } {
  let nextId = 1;
  const pending = new Map<number, PendingJob>();
  const send = (m: HostMessage, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);
  worker.on('message', (m: ThreadReply | { type: string }) => {
    if (m.type !== 'pull' && m.type !== 'discard' && m.type !== 'result') return;
    const reply = m as ThreadReply & { id: number };
    const job = pending.get(reply.id);
    if (!job) return;
    if (reply.type === 'pull') {
      job.body!.next().then(
        ({ value, done }) => {
          if (done) return send({ type: 'end', id: reply.id });
          // A copy the thread owns (a socket chunk may be a view into a shared pool).
          const copy = new Uint8Array(value.byteLength);
          copy.set(value);
          send({ type: 'chunk', id: reply.id, data: copy }, [copy.buffer]);
        },
        (error: unknown) => send({ type: 'body-error', id: reply.id, error: toPlainError(error) }),
      );
    } else if (reply.type === 'discard') {
      job.source?.resume();
    } else if (reply.type === 'result') {
      pending.delete(reply.id);
      if (reply.ok) job.resolve(reply.value);
      else job.reject(fromPlainError(reply.error));
    }
  });
  return {
    run(kind, args, body) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, body: body ? body[Symbol.asyncIterator]() : null, source: body });
        send({ type: 'job', id, kind, args, hasBody: Boolean(body) });
      });
    },
    workerExited() {
      for (const [id, job] of pending) {
        pending.delete(id);
        job.source?.resume();
        job.reject(new AppError('unavailable', 'The import stopped before it finished (the import thread exited); nothing of it was written. Try again.', {}, { 'retry-after': '2' }));
      }
    },
  };
}

/** A thread of its own for the app's bulk jobs (tests, benches; the server uses its evaluation thread). */
export function startBulkThread(app: FastifyInstance): BulkThread {
  let stopping = false;
  let current: { worker: Worker; jobs: ReturnType<typeof bulkJobsOver>; stopped: Promise<void> } | null = null;

  const spawn = () => {
    const data: BulkThreadData = { kind: app.dbKind, databaseUrl: app.config.databaseUrl };
    const { worker, stopped, markStopped } = spawnDatabaseWorker(app, ENTRY, data);
    const jobs = bulkJobsOver(worker);
    worker.on('message', (m: { type: string }) => m.type === 'stopped' && markStopped());
    worker.on('error', (error) => app.log.error({ err: error }, 'bulk thread failed'));
    worker.on('exit', (code) => {
      if (current?.worker === worker) current = null;
      jobs.workerExited();
      if (!stopping) app.log.error({ code }, 'bulk thread exited; it starts again with the next job');
    });
    current = { worker, jobs, stopped };
    return current;
  };
  spawn();

  const thread: BulkThread = {
    run(kind, args, body) {
      if (stopping) return Promise.reject(new AppError('unavailable', 'The server is shutting down.', {}, { 'retry-after': '2' }));
      return (current ?? spawn()).jobs.run(kind, args, body);
    },
    async crash() {
      await current?.worker.terminate();
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      if (runners.get(app.db) === thread) setBulkJobRunner(app, null);
      const running = current;
      if (!running) return;
      running.worker.postMessage({ type: 'stop' } satisfies HostMessage);
      await Promise.race([running.stopped, new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref())]);
      await running.worker.terminate();
    },
  };
  setBulkJobRunner(app, thread);
  return thread;
}

/** Runs a bulk job in the server's bulk thread, or here when there is none. */
export async function runBulkJob<K extends BulkJobKind>(app: FastifyInstance, kind: K, args: BulkJobArgs<K>, body: Readable | null = null): Promise<BulkJobResult<K>> {
  const runner = runners.get(app.db);
  const value = runner ? await runner.run(kind, args, body) : await BULK_JOBS[kind]({ db: app.db, embedded: app.dbKind === 'embedded' }, args as never, body);
  // An import may have added opt-outs to the suppression list: this process re-reads it at once.
  suppressionsChangedHere();
  return value as BulkJobResult<K>;
}
