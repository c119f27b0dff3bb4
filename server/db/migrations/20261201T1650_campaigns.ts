/**
 * Backtests and campaigns: an evaluation run may replay its dataset as of an earlier date (with
 * an outcome window); a campaign runs the production release over a dataset as of a date, in
 * chunks that several workers claim (lease + SKIP LOCKED, like evaluation runs), and keeps every
 * decided lead with its treated / held-out mark.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('eval_runs').addColumn('as_of', 'text').execute();
  await db.schema.alterTable('eval_runs').addColumn('outcome_window_days', 'integer', (c) => c.notNull().defaultTo(60)).execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('holdout_pct', 'double precision', (c) => c.notNull())
    .addColumn('release_id', 'text', (c) => c.notNull().references('releases.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued','running','done','failed','cancelled')`))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('selected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('held_out', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('queued', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expected_recovered_revenue', 'double precision')
    .addColumn('summary', 'jsonb')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();
  // One campaign per (dataset version, as_of, holdout, release): asking again returns it.
  await db.schema.createIndex('campaigns_identity').on('campaigns').columns(['dataset_id', 'as_of', 'holdout_pct', 'release_id']).unique().execute();

  await db.schema
    .createTable('campaign_chunks')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('chunk', 'integer', (c) => c.notNull())
    .addColumn('first_seq', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued','running','done')`))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'timestamptz')
    .addPrimaryKeyConstraint('campaign_chunks_pkey', ['campaign_id', 'chunk'])
    .execute();
  await db.schema.createIndex('campaign_chunks_status_idx').on('campaign_chunks').columns(['status', 'campaign_id', 'chunk']).execute();

  await db.schema
    .createTable('campaign_leads')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reason', 'text')
    .addColumn('selected', 'boolean', (c) => c.notNull())
    .addColumn('held_out', 'boolean', (c) => c.notNull())
    .addColumn('recommendation_id', 'text')
    .addColumn('value', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('value_source', 'text', (c) => c.notNull())
    .addColumn('historical_outcome', 'text')
    .addColumn('p_recovered', 'double precision')
    .addPrimaryKeyConstraint('campaign_leads_pkey', ['campaign_id', 'lead_id'])
    .execute();

  // Shadow mode: an approved release decides every production request too, off the request path.
  await db.schema
    .createTable('shadows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('release_id', 'text', (c) => c.notNull().references('releases.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','stopped')`))
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('stopped_by', 'text')
    .addColumn('stopped_at', 'timestamptz')
    .execute();
  await sql`create unique index shadows_one_active on shadows ((status)) where status = 'active'`.execute(db);
  await db.schema
    .createTable('shadow_decisions')
    .addColumn('shadow_id', 'text', (c) => c.notNull().references('shadows.id').onDelete('cascade'))
    .addColumn('recommendation_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('production_decision', 'text', (c) => c.notNull())
    .addColumn('shadow_decision', 'text', (c) => c.notNull())
    .addColumn('production', 'jsonb', (c) => c.notNull())
    .addColumn('shadow', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('shadow_decisions_pkey', ['shadow_id', 'recommendation_id'])
    .execute();
  // A campaign queues a lead at most once, whatever its workers do (actor = campaign:<id>).
  await sql`create unique index recommendations_campaign_lead on recommendations (created_by, lead_id) where created_by like 'campaign:%'`.execute(db);
  await db.schema.createIndex('campaign_leads_selected_idx').on('campaign_leads').columns(['campaign_id', 'selected', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('shadow_decisions').execute();
  await db.schema.dropTable('shadows').execute();
  await sql`drop index if exists recommendations_campaign_lead`.execute(db);
  await db.schema.dropTable('campaign_leads').execute();
  await db.schema.dropTable('campaign_chunks').execute();
  await db.schema.dropTable('campaigns').execute();
  await db.schema.alterTable('eval_runs').dropColumn('outcome_window_days').execute();
  await db.schema.alterTable('eval_runs').dropColumn('as_of').execute();
}
