/**
 * Versioned rules and prompts, releases, evaluation runs with per-lead results, the provider
 * cache, and production recommendations with their reviews and outcomes.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Rulesets and prompt templates: immutable, content-hashed versions of a set of files.
  await db.schema
    .createTable('content_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('ruleset','prompt')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('files', 'jsonb', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('content_versions_kind_name_version_key', ['kind', 'name', 'version'])
    .execute();
  await db.schema.createIndex('content_versions_hash_idx').on('content_versions').columns(['kind', 'content_hash']).execute();

  await db.schema
    .createTable('releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('ruleset_version_id', 'text', (c) => c.notNull().references('content_versions.id'))
    .addColumn('prompt_version_id', 'text', (c) => c.notNull().references('content_versions.id'))
    .addColumn('provider', 'jsonb', (c) => c.notNull())
    .addColumn('provider_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('proposed','approved','rejected','production','retired')`))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_comment', 'text')
    .addColumn('gate_results', 'jsonb')
    .addColumn('eval_run_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('promoted_at', 'timestamptz')
    .execute();
  // At most one production release, enforced by the database itself.
  await sql`create unique index releases_one_production on releases ((status)) where status = 'production'`.execute(db);

  await db.schema
    .createTable('eval_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id'))
    .addColumn('ruleset_version_id', 'text', (c) => c.notNull().references('content_versions.id'))
    .addColumn('prompt_version_id', 'text', (c) => c.notNull().references('content_versions.id'))
    .addColumn('provider', 'jsonb', (c) => c.notNull())
    .addColumn('candidate_hash', 'text', (c) => c.notNull())
    .addColumn('release_id', 'text')
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued','running','done','failed','cancelled')`))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('metrics', 'jsonb')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('eval_runs_status_idx').on('eval_runs').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('eval_results')
    .addColumn('run_id', 'text', (c) => c.notNull().references('eval_runs.id').onDelete('cascade'))
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('gold_decision', 'text')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addColumn('latency_ms', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('cached', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('eval_results_pkey', ['run_id', 'lead_id'])
    .execute();
  await db.schema.createIndex('eval_results_run_seq_idx').on('eval_results').columns(['run_id', 'seq']).execute();

  await db.schema
    .createTable('provider_cache')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('output', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('recommendations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('release_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('input_hash', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lead', 'jsonb', (c) => c.notNull())
    .addColumn('output', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('recommendations_status_idx').on('recommendations').columns(['status', 'priority']).execute();
  await db.schema.createIndex('recommendations_lead_idx').on('recommendations').columns(['lead_id', 'created_at']).execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('recommendation_id', 'text', (c) => c.notNull().references('recommendations.id'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('approve','edit','reject')`))
    .addColumn('final', 'jsonb')
    .addColumn('reason', 'text')
    .addColumn('issues', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('outcomes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('recommendation_id', 'text', (c) => c.notNull().references('recommendations.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['outcomes', 'reviews', 'recommendations', 'provider_cache', 'eval_results', 'eval_runs', 'releases', 'content_versions']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
