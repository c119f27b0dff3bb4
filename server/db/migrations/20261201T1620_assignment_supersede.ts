/**
 * Issue 11: who a token acts for, one current recommendation per lead, the original text beside
 * the final one in a review, and a rollback recorded beside (not over) the approval it undoes.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The CRM owner names a token acts for (a rep's queue follows these), set by the admin.
  await db.schema.alterTable('tokens').addColumn('acts_for', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)).execute();
  // Existing rep tokens keep what they saw before: the owner equal to their name.
  await sql`update tokens set acts_for = jsonb_build_array(name) where role = 'rep'`.execute(db);

  await db.schema.alterTable('recommendations').addColumn('superseded_by', 'text').execute();
  await db.schema.createIndex('recommendations_lead_status_idx').on('recommendations').columns(['lead_id', 'status']).execute();

  await db.schema.alterTable('reviews').addColumn('original', 'jsonb').execute();

  await db.schema
    .alterTable('releases')
    .addColumn('rolled_back_by', 'text')
    .addColumn('rolled_back_at', 'timestamptz')
    .addColumn('rollback_comment', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('releases').dropColumn('rolled_back_by').dropColumn('rolled_back_at').dropColumn('rollback_comment').execute();
  await db.schema.alterTable('reviews').dropColumn('original').execute();
  await db.schema.dropIndex('recommendations_lead_status_idx').ifExists().execute();
  await db.schema.alterTable('recommendations').dropColumn('superseded_by').execute();
  await db.schema.alterTable('tokens').dropColumn('acts_for').execute();
}
