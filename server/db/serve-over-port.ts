/**
 * The main thread's side of `RemoteDialect`: runs a worker thread's queries on this thread's
 * pool. API requests keep priority: a worker connection is only taken when no request is waiting
 * for the pool and a connection is free (bounded, so bulk work is slowed, never starved), and
 * the worker takes one connection per statement (given back as soon as it has run) or short
 * transaction, so at most one of its statements stands between a request and the database.
 */
import type { MessagePort } from 'node:worker_threads';
import type pg from 'pg';
import type { RemoteReply, RemoteRequest } from './remote-dialect.ts';

const MAX_YIELD_MS = 250;

function poolIsBusy(pool: pg.Pool): boolean {
  const max = (pool.options as { max?: number }).max ?? 10;
  return pool.waitingCount > 0 || (pool.idleCount === 0 && pool.totalCount >= max);
}

async function yieldToRequests(pool: pg.Pool): Promise<void> {
  const started = Date.now();
  while (poolIsBusy(pool) && Date.now() - started < MAX_YIELD_MS) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export function serveDatabaseOverPort(port: MessagePort, pool: pg.Pool): { close(): void } {
  const clients = new Map<number, pg.PoolClient>();
  const reply = (message: RemoteReply) => port.postMessage(message);
  port.on('message', async (request: RemoteRequest) => {
    try {
      if (request.op === 'acquire') {
        await yieldToRequests(pool);
        clients.set(request.conn, await pool.connect());
        reply({ id: request.id, ok: true });
      } else if (request.op === 'release') {
        clients.get(request.conn)?.release();
        clients.delete(request.conn);
        reply({ id: request.id, ok: true });
      } else if (request.conn === 0) {
        await yieldToRequests(pool);
        const result = await pool.query({ text: request.sql, values: request.params as unknown[] });
        reply({ id: request.id, ok: true, rows: result.rows, rowCount: result.rowCount, command: result.command });
      } else {
        const client = clients.get(request.conn);
        if (!client) throw new Error(`no connection ${request.conn}`);
        const result = await client.query({ text: request.sql, values: request.params as unknown[] });
        reply({ id: request.id, ok: true, rows: result.rows, rowCount: result.rowCount, command: result.command });
      }
    } catch (e) {
      const error = e as { message?: string; code?: string; detail?: string };
      reply({ id: request.id, ok: false, error: { message: error.message ?? String(e), code: error.code, detail: error.detail } });
    }
  });
  return {
    close() {
      // The thread went away (it stopped, or died mid-transaction): a transaction it left open must
      // end here, or the next user of the connection would run inside it (and on the embedded
      // database, whose one session is that connection, commit the dead thread's half-written
      // work with its own). The rollback runs after any statement still in flight on the client.
      for (const client of clients.values()) {
        client.query('rollback').then(
          () => client.release(),
          (error: Error) => client.release(error),
        );
      }
      clients.clear();
      port.close();
    },
  };
}
