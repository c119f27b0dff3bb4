/**
 * Multi-file imports and mapping versions.
 * - import_stages / import_stage_rows: the files of one CRM export (leads, activities, quotes)
 *   are uploaded one by one and their mapped rows wait here, keyed by the CRM's record id, until
 *   the import is committed; the commit joins them in the database (memory stays flat however
 *   big the export) and writes the dataset in one transaction.
 * - mapping_versions: every saved mapping is kept, numbered per name, like rules and prompts.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_stages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id'))
    .addColumn('mapping', 'text', (c) => c.notNull())
    // The mapping as it was when the import began: a later edit does not change a half-done import.
    .addColumn('mapping_content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','committed')`))
    .addColumn('files', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('committed_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('import_stage_rows')
    .addColumn('stage_id', 'text', (c) => c.notNull().references('import_stages.id').onDelete('cascade'))
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    // One row of an activities file may name several leads: one staged row per lead.
    .addColumn('part', 'integer', (c) => c.notNull().defaultTo(0))
    // Byte order ("C"): the commit pages through leads by id range, the same on both databases.
    .addColumn('lead_id', sql`text collate "C"`)
    .addColumn('ok', 'boolean', (c) => c.notNull())
    // The mapped record as JSON text: staged rows are only written and read back whole, and text
    // costs far less than jsonb to store and return (600,000 rows in a big export).
    .addColumn('payload', 'text')
    // When the activity or quote happened (ISO text), to put a lead's items in time order.
    .addColumn('sort_key', 'text')
    .addColumn('errors', 'jsonb')
    .execute();
  // The one index: the commit reads by (stage, lead id) ranges, everything else by stage. No
  // primary key: rows are only ever written by one upload of their file, and each index costs
  // every one of an export's 600,000 inserts.
  await db.schema.createIndex('import_stage_rows_lead_idx').on('import_stage_rows').columns(['stage_id', 'lead_id']).execute();

  await db.schema
    .createTable('mapping_versions')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('mapping_versions_pkey', ['name', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['mapping_versions', 'import_stage_rows', 'import_stages']) await db.schema.dropTable(table).ifExists().execute();
}
