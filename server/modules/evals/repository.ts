/**
 * Evaluation runs and their per-lead results. A run is a durable job: workers claim it with
 * `FOR UPDATE SKIP LOCKED` and a lease they renew while working; results are written in batches
 * with `on conflict do nothing` on (run_id, lead_id), so a lead is counted exactly once however
 * often a crashed run is resumed.
 */
import type { ReasonExplained } from '../../domain/decision.ts';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, EvalRunsTable } from '../../db/schema.ts';
import { seqWindows } from '../../db/seq-windows.ts';
import type { Decision } from '../../domain/lead.ts';
import type { EvalLeadRow } from '../../domain/metrics/eval-metrics.ts';

export type EvalRunRow = Selectable<EvalRunsTable>;

export function newRunId(): string {
  return `run_${randomBytes(8).toString('hex')}`;
}

export interface NewRun {
  dataset_id: string;
  /** Replay as of this date (a backtest); null: the dataset's as_of. */
  as_of?: string | null;
  outcome_window_days?: number;
  ruleset_version_id: string;
  prompt_version_id: string;
  provider: unknown;
  candidate_hash: string;
  release_id: string | null;
  label: string;
  total: number;
  created_by: string;
}

export async function insertRun(db: Kysely<DB>, run: NewRun): Promise<EvalRunRow> {
  return db
    .insertInto('eval_runs')
    .values({ ...run, id: newRunId(), provider: JSON.stringify(run.provider), status: 'queued', done_count: 0 })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findRun(db: Kysely<DB>, id: string): Promise<EvalRunRow | undefined> {
  return db.selectFrom('eval_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRuns(db: Kysely<DB>, query: { dataset_id?: string; status?: string; limit: number; offset: number }) {
  let q = db.selectFrom('eval_runs');
  if (query.dataset_id) q = q.where('dataset_id', '=', query.dataset_id);
  if (query.status) q = q.where('status', '=', query.status as EvalRunRow['status']);
  const [{ n }] = await q.select((eb) => eb.fn.countAll<string>().as('n')).execute();
  const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(query.limit).offset(query.offset).execute();
  return { total: Number(n), rows };
}

/** The newest finished run of exactly this candidate on this dataset version, if any. */
export async function findIdenticalDoneRun(db: Kysely<DB>, datasetId: string, candidateHash: string): Promise<EvalRunRow | undefined> {
  return db
    .selectFrom('eval_runs')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('candidate_hash', '=', candidateHash)
    .where('status', '=', 'done')
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

const leaseUntil = (leaseMs: number) => sql<Date>`now() + ${leaseMs} * interval '1 millisecond'`;

/**
 * Claims the oldest claimable run (queued, or running with an expired lease), or exactly `runId`.
 * Concurrent workers skip each other's locked rows instead of waiting.
 */
export async function claimRun(db: Kysely<DB>, owner: string, leaseMs: number, runId?: string): Promise<EvalRunRow | undefined> {
  const only = runId ? sql`and id = ${runId}` : sql``;
  const { rows } = await sql<EvalRunRow>`
    update eval_runs r
       set status = 'running', lease_owner = ${owner}, lease_expires_at = ${leaseUntil(leaseMs)},
           started_at = coalesce(r.started_at, now())
     where r.id = (
       select id from eval_runs
        where (status = 'queued' or (status = 'running' and (lease_expires_at is null or lease_expires_at < now()))) ${only}
        order by created_at, id
        limit 1
        for update skip locked)
    returning r.*`.execute(db);
  return rows[0];
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Ends at once the leases of workers known to be dead, so their runs resume without waiting out
 * the lease: on the embedded database every running lease at start belongs to a dead process
 * (only one process can open its files); on PostgreSQL, leases of this host whose process is gone.
 * Returns the runs freed.
 */
export async function expireDeadLeases(db: Kysely<DB>, options: { embedded: boolean; host?: string; isAlive?: (pid: number) => boolean }): Promise<string[]> {
  const running = await db.selectFrom('eval_runs').select(['id', 'lease_owner']).where('status', '=', 'running').execute();
  const host = options.host ?? os.hostname();
  const alive = options.isAlive ?? processIsAlive;
  const dead = running.filter((r) => {
    if (options.embedded) return true;
    const m = /@(.+)#(\d+)-[0-9a-f]+$/.exec(r.lease_owner ?? '');
    return m !== null && m[1] === host && Number(m[2]) !== process.pid && !alive(Number(m[2]));
  });
  if (!dead.length) return [];
  await db
    .updateTable('eval_runs')
    .set({ lease_expires_at: sql<Date>`now() - interval '1 second'` })
    .where('id', 'in', dead.map((r) => r.id))
    .where('status', '=', 'running')
    .execute();
  return dead.map((r) => r.id);
}

/** Renews the lease; false when the run was cancelled or another worker took it over. */
export async function renewLease(db: Kysely<DB>, runId: string, owner: string, leaseMs: number): Promise<boolean> {
  const res = await db
    .updateTable('eval_runs')
    .set({ lease_expires_at: leaseUntil(leaseMs) })
    .where('id', '=', runId)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Gives the run back (graceful stop): another worker may claim it at once. */
export async function releaseLease(db: Kysely<DB>, runId: string, owner: string): Promise<void> {
  await db
    .updateTable('eval_runs')
    .set({ lease_expires_at: sql<Date>`now() - interval '1 second'` })
    .where('id', '=', runId)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .execute();
}

export interface NewResult {
  lead_id: string;
  seq: number;
  decision: Decision;
  gold_decision: Decision | null;
  priority: number;
  result: string;
  latency_ms: number;
  cached: boolean;
}

/**
 * Writes a batch and counts it, only while this worker still holds the run; a lead already
 * written (by an earlier, crashed attempt) is neither written nor counted again. ONE statement,
 * so it is atomic without a transaction: the run's row is locked first (a worker that lost the
 * lease, or a cancelled run, finds no row, and then nothing is inserted or counted), the rows are
 * inserted, and the run counts what was inserted. One statement also means that on the embedded
 * database the evaluation thread never holds the single connection between statements.
 */
export async function writeResults(
  db: Kysely<DB>,
  runId: string,
  owner: string,
  leaseMs: number,
  rows: NewResult[],
): Promise<{ owned: boolean; inserted: number; done: number }> {
  if (!rows.length) {
    const owned = await renewLease(db, runId, owner, leaseMs);
    const run = owned ? await findRun(db, runId) : undefined;
    return run ? { owned: true, inserted: 0, done: run.done_count } : { owned: false, inserted: 0, done: -1 };
  }
  const values = sql.join(
    rows.map((r) => sql`(${r.lead_id}::text, ${r.seq}::int, ${r.decision}::text, ${r.gold_decision}::text, ${r.priority}::int, ${r.result}::jsonb, ${r.latency_ms}::double precision, ${r.cached}::boolean)`),
  );
  const { rows: out } = await sql<{ done_count: number; inserted: number }>`
    with run as (
      select id from eval_runs where id = ${runId} and lease_owner = ${owner} and status = 'running' for update
    ), ins as (
      insert into eval_results (run_id, lead_id, seq, decision, gold_decision, priority, result, latency_ms, cached)
      select run.id, v.lead_id, v.seq, v.decision, v.gold_decision, v.priority, v.result, v.latency_ms, v.cached
        from run cross join (values ${values}) as v(lead_id, seq, decision, gold_decision, priority, result, latency_ms, cached)
      on conflict (run_id, lead_id) do nothing
      returning 1
    ), n as (select count(*)::int as inserted from ins)
    update eval_runs set done_count = done_count + n.inserted, lease_expires_at = ${leaseUntil(leaseMs)}
      from n where eval_runs.id in (select id from run)
    returning eval_runs.done_count, n.inserted`.execute(db);
  // No row: cancelled, or the lease went to another worker; this batch is not ours to write.
  if (!out.length) return { owned: false, inserted: 0, done: -1 };
  return { owned: true, inserted: out[0].inserted, done: out[0].done_count };
}

export async function doneLeadIds(db: Kysely<DB>, runId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('eval_results').select('lead_id').where('run_id', '=', runId).execute();
  return new Set(rows.map((r) => r.lead_id));
}

export async function finishRun(db: Kysely<DB>, runId: string, owner: string, metrics: unknown, doneCount: number): Promise<boolean> {
  const res = await db
    .updateTable('eval_runs')
    .set({ status: 'done', metrics: JSON.stringify(metrics), done_count: doneCount, finished_at: new Date(), lease_owner: null, lease_expires_at: null, error: null })
    .where('id', '=', runId)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function failRun(db: Kysely<DB>, runId: string, owner: string, error: string): Promise<void> {
  await db
    .updateTable('eval_runs')
    .set({ status: 'failed', error: error.slice(0, 2000), finished_at: new Date(), lease_owner: null, lease_expires_at: null })
    .where('id', '=', runId)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .execute();
}

export async function cancelRun(db: Kysely<DB>, runId: string): Promise<EvalRunRow | undefined> {
  return db
    .updateTable('eval_runs')
    .set({ status: 'cancelled', finished_at: new Date(), lease_owner: null, lease_expires_at: null })
    .where('id', '=', runId)
    .where('status', 'in', ['queued', 'running'])
    .returningAll()
    .executeTakeFirst();
}

export async function countClaimable(db: Kysely<DB>): Promise<{ queued: number; running: number }> {
  const rows = await db
    .selectFrom('eval_runs')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('status', 'in', ['queued', 'running'])
    .groupBy('status')
    .execute();
  const get = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { queued: get('queued'), running: get('running') };
}

/** What the metrics read back for every lead: a few columns and the result's `summary`. */
/** All result rows of a run, read in pages (on the embedded database one huge read would hold the server's only connection). */
export async function loadEvalRows(db: Kysely<DB>, runId: string, pageSize = 2000): Promise<EvalLeadRow[]> {
  const rows = [];
  const pages = seqWindows(
    {
      maxSeq: async () => (await db.selectFrom('eval_results').select((eb) => eb.fn.max('seq').as('m')).where('run_id', '=', runId).executeTakeFirst())?.m ?? null,
      read: (after, upTo) =>
        db
          .selectFrom('eval_results')
          .select(['seq', 'lead_id', 'decision', 'gold_decision', 'priority', 'latency_ms', 'cached', sql<ResultSummary>`result->'summary'`.as('summary')])
          .where('run_id', '=', runId)
          .where('seq', '>', after)
          .where('seq', '<=', upTo)
          .orderBy('seq')
          .execute(),
    },
    pageSize,
    -1,
  );
  for await (const page of pages) rows.push(...page);
  return rows.map((r) => ({
    lead_id: r.lead_id,
    decision: r.decision as Decision,
    priority: r.priority,
    gold: r.gold_decision as Decision | null,
    gold_reasons: r.summary.gold_reasons,
    outcome: r.summary.outcome,
    compliance_flag: r.summary.compliance_flag,
    draft_status: r.summary.draft_status,
    issue_kinds: r.summary.issue_kinds,
    // Runs stored before draft quality was measured have none of these.
    reasons: r.summary.reasons ?? [],
    story_covered: r.summary.story_covered ?? null,
    language_match: r.summary.language_match ?? null,
    latency_ms: Number(r.latency_ms),
    cost: r.summary.cost,
    tokens: r.summary.tokens,
    cached: r.cached,
    reason: r.summary.top_reason ?? null,
    value: r.summary.value ?? null,
    text_language: r.summary.text_language ?? null,
  }));
}

export interface ResultSummary {
  gold_reasons: string[];
  /** label.outcome, or in a replay what happened in the window after as_of. */
  outcome: string | null;
  outcome_at?: string | null;
  /** First reason code of the decision, and the lead's value (for the recovery model). */
  top_reason?: string | null;
  value?: number | null;
  compliance_flag: boolean;
  draft_status: string;
  issue_kinds: string[];
  reasons?: string[];
  /** Language of the lead's customer texts (language-metrics.ts). */
  text_language?: string;
  story_kind?: string;
  story_covered?: boolean | null;
  language_match?: boolean | null;
  cost: number | null;
  tokens: number;
}

export interface ResultQuery {
  limit: number;
  offset: number;
  decision?: string;
  gold?: string;
  /** true: decision differs from the gold label (labeled leads only); false: agrees. */
  flipped?: boolean;
  /** With `flipped`: compare with this run's decision for the same lead instead of the gold label. */
  compareTo?: string;
  hasIssues?: boolean;
}

export async function queryResults(db: Kysely<DB>, runId: string, query: ResultQuery) {
  let q = db.selectFrom('eval_results as r').where('r.run_id', '=', runId);
  if (query.decision) q = q.where('r.decision', '=', query.decision);
  if (query.gold) q = query.gold === 'none' ? q.where('r.gold_decision', 'is', null) : q.where('r.gold_decision', '=', query.gold);
  if (query.hasIssues !== undefined) {
    q = q.where(sql<boolean>`(jsonb_array_length(r.result->'summary'->'issue_kinds') > 0)`, '=', query.hasIssues);
  }
  if (query.compareTo && query.flipped !== undefined) {
    const op = query.flipped ? sql`<>` : sql`=`;
    q = q.where(({ exists }) =>
      exists(sql`(select 1 from eval_results o where o.run_id = ${query.compareTo} and o.lead_id = r.lead_id and o.decision ${op} r.decision)`),
    );
  } else if (query.flipped !== undefined) {
    q = q.where('r.gold_decision', 'is not', null).where(sql<boolean>`(r.gold_decision <> r.decision)`, '=', query.flipped);
  }
  const base = q;
  const [{ n }] = await base.select((eb) => eb.fn.countAll<string>().as('n')).execute();
  const rows = await base
    .select([
      'r.lead_id',
      'r.seq',
      'r.decision',
      'r.gold_decision',
      'r.priority',
      'r.latency_ms',
      'r.cached',
      sql<ReasonExplained[]>`r.result->'decision'->'reasons'`.as('reasons'),
      sql<string>`r.result->>'draft_status'`.as('draft_status'),
      sql<string[]>`r.result->'summary'->'issue_kinds'`.as('issue_kinds'),
    ])
    .orderBy('r.seq')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { total: Number(n), rows };
}

export async function findResult(db: Kysely<DB>, runId: string, leadId: string) {
  return db.selectFrom('eval_results').selectAll().where('run_id', '=', runId).where('lead_id', '=', leadId).executeTakeFirst();
}
