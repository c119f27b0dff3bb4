/**
 * The thread side of bulk jobs: answers the host's job messages (bulk-thread-host.ts) on a
 * thread's parentPort with BULK_JOBS over the thread's database. An upload's bytes arrive as the
 * job pulls them (one chunk per pull: the request is read no faster than it is parsed). Used by
 * the server's evaluation thread (one thread for every bulk job) and by the standalone bulk
 * thread (bulk-thread.ts).
 */
import { Readable } from 'node:stream';
import type { MessagePort } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { BULK_JOBS } from './jobs.ts';
import type { HostMessage, ThreadReply } from './bulk-thread-host.ts';
import { fromPlainError, toPlainError } from './plain-error.ts';

const JOB_MESSAGES = new Set(['job', 'chunk', 'end', 'body-error']);

export function serveBulkJobs(port: MessagePort, db: Kysely<DB>, embedded: boolean): void {
  const post = (m: ThreadReply) => port.postMessage(m);
  const bodies = new Map<number, { stream: Readable; waiting: boolean }>();

  const bodyFor = (id: number): Readable => {
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
  };

  port.on('message', async (m: HostMessage) => {
    if (!JOB_MESSAGES.has(m.type)) return; // the thread's other messages (stop, queued, ...)
    if (m.type === 'job') {
      const body = m.hasBody ? bodyFor(m.id) : null;
      let reply: ThreadReply;
      try {
        reply = { type: 'result', id: m.id, ok: true, value: await BULK_JOBS[m.kind]({ db, embedded }, m.args as never, body) };
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
    }
  });
}
