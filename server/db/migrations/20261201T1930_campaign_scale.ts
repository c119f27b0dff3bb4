/**
 * Issue 16, scale: a campaign of a million leads. Each chunk keeps its own counts (recounted from
 * its seq range when it completes), so finishing a chunk costs the chunk, not the campaign so far
 * (recounting the whole campaign per chunk made a campaign quadratic). The (campaign, seq) index
 * serves those range counts, the chunk's queue pass and keyset pages of a campaign's leads.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('campaign_chunks')
    .addColumn('selected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('held_out', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('queued', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('campaign_leads_seq_idx').on('campaign_leads').columns(['campaign_id', 'seq']).execute();
  // Campaigns made before this migration: their done chunks get the counts of their leads.
  await sql`
    update campaign_chunks k set
      selected = (select count(*) from campaign_leads l where l.campaign_id = k.campaign_id and l.seq between k.first_seq and k.last_seq and l.selected),
      held_out = (select count(*) from campaign_leads l where l.campaign_id = k.campaign_id and l.seq between k.first_seq and k.last_seq and l.held_out),
      queued = (select count(*) from campaign_leads l where l.campaign_id = k.campaign_id and l.seq between k.first_seq and k.last_seq and l.recommendation_id is not null)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists campaign_leads_seq_idx`.execute(db);
  await db.schema.alterTable('campaign_chunks').dropColumn('selected').dropColumn('held_out').dropColumn('queued').execute();
}
