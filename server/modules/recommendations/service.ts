/**
 * Production recommendations: the production release's candidate runs the shared pipeline, and
 * every recommendation is written (row + audit entry, one transaction) BEFORE it is returned.
 * If that write fails the caller gets a 503, never an unlogged recommendation.
 */
import { currentTextLabels } from '../human-reads/labels.ts';
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DatasetIndex } from '../../domain/features/dataset-index.ts';
import type { Lead } from '../../domain/lead.ts';
import { AppError } from '../../http/errors.ts';
import { recommendLead, type LeadResult } from '../../pipeline/recommend-lead.ts';
import { contactKeys } from '../../domain/privacy/identifiers.ts';
import { refusalReason } from '../../domain/privacy/suppression.ts';
import { addSuppressions, entriesFor, lookupSuppressions, type NewSuppression } from '../privacy/suppression-list.ts';
import type { ReleaseRow } from '../releases/repository.ts';
import { candidateForRelease, currentProduction } from './production.ts';
import { shadowProduction } from '../shadows/service.ts';

export interface RecommendationView {
  id: string;
  release_id: string;
  lead_id: string;
  as_of: string;
  decision: LeadResult['decision']['decision'];
  priority: number;
  recontact_after: string | null;
  reasons: LeadResult['decision']['reasons'];
  recommendation: (NonNullable<LeadResult['recommendation']>) | null;
  status: string;
  /** Why there is no draft, or what to check; present even when recommendation is null. */
  risk_flags: string[];
  draft_status: LeadResult['draft_status'];
  guardrail_issues: LeadResult['guardrail_issues'];
}

export function outputHash(view: RecommendationView): string {
  return createHash('sha256').update(JSON.stringify(view)).digest('hex');
}

export function inputHash(lead: Lead, asOf: string): string {
  return createHash('sha256').update(JSON.stringify({ lead, as_of: asOf })).digest('hex');
}

function toView(id: string, release: ReleaseRow, result: LeadResult): RecommendationView {
  const drafted = result.decision.decision === 'contact' || result.decision.decision === 'wait';
  return {
    id,
    release_id: release.id,
    lead_id: result.lead_id,
    as_of: result.as_of,
    decision: result.decision.decision,
    priority: result.decision.priority,
    recontact_after: result.decision.recontact_after,
    reasons: result.decision.reasons,
    recommendation: drafted ? result.recommendation : null,
    status: drafted ? 'needs_review' : 'no_action',
    risk_flags: result.risk_flags,
    draft_status: result.draft_status,
    guardrail_issues: result.guardrail_issues,
  };
}

export interface RecommendEnv {
  db: Kysely<DB>;
  modelsDir: string;
}

type Persisted = { view: RecommendationView; lead: Lead; hash: string };

/**
 * The recommendation rows and their audit entries in ONE statement (a data-modifying CTE): atomic
 * without an explicit transaction, and one round trip per chunk on the hot path.
 */
async function insertChunk(db: Kysely<DB>, chunk: Persisted[], actor: string): Promise<void> {
  await db
    .with('r', (qb) =>
      qb.insertInto('recommendations').values(chunk.map(({ view, lead, hash }) => ({
        id: view.id, release_id: view.release_id, lead_id: view.lead_id, as_of: view.as_of, input_hash: hash,
        decision: view.decision, priority: view.priority, lead: JSON.stringify(lead), output: JSON.stringify(view),
        status: view.status, assigned_to: lead.owner ?? null, created_by: actor,
      }))),
    )
    .insertInto('audit_log')
    .values(chunk.map(({ view, hash }) => ({
      actor, action: 'recommendation.create', subject: view.id,
      // References, codes and hashes only: the payload (drafts, explanations quoting the lead) lives
      // in the recommendation row, which erasure and retention can clear; output_hash proves it.
      details: JSON.stringify({
        input_hash: hash, output_hash: outputHash(view), release_id: view.release_id, lead_id: view.lead_id, decision: view.decision,
        priority: view.priority, reasons: view.reasons.map((r) => r.code), status: view.status, draft_status: view.draft_status,
      }),
    })))
    .execute();
}

const CHUNK = 500;

/**
 * One current recommendation per lead: the open (needs_review) earlier ones of each lead become
 * `superseded`, pointing at the newest, each with its own audit entry, in one statement. Rows stay;
 * only their status changes, so what a rep saw before can always be shown again.
 */
async function supersedeEarlier(db: Kysely<DB>, newest: Map<string, string>, actor: string): Promise<void> {
  if (!newest.size) return;
  const pairs = sql.join([...newest].map(([leadId, id]) => sql`(${leadId}, ${id})`));
  await sql`
    with n(lead_id, new_id) as (values ${pairs}),
    s as (
      update recommendations r set status = 'superseded', superseded_by = n.new_id
      from n where r.lead_id = n.lead_id and r.status = 'needs_review' and r.id <> n.new_id
      returning r.id, r.lead_id, n.new_id
    )
    insert into audit_log (actor, action, subject, details)
    select ${actor}, 'recommendation.supersede', s.id, jsonb_build_object('lead_id', s.lead_id, 'superseded_by', s.new_id) from s
  `.execute(db);
}

/**
 * Two requests for the same lead at once must not both stay open: each takes a transaction-scoped
 * advisory lock per lead (in one order, so two batches cannot deadlock) before writing, and the
 * second then supersedes the first once it has committed (READ COMMITTED: a new snapshot per statement).
 */
async function lockLeads(db: Kysely<DB>, leadIds: string[]): Promise<void> {
  if (!leadIds.length) return;
  await sql`select pg_advisory_xact_lock(k) from (select distinct hashtext(x) as k from unnest(${leadIds}::text[]) as x order by k) as keys`.execute(db);
}

async function persist(db: Kysely<DB>, items: Persisted[], actor: string, refusals: NewSuppression[]): Promise<void> {
  // A lead listed twice in one batch: its last item is the current one, and the earlier is superseded like any other.
  const newest = new Map<string, string>();
  for (const { view } of items) newest.set(view.lead_id, view.id);
  try {
    await db.transaction().execute(async (trx) => {
      await lockLeads(trx, [...newest.keys()]);
      for (let i = 0; i < items.length; i += CHUNK) await insertChunk(trx, items.slice(i, i + CHUNK), actor);
      const ids = [...newest];
      for (let i = 0; i < ids.length; i += CHUNK) await supersedeEarlier(trx, new Map(ids.slice(i, i + CHUNK)), actor);
      await addSuppressions(trx, refusals, actor);
    });
  } catch (error) {
    const unavailable = new AppError('unavailable', 'The recommendation could not be written to the audit log, so it is not returned. Try again shortly.');
    // Logged by the error handler; the caller is not told database internals.
    unavailable.cause = error;
    throw unavailable;
  }
  for (const { view } of items) if (view.status === 'needs_review' && newest.get(view.lead_id) !== view.id) view.status = 'superseded';
}

export interface RecommendManyOptions {
  /** Decide with this release instead of the current production one (a campaign pins its release). */
  release?: ReleaseRow;
  /** Dataset-level facts (duplicates) when the leads come from a dataset. */
  index?: DatasetIndex;
}

export async function recommendMany(env: RecommendEnv, leads: Lead[], asOf: string, actor: string, options: RecommendManyOptions = {}): Promise<RecommendationView[]> {
  const release = options.release ?? (await currentProduction(env.db));
  const candidate = await candidateForRelease(env.db, env.modelsDir, release);
  // Production applies every refusal known now, whatever as_of the caller passes (the list is
  // re-checked at most once a second; this process's own changes show at once).
  const subjects = leads.map((lead, i) => ({ id: String(i), keys: contactKeys(lead) }));
  const suppressed = await lookupSuppressions(env.db, subjects, null, { maxAgeMs: 1000 });
  const textLabels = await currentTextLabels(env.db);
  const results: LeadResult[] = new Array(leads.length);
  const CONCURRENCY = 32;
  for (let i = 0; i < leads.length; i += CONCURRENCY) {
    const slice = leads.slice(i, i + CONCURRENCY);
    const done = await Promise.all(slice.map((lead, j) => recommendLead(candidate, lead, asOf, { index: options.index, suppressed: suppressed.get(String(i + j)), textLabels })));
    done.forEach((r, j) => (results[i + j] = r));
  }
  // A refusal decided now keeps the person's identifiers on the list: their next lead, in any
  // dataset or request, is do_not_contact before any rule runs.
  const now = new Date();
  const refusals = results.flatMap((r, i) => {
    const reason = r.decision.decision === 'do_not_contact' ? refusalReason(r.decision.reasons.map((x) => x.code)) : null;
    return reason ? entriesFor(subjects[i].keys, reason, 'recommendation', now) : [];
  });
  const items = results.map((result, i) => ({
    view: toView(`rec_${randomBytes(10).toString('hex')}`, release, result),
    lead: leads[i],
    hash: inputHash(leads[i], asOf),
  }));
  await persist(env.db, items, actor, refusals);
  // The live endpoint only (a campaign pins its release): an active shadow decides the same leads later.
  if (!options.release) shadowProduction(env, leads, asOf, results, items.map((i) => i.view.id), options.index);
  return items.map((i) => i.view);
}
