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
      const [{ n }] = await trx.selectFrom('leads').select((eb) => eb.fn.countAll<string>().as('n')).where('dataset_id', '=', dataset.id).execute();
      const total = Number(n);
      if (!total) throw new AppError('bad_request', `Dataset ${dataset.id} has no leads.`, { errors: ['dataset_id: the dataset has no leads'] });
      const row = await trx
        .insertInto('campaigns')
        .values({ id: repo.newCampaignId(), ...key, status: 'queued', total, done_count: 0, selected: 0, held_out: 0, queued: 0, created_by: actor })
        .returningAll()
        .executeTakeFirstOrThrow();
      // CHUNK_SIZE leads a chunk by seq, cut in one statement (a million seqs never come to the process).
      const chunks = await repo.insertChunks(trx, row.id, dataset.id, CHUNK_SIZE);
      await recordAudit(trx, { actor, action: 'campaign.create', subject: row.id, details: { ...key, leads: total, chunks } });
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

type Group = GroupTotals & { revenue: number };

function addTo(groups: Map<string, Group>, key: string, r: repo.CampaignLeadRow, expected: number): void {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { key, selected: 0, held_out: 0, queued: 0, expected_recovered_revenue: 0, revenue: 0 }));
  g.selected++;
  if (r.held_out) g.held_out++;
  if (r.recommendation_id) g.queued++;
  g.revenue += expected;
}

function groupTotals(groups: Map<string, Group>): GroupTotals[] {
  return [...groups.values()]
    .map(({ revenue, ...g }) => ({ ...g, expected_recovered_revenue: Math.round(revenue * 100) / 100 }))
    .sort((a, b) => b.selected - a.selected || a.key.localeCompare(b.key));
}

/**
 * The recovery model is fitted on at most this many outcome rows (every k-th by seq, fixed by the
 * count, so the same campaign fits the same rows): a fit plus REVENUE_DRAWS bootstrap refits over
 * a million rows would take minutes, and a model of a priority and a few reason codes needs far
 * fewer rows. The interval is then that of the sample: wider, never narrower, than the full data's.
 */
export const MAX_FIT_ROWS = 50_000;

async function fitRows(db: Kysely<DB>, id: string) {
  const [{ n }] = await db.selectFrom('campaign_leads').select((eb) => eb.fn.countAll<string>().as('n')).where('campaign_id', '=', id).where('historical_outcome', 'is not', null).execute();
  const stride = Math.max(1, Math.ceil(Number(n) / MAX_FIT_ROWS));
  const rows: { priority: number; reason: string | null; recovered: boolean }[] = [];
  let i = 0;
  for await (const page of repo.campaignLeadPages(db, id, false)) {
    for (const r of page) if (r.historical_outcome !== null && i++ % stride === 0) rows.push({ priority: r.priority, reason: r.reason, recovered: isRecovered(r.historical_outcome) });
  }
  return rows;
}

/**
 * Finishes a campaign whose chunks are all done: P(recovered) fitted on the decided leads whose
 * label carries an outcome, predicted for every selected lead, summed into expected revenue.
 * Only one caller wins (the status update is conditional); false when the campaign was not open.
 * The selected leads are read a page at a time and summed by (priority, reason), by rep and by
 * reason: memory does not grow with the campaign.
 */
export async function finishCampaign(db: Kysely<DB>, id: string): Promise<boolean> {
  if ((await repo.openChunkCount(db, id)) > 0) return false;
  const campaign = await repo.findCampaign(db, id);
  if (!campaign || campaign.status !== 'running') return false;
  const outcomes = await fitRows(db, id);
  const model = outcomes.length ? fitRecoveryModel(outcomes) : null;
  // The model predicts from (priority, reason) alone: one prediction and one summed value per pair.
  const byPair = new Map<string, { priority: number; reason: string | null; value: number; p: number }>();
  const byRep = new Map<string, Group>(), byReason = new Map<string, Group>();
  let selectedCount = 0, queuedRevenue = 0;
  for await (const page of repo.campaignLeadPages(db, id, true)) {
    for (const r of page) {
      const pairKey = `${r.priority}\0${r.reason ?? ''}\0${r.reason === null ? 'n' : 's'}`;
      let pair = byPair.get(pairKey);
      if (!pair) byPair.set(pairKey, (pair = { priority: r.priority, reason: r.reason, value: 0, p: model ? predictRecovery(model, r) : 0 }));
      pair.value += r.value;
      const expected = pair.p * r.value;
      if (r.recommendation_id) queuedRevenue += expected;
      addTo(byRep, r.owner ?? '(unassigned)', r, expected);
      addTo(byReason, r.reason ?? '(none)', r, expected);
      selectedCount++;
    }
  }
  const pairs = [...byPair.values()];
  await repo.setPredictionsByGroup(db, id, pairs);
  // Expected revenue is linear in value: a (priority, reason) pair with its summed value stands for its leads.
  const revenue = { ...expectedRecoveredRevenue(outcomes, pairs), leads: selectedCount };
  const decisions = await db.selectFrom('campaign_leads').select(['decision', (eb) => eb.fn.countAll<string>().as('n')]).where('campaign_id', '=', id).groupBy('decision').execute();
  const summary: CampaignSummary = {
    recovered_revenue: revenue,
    queued_expected_recovered_revenue: Math.round(queuedRevenue * 100) / 100,
    average_job_value: averageJobValue(),
    by_rep: groupTotals(byRep),
    by_reason: groupTotals(byReason),
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

