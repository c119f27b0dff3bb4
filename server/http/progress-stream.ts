/**
 * Server-sent progress of a durable job (an evaluation run, a campaign): polls the job's row,
 * sends `progress` when it changes and at least once a second otherwise (so a page knows the job
 * is alive while it loads or computes), then `done` once the job has ended. The once-a-second
 * repeat runs on its own timer: a reload waiting its turn for a busy database (the embedded one
 * has a single connection, shared with the bulk job) does not hold the page's events back. One implementation
 * for every job's `/events` route; `streams` lets the app end open streams when it closes.
 */
import type { FastifyReply } from 'fastify';

const POLL_MS = 500;
/** Unchanged progress is repeated after this long, checked every quarter of it: always within a second. */
const REPEAT_MS = 700;

export interface ProgressStream<Row> {
  first: Row;
  reload: (row: Row) => Promise<Row>;
  progress: (row: Row) => Record<string, unknown>;
  /** The `done` event's data once the job has ended; null while it runs. */
  done: (row: Row) => unknown | null;
}

export async function streamProgress<Row>(reply: FastifyReply, streams: Set<() => void>, job: ProgressStream<Row>): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  let open = true;
  const end = () => {
    if (!open) return;
    open = false;
    streams.delete(end);
    raw.end();
  };
  streams.add(end);
  raw.on('close', () => {
    open = false;
    streams.delete(end);
  });
  const send = (event: string, data: unknown) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  let row = job.first;
  let last = '';
  let lastSentAt = 0;
  const heartbeat = setInterval(() => {
    if (open && last && Date.now() - lastSentAt >= REPEAT_MS) {
      lastSentAt = Date.now();
      raw.write(`event: progress\ndata: ${last}\n\n`);
    }
  }, REPEAT_MS / 4);
  try {
    while (open) {
      const progress = JSON.stringify(job.progress(row));
      if (progress !== last) {
        last = progress;
        lastSentAt = Date.now();
        raw.write(`event: progress\ndata: ${progress}\n\n`);
      }
      const done = job.done(row);
      if (done !== null) {
        send('done', done);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (!open) break;
      row = await job.reload(row);
    }
  } catch (e) {
    if (open) send('error', { detail: (e as Error).message });
  } finally {
    clearInterval(heartbeat);
  }
  end();
}
