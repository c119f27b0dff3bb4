/**
 * Runs the server's bulk jobs (imports: bulk/jobs.ts) in a worker thread, so that parsing and
 * validating an upload of any size never holds up the thread that answers HTTP requests. One
 * thread per server, started with it and kept; jobs run in it side by side. A job's upload is
 * streamed to the thread as the thread asks for it. A thread that dies fails the jobs it was
 * running with a 503 (each job is one transaction, so nothing of them was written) and is
 * started again for the next job.
 *
 * runBulkJob() is what routes call: in the thread when the server has one, else (tests, CLIs)
 * the same job function in the calling thread.
 */
import type { Readable } from 'node:stream';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import { serveDatabaseOverPort } from '../../db/serve-over-port.ts';
import { AppError } from '../../http/errors.ts';
import { suppressionsChangedHere } from '../privacy/suppression-list.ts';
import { BULK_JOBS, type BulkJobArgs, type BulkJobKind } from './jobs.ts';
import { fromPlainError, toPlainError, type PlainError } from './plain-error.ts';

export interface BulkThreadData {
  kind: 'embedded' | 'postgres';
  databaseUrl?: string;
}

export type HostMessage =
  | { type: 'job'; id: number; kind: BulkJobKind; args: unknown; hasBody: boolean }
  | { type: 'chunk'; id: number; data: Uint8Array }
  | { type: 'end'; id: number }
  | { type: 'body-error'; id: number; error: PlainError }
  | { type: 'stop' };

export type ThreadReply =
  | { type: 'ready' }
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

export interface BulkThread {
  run<K extends BulkJobKind>(kind: K, args: BulkJobArgs<K>, body: Readable | null): Promise<unknown>;
  stop(): Promise<void>;
  /** Ends the thread as a crash would (tests): its jobs fail with a 503, the next job starts a new one. */
  crash(): Promise<void>;
}

// By the app's database: a route's `app` is its plugin's child instance, which shares the root's
// decorations (app.db) but is not the instance the thread was started with.
const threads = new WeakMap<object, BulkThread>();

export function startBulkThread(app: FastifyInstance): BulkThread {
  let stopping = false;
  let nextId = 1;
  const pending = new Map<number, PendingJob>();
  let current: { worker: Worker; stopped: Promise<void> } | null = null;

  const spawn = () => {
    const channel = new MessageChannel();
    const data: BulkThreadData = { kind: app.dbKind, databaseUrl: app.config.databaseUrl };
    const worker = new Worker(ENTRY, { workerData: { ...data, port: channel.port2 }, transferList: [channel.port2] });
    const served = data.kind === 'embedded' || !data.databaseUrl ? serveDatabaseOverPort(channel.port1, app.dbPool) : null;
    if (!served) channel.port1.close();
    let resolveStopped: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
    const send = (m: HostMessage, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);

    worker.on('message', (m: ThreadReply) => {
      if (m.type === 'stopped') return resolveStopped();
      if (m.type === 'ready') return;
      const job = pending.get(m.id);
      if (!job) return;
      if (m.type === 'pull') {
        job.body!.next().then(
          ({ value, done }) => {
            if (done) return send({ type: 'end', id: m.id });
            // A copy the thread owns (a socket chunk may be a view into a shared pool).
            const copy = new Uint8Array(value.byteLength);
            copy.set(value);
            send({ type: 'chunk', id: m.id, data: copy }, [copy.buffer]);
          },
          (error: unknown) => send({ type: 'body-error', id: m.id, error: toPlainError(error) }),
        );
      } else if (m.type === 'discard') {
        job.source?.resume();
      } else {
        pending.delete(m.id);
        if (m.ok) job.resolve(m.value);
        else job.reject(fromPlainError(m.error));
      }
    });
    worker.on('error', (error) => app.log.error({ err: error }, 'bulk thread failed'));
    worker.on('exit', (code) => {
      served?.close();
      resolveStopped();
      if (current?.worker === worker) current = null;
      for (const [id, job] of pending) {
        pending.delete(id);
        job.source?.resume();
        job.reject(new AppError('unavailable', 'The import stopped before it finished (the import thread exited); nothing of it was written. Try again.', {}, { 'retry-after': '2' }));
      }
      if (!stopping) app.log.error({ code }, 'bulk thread exited; it starts again with the next job');
    });
    current = { worker, stopped };
    return current;
  };
  spawn();

  const thread: BulkThread = {
    run(kind, args, body) {
      if (stopping) return Promise.reject(new AppError('unavailable', 'The server is shutting down.', {}, { 'retry-after': '2' }));
      const { worker } = current ?? spawn();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, body: body ? body[Symbol.asyncIterator]() : null, source: body });
        worker.postMessage({ type: 'job', id, kind, args, hasBody: Boolean(body) } satisfies HostMessage);
      });
    },
    async crash() {
      await current?.worker.terminate();
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      threads.delete(app.db);
      const running = current;
      if (!running) return;
      running.worker.postMessage({ type: 'stop' } satisfies HostMessage);
      await Promise.race([running.stopped, new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref())]);
      await running.worker.terminate();
    },
  };
  threads.set(app.db, thread);
  return thread;
}

/** Runs a bulk job in the server's bulk thread, or here when there is none. */
export async function runBulkJob<K extends BulkJobKind>(app: FastifyInstance, kind: K, args: BulkJobArgs<K>, body: Readable | null = null): Promise<unknown> {
  const thread = threads.get(app.db);
  const value = thread ? await thread.run(kind, args, body) : await BULK_JOBS[kind]({ db: app.db, embedded: app.dbKind === 'embedded' }, args as never, body);
  // An import may have added opt-outs to the suppression list: this process re-reads it at once.
  suppressionsChangedHere();
  return value;
}
