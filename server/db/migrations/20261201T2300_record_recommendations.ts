/**
 * The production endpoint's write in ONE round trip: `record_recommendations(actor, batch)` takes
 * the per-lead advisory locks, inserts the recommendation rows and their audit entries, and
 * supersedes the open earlier recommendations of the same leads (each with its audit entry), all
 * in the calling statement's transaction: atomic, nothing half-written, and any failure (the
 * audit log refusing a row) fails the whole call.
 *
 * Why a function and not one statement with CTEs: a statement sees one snapshot, taken before it
 * waits for a lock, so a concurrent request for the same lead that commits while this one waits
 * would stay invisible to the supersede and both would stay open. A VOLATILE plpgsql function
 * takes a fresh snapshot for each statement in it (READ COMMITTED), so after the lock the
 * supersede sees what the previous holder committed, exactly as the former
 * begin / lock / insert / supersede / commit sequence (5 round trips) did.
 *
 * `batch`: { recs: [{ id, release_id, lead_id, as_of, input_hash, decision, priority, lead,
 * output, status, assigned_to, audit }], newest: [{ lead_id, new_id }], suppressions?: [...],
 * rank?: [...] }, recs in the order the audit entries are to be written. With `suppressions` the
 * refusals decided in the batch go on the suppression list in the same call (upsert_suppressions).
 * Returns how many suppression rows were written (the caller's own lookups then re-read the list).
 *
 * `upsert_suppressions(actor, rows, rank)` is THE suppression-list upsert (addSuppressions calls
 * it as well): rows [{ kind, hash, reason, source, effective_at }], one per (kind, hash); an
 * existing entry takes the stronger reason (later in `rank`) and the earlier date, an unchanged
 * one is not written; when anything was written the list's version in settings moves
 * (`privacy.suppression_version`), so every process re-reads the list.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function upsert_suppressions(p_actor text, p_rows jsonb, p_rank text[]) returns integer
    language plpgsql volatile as $$
    declare
      written integer;
    begin
      with w as (
        insert into privacy_suppressions as s (kind, hash, reason, source, effective_at, created_by)
        select x->>'kind', x->>'hash', x->>'reason', x->>'source', (x->>'effective_at')::timestamptz, p_actor
          from jsonb_array_elements(p_rows) as x
        on conflict (kind, hash) do update set
          reason = case when array_position(p_rank, excluded.reason) > array_position(p_rank, s.reason) then excluded.reason else s.reason end,
          source = case when array_position(p_rank, excluded.reason) > array_position(p_rank, s.reason) then excluded.source else s.source end,
          effective_at = least(s.effective_at, excluded.effective_at)
          -- Nothing to change (the usual case: a refusal seen again): no write, no version bump.
          where array_position(p_rank, excluded.reason) > array_position(p_rank, s.reason) or excluded.effective_at < s.effective_at
        returning 1
      )
      select count(*) into written from w;
      if written > 0 then
        insert into settings (key, value) values ('privacy.suppression_version', '1'::jsonb)
          on conflict (key) do update set value = to_jsonb((settings.value #>> '{}')::bigint + 1);
      end if;
      return written;
    end $$`.execute(db);

  await sql`
    create or replace function record_recommendations(p_actor text, p_batch jsonb) returns integer
    language plpgsql volatile as $$
    declare
      written integer := 0;
    begin
      -- One order for every caller, so two batches over the same leads cannot deadlock.
      perform pg_advisory_xact_lock(k)
        from (select distinct hashtext(n->>'lead_id') as k from jsonb_array_elements(p_batch->'newest') as n order by k) as keys;

      insert into recommendations (id, release_id, lead_id, as_of, input_hash, decision, priority, lead, output, status, assigned_to, created_by)
      select e.v->>'id', e.v->>'release_id', e.v->>'lead_id', (e.v->>'as_of')::date, e.v->>'input_hash', e.v->>'decision',
             (e.v->>'priority')::integer, e.v->'lead', e.v->'output', e.v->>'status', e.v->>'assigned_to', p_actor
        from jsonb_array_elements(p_batch->'recs') with ordinality as e(v, ord)
        order by e.ord;

      insert into audit_log (actor, action, subject, details)
      select p_actor, 'recommendation.create', e.v->>'id', e.v->'audit'
        from jsonb_array_elements(p_batch->'recs') with ordinality as e(v, ord)
        order by e.ord;

      -- A new statement, so a new snapshot: it sees the rows of whoever held the lock before us.
      with n(lead_id, new_id) as (select x->>'lead_id', x->>'new_id' from jsonb_array_elements(p_batch->'newest') as x),
      s as (
        update recommendations r set status = 'superseded', superseded_by = n.new_id
          from n where r.lead_id = n.lead_id and r.status = 'needs_review' and r.id <> n.new_id
          returning r.id, r.lead_id, n.new_id
      )
      insert into audit_log (actor, action, subject, details)
      select p_actor, 'recommendation.supersede', s.id, jsonb_build_object('lead_id', s.lead_id, 'superseded_by', s.new_id) from s;

      if jsonb_array_length(coalesce(p_batch->'suppressions', '[]'::jsonb)) > 0 then
        written := upsert_suppressions(p_actor, p_batch->'suppressions', array(select jsonb_array_elements_text(p_batch->'rank')));
      end if;
      return written;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists record_recommendations(text, jsonb)`.execute(db);
  await sql`drop function if exists upsert_suppressions(text, jsonb, text[])`.execute(db);
}
