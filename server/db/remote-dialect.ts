/**
 * A Kysely dialect whose queries run in ANOTHER thread: the embedded PGlite lives in the server's
 * main thread (one process owns its files), so a worker thread that does bulk work (evaluation
 * runs) reaches it through a MessagePort. The main thread executes each query on its own pool
 * (`serveDatabaseOverPort`), giving API requests priority; this side only compiles and sends.
 * The SQL is Kysely's PostgreSQL SQL, exactly what the main thread would run itself.
 *
 * A statement outside a transaction is one message (`conn: 0`): the main thread takes a pool
 * connection, runs it and gives the connection back at once, so it is never held while this
 * thread is busy computing (and, at lower CPU priority, waiting for a core). Only a transaction
 * takes a connection for its length. So a connection outside a transaction is not pinned: fine
 * for Kysely's queries and transactions; `db.connection()` session state would not carry over.
 */
import type { MessagePort } from 'node:worker_threads';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

export type RemoteRequest =
  | { id: number; op: 'acquire'; conn: number }
  | { id: number; op: 'release'; conn: number }
  /** conn 0: not in a transaction; any connection, taken and given back for this statement alone. */
  | { id: number; op: 'query'; conn: number; sql: string; params: readonly unknown[] };

export type RemoteReply =
  | { id: number; ok: true; rows?: unknown[]; rowCount?: number | null; command?: string }
  | { id: number; ok: false; error: { message: string; code?: string; detail?: string } };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

class RemoteClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: RemoteReply) => void }>();
  constructor(private readonly port: MessagePort) {
    port.on('message', (reply: RemoteReply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      waiter.resolve(reply);
    });
  }

  async call(request: WithoutId<RemoteRequest>): Promise<RemoteReply & { ok: true }> {
    const id = this.nextId++;
    const reply = await new Promise<RemoteReply>((resolve) => {
      this.pending.set(id, { resolve });
      this.port.postMessage({ ...request, id });
    });
    if (!reply.ok) {
      // The error keeps its SQLSTATE code, so callers react as they would to a local error.
      throw Object.assign(new Error(reply.error.message), { code: reply.error.code, detail: reply.error.detail });
    }
    return reply;
  }
}

class RemoteConnection implements DatabaseConnection {
  /** True from `begin` to the release: the main thread holds a connection for this one. */
  held = false;
  constructor(
    private readonly client: RemoteClient,
    readonly conn: number,
  ) {}

  async hold(): Promise<void> {
    await this.client.call({ op: 'acquire', conn: this.conn });
    this.held = true;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const reply = await this.client.call({ op: 'query', conn: this.held ? this.conn : 0, sql: query.sql, params: query.parameters });
    const affects = ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(reply.command ?? '');
    return {
      rows: (reply.rows ?? []) as R[],
      ...(affects && reply.rowCount != null ? { numAffectedRows: BigInt(reply.rowCount) } : {}),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported over a remote connection');
  }
}

class RemoteDriver implements Driver {
  private nextConn = 1;
  constructor(private readonly client: RemoteClient) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    // Lazy: only a transaction makes the main thread hold a connection (see the file comment).
    return new RemoteConnection(this.client, this.nextConn++);
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await (connection as RemoteConnection).hold();
    await connection.executeQuery(CompiledQuery.raw(`begin${level}`));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as RemoteConnection;
    if (!c.held) return;
    c.held = false;
    await this.client.call({ op: 'release', conn: c.conn });
  }
  async destroy(): Promise<void> {}
}

export class RemoteDialect implements Dialect {
  private readonly client: RemoteClient;
  constructor(port: MessagePort) {
    this.client = new RemoteClient(port);
  }
  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new RemoteDriver(this.client);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
