/**
 * The privacy migration strips the personal parts that audit entries written before it carried
 * (recommendation payloads, final texts, notes, reasons), leaves every other entry as it was, and
 * the audit log is append-only again afterwards.
 */
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../server/db/migrations/index.ts';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { DB_TARGETS, openTestDatabase } from '../helpers/databases.ts';

describe.each(DB_TARGETS)('privacy migration on $kind', (target) => {
  let database: Database;
  beforeAll(async () => {
    // A scratch database migrated only up to the version before privacy (the PostgreSQL scratch
    // database comes migrated to the latest: its schema is reset first).
    if (target.kind === 'embedded') {
      database = await openDatabase({ embeddedDir: 'memory://' });
    } else {
      database = await openTestDatabase(target);
      await sql`drop schema public cascade`.execute(database.db);
      await sql`create schema public`.execute(database.db);
    }
    const migrator = new Migrator({ db: database.db, provider: migrationProvider });
    const before = await migrator.migrateTo('20261123T1430_workbench');
    if (before.error) throw before.error;
  });
  afterAll(async () => database?.close());

  it('strips personal parts of old recommendation entries only, and keeps the log append-only', async () => {
    const db = database.db;
    await sql`insert into audit_log (actor, action, subject, details) values
      ('token:a', 'recommendation.create', 'rec_1', ${JSON.stringify({ input_hash: 'h', lead_id: 'L-1', decision: 'contact', output: { recommendation: { email: { body: 'Dear Ana Horvat' } } } })}::jsonb),
      ('token:a', 'recommendation.edit', 'rec_1', ${JSON.stringify({ lead_id: 'L-1', final: { email: { body: 'Dear Ana' } }, reason: null, issues: [{ text: 'Ana' }], reasons: ['x'] })}::jsonb),
      ('token:a', 'recommendation.outcome', 'rec_1', ${JSON.stringify({ lead_id: 'L-1', outcome: 'converted', note: 'Ana booked' })}::jsonb),
      ('token:a', 'dataset.create', 'ds_1', ${JSON.stringify({ name: 'crm', as_of: '2026-11-20' })}::jsonb)`.execute(db);
    const migrator = new Migrator({ db, provider: migrationProvider });
    const result = await migrator.migrateToLatest();
    expect(result.error).toBeUndefined();
    const { rows } = await sql<{ action: string; details: Record<string, unknown> }>`select action, details from audit_log order by id`.execute(db);
    expect(rows.map((r) => r.details)).toEqual([
      { input_hash: 'h', lead_id: 'L-1', decision: 'contact' },
      { lead_id: 'L-1', reasons: ['x'] },
      { lead_id: 'L-1', outcome: 'converted' },
      { name: 'crm', as_of: '2026-11-20' },
    ]);
    await expect(sql`update audit_log set actor = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });
});
