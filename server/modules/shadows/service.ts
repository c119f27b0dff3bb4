/**
 * Shadow mode: an approved release that is not production decides every live production request
 * too, off the request path and never returned. Production answers first and is logged as
 * always; then the request's leads are queued here and decided by the shadow release in the
 * background (a bounded queue: under overload shadow decisions are dropped and counted, the
 * endpoint never waits). The report compares the two: agreement, flips with both traces, deltas.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DatasetIndex } from '../../domain/features/dataset-index.ts';
import type { Lead } from '../../domain/lead.ts';
import { AppError } from '../../http/errors.ts';
import { recommendLead, type LeadResult } from '../../pipeline/recommend-lead.ts';
import { recordAudit } from '../audit/repository.ts';
import { candidateForRelease } from '../recommendations/production.ts';
import { findRelease } from '../releases/repository.ts';

export type ShadowRow = Awaited<ReturnType<typeof findShadow>>;

export const MAX_PENDING = 10_000;
const ACTIVE_TTL_MS = 1000;
const activeCache = new WeakMap<Kysely<DB>, { at: number; shadow: Promise<{ id: string; release_id: string } | undefined> }>();
const stats = { dropped: 0, pending: 0, failed: 0 };

export async function findShadow(db: Kysely<DB>, id: string) {
  return db.selectFrom('shadows').selectAll().where('id', '=', id).executeTakeFirst();
}

function activeShadow(db: Kysely<DB>) {
  const now = Date.now();
  let entry = activeCache.get(db);
  if (!entry || now - entry.at > ACTIVE_TTL_MS) {
    entry = { at: now, shadow: db.selectFrom('shadows').select(['id', 'release_id']).where('status', '=', 'active').executeTakeFirst() };
    activeCache.set(db, entry);
  }
  return entry.shadow;
}

export async function startShadow(db: Kysely<DB>, releaseId: string, actor: string) {
  const release = await findRelease(db, releaseId);
  if (!release) throw new AppError('not_found', `No release ${releaseId}.`);
  if (release.status !== 'approved') throw new AppError('conflict', `Release #${release.number} is ${release.status}: only an approved release that is not production can shadow it.`);
  try {
    const row = await db.transaction().execute(async (trx) => {
      const r = await trx.insertInto('shadows').values({ id: `shd_${randomBytes(8).toString('hex')}`, release_id: release.id, status: 'active', started_by: actor }).returningAll().executeTakeFirstOrThrow();
      await recordAudit(trx, { actor, action: 'shadow.start', subject: r.id, details: { release_id: release.id, number: release.number } });
      return r;
    });
    activeCache.delete(db);
    return row;
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError('conflict', 'Another release is already shadowing production: stop it first.');
    throw e;
  }
}

export async function stopShadow(db: Kysely<DB>, id: string, actor: string) {
  const row = await db.updateTable('shadows').set({ status: 'stopped', stopped_by: actor, stopped_at: new Date() }).where('id', '=', id).where('status', '=', 'active').returningAll().executeTakeFirst();
  if (!row) {
    if (!(await findShadow(db, id))) throw new AppError('not_found', `No shadow ${id}.`);
    throw new AppError('conflict', `Shadow ${id} is already stopped.`);
  }
  await recordAudit(db, { actor, action: 'shadow.stop', subject: id, details: {} });
  activeCache.delete(db);
  return row;
}

const slim = (r: LeadResult) => ({
  decision: r.decision.decision, priority: r.decision.priority, recontact_after: r.decision.recontact_after, reasons: r.decision.reasons,
  trace: r.decision.trace, draft_status: r.draft_status, issue_kinds: r.guardrail_issues.map((i) => i.kind),
});

/**
 * Called by the production endpoint after it has logged its recommendations: decides the same
 * leads with the shadow release later (setImmediate), writes the pairs, never throws.
 */
export function shadowProduction(env: { db: Kysely<DB>; modelsDir: string }, leads: Lead[], asOf: string, results: LeadResult[], recommendationIds: string[], index?: DatasetIndex): void {
  if (stats.pending + leads.length > MAX_PENDING) {
    stats.dropped += leads.length;
    return;
  }
  stats.pending += leads.length;
  setImmediate(async () => {
    try {
      const shadow = await activeShadow(env.db);
      if (!shadow) return;
      const release = await findRelease(env.db, shadow.release_id);
      if (!release) return;
      const candidate = await candidateForRelease(env.db, env.modelsDir, release);
      const rows = [];
      for (let i = 0; i < leads.length; i++) {
        const s = await recommendLead(candidate, leads[i], asOf, { index });
        rows.push({
          shadow_id: shadow.id, recommendation_id: recommendationIds[i], lead_id: leads[i].id,
          production_decision: results[i].decision.decision, shadow_decision: s.decision.decision,
          production: JSON.stringify(slim(results[i])), shadow: JSON.stringify(slim(s)),
        });
      }
      for (let i = 0; i < rows.length; i += 500) {
        await env.db.insertInto('shadow_decisions').values(rows.slice(i, i + 500)).onConflict((oc) => oc.columns(['shadow_id', 'recommendation_id']).doNothing()).execute();
      }
    } catch {
      // Never the request's problem; counted for the report.
      stats.failed += leads.length;
    } finally {
      stats.pending -= leads.length;
    }
  });
}

const share = (n: number, d: number) => (d ? n / d : 0);

export async function shadowReport(db: Kysely<DB>, id: string, flipLimit = 50) {
  const shadow = await findShadow(db, id);
  if (!shadow) throw new AppError('not_found', `No shadow ${id}.`);
  const release = await findRelease(db, shadow.release_id);
  const pairs = await db.selectFrom('shadow_decisions').select(['production_decision', 'shadow_decision', (eb) => eb.fn.countAll<string>().as('n')]).where('shadow_id', '=', id).groupBy(['production_decision', 'shadow_decision']).execute();
  const matrix: Record<string, Record<string, number>> = {};
  let total = 0, agree = 0;
  const prodCounts: Record<string, number> = {}, shadowCounts: Record<string, number> = {};
  for (const p of pairs) {
    const n = Number(p.n);
    (matrix[p.production_decision] ??= {})[p.shadow_decision] = n;
    total += n;
    if (p.production_decision === p.shadow_decision) agree += n;
    prodCounts[p.production_decision] = (prodCounts[p.production_decision] ?? 0) + n;
    shadowCounts[p.shadow_decision] = (shadowCounts[p.shadow_decision] ?? 0) + n;
  }
  const decisions = ['contact', 'wait', 'do_not_contact', 'not_worth_pursuing'];
  const deltas = Object.fromEntries(decisions.map((d) => [`${d}_rate`, { production: share(prodCounts[d] ?? 0, total), shadow: share(shadowCounts[d] ?? 0, total), delta: share(shadowCounts[d] ?? 0, total) - share(prodCounts[d] ?? 0, total) }]));
  const flips = await db
    .selectFrom('shadow_decisions')
    .select(['recommendation_id', 'lead_id', 'production', 'shadow', 'at'])
    .where('shadow_id', '=', id)
    .whereRef('production_decision', '<>', 'shadow_decision')
    .orderBy('at', 'desc')
    .limit(flipLimit)
    .execute();
  return {
    id: shadow.id,
    release_id: shadow.release_id,
    release_number: release?.number ?? null,
    // Promoted: the shadowed release became production; the comparison stops meaning anything.
    status: release?.status === 'production' ? 'promoted' : shadow.status,
    started_at: shadow.started_at.toISOString(),
    stopped_at: shadow.stopped_at?.toISOString() ?? null,
    requests: total,
    agreement: agree,
    agreement_rate: total ? agree / total : null,
    flipped: total - agree,
    matrix,
    metric_deltas: deltas,
    flips: flips.map((f) => ({ recommendation_id: f.recommendation_id, lead_id: f.lead_id, at: f.at.toISOString(), production: f.production, shadow: f.shadow })),
    queue: { ...stats },
  };
}
