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
import { privacyKey } from '../privacy/privacy-key.ts';
import { entriesFor, lookupSuppressions, suppressionBatch, suppressionRows, suppressionsChangedHere, type NewSuppression, type SuppressionRow } from '../privacy/suppression-list.ts';
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

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function outputHash(view: RecommendationView): string {
  return sha256(JSON.stringify(view));
}

export function inputHash(lead: Lead, asOf: string): string {
  return inputHashOfJson(JSON.stringify(lead), asOf);
}

/** The same hash from the lead's JSON text: `JSON.stringify({ lead, as_of })` spelled out. */
function inputHashOfJson(leadJson: string, asOf: string): string {
  return sha256(`{"lead":${leadJson},"as_of":${JSON.stringify(asOf)}}`);
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

type Persisted = { view: RecommendationView; lead: Lead; leadJson: string; hash: string };

/** The batch `record_recommendations` takes (migration 20261201T2300): one JSON document. */
function recordBatch(chunk: Persisted[], newest: Map<string, string>, suppressions: SuppressionRow[]): string {
  const recs = chunk.map(({ view, lead, leadJson, hash }) => {
    const output = JSON.stringify(view);
    const head = JSON.stringify({
      id: view.id, release_id: view.release_id, lead_id: view.lead_id, as_of: view.as_of, input_hash: hash,
      decision: view.decision, priority: view.priority, status: view.status, assigned_to: lead.owner ?? null,
      // References, codes and hashes only: the payload (drafts, explanations quoting the lead) lives
      // in the recommendation row, which erasure and retention can clear; output_hash proves it.
      audit: {
        input_hash: hash, output_hash: sha256(output), release_id: view.release_id, lead_id: view.lead_id, decision: view.decision,
        priority: view.priority, reasons: view.reasons.map((r) => r.code), status: view.status, draft_status: view.draft_status,
      },
    });
    // The lead and the view are spliced in as the JSON already made for the hashes, not serialised again.
    return `${head.slice(0, -1)},"lead":${leadJson},"output":${output}}`;
  });
  const leads = [...new Set(chunk.map((p) => p.view.lead_id))].map((leadId) => ({ lead_id: leadId, new_id: newest.get(leadId) }));
  const refusals = suppressions.length ? `,${JSON.stringify(suppressionBatch(suppressions)).slice(1, -1)}` : '';
  return `{"recs":[${recs.join(',')}],"newest":${JSON.stringify(leads)}${refusals}}`;
}

const CHUNK = 500;

/**
 * The rows, their audit entries, the supersedes of the open earlier recommendations of the same
 * leads and the refusals' suppression entries, one `record_recommendations` call per chunk (one
 * round trip: see the migration for why it is a function). Two requests for the same lead at once
 * cannot both stay open: the function takes a transaction-scoped advisory lock per lead before
 * writing, and the second then supersedes the first once it has committed. One chunk (every
 * single-lead request): the call alone is the transaction. More: one transaction holds them all.
 */
async function persist(db: Kysely<DB>, items: Persisted[], actor: string, refusals: NewSuppression[]): Promise<void> {
  // A lead listed twice in one batch: its last item is the current one, and the earlier is superseded like any other.
  const newest = new Map<string, string>();
  for (const { view } of items) newest.set(view.lead_id, view.id);
  try {
    const suppressions = refusals.length ? suppressionRows(await privacyKey(db), refusals) : [];
    const record = async (q: Kysely<DB>, chunk: Persisted[], withRefusals: boolean) => {
      const batch = recordBatch(chunk, newest, withRefusals ? suppressions : []);
      const { rows } = await sql<{ written: number }>`select record_recommendations(${actor}, ${batch}::jsonb) as written`.execute(q);
      return Number(rows[0]?.written ?? 0);
    };
    const written = items.length <= CHUNK
      ? await record(db, items, true)
      : await db.transaction().execute(async (trx) => {
        let n = 0;
        for (let i = 0; i < items.length; i += CHUNK) n += await record(trx, items.slice(i, i + CHUNK), i + CHUNK >= items.length);
        return n;
      });
    // After the commit: this process's next lookups re-read the list and see the new entries.
    if (written > 0) suppressionsChangedHere();
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
  const items = results.map((result, i) => {
    const leadJson = JSON.stringify(leads[i]);
    return { view: toView(`rec_${randomBytes(10).toString('hex')}`, release, result), lead: leads[i], leadJson, hash: inputHashOfJson(leadJson, asOf) };
  });
  await persist(env.db, items, actor, refusals);
  // The live endpoint only (a campaign pins its release): an active shadow decides the same leads later.
  if (!options.release) shadowProduction(env, leads, asOf, results, items.map((i) => i.view.id), options.index);
  return items.map((i) => i.view);
}
