/**
 * Opens the database: the embedded PGlite by default, PostgreSQL when DATABASE_URL is set.
 * Both go through `pg`'s Pool and Kysely's own PostgresDialect, so every query is the same code.
 * PGlite is reached through its node-postgres adapter with a pool of one connection: PGlite has a
 * single session, and the pool's queue is the connection lock that keeps concurrent writes safe.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { migrationProvider } from './migrations/index.ts';

// `date` columns come back as the ISO string they are, not a JS Date shifted by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// Counts and bigserial ids: int8 as a JS number would be lossy past 2^53; keep it a string.

export type DatabaseKind = 'embedded' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** The pool under `db`: the embedded database serves a worker thread's queries through it. */
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://... to use a PostgreSQL server. */
  databaseUrl?: string;
  /** Folder for the embedded database files; `memory://` for a throwaway in-memory database. */
  embeddedDir?: string;
  /** Connections for PostgreSQL (ignored for PGlite, which has exactly one). */
  poolSize?: number;
  /** Told when an idle PostgreSQL connection dies (e.g. the server restarted). */
  onIdleError?: (error: Error) => void;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection dropped by a database restart emits 'error' on the pool; unhandled, that
    // would crash the process. The pool replaces the connection; requests in flight fail and retry.
    pool.on('error', (error) => options.onIdleError?.(error));
    // A connection that dies while a query is using it (failover, restart, pg_terminate_backend
    // under load) emits 'error' on the CLIENT, which the pool does not listen to while the client
    // is checked out: unhandled, that kills the process. The query in flight fails on its own
    // (and becomes a 503 with Retry-After); the pool drops the broken client and reconnects.
    pool.on('connect', (client) => {
      client.on('error', (error) => options.onIdleError?.(error));
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const dir = options.embeddedDir ?? 'memory://';
  if (!dir.startsWith('memory://')) fs.mkdirSync(path.dirname(dir), { recursive: true });
  // PGlite's WASM memory never shrinks and Postgres' default 128 MB of shared buffers fill up on a
  // large import; 16 MB keeps an embedded installation around 300 MB after importing 100,000 leads
  // (measured: 128 MB -> ~510 MB, 16 MB -> ~315 MB), and the OS page cache still caches the files.
  const startParams = [...(PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams, '-c', 'shared_buffers=16MB'];
  const pglite = await PGlite.create(dir, { startParams } as Parameters<typeof PGlite.create>[1]);
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 } as pg.PoolConfig);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'embedded',
    pool,
    close: async () => {
      await db.destroy();
      // Without this the process waits ~10 s for PGlite's worker before it can exit.
      await pglite.close();
    },
  };
}

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
