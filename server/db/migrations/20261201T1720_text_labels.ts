/**
 * Issue 10: managers' readings of customer texts the engine could not read with confidence.
 * Keyed by lead id + text hash (the engine's textHash); no text is stored here, so an erasure of
 * the lead leaves nothing personal behind in this table but the lead id.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('text_labels')
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('intent', 'text', (c) => c.notNull())
    .addColumn('dataset_id', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('text_labels_pk', ['lead_id', 'text_hash'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('text_labels').execute();
}
