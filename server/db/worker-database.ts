/**
 * The database of a bulk-work thread, both sides. On PostgreSQL the thread opens a pool of its
 * own (`databaseUrl`); on the embedded database (PGlite lives in the main thread: one process owns
 * its files) the thread's queries come back over a MessagePort and run on the main thread's pool
 * (serve-over-port.ts, which gives API requests priority).
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import { Kysely } from 'kysely';
import { openDatabase } from './database.ts';
import { RemoteDialect } from './remote-dialect.ts';
import type { DB } from './schema.ts';
import { serveDatabaseOverPort } from './serve-over-port.ts';

export interface WorkerDatabaseData {
  kind: 'embedded' | 'postgres';
  databaseUrl?: string;
}

/**
 * Starts `entry` in a worker thread with `data` (and the port its queries may come back on).
 * `stopped` resolves when the thread says so (`markStopped`) or exits; the served port is closed
 * on exit (rolling back what the thread left open).
 */
export function spawnDatabaseWorker<T extends WorkerDatabaseData>(app: FastifyInstance, entry: URL, data: T) {
  const channel = new MessageChannel();
  const worker = new Worker(entry, { workerData: { ...data, port: channel.port2 }, transferList: [channel.port2] });
  // Without a URL to connect to by itself (the embedded database, or a pool handed in by a
  // caller), the thread's queries come back here.
  const served = data.kind === 'embedded' || !data.databaseUrl ? serveDatabaseOverPort(channel.port1, app.dbPool) : null;
  if (!served) channel.port1.close();
  let markStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  worker.on('exit', () => {
    served?.close();
    markStopped();
  });
  return { worker, stopped, markStopped };
}

/** The thread side: its database, from the data spawnDatabaseWorker gave it. */
export async function openWorkerDatabase(data: WorkerDatabaseData & { port: MessagePort }, poolSize: number): Promise<{ db: Kysely<DB>; close(): Promise<void> }> {
  return data.kind === 'postgres' && data.databaseUrl
    ? await openDatabase({ databaseUrl: data.databaseUrl, poolSize })
    : { db: new Kysely<DB>({ dialect: new RemoteDialect(data.port) }), close: async () => undefined };
}
