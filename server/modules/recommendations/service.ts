/**
 * Production recommendations: the production release's candidate runs the shared pipeline, and
 * every recommendation is written (row + audit entry, one transaction) BEFORE it is returned.
 * If that write fails the caller gets a 503, never an unlogged recommendation.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DatasetIndex } from '../../domain/features/dataset-index.ts';
import type { Lead } from '../../domain/lead.ts';
import { AppError } from '../../http/errors.ts';
import { recommendLead, type LeadResult } from '../../pipeline/recommend-lead.ts';
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
      details: JSON.stringify({ input_hash: hash, release_id: view.release_id, lead_id: view.lead_id, decision: view.decision, output: view }),
    })))
    .execute();
}

const CHUNK = 500;

async function persist(db: Kysely<DB>, items: Persisted[], actor: string): Promise<void> {
  try {
    if (items.length <= CHUNK) {
      await insertChunk(db, items, actor);
    } else {
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < items.length; i += CHUNK) await insertChunk(trx, items.slice(i, i + CHUNK), actor);
      });
    }
  } catch (error) {
    const unavailable = new AppError('unavailable', 'The recommendation could not be written to the audit log, so it is not returned. Try again shortly.');
    // Logged by the error handler; the caller is not told database internals.
    unavailable.cause = error;
    throw unavailable;
  }
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
  const results: LeadResult[] = new Array(leads.length);
  const CONCURRENCY = 32;
  for (let i = 0; i < leads.length; i += CONCURRENCY) {
    const slice = leads.slice(i, i + CONCURRENCY);
    const done = await Promise.all(slice.map((lead) => recommendLead(candidate, lead, asOf, { index: options.index })));
    done.forEach((r, j) => (results[i + j] = r));
  }
  const items = results.map((result, i) => ({
    view: toView(`rec_${randomBytes(10).toString('hex')}`, release, result),
    lead: leads[i],
    hash: inputHash(leads[i], asOf),
  }));
  await persist(env.db, items, actor);
  // The live endpoint only (a campaign pins its release): an active shadow decides the same leads later.
  if (!options.release) shadowProduction(env, leads, asOf, results, items.map((i) => i.view.id), options.index);
  return items.map((i) => i.view);
}
