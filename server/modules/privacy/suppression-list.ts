/**
 * The suppression list: keyed hashes of the email and phone of everyone who opted out, refused
 * contact or asked for erasure, kept across datasets and imports. Adding keeps the stronger reason
 * and the earliest date; lookups return, per lead, the strongest entry known at the cut-off that
 * the lead's own record does not already state (see applicableHit).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { contactKeys, keyedHash, type ContactKeys, type IdentifierKind } from '../../domain/privacy/identifiers.ts';
import { applicableHit, strongerReason, SUPPRESSION_REASONS, type SuppressionHit, type SuppressionReason } from '../../domain/privacy/suppression.ts';
import type { Lead } from '../../domain/lead.ts';
import { privacyKey } from './privacy-key.ts';

export interface NewSuppression {
  kind: IdentifierKind;
  /** The normalised identifier; only its keyed hash is stored. */
  value: string;
  reason: SuppressionReason;
  source: string;
  effective_at: Date;
}

const CHUNK = 1000;
const VERSION_KEY = 'privacy.suppression_version';

/**
 * Every change bumps a counter in the settings table, in the change's own transaction: bulk
 * lookups keep the list in memory and re-read it only when the counter moved (one tiny query), in
 * this process or any other on the same database.
 */
async function bumpVersion(db: Kysely<DB>): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: VERSION_KEY, value: '1' })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql`to_jsonb((settings.value #>> '{}')::bigint + 1)` }))
    .execute();
}

export async function suppressionListVersion(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', VERSION_KEY).executeTakeFirst();
  return String(row?.value ?? 0);
}

/** Weakest first: `upsert_suppressions` keeps the entry whose reason comes later in this list. */
const RANK = [...SUPPRESSION_REASONS];

export interface SuppressionRow { kind: IdentifierKind; hash: string; reason: SuppressionReason; source: string; effective_at: Date }

/**
 * The rows to upsert for some new entries: keyed hashes, one row per (kind, hash) (Postgres
 * refuses to upsert the same key twice in one statement), the stronger reason and the earliest date.
 */
export function suppressionRows(key: Buffer, entries: NewSuppression[]): SuppressionRow[] {
  const byKey = new Map<string, SuppressionRow>();
  for (const e of entries) {
    const hash = keyedHash(key, e.kind, e.value);
    const prev = byKey.get(`${e.kind}:${hash}`);
    byKey.set(`${e.kind}:${hash}`, prev
      ? { ...prev, reason: strongerReason(prev.reason, e.reason), effective_at: prev.effective_at < e.effective_at ? prev.effective_at : e.effective_at }
      : { kind: e.kind, hash, reason: e.reason, source: e.source, effective_at: e.effective_at });
  }
  return [...byKey.values()];
}

/**
 * The upsert as `record_recommendations` runs it too (migration 20261201T2300): for the batch
 * document of rows and the rank, the SQL function keeps the stronger reason and the earliest date
 * and bumps the list's version when it wrote anything.
 */
export function suppressionBatch(rows: SuppressionRow[]): { suppressions: SuppressionRow[]; rank: string[] } {
  return { suppressions: rows, rank: RANK };
}

/** After this process wrote to the list (rows > 0): its own lookups see the change at once. */
export function suppressionsChangedHere(): void {
  localVersion++;
}

/**
 * `key`: the privacy key when the caller has it. Inside a transaction pass it: the key is cached
 * per Kysely instance and each transaction is a new one, so it would be read again (two queries).
 */
export async function addSuppressions(db: Kysely<DB>, entries: NewSuppression[], actor: string, key?: Buffer): Promise<number> {
  if (!entries.length) return 0;
  key ??= await privacyKey(db);
  const rows = suppressionRows(key, entries);
  let written = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const batch = suppressionBatch(rows.slice(i, i + CHUNK));
    const res = await sql<{ n: number }>`select upsert_suppressions(${actor}, ${JSON.stringify(batch.suppressions)}::jsonb, ${batch.rank}::text[]) as n`.execute(db);
    written += Number(res.rows[0]?.n ?? 0);
  }
  if (written) suppressionsChangedHere();
  return written;
}

/** Entries for a lead's email and phone (whichever it has). */
export function entriesFor(keys: ContactKeys, reason: SuppressionReason, source: string, effectiveAt: Date): NewSuppression[] {
  const out: NewSuppression[] = [];
  if (keys.email) out.push({ kind: 'email', value: keys.email, reason, source, effective_at: effectiveAt });
  if (keys.phone) out.push({ kind: 'phone', value: keys.phone, reason, source, effective_at: effectiveAt });
  return out;
}

export async function removeSuppressions(db: Kysely<DB>, identifiers: { kind: IdentifierKind; value: string }[]): Promise<{ kind: IdentifierKind; hash: string; reason: string }[]> {
  if (!identifiers.length) return [];
  const key = await privacyKey(db);
  const removed: { kind: IdentifierKind; hash: string; reason: string }[] = [];
  for (const id of identifiers) {
    const rows = await db.deleteFrom('privacy_suppressions').where('kind', '=', id.kind).where('hash', '=', keyedHash(key, id.kind, id.value)).returning(['kind', 'hash', 'reason']).execute();
    removed.push(...rows);
  }
  if (removed.length) {
    localVersion++;
    await bumpVersion(db);
  }
  return removed;
}

export interface LookupSubject {
  id: string;
  keys: ContactKeys;
}

type EntryRow = { kind: IdentifierKind; hash: string; reason: string; source: string; effective_at: Date };

interface CachedIndex {
  version: string;
  localVersion: number;
  checkedAt: number;
  byHash: Promise<Map<string, EntryRow[]>>;
}
const indexes = new WeakMap<Kysely<DB>, CachedIndex>();
// Changes made by this process: seen at once, whatever the caller's staleness allowance.
let localVersion = 0;

/**
 * The whole list by hash, in memory, re-read when its version moved. `maxAgeMs`: how long the
 * version may go unchecked (production: 1 s, as for the production release; replays: 0).
 */
async function suppressionIndex(db: Kysely<DB>, maxAgeMs: number): Promise<Map<string, EntryRow[]>> {
  const cached = indexes.get(db);
  const now = Date.now();
  if (cached && cached.localVersion === localVersion && now - cached.checkedAt < maxAgeMs) return cached.byHash;
  const seenLocal = localVersion;
  const version = await suppressionListVersion(db);
  if (cached && cached.version === version && cached.localVersion === seenLocal) {
    cached.checkedAt = now;
    return cached.byHash;
  }
  const byHash = db
    .selectFrom('privacy_suppressions')
    .select(['kind', 'hash', 'reason', 'source', 'effective_at'])
    .execute()
    .then((rows) => {
      const map = new Map<string, EntryRow[]>();
      for (const r of rows) map.set(r.hash, [...(map.get(r.hash) ?? []), r]);
      return map;
    });
  byHash.catch(() => indexes.delete(db));
  indexes.set(db, { version, localVersion: seenLocal, checkedAt: now, byHash });
  return byHash;
}

/**
 * Per subject id, its strongest entry effective before `cutoff` (null: every entry, as production
 * does: a refusal known now applies now, whatever as_of a caller passes), unless the subject's own
 * record already states that refusal (applicableHit).
 */
export async function lookupSuppressions(db: Kysely<DB>, subjects: LookupSubject[], cutoff: Date | null, options: { maxAgeMs?: number } = {}): Promise<Map<string, SuppressionHit>> {
  const hits = new Map<string, SuppressionHit>();
  if (!subjects.length) return hits;
  const key = await privacyKey(db);
  const wanted = subjects.map((s) => ({
    s,
    hashes: (['email', 'phone'] as const).flatMap((kind) => (s.keys[kind] ? [{ kind, hash: keyedHash(key, kind, s.keys[kind]!) }] : [])),
  }));
  const index = await suppressionIndex(db, options.maxAgeMs ?? 0);
  const entries = (hash: string) => index.get(hash) ?? [];
  for (const { s, hashes } of wanted) {
    let best: SuppressionHit | null = null;
    for (const { kind, hash } of hashes) {
      for (const row of entries(hash)) {
        if (row.kind !== kind || (cutoff && row.effective_at >= cutoff)) continue;
        const reason = row.reason as SuppressionReason;
        if (!best || strongerReason(best.reason, reason) !== best.reason) best = { reason, matched_by: kind, source: row.source, since: row.effective_at.toISOString() };
      }
    }
    const hit = applicableHit(best, s.keys.record_says);
    if (hit) hits.set(s.id, hit);
  }
  return hits;
}

/** What replays (evaluations, previews) see: refusals known by the end of the as_of day. */
export function cutoffOf(asOf: string): Date {
  return new Date(Date.parse(`${asOf.slice(0, 10)}T00:00:00Z`) + 86_400_000);
}

export function leadSubjects(leads: Lead[]): LookupSubject[] {
  return leads.map((lead) => ({ id: lead.id, keys: contactKeys(lead) }));
}

export async function suppressionSize(db: Kysely<DB>) {
  const rows = await db.selectFrom('privacy_suppressions').select(['kind', 'reason', 'source', (eb) => eb.fn.countAll<string>().as('n')]).groupBy(['kind', 'reason', 'source']).execute();
  const sum = (f: (r: (typeof rows)[number]) => string) => {
    const out: Record<string, number> = {};
    for (const r of rows) out[f(r)] = (out[f(r)] ?? 0) + Number(r.n);
    return out;
  };
  return { total: rows.reduce((n, r) => n + Number(r.n), 0), by_kind: sum((r) => r.kind), by_reason: sum((r) => r.reason), by_source: sum((r) => r.source) };
}

export async function listSuppressions(db: Kysely<DB>, query: { limit: number; offset: number }) {
  const rows = await db
    .selectFrom('privacy_suppressions')
    .select(['kind', 'hash', 'reason', 'source', 'effective_at', 'created_by', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('hash')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return rows.map((r) => ({ ...r, effective_at: r.effective_at.toISOString(), created_at: r.created_at.toISOString() }));
}

/** Leads of a dataset whose record says they opted out or asked for erasure: on the list from that date. */
export async function suppressConsentRefusals(db: Kysely<DB>, datasetId: string, actor: string): Promise<number> {
  const rows = await db
    .selectFrom('leads')
    .select(['record'])
    .where('dataset_id', '=', datasetId)
    .where('erased_at', 'is', null)
    .where(sql<boolean>`(record->'consent'->>'opted_out_at' is not null or record->'consent'->>'erasure_requested_at' is not null)`)
    .execute();
  const entries: NewSuppression[] = [];
  for (const { record } of rows) {
    const lead = record as Lead;
    const erasure = lead.consent?.erasure_requested_at;
    const at = erasure ?? lead.consent?.opted_out_at;
    const when = at ? new Date(at) : new Date();
    entries.push(...entriesFor(contactKeys(lead), erasure ? 'erasure_requested' : 'opted_out', 'dataset_import', Number.isNaN(when.getTime()) ? new Date() : when));
  }
  return addSuppressions(db, entries, actor);
}
