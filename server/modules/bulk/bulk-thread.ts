/**
 * The bulk thread (started by bulk-thread-host.ts): runs import jobs off the thread that answers
 * HTTP requests. The upload's bytes arrive over the thread's message port as the job pulls them
 * (one chunk per pull: the request is read no faster than it is parsed, so memory stays flat);
 * the decoding, CSV and JSON parsing, validation and the statements are built here. The
 * database is this thread's own pool on PostgreSQL, and the main thread's pool over a port on the
 * embedded database (which lives in the main thread; serve-over-port.ts gives API requests
 * priority over this thread's statements).
 */
import { Readable } from 'node:stream';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { Kysely } from 'kysely';
import { openDatabase } from '../../db/database.ts';
import { RemoteDialect } from '../../db/remote-dialect.ts';
import type { DB } from '../../db/schema.ts';
import { lowerThisThreadsPriority } from '../evals/thread-priority.ts';
import { BULK_JOBS } from './jobs.ts';
import type { BulkThreadData, HostMessage, ThreadReply } from './bulk-thread-host.ts';
import { fromPlainError, toPlainError } from './plain-error.ts';

const data = workerData as BulkThreadData & { port: MessagePort };
const post = (m: ThreadReply) => parentPort?.postMessage(m);

// When both want a core, the request thread goes first (thread-priority.ts).
lowerThisThreadsPriority();

const database =
  data.kind === 'postgres' && data.databaseUrl
    ? await openDatabase({ databaseUrl: data.databaseUrl, poolSize: 2 })
    : { db: new Kysely<DB>({ dialect: new RemoteDialect(data.port) }), close: async () => undefined };

const bodies = new Map<number, { stream: Readable; waiting: boolean }>();

function bodyFor(id: number): Readable {
  const entry = { waiting: false, stream: null as unknown as Readable };
  entry.stream = new Readable({
    highWaterMark: 256 * 1024,
    read() {
      if (entry.waiting) return;
      entry.waiting = true;
      post({ type: 'pull', id });
    },
  });
  bodies.set(id, entry);
  return entry.stream;
}

parentPort?.on('message', async (m: HostMessage) => {
  if (m.type === 'job') {
    const body = m.hasBody ? bodyFor(m.id) : null;
    let reply: ThreadReply;
    try {
      reply = { type: 'result', id: m.id, ok: true, value: await BULK_JOBS[m.kind]({ db: database.db, embedded: data.kind === 'embedded' }, m.args as never, body) };
    } catch (e) {
      reply = { type: 'result', id: m.id, ok: false, error: toPlainError(e) };
    }
    bodies.delete(m.id);
    // A job that ended before reading its whole body: the host drains the rest (before the result).
    if (body && !body.readableEnded) post({ type: 'discard', id: m.id });
    post(reply);
  } else if (m.type === 'chunk' || m.type === 'end' || m.type === 'body-error') {
    const entry = bodies.get(m.id);
    if (!entry) return;
    entry.waiting = false;
    if (m.type === 'chunk') entry.stream.push(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
    else if (m.type === 'end') entry.stream.push(null);
    else entry.stream.destroy(fromPlainError(m.error));
  } else if (m.type === 'stop') {
    await database.close();
    post({ type: 'stopped' });
    parentPort?.close();
    data.port.close();
  }
});
post({ type: 'ready' });
