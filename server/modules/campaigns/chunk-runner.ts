/**
 * Works one claimed chunk of a campaign: every lead of the chunk that existed at as_of is decided
 * by the campaign's release through the shared pipeline; the leads decided `contact` are the
 * selection; the held-out ones (holdout.ts) are marked and kept out of the queues; the rest become
 * recommendations in their reps' queues through the production recommendation service (audited,
 * with drafts). The chunk counts as done only while this worker still holds it; a chunk worked
 * twice (a lost lease, a re-run) decides the same leads again and queues none of them twice.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { createdByAsOf, leadKnownAsOf } from '../../domain/features/known-as-of.ts';
import { buildDatasetIndex, type DatasetIndex } from '../../domain/rules/index.ts';
import type { Lead } from '../../domain/lead.ts';
import { averageJobValue, leadValue } from '../../domain/metrics/recovered-revenue.ts';
import { recommendLead, type LeadResult } from '../../pipeline/recommend-lead.ts';
import { contactKeys } from '../../domain/privacy/identifiers.ts';
import { currentTextLabels } from '../human-reads/labels.ts';
import { lookupSuppressions } from '../privacy/suppression-list.ts';
import { candidateForRelease } from '../recommendations/production.ts';
import { recommendMany } from '../recommendations/service.ts';
import { findRelease, type ReleaseRow } from '../releases/repository.ts';
import { isHeldOut } from './holdout.ts';
import * as repo from './repository.ts';

export interface CampaignEnv {
  db: Kysely<DB>;
  modelsDir: string;
}

/** Leads per chunk; at most this many are queued in one transaction (the recommendation service's own chunk). */
export const CHUNK_SIZE = 500;
const CONCURRENCY = 16;

interface CampaignLeads {
  bySeq: Map<number, Lead>;
  index: DatasetIndex;
}

// The leads of a campaign's dataset as of its date, once per process and campaign (the duplicate
// index needs the whole dataset). Kept for the two most recent campaigns.
const loaded = new Map<string, Promise<CampaignLeads>>();

async function leadsOf(db: Kysely<DB>, campaign: repo.CampaignRow): Promise<CampaignLeads> {
  let entry = loaded.get(campaign.id);
  if (!entry) {
    entry = (async () => {
      const bySeq = new Map<number, Lead>();
      const known: Lead[] = [];
      for (let after = 0; ; ) {
        const page = await db.selectFrom('leads').select(['seq', 'record']).where('dataset_id', '=', campaign.dataset_id).where('seq', '>', after).orderBy('seq').limit(5000).execute();
        for (const row of page) {
          const lead = row.record as Lead;
          if (!createdByAsOf(lead, campaign.as_of)) continue;
          bySeq.set(row.seq, lead);
          known.push(lead);
        }
        if (page.length < 5000) break;
        after = page[page.length - 1].seq;
      }
      return { bySeq, index: buildDatasetIndex(known) };
    })();
    entry.catch(() => loaded.delete(campaign.id));
    if (loaded.size >= 2) loaded.delete(loaded.keys().next().value!);
    loaded.set(campaign.id, entry);
  }
  return entry;
}

export function forgetCampaignLeads(campaignId: string): void {
  loaded.delete(campaignId);
}

export type ChunkOutcome = 'done' | 'lost';

export async function workChunk(env: CampaignEnv, chunk: repo.ChunkRow, owner: string, leaseMs: number): Promise<ChunkOutcome> {
  const { db } = env;
  const campaign = await repo.findCampaign(db, chunk.campaign_id);
  if (!campaign) return 'lost';
  const release = await findRelease(db, campaign.release_id);
  if (!release) throw new Error(`release ${campaign.release_id} of campaign ${campaign.id} no longer exists`);
  const candidate = await candidateForRelease(db, env.modelsDir, release);
  const textLabels = await currentTextLabels(db);
  const { bySeq, index } = await leadsOf(db, campaign);

  let lost = false;
  const heartbeat = setInterval(() => {
    repo.renewChunkLease(db, chunk, owner, leaseMs).then((owned) => (lost ||= !owned), () => undefined);
  }, Math.max(200, Math.floor(leaseMs / 3)));
  heartbeat.unref();
  try {
    const work: { seq: number; lead: Lead }[] = [];
    for (let s = chunk.first_seq; s <= chunk.last_seq; s++) {
      const lead = bySeq.get(s);
      if (lead) work.push({ seq: s, lead });
    }
    // Decided as production decides (recommendMany queues them the same way): the suppression
    // list applies, so a lead selected here is never one that production would block.
    const suppressed = await lookupSuppressions(db, work.map((w) => ({ id: w.lead.id, keys: contactKeys(w.lead) })), null, { maxAgeMs: 1000 });
    const results: LeadResult[] = new Array(work.length);
    let next = 0;
    const slot = async () => {
      while (!lost && next < work.length) {
        const i = next++;
        results[i] = await recommendLead(candidate, work[i].lead, campaign.as_of, { index, textLabels, suppressed: suppressed.get(work[i].lead.id) });
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, Math.max(1, work.length)) }, slot));
    if (lost) return 'lost';

    const average = averageJobValue();
    const rows: repo.NewCampaignLead[] = work.map(({ seq, lead }, i) => {
      const d = results[i].decision;
      const selected = d.decision === 'contact';
      const value = leadValue(leadKnownAsOf(lead, campaign.as_of), average);
      return {
        campaign_id: campaign.id, lead_id: lead.id, seq, owner: lead.owner ?? null, decision: d.decision, priority: Math.round(d.priority ?? 0),
        reason: d.reasons[0]?.code ?? null, selected, held_out: selected && isHeldOut(campaign.id, lead.id, campaign.holdout_pct),
        recommendation_id: null, value: value.value, value_source: value.source, historical_outcome: lead.label?.outcome ?? null, p_recovered: null,
      };
    });

    await repo.insertCampaignLeads(db, rows);
    if (!(await repo.renewChunkLease(db, chunk, owner, leaseMs))) return 'lost';
    await queueChunk(env, campaign, release, chunk, work.map((w) => w.lead), index);
    return (await repo.completeChunk(db, chunk, owner)) ? 'done' : 'lost';
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Queues the chunk's treated leads that have no queue entry yet. Idempotent: a lead whose
 * recommendation this campaign already created (an earlier attempt that crashed before linking
 * it) is linked, not queued again; the database refuses a second campaign recommendation for a
 * lead (unique index), so two workers racing on one chunk cannot both queue it either.
 */
async function queueChunk(env: CampaignEnv, campaign: repo.CampaignRow, release: ReleaseRow, chunk: repo.ChunkRow, leads: Lead[], index: DatasetIndex): Promise<void> {
  const { db } = env;
  const actor = `campaign:${campaign.id}`;
  const pending = await repo.unqueuedTreated(db, campaign.id, chunk.first_seq, chunk.last_seq);
  if (!pending.length) return;
  const linkExisting = async (ids: string[]) => {
    const existing = await repo.campaignRecommendations(db, actor, ids);
    await repo.setRecommendationIds(db, campaign.id, existing);
    return new Set(existing.map((e) => e.lead_id));
  };
  const linked = await linkExisting(pending);
  const byId = new Map(leads.map((l) => [l.id, l]));
  const toQueue = pending.filter((id) => !linked.has(id)).map((id) => byId.get(id)!).filter(Boolean);
  if (!toQueue.length) return;
  try {
    const views = await recommendMany({ db, modelsDir: env.modelsDir }, toQueue, campaign.as_of, actor, { release, index });
    await repo.setRecommendationIds(db, campaign.id, views.map((v) => ({ lead_id: v.lead_id, recommendation_id: v.id })));
  } catch (e) {
    // Another worker queued some of them meanwhile: link what it made; anything else is a real error.
    const nowLinked = await linkExisting(toQueue.map((l) => l.id));
    if (nowLinked.size < toQueue.length) throw e;
  }
}

