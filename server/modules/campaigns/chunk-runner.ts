/**
 * Works one claimed chunk of a campaign: every lead of the chunk that existed at as_of is decided
 * by the campaign's release through the shared pipeline; the leads decided `contact` are the
 * selection; the held-out ones (holdout.ts) are marked and kept out of the queues; the rest become
 * recommendations in their reps' queues through the production recommendation service (audited,
 * with drafts). The chunk counts as done only while this worker still holds it; a chunk worked
 * twice (a lost lease, a re-run) decides the same leads again and queues none of them twice.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { seqWindows } from '../../db/seq-windows.ts';
import { maxSeq } from '../datasets/repository.ts';
import { createdByAsOf, leadKnownAsOf } from '../../domain/features/known-as-of.ts';
import { buildDatasetIndex, normaliseEmail, normalisePhone, type DatasetIndex } from '../../domain/features/dataset-index.ts';
import type { Lead } from '../../domain/lead.ts';
import { averageJobValue, leadValue } from '../../domain/metrics/recovered-revenue.ts';
import { decideAsOf } from '../../pipeline/recommend-lead.ts';
import type { RuleDecision } from '../../domain/decision.ts';
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

/** Leads per chunk (decided together; the selected ones are queued QUEUE_SLICE at a time). */
export const CHUNK_SIZE = 500;
const CONCURRENCY = 16;

// The duplicate index of a campaign's dataset as of its date, once per process and campaign (it
// needs the whole dataset). Kept for the two most recent campaigns. A chunk's own leads are read
// from the database when it is worked, so a worker never holds the dataset (17 KB a lead).
const indexes = new Map<string, Promise<DatasetIndex>>();

const BUCKET_BITS = 24;

/** FNV-1a: a 32-bit hash of a contact key (collisions only add candidates, never lose one). */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function keysOf(email: string | null, phone: string | null): string[] {
  const keys: string[] = [];
  const e = normaliseEmail(email), p = normalisePhone(phone);
  // Tagged as buildDatasetIndex tags them: an email never joins a phone.
  if (e) keys.push(`0:${e}`);
  if (p) keys.push(`1:${p}`);
  return keys;
}

/**
 * The same index buildDatasetIndex gives over all the leads known at as_of, built over only the
 * leads that can be in a contact group of two or more: a lead sharing no email or phone with any
 * other is unique (group of one, no original), which is what the index says of a lead it lacks.
 * One pass reads each lead's contact keys (hashed into counting buckets); a second reads the
 * few candidates whose key bucket holds two or more (a hash collision adds a candidate, which the
 * exact index then finds unique). Memory: 16 MB of buckets plus the candidates.
 */
export async function duplicateIndexOf(db: Kysely<DB>, campaign: repo.CampaignRow): Promise<DatasetIndex> {
  const counts = new Uint8Array(1 << BUCKET_BITS);
  const seqs: number[] = [];
  const hashes: number[][] = [];
  const pages = seqWindows(
    {
      maxSeq: async () => (await maxSeq(db, campaign.dataset_id)) || null,
      read: (after, upTo) =>
        db
          .selectFrom('leads')
          .select(['seq', sql<string | null>`record->>'created_at'`.as('created_at'), sql<string | null>`record->'contact'->>'email'`.as('email'), sql<string | null>`record->'contact'->>'phone'`.as('phone')])
          .where('dataset_id', '=', campaign.dataset_id).where('seq', '>', after).where('seq', '<=', upTo).orderBy('seq').execute(),
    },
    PAGE,
    -1,
  );
  for await (const page of pages) {
    for (const row of page) {
      if (!createdByAsOf(row, campaign.as_of)) continue;
      const hs = keysOf(row.email, row.phone).map((k) => hashKey(k) >>> (32 - BUCKET_BITS));
      if (!hs.length) continue;
      for (const h of hs) if (counts[h] < 2) counts[h]++;
      seqs.push(row.seq);
      hashes.push(hs);
    }
  }
  const candidates = seqs.filter((_, i) => hashes[i].some((h) => counts[h] > 1));
  const leads: Lead[] = [];
  for (let i = 0; i < candidates.length; i += 1000) {
    const rows = await db
      .selectFrom('leads')
      .select([
        'lead_id', sql<string | null>`record->>'created_at'`.as('created_at'),
        sql<string | null>`record->'contact'->>'email'`.as('email'), sql<string | null>`record->'contact'->>'phone'`.as('phone'),
        // Only what the same-job test reads (a candidate is kept until the index is built).
        sql<string | null>`record->'service'->>'origin'`.as('origin'), sql<string | null>`record->'service'->>'destination'`.as('destination'),
        sql<string | null>`record->'service'->>'type'`.as('type'), sql<string | null>`record->'service'->>'date'`.as('date'),
      ])
      // The seq range beside the list keeps this an index range scan whatever the statistics say.
      .where('dataset_id', '=', campaign.dataset_id).where('seq', '>=', candidates[i]).where('seq', '<=', candidates[Math.min(i + 999, candidates.length - 1)])
      .where('seq', 'in', candidates.slice(i, i + 1000)).execute();
    for (const r of rows) {
      leads.push({ id: r.lead_id, created_at: r.created_at, contact: { email: r.email, phone: r.phone }, service: { origin: r.origin, destination: r.destination, type: r.type, date: r.date } } as Lead);
    }
  }
  return buildDatasetIndex(leads);
}

const PAGE = 5000;

function indexOf(db: Kysely<DB>, campaign: repo.CampaignRow): Promise<DatasetIndex> {
  let entry = indexes.get(campaign.id);
  if (!entry) {
    entry = duplicateIndexOf(db, campaign);
    entry.catch(() => indexes.delete(campaign.id));
    if (indexes.size >= 2) indexes.delete(indexes.keys().next().value!);
    indexes.set(campaign.id, entry);
  }
  return entry;
}

/** The chunk's leads that existed at as_of, in seq order (the (dataset_id, seq) index). */
async function chunkLeads(db: Kysely<DB>, campaign: repo.CampaignRow, chunk: repo.ChunkRow): Promise<{ seq: number; lead: Lead }[]> {
  const rows = await db.selectFrom('leads').select(['seq', 'record']).where('dataset_id', '=', campaign.dataset_id)
    .where('seq', '>=', chunk.first_seq).where('seq', '<=', chunk.last_seq).orderBy('seq').execute();
  return rows.map((r) => ({ seq: r.seq, lead: r.record as Lead })).filter((w) => createdByAsOf(w.lead, campaign.as_of));
}

export function forgetCampaignLeads(campaignId: string): void {
  indexes.delete(campaignId);
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
  const index = await indexOf(db, campaign);

  let lost = false;
  const heartbeat = setInterval(() => {
    repo.renewChunkLease(db, chunk, owner, leaseMs).then((owned) => (lost ||= !owned), () => undefined);
  }, Math.max(200, Math.floor(leaseMs / 3)));
  heartbeat.unref();
  try {
    const work = await chunkLeads(db, campaign, chunk);
    // Decided as production decides (recommendMany queues them the same way): the suppression
    // list applies, so a lead selected here is never one that production would block.
    const suppressed = await lookupSuppressions(db, work.map((w) => ({ id: w.lead.id, keys: contactKeys(w.lead) })), null, { maxAgeMs: 1000 });
    // Only the decisions here: the drafts are written for the queued leads alone (queueChunk).
    const results: { decision: RuleDecision }[] = new Array(work.length);
    let next = 0;
    const slot = async () => {
      while (!lost && next < work.length) {
        const i = next++;
        results[i] = await decideAsOf(candidate, work[i].lead, campaign.as_of, { index, textLabels, suppressed: suppressed.get(work[i].lead.id) });
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
  // A slice at a time: each is one short write (on the embedded database a request waits for at
  // most one slice's statement), and a crash between slices is what the linking above recovers.
  for (let i = 0; i < toQueue.length; i += QUEUE_SLICE) {
    const slice = toQueue.slice(i, i + QUEUE_SLICE);
    try {
      const views = await recommendMany({ db, modelsDir: env.modelsDir }, slice, campaign.as_of, actor, { release, index });
      await repo.setRecommendationIds(db, campaign.id, views.map((v) => ({ lead_id: v.lead_id, recommendation_id: v.id })));
    } catch (e) {
      // Another worker queued some of them meanwhile: link what it made; anything else is a real error.
      const nowLinked = await linkExisting(slice.map((l) => l.id));
      if (nowLinked.size < slice.length) throw e;
    }
  }
}

/** Leads queued per write (recommendations with drafts, ~10 KB each). */
const QUEUE_SLICE = 25;

