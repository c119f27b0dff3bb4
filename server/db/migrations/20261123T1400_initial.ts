/**
 * Initial schema. SQL here must run on PostgreSQL 15 (server) and PGlite (PostgreSQL 18).
 * Lead records are kept whole as jsonb; the columns beside them are what lists filter and sort on.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin','manager','engineer','rep')`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('datasets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('datasets.id'))
    .addColumn('locked_at', 'timestamptz')
    .addColumn('lead_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('datasets_name_version_key', ['name', 'version'])
    .execute();

  await db.schema
    .createTable('leads')
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('label_decision', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('email_norm', 'text')
    .addColumn('phone_norm', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('leads_pkey', ['dataset_id', 'lead_id'])
    .execute();
  await db.schema.createIndex('leads_dataset_seq_idx').on('leads').columns(['dataset_id', 'seq']).execute();
  await db.schema.createIndex('leads_dataset_status_idx').on('leads').columns(['dataset_id', 'status']).execute();
  await db.schema.createIndex('leads_dataset_label_idx').on('leads').columns(['dataset_id', 'label_decision']).execute();

  await db.schema
    .createTable('mappings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('audit_log_subject_idx').on('audit_log').columns(['subject', 'id']).execute();
  // Append-only: the database itself refuses to change or delete an audit entry.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['settings', 'audit_log', 'mappings', 'leads', 'datasets', 'tokens']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`drop function if exists audit_log_append_only()`.execute(db);
}
