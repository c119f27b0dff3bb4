/**
 * A PostgreSQL connection killed under the server (as a database restart does) neither crashes
 * the process nor loses later requests: the pool reconnects.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest, type Database } from '../../server/db/database.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('PostgreSQL connections dropped under the server', () => {
  let scratch: TestDatabase;
  let database: Database;
  const idleErrors: Error[] = [];
  beforeAll(async () => {
    scratch = await openTestDatabase({ kind: 'postgres', url });
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 3, onIdleError: (e) => idleErrors.push(e) });
    await migrateToLatest(database.db);
  });
  afterAll(async () => {
    await database?.close();
    await scratch?.close();
  });

  it('survives its idle connections being terminated and answers the next query', async () => {
    await Promise.all([1, 2, 3].map(() => database.db.selectFrom('datasets').select('id').execute()));
    const admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
    await admin.end();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(idleErrors.length).toBeGreaterThan(0);
    const rows = await database.db.selectFrom('datasets').select('id').execute();
    expect(rows).toEqual([]);
  });
});
