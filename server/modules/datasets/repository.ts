/**
 * Datasets and their leads. Functions take `db` or a transaction first (Kysely's example-app
 * style), so a service composes them inside one transaction.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB, DatasetRow, NewLeadRow } from '../../db/schema.ts';
import { seqWindows } from '../../db/seq-windows.ts';
import type { Lead } from '../../domain/lead.ts';

export function newDatasetId(): string {
  return `ds_${randomBytes(8).toString('hex')}`;
}

export async function insertDataset(
  db: Kysely<DB>,
  input: { id?: string; name: string; description: string | null; as_of: string; version: number; parent_id: string | null; created_by: string | null },
): Promise<DatasetRow> {
  return db
    .insertInto('datasets')
    .values({ ...input, id: input.id ?? newDatasetId() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findDataset(db: Kysely<DB>, id: string): Promise<DatasetRow | undefined> {
  return db.selectFrom('datasets').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The newest version of a dataset by name. */
export async function findLatestByName(db: Kysely<DB>, name: string): Promise<DatasetRow | undefined> {
  return db.selectFrom('datasets').selectAll().where('name', '=', name).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function listDatasets(db: Kysely<DB>): Promise<DatasetRow[]> {
  return db.selectFrom('datasets').selectAll().orderBy('name').orderBy('version', 'desc').execute();
}

/** Marks a version immutable (an evaluation used it); idempotent. */
export async function lockDataset(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('datasets').set({ locked_at: new Date() }).where('id', '=', id).where('locked_at', 'is', null).execute();
}

export async function maxSeq(db: Kysely<DB>, datasetId: string): Promise<number> {
  const row = await db
    .selectFrom('leads')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();
  return row?.m == null ? 0 : Number(row.m);
}

export async function refreshLeadCount(db: Kysely<DB>, datasetId: string): Promise<number> {
  const row = await db
    .updateTable('datasets')
    .set({ lead_count: sql<number>`(select count(*)::int from leads where dataset_id = ${datasetId})` })
    .where('id', '=', datasetId)
    .returning('lead_count')
    .executeTakeFirstOrThrow();
  return row.lead_count;
}

/** Copies every lead of one version into another (a new version of a locked dataset). */
export async function copyLeads(db: Kysely<DB>, fromId: string, toId: string): Promise<void> {
  await sql`
    insert into leads (dataset_id, lead_id, seq, record, status, label_decision, contact_name, email_norm, phone_norm, search_text)
    select ${toId}, lead_id, seq, record, status, label_decision, contact_name, email_norm, phone_norm, search_text
    from leads where dataset_id = ${fromId}`.execute(db);
}

export function normalizeEmail(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}

export function normalizePhone(phone: string | null | undefined): string | null {
  const digits = phone?.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return digits && digits.replace('+', '').length >= 5 ? digits : null;
}

export function toLeadRow(datasetId: string, seq: number, lead: Lead): NewLeadRow {
  const c = lead.contact ?? {};
  const s = lead.service ?? {};
  const search = [lead.id, c.name, c.email, c.phone, s.origin, s.destination, lead.owner, lead.status]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return {
    dataset_id: datasetId,
    lead_id: lead.id,
    seq,
    record: JSON.stringify(lead),
    status: lead.status ?? null,
    label_decision: lead.label?.decision ?? null,
    contact_name: c.name ?? null,
    email_norm: normalizeEmail(c.email),
    phone_norm: normalizePhone(c.phone),
    search_text: search,
  };
}

/** Writes a batch of an import's leads to its pending area (import_pending_leads), no transaction needed. */
export async function insertPendingLeads(db: Kysely<DB>, importKey: string, rows: NewLeadRow[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('import_pending_leads')
    .values(rows.map(({ dataset_id: _d, seq, erased_at: _e, ...row }) => ({ ...row, import_key: importKey, rel_seq: seq })))
    .execute();
}

/**
 * Moves an import's pending leads into the dataset in one statement: seq = the dataset's last seq
 * plus the row's place in the import; a lead id already in the dataset is replaced (its seq kept),
 * exactly as upsertLeads does.
 */
export async function movePendingLeads(db: Kysely<DB>, importKey: string, datasetId: string, lastSeq: number): Promise<void> {
  await sql`
    insert into leads (dataset_id, lead_id, seq, record, status, label_decision, contact_name, email_norm, phone_norm, search_text)
    select ${datasetId}, lead_id, ${lastSeq}::int + rel_seq, record, status, label_decision, contact_name, email_norm, phone_norm, search_text
    from import_pending_leads where import_key = ${importKey} order by rel_seq
    on conflict (dataset_id, lead_id) do update set
      record = excluded.record, status = excluded.status, label_decision = excluded.label_decision, contact_name = excluded.contact_name,
      email_norm = excluded.email_norm, phone_norm = excluded.phone_norm, search_text = excluded.search_text`.execute(db);
}

export async function deletePendingLeads(db: Kysely<DB>, importKey: string): Promise<void> {
  await db.deleteFrom('import_pending_leads').where('import_key', '=', importKey).execute();
}

/** Pending rows of imports that died (a crash): older than any import still running could be. */
export async function deleteAbandonedPendingLeads(db: Kysely<DB>, olderThanMs = 24 * 3_600_000): Promise<void> {
  await db.deleteFrom('import_pending_leads').where('created_at', '<', new Date(Date.now() - olderThanMs)).execute();
}

/** Inserts a batch; a lead id already in the dataset is replaced (ids are stable across imports). */
export async function upsertLeads(db: Kysely<DB>, rows: NewLeadRow[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('leads')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['dataset_id', 'lead_id']).doUpdateSet((eb) => ({
        record: eb.ref('excluded.record'),
        status: eb.ref('excluded.status'),
        label_decision: eb.ref('excluded.label_decision'),
        contact_name: eb.ref('excluded.contact_name'),
        email_norm: eb.ref('excluded.email_norm'),
        phone_norm: eb.ref('excluded.phone_norm'),
        search_text: eb.ref('excluded.search_text'),
      })),
    )
    .execute();
}

export interface LeadQuery {
  limit: number;
  offset: number;
  status?: string;
  label?: string;
  q?: string;
}

export async function queryLeads(db: Kysely<DB>, datasetId: string, query: LeadQuery) {
  let q = db.selectFrom('leads').where('dataset_id', '=', datasetId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.label) q = query.label === 'none' ? q.where('label_decision', 'is', null) : q.where('label_decision', '=', query.label);
  if (query.q) q = q.where('search_text', 'like', `%${query.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  const [{ n }] = await q.select((eb) => eb.fn.countAll<string>().as('n')).execute();
  const rows = await q.select(['record']).orderBy('seq').limit(query.limit).offset(query.offset).execute();
  return { total: Number(n), items: rows.map((r) => r.record as Lead) };
}

export async function findLead(db: Kysely<DB>, datasetId: string, leadId: string): Promise<Lead | undefined> {
  const row = await db.selectFrom('leads').select('record').where('dataset_id', '=', datasetId).where('lead_id', '=', leadId).executeTakeFirst();
  return row?.record as Lead | undefined;
}

/** Streams every lead of a version in import order, in pages (memory stays flat on big datasets). */
export async function* iterateLeads(db: Kysely<DB>, datasetId: string, pageSize = 2000): AsyncGenerator<Lead> {
  const pages = seqWindows(
    {
      maxSeq: async () => ((await maxSeq(db, datasetId)) || null),
      read: (after, upTo) =>
        db.selectFrom('leads').select(['seq', 'record']).where('dataset_id', '=', datasetId).where('seq', '>', after).where('seq', '<=', upTo).orderBy('seq').execute(),
    },
    pageSize,
  );
  for await (const rows of pages) for (const r of rows) yield r.record as Lead;
}

export async function countBy(db: Kysely<DB>, datasetId: string, column: 'status' | 'label_decision') {
  const rows = await db
    .selectFrom('leads')
    .select([column, (eb) => eb.fn.countAll<string>().as('n')])
    .where('dataset_id', '=', datasetId)
    .groupBy(column)
    .execute();
  return Object.fromEntries(rows.map((r) => [(r as Record<string, unknown>)[column] ?? 'none', Number(r.n)]));
}
