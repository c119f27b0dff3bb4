/**
 * Privacy (issue 14): the suppression list (keyed hashes of the email / phone of everyone who
 * opted out, refused contact or asked for erasure), the record of erasures, and the flags that
 * say a row's personal data is gone (erased leads, recommendations and runs stripped by retention).
 *
 * It also strips the personal parts that audit entries written before this migration carried
 * (recommendation payloads, final texts, notes, free-text reasons): from now on recordAudit
 * callers put only references and codes there, and the audit log stays append-only. The trigger
 * is disabled for that one statement only, inside the migration's transaction.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('privacy_suppressions')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('email','phone')`))
    // HMAC-SHA256 of the normalised identifier, keyed by the workspace's privacy key.
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('opted_out','erasure_requested','asked_not_to_contact')`))
    .addColumn('source', 'text', (c) => c.notNull())
    // From when the refusal is known: replays (evaluations, previews) as of an earlier date ignore it.
    .addColumn('effective_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('privacy_suppressions_pkey', ['kind', 'hash'])
    .execute();
  await db.schema.createIndex('privacy_suppressions_hash_idx').on('privacy_suppressions').column('hash').execute();

  await db.schema
    .createTable('privacy_erasures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // { email: [hmac], phone: [hmac], lead_id: [hmac] }: proves what was erased without holding it.
    .addColumn('identifier_hashes', 'jsonb', (c) => c.notNull())
    .addColumn('records_erased', 'integer', (c) => c.notNull())
    .addColumn('counts', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('leads').addColumn('erased_at', 'timestamptz').execute();
  await db.schema.alterTable('datasets').addColumn('erased_leads', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('recommendations').addColumn('personal_data_removed_at', 'timestamptz').execute();
  await db.schema.alterTable('eval_runs').addColumn('personal_data_removed_at', 'timestamptz').execute();

  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
  await sql`
    update audit_log set details = details - 'output' - 'final' - 'note' - 'reason' - 'issues'
     where action like 'recommendation.%'
       and (details ? 'output' or details ? 'final' or details ? 'note' or details ? 'reason' or details ? 'issues')`.execute(db);
  await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('privacy_erasures').ifExists().execute();
  await db.schema.dropTable('privacy_suppressions').ifExists().execute();
  await db.schema.alterTable('leads').dropColumn('erased_at').execute();
  await db.schema.alterTable('datasets').dropColumn('erased_leads').execute();
  await db.schema.alterTable('recommendations').dropColumn('personal_data_removed_at').execute();
  await db.schema.alterTable('eval_runs').dropColumn('personal_data_removed_at').execute();
}
