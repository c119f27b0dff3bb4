/**
 * Campaigns: create (idempotent: the same dataset version, date, holdout and production release
 * give the same campaign), re-run (re-queues the chunks; leads already decided are skipped, so no
 * queue entry is added twice), finish (fit P(recovered), expected recovered revenue, totals by rep
 * and reason), and the view the API returns.
 */
import { EventEmitter } from 'node:events';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { fitRecoveryModel, predictRecovery } from '../../domain/metrics/calibration.ts';
import { isRecovered } from '../../domain/metrics/dated-outcomes.ts';
import { expectedRecoveredRevenue, averageJobValue, type RecoveredRevenue } from '../../domain/metrics/recovered-revenue.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { findDataset, lockDataset } from '../datasets/repository.ts';
import { currentProduction } from '../recommendations/production.ts';
import { CHUNK_SIZE, forgetCampaignLeads } from './chunk-runner.ts';
import * as repo from './repository.ts';

/** Emitted when a campaign is queued, so an in-process worker starts at once. */
export const campaignEvents = new EventEmitter();

export const DEFAULT_HOLDOUT_PCT = 10;

export interface CreateCampaignInput {
  dataset_id: string;
  as_of: string;
  holdout_pct?: number;
}

export interface GroupTotals {
  key: string;
  selected: number;
  held_out: number;
  queued: number;
  expected_recovered_revenue: number;
}

export interface CampaignSummary {
  recovered_revenue: RecoveredRevenue;
  /** Expected recovered revenue of the queued (treated) leads only. */
  queued_expected_recovered_revenue: number;
  average_job_value: number;
  by_rep: GroupTotals[];
  by_reason: GroupTotals[];
  decisions: Record<string, number>;
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string })?.code === '23505';
}

export async function createCampaign(db: Kysely<DB>, input: CreateCampaignInput, actor: string): Promise<{ campaign: repo.CampaignRow; created: boolean }> {
  const release = await currentProduction(db);
  const holdout = input.holdout_pct ?? DEFAULT_HOLDOUT_PCT;
  const key = { dataset_id: input.dataset_id, as_of: input.as_of, holdout_pct: holdout, release_id: release.id };
  const existing = await repo.findByIdentity(db, key);
  if (existing) return { campaign: existing, created: false };
  try {
    const campaign = await db.transaction().execute(async (trx) => {
      const dataset = await findDataset(trx, input.dataset_id);
      if (!dataset) throw new AppError('not_found', `No dataset ${input.dataset_id}.`);
      // The campaign's leads never change under it: the version becomes immutable, as for an evaluation.
      await lockDataset(trx, dataset.id);
      const seqs = (await trx.selectFrom('leads').select('seq').where('dataset_id', '=', dataset.id).orderBy('seq').execute()).map((r) => r.seq);
      if (!seqs.length) throw new AppError('bad_request', `Dataset ${dataset.id} has no leads.`, { errors: ['dataset_id: the dataset has no leads'] });
      const row = await trx
        .insertInto('campaigns')
        .values({ id: repo.newCampaignId(), ...key, status: 'queued', total: seqs.length, done_count: 0, selected: 0, held_out: 0, queued: 0, created_by: actor })
        .returningAll()
        .executeTakeFirstOrThrow();
      const chunks = [];
      for (let i = 0, n = 0; i < seqs.length; i += CHUNK_SIZE, n++) {
        const part = seqs.slice(i, i + CHUNK_SIZE);
        chunks.push({ campaign_id: row.id, chunk: n, first_seq: part[0], last_seq: part[part.length - 1], size: part.length, status: 'queued' as const });
      }
      for (let i = 0; i < chunks.length; i += 1000) await trx.insertInto('campaign_chunks').values(chunks.slice(i, i + 1000)).execute();
      await recordAudit(trx, { actor, action: 'campaign.create', subject: row.id, details: { ...key, leads: seqs.length, chunks: chunks.length } });
      return row;
    });
    campaignEvents.emit('queued', campaign.id);
    return { campaign, created: true };
  } catch (e) {
    if (isUniqueViolation(e)) {
      const raced = await repo.findByIdentity(db, key);
      if (raced) return { campaign: raced, created: false };
    }
    throw e;
  }
}

/** Runs a campaign again: every chunk is worked again; nothing already queued is queued twice. */
export async function rerunCampaign(db: Kysely<DB>, id: string, actor: string): Promise<repo.CampaignRow> {
  const campaign = await db.transaction().execute(async (trx) => {
    const row = await repo.findCampaign(trx, id);
    if (!row) throw new AppError('not_found', `No campaign ${id}.`);
    if (row.status === 'queued' || row.status === 'running') throw new AppError('conflict', `Campaign ${id} is ${row.status}; wait for it to finish.`);
    await trx.updateTable('campaign_chunks').set({ status: 'queued', lease_owner: null, lease_expires_at: null }).where('campaign_id', '=', id).execute();
    // Counts are re-added only for leads not decided before, so they stay right.
    const updated = await trx.updateTable('campaigns').set({ status: 'queued', done_count: 0, error: null, finished_at: null }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, action: 'campaign.rerun', subject: id, details: {} });
    return updated;
  });
  campaignEvents.emit('queued', id);
  return campaign;
}

function groupTotals(rows: repo.CampaignLeadRow[], keyOf: (r: repo.CampaignLeadRow) => string): GroupTotals[] {
  const groups = new Map<string, GroupTotals>();
  for (const r of rows) {
    const key = keyOf(r);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, selected: 0, held_out: 0, queued: 0, expected_recovered_revenue: 0 }));
    g.selected++;
    if (r.held_out) g.held_out++;
    if (r.recommendation_id) g.queued++;
    g.expected_recovered_revenue += (r.p_recovered ?? 0) * r.value;
  }
  return [...groups.values()].map((g) => ({ ...g, expected_recovered_revenue: Math.round(g.expected_recovered_revenue * 100) / 100 })).sort((a, b) => b.selected - a.selected || a.key.localeCompare(b.key));
}

/**
 * Finishes a campaign whose chunks are all done: P(recovered) fitted on the decided leads whose
 * label carries an outcome, predicted for every selected lead, summed into expected revenue.
 * Only one caller wins (the status update is conditional); false when the campaign was not open.
 */
export async function finishCampaign(db: Kysely<DB>, id: string): Promise<boolean> {
  if ((await repo.openChunkCount(db, id)) > 0) return false;
  const campaign = await repo.findCampaign(db, id);
  if (!campaign || campaign.status !== 'running') return false;
  const outcomes = (await repo.outcomeRowsOf(db, id)).map((r) => ({ priority: r.priority, reason: r.reason, recovered: isRecovered(r.historical_outcome) }));
  const selected = await repo.campaignLeads(db, id, true);
  const model = outcomes.length ? fitRecoveryModel(outcomes) : null;
  const predictions = selected.map((r) => ({ lead_id: r.lead_id, p: model ? predictRecovery(model, r) : 0 }));
  await repo.setPredictions(db, id, predictions);
  predictions.forEach((p, i) => (selected[i].p_recovered = p.p));
  const revenue = expectedRecoveredRevenue(outcomes, selected.map((r) => ({ priority: r.priority, reason: r.reason, value: r.value })));
  const decisions = await db.selectFrom('campaign_leads').select(['decision', (eb) => eb.fn.countAll<string>().as('n')]).where('campaign_id', '=', id).groupBy('decision').execute();
  const summary: CampaignSummary = {
    recovered_revenue: revenue,
    queued_expected_recovered_revenue: Math.round(selected.filter((r) => r.recommendation_id).reduce((s, r) => s + (r.p_recovered ?? 0) * r.value, 0) * 100) / 100,
    average_job_value: averageJobValue(),
    by_rep: groupTotals(selected, (r) => r.owner ?? '(unassigned)'),
    by_reason: groupTotals(selected, (r) => r.reason ?? '(none)'),
    decisions: Object.fromEntries(decisions.map((d) => [d.decision, Number(d.n)])),
  };
  const res = await db
    .updateTable('campaigns')
    .set({ status: 'done', finished_at: new Date(), summary: JSON.stringify(summary), expected_recovered_revenue: Math.round(revenue.expected * 100) / 100 })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('campaign_chunks').select('chunk').where('campaign_id', '=', id).where('status', '<>', 'done'))))
    .executeTakeFirst();
  forgetCampaignLeads(id);
  return Number(res.numUpdatedRows) > 0;
}

export async function failCampaign(db: Kysely<DB>, id: string, error: string): Promise<void> {
  await db.updateTable('campaigns').set({ status: 'failed', error: error.slice(0, 2000), finished_at: new Date() }).where('id', '=', id).where('status', 'in', ['queued', 'running']).execute();
}

export function campaignView(row: repo.CampaignRow) {
  const summary = (row.summary as CampaignSummary | null) ?? null;
  return {
    id: row.id,
    dataset_id: row.dataset_id,
    as_of: row.as_of,
    holdout_pct: row.holdout_pct,
    release_id: row.release_id,
    status: row.status,
    progress: { done: row.done_count, total: row.total },
    selected: row.selected,
    held_out: row.held_out,
    queued: row.queued,
    expected_recovered_revenue: row.expected_recovered_revenue,
    expected_recovered_revenue_interval: summary?.recovered_revenue.interval ?? null,
    summary,
    error: row.error,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
    started_at: row.started_at?.toISOString() ?? null,
    finished_at: row.finished_at?.toISOString() ?? null,
  };
}

export type CampaignView = ReturnType<typeof campaignView>;

