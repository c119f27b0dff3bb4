/**
 * Campaigns in the database. A campaign is split into chunks of leads (by dataset seq); workers
 * claim chunks with `FOR UPDATE SKIP LOCKED` and a lease, like evaluation runs, so several workers
 * on PostgreSQL share one campaign. Campaign leads are keyed by (campaign, lead) and the counts are
 * recounted from them, so re-running a chunk never queues or counts a lead twice.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Insertable } from 'kysely';
import type { CampaignChunksTable, CampaignLeadsTable, CampaignsTable, DB } from '../../db/schema.ts';
import { seqWindows } from '../../db/seq-windows.ts';

export type CampaignRow = Selectable<CampaignsTable>;
export type ChunkRow = Selectable<CampaignChunksTable>;
export type CampaignLeadRow = Selectable<CampaignLeadsTable>;
export type NewCampaignLead = Insertable<CampaignLeadsTable>;

export const newCampaignId = () => `cmp_${randomBytes(8).toString('hex')}`;

const leaseUntil = (leaseMs: number) => sql<Date>`now() + ${leaseMs} * interval '1 millisecond'`;

export async function findCampaign(db: Kysely<DB>, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByIdentity(db: Kysely<DB>, key: { dataset_id: string; as_of: string; holdout_pct: number; release_id: string }) {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where('dataset_id', '=', key.dataset_id)
    .where('as_of', '=', key.as_of)
    .where('holdout_pct', '=', key.holdout_pct)
    .where('release_id', '=', key.release_id)
    .executeTakeFirst();
}

export async function listCampaigns(db: Kysely<DB>, limit: number, offset: number) {
  const [{ n }] = await db.selectFrom('campaigns').select((eb) => eb.fn.countAll<string>().as('n')).execute();
  const rows = await db.selectFrom('campaigns').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute();
  return { total: Number(n), rows };
}

/**
 * Claims the first claimable chunk (queued, or running with an expired lease) of a queued or
 * running campaign, or of exactly `campaignId`; concurrent workers skip each other's locked rows.
 */
export async function claimChunk(db: Kysely<DB>, owner: string, leaseMs: number, campaignId?: string): Promise<ChunkRow | undefined> {
  const only = campaignId ? sql`and c.campaign_id = ${campaignId}` : sql``;
  const { rows } = await sql<ChunkRow>`
    update campaign_chunks k
       set status = 'running', lease_owner = ${owner}, lease_expires_at = ${leaseUntil(leaseMs)}
     where (k.campaign_id, k.chunk) = (
       select c.campaign_id, c.chunk from campaign_chunks c join campaigns p on p.id = c.campaign_id
        where p.status in ('queued', 'running')
          and (c.status = 'queued' or (c.status = 'running' and (c.lease_expires_at is null or c.lease_expires_at < now()))) ${only}
        order by p.created_at, c.campaign_id, c.chunk
        limit 1
        for update of c skip locked)
    returning k.*`.execute(db);
  const chunk = rows[0];
  if (chunk) {
    await db.updateTable('campaigns').set({ status: 'running', started_at: sql<Date>`coalesce(started_at, now())` }).where('id', '=', chunk.campaign_id).where('status', '=', 'queued').execute();
  }
  return chunk;
}

export async function renewChunkLease(db: Kysely<DB>, chunk: ChunkRow, owner: string, leaseMs: number): Promise<boolean> {
  const res = await db
    .updateTable('campaign_chunks')
    .set({ lease_expires_at: leaseUntil(leaseMs) })
    .where('campaign_id', '=', chunk.campaign_id)
    .where('chunk', '=', chunk.chunk)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Inserts a chunk's decided leads; a lead decided before (a re-run) keeps its first row and mark. */
export async function insertCampaignLeads(db: Kysely<DB>, rows: NewCampaignLead[]): Promise<void> {
  if (!rows.length) return;
  await db.insertInto('campaign_leads').values(rows).onConflict((oc) => oc.columns(['campaign_id', 'lead_id']).doNothing()).execute();
}

/** Links queue entries to their campaign leads: one statement per 500 pairs. */
export async function setRecommendationIds(db: Kysely<DB>, campaignId: string, pairs: { lead_id: string; recommendation_id: string }[]): Promise<void> {
  for (let i = 0; i < pairs.length; i += 500) {
    const values = sql.join(pairs.slice(i, i + 500).map((p) => sql`(${p.lead_id}, ${p.recommendation_id})`));
    await sql`update campaign_leads l set recommendation_id = v.rec from (values ${values}) as v(lead_id, rec)
               where l.campaign_id = ${campaignId} and l.lead_id = v.lead_id`.execute(db);
  }
}

/**
 * Marks the chunk done (only while `owner` holds it; false when it lost the chunk) with the counts
 * of its own leads, and sums the campaign's counts from its chunks: a chunk worked twice never
 * counts twice, and completing a chunk reads that chunk's leads, not the whole campaign's.
 */
export async function completeChunk(db: Kysely<DB>, chunk: ChunkRow, owner: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ chunk: number }>`
      update campaign_chunks k set status = 'done', lease_owner = null, lease_expires_at = null,
        selected = c.selected, held_out = c.held_out, queued = c.queued
        from (select count(*) filter (where l.selected)::int as selected, count(*) filter (where l.held_out)::int as held_out,
                     count(*) filter (where l.recommendation_id is not null)::int as queued
                from campaign_leads l where l.campaign_id = ${chunk.campaign_id} and l.seq between ${chunk.first_seq} and ${chunk.last_seq}) c
       where k.campaign_id = ${chunk.campaign_id} and k.chunk = ${chunk.chunk} and k.lease_owner = ${owner} and k.status = 'running'
      returning k.chunk`.execute(trx);
    if (!rows.length) return false;
    await recount(trx, chunk.campaign_id);
    return true;
  });
}

/** The campaign's counts as the sums of its chunks' (one row per chunk: a few thousand at most). */
export async function recount(db: Kysely<DB>, campaignId: string): Promise<void> {
  await sql`
    update campaigns p set done_count = c.done_count, selected = c.selected, held_out = c.held_out, queued = c.queued
      from (select coalesce(sum(size) filter (where status = 'done'), 0)::int as done_count, coalesce(sum(selected), 0)::int as selected,
                   coalesce(sum(held_out), 0)::int as held_out, coalesce(sum(queued), 0)::int as queued
              from campaign_chunks where campaign_id = ${campaignId}) c
     where p.id = ${campaignId}`.execute(db);
}

/** Treated leads of a chunk (selected, not held out) without a queue entry yet. */
export async function unqueuedTreated(db: Kysely<DB>, campaignId: string, firstSeq: number, lastSeq: number): Promise<string[]> {
  const rows = await db
    .selectFrom('campaign_leads')
    .select('lead_id')
    .where('campaign_id', '=', campaignId)
    .where('seq', '>=', firstSeq)
    .where('seq', '<=', lastSeq)
    .where('selected', '=', true)
    .where('held_out', '=', false)
    .where('recommendation_id', 'is', null)
    .execute();
  return rows.map((r) => r.lead_id);
}

/** Recommendations this campaign already created for these leads. */
export async function campaignRecommendations(db: Kysely<DB>, actor: string, leadIds: string[]): Promise<{ lead_id: string; recommendation_id: string }[]> {
  if (!leadIds.length) return [];
  const rows = await db.selectFrom('recommendations').select(['id', 'lead_id']).where('created_by', '=', actor).where('lead_id', 'in', leadIds).execute();
  return rows.map((r) => ({ lead_id: r.lead_id, recommendation_id: r.id }));
}

export async function openChunkCount(db: Kysely<DB>, campaignId: string): Promise<number> {
  const [{ n }] = await db.selectFrom('campaign_chunks').select((eb) => eb.fn.countAll<string>().as('n')).where('campaign_id', '=', campaignId).where('status', '<>', 'done').execute();
  return Number(n);
}

/** Running campaigns whose chunks are all done but which nobody finished (the finisher crashed). */
export async function unfinishedCampaignIds(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('campaigns as p')
    .select('p.id')
    .where('p.status', '=', 'running')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('campaign_chunks as c').select('c.chunk').whereRef('c.campaign_id', '=', 'p.id').where('c.status', '<>', 'done'))))
    .execute();
  return rows.map((r) => r.id);
}

/**
 * A campaign's leads in seq order, a page at a time (keyset on seq, index campaign_leads_seq_idx):
 * totals, exports and recovery over a million leads hold one page, never the whole campaign.
 */
export async function* campaignLeadPages(db: Kysely<DB>, campaignId: string, selectedOnly: boolean, pageSize = 5000): AsyncGenerator<CampaignLeadRow[]> {
  yield* seqWindows(
    {
      maxSeq: async () => (await db.selectFrom('campaign_leads').select((eb) => eb.fn.max('seq').as('m')).where('campaign_id', '=', campaignId).executeTakeFirst())?.m ?? null,
      read: (after, upTo) => {
        let q = db.selectFrom('campaign_leads').selectAll().where('campaign_id', '=', campaignId).where('seq', '>', after).where('seq', '<=', upTo);
        if (selectedOnly) q = q.where('selected', '=', true);
        return q.orderBy('seq').execute();
      },
    },
    pageSize,
    -1,
  );
}

/** Sets P(recovered) by (priority, reason): the model predicts from those two alone. */
export async function setPredictionsByGroup(db: Kysely<DB>, campaignId: string, groups: { priority: number; reason: string | null; p: number }[]): Promise<void> {
  for (let i = 0; i < groups.length; i += 500) {
    const values = sql.join(groups.slice(i, i + 500).map((g) => sql`(${g.priority}::int, ${g.reason}::text, ${g.p}::double precision)`));
    await sql`update campaign_leads l set p_recovered = v.p from (values ${values}) as v(priority, reason, p)
               where l.campaign_id = ${campaignId} and l.selected and l.priority = v.priority and l.reason is not distinct from v.reason`.execute(db);
  }
}

/** Cuts a dataset's leads into chunks of `size` by seq, in the database; returns how many. */
export async function insertChunks(db: Kysely<DB>, campaignId: string, datasetId: string, size: number): Promise<number> {
  const { rows } = await sql<{ chunk: number }>`
    insert into campaign_chunks (campaign_id, chunk, first_seq, last_seq, size, status)
    select ${campaignId}, n, min(seq), max(seq), count(*), 'queued'
      from (select seq, ((row_number() over (order by seq)) - 1) / ${size}::int as n from leads where dataset_id = ${datasetId}) s
     group by n
    returning chunk`.execute(db);
  return rows.length;
}
