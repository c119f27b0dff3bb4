/**
 * The databases a test file runs against: always the embedded PGlite; the real PostgreSQL server
 * too when TEST_DATABASE_URL is set (.ci/run sets it). Each test file gets its own throwaway
 * PostgreSQL database, so files can run in parallel without seeing each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, migrateToLatest, type Database } from '../../server/db/database.ts';

export interface DbTarget {
  kind: 'embedded' | 'postgres';
  url?: string;
}

export const DB_TARGETS: DbTarget[] = [
  { kind: 'embedded' },
  ...(process.env.TEST_DATABASE_URL ? [{ kind: 'postgres' as const, url: process.env.TEST_DATABASE_URL }] : []),
];

if (!process.env.TEST_DATABASE_URL && !process.env.REKINDLE_QUIET_SKIP) {
  process.env.REKINDLE_QUIET_SKIP = '1';
  console.warn('TEST_DATABASE_URL is not set: database tests run on the embedded database only (.ci/run runs both).');
}

export interface TestDatabase extends Database {
  /** postgres:// URL of the scratch database (postgres only), for tests that start processes. */
  url?: string;
}

/** `embeddedDir`: a folder for a file-backed PGlite (tests that inspect the database's files). */
export async function openTestDatabase(target: DbTarget, options: { embeddedDir?: string } = {}): Promise<TestDatabase> {
  if (target.kind === 'embedded') {
    const database = await openDatabase({ embeddedDir: options.embeddedDir ?? 'memory://' });
    await migrateToLatest(database.db);
    return database;
  }
  const name = `rekindle_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(target.url!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateToLatest(database.db);
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: target.url });
      await c.connect();
      // pg's Pool.end() resolves before the server has closed the sessions; dropping "with (force)"
      // at once kills them mid-close, and the client's FATAL surfaces as an uncaught error.
      for (let i = 0; i < 100; i++) {
        const { rows } = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
