/**
 * Where an import on the embedded database writes its leads before they become the dataset's:
 * the rows are written here a small statement at a time, outside any transaction (the embedded
 * database has one session, and a transaction holds it: API requests waited for a whole import),
 * then moved into `leads` by one statement in a short transaction, all or nothing. Unlogged: a
 * staging area, rebuilt by the next import if the server crashes; rows an import left behind are
 * deleted by that import's own cleanup or, if it died, by the next start (created_at).
 *
 * The staged files of a multi-file import (import_stage_rows) become unlogged too: they are
 * uploads waiting for a commit, written once and read once, and their WAL was a large share of
 * an export's import time (500,000 activity rows); after a database crash the files of an open
 * import are uploaded again (a committed dataset is in `leads`, which stays logged).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create unlogged table import_pending_leads (
      import_key text not null,
      rel_seq integer not null,
      lead_id text not null,
      record jsonb not null,
      status text,
      label_decision text,
      contact_name text,
      email_norm text,
      phone_norm text,
      search_text text not null default '',
      created_at timestamptz not null default now(),
      primary key (import_key, rel_seq)
    )`.execute(db);
  await sql`alter table import_stage_rows set unlogged`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists import_pending_leads`.execute(db);
  await sql`alter table import_stage_rows set logged`.execute(db);
}
