/**
 * Erasure of a person (GDPR Art. 17), all or nothing in one transaction: every copy of their lead
 * (all dataset versions, locked ones included; production recommendations) loses its personal data
 * (scrub.ts), their drafts, review texts, outcome notes and evaluation-result texts go, provider
 * cache entries that mention them are deleted, and their email / phone go on the suppression list
 * (erasure_requested). What stays: the fact of the erasure, when, by whom, and keyed hashes of the
 * identifiers. A locked dataset keeps the erased lead's id, label and decision-relevant facts, and
 * says so (leads.erased_at, datasets.erased_leads, the record's `personal_data_removed`).
 *
 * After the commit, the touched tables are rewritten (VACUUM FULL) so the old row versions do not
 * linger in the files, and the embedded database checkpoints with WAL recycling off, so the WAL
 * that held the old rows is deleted rather than kept for reuse. Text files in DATA_DIR (outside the
 * database) that mention the person are rewritten with the values replaced.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { keyedHash } from '../../domain/privacy/identifiers.ts';
import { scrubLead, scrubRecommendationView, type PersonalDataRemoved } from '../../domain/privacy/scrub.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { invalidateFeatureSets } from '../rulesets/feature-cache.ts';
import { findSubject, type SubjectQuery } from './find-subject.ts';
import { privacyKey } from './privacy-key.ts';
import { scrubbedResult } from './scrub-sql.ts';
import { addSuppressions, type NewSuppression } from './suppression-list.ts';

export interface ErasureEnv {
  db: Kysely<DB>;
  dbKind: DatabaseKind;
  /** DATA_DIR: files outside the database are searched too. */
  dataDir: string | null;
}

export interface ErasureResult {
  id: string;
  at: string;
  records_erased: number;
  counts: Record<string, number>;
  datasets: string[];
  suppressed_identifiers: number;
  files_unreadable: string[];
}

const TOUCHED_TABLES = ['leads', 'recommendations', 'reviews', 'outcomes', 'eval_results', 'provider_cache'] as const;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function redactText(text: string, needles: string[]): string {
  let out = text;
  for (const n of [...needles].sort((a, b) => b.length - a.length)) out = out.replace(new RegExp(escapeRe(n), 'gi'), '[erased]');
  return out;
}

export async function erasePerson(env: ErasureEnv, query: SubjectQuery & { reason: string }, actor: string): Promise<ErasureResult> {
  const { db } = env;
  const key = await privacyKey(db);
  const id = `er_${randomBytes(8).toString('hex')}`;
  const at = new Date();
  const removed: PersonalDataRemoved = { cause: 'erasure', at: at.toISOString() };

  const result = await db.transaction().execute(async (trx) => {
    const subject = await findSubject(trx, query);
    const { identifiers: ids, needles } = subject;
    if (!ids.emails.size && !ids.phones.size && !ids.leadIds.size) throw new AppError('bad_request', 'Give an email, a phone or a lead_id that identifies the person.');
    const counts: Record<string, number> = { leads: 0, recommendations: 0, reviews: 0, outcomes: 0, eval_results: 0, provider_cache: 0, files: 0 };

    const datasets = new Set<string>();
    const touched = [...new Set(subject.leads.map((l) => l.dataset_id))];
    // A running evaluation holds the leads in memory and would write them back into its results.
    const running = touched.length ? await trx.selectFrom('eval_runs').select(['id', 'dataset_id']).where('dataset_id', 'in', touched).where('status', '=', 'running').execute() : [];
    if (running.length) {
      throw new AppError('conflict', `Evaluation run ${running[0].id} is reading dataset ${running[0].dataset_id}, which holds this person; erase once it has finished, or cancel it.`, { running: running.map((r) => r.id) });
    }
    for (const lead of subject.leads) {
      const res = await trx
        .updateTable('leads')
        .set({ record: JSON.stringify(scrubLead(lead.record, removed)), contact_name: null, email_norm: null, phone_norm: null, search_text: lead.lead_id.toLowerCase(), erased_at: at })
        .where('dataset_id', '=', lead.dataset_id)
        .where('lead_id', '=', lead.lead_id)
        .executeTakeFirst();
      counts.leads += Number(res.numUpdatedRows);
      datasets.add(lead.dataset_id);
    }
    for (const datasetId of datasets) {
      await trx
        .updateTable('datasets')
        .set({ erased_leads: sql<number>`(select count(*)::int from leads where dataset_id = ${datasetId} and erased_at is not null)` })
        .where('id', '=', datasetId)
        .execute();
      // Results of runs on this version for the erased leads.
      const leadIds = subject.leads.filter((l) => l.dataset_id === datasetId).map((l) => l.lead_id);
      const res = await trx
        .updateTable('eval_results')
        .set({ result: scrubbedResult('erasure', at) })
        .where('lead_id', 'in', leadIds)
        .where('run_id', 'in', (eb) => eb.selectFrom('eval_runs').select('id').where('dataset_id', '=', datasetId))
        .executeTakeFirst();
      counts.eval_results += Number(res.numUpdatedRows);
    }

    const recIds = subject.recommendations.map((r) => r.id);
    for (const rec of subject.recommendations) {
      const row = await trx.selectFrom('recommendations').select(['output', 'status']).where('id', '=', rec.id).executeTakeFirstOrThrow();
      await trx
        .updateTable('recommendations')
        .set({
          lead: JSON.stringify(scrubLead(rec.lead, removed)),
          output: JSON.stringify(scrubRecommendationView(row.output as Record<string, unknown>, removed)),
          // An open draft for an erased person must never be acted on.
          status: row.status === 'needs_review' ? 'erased' : row.status,
          personal_data_removed_at: at,
        })
        .where('id', '=', rec.id)
        .execute();
      counts.recommendations++;
    }
    if (recIds.length) {
      counts.reviews = Number((await trx.updateTable('reviews').set({ final: null, original: null, reason: null, issues: '[]' }).where('recommendation_id', 'in', recIds).executeTakeFirst()).numUpdatedRows);
      counts.outcomes = Number((await trx.updateTable('outcomes').set({ note: null }).where('recommendation_id', 'in', recIds).executeTakeFirst()).numUpdatedRows);
    }

    // The cache is keyed by prompt hashes: entries are found by what their drafts say. A cache
    // miss costs a model call, so parts of the name count too.
    const cacheNeedles = [...new Set([...needles, ...needles.flatMap((n) => (n.includes('@') ? [] : n.split(/\s+/))).filter((t) => t.length >= 3 && !/^\+?\d/.test(t))])];
    if (cacheNeedles.length) {
      const res = await trx
        .deleteFrom('provider_cache')
        .where((eb) => eb.or(cacheNeedles.map((n) => eb(sql`output::text`, 'ilike', `%${escapeLike(n)}%`))))
        .executeTakeFirst();
      counts.provider_cache = Number(res.numDeletedRows);
    }

    const suppressions: NewSuppression[] = [
      ...[...ids.emails].map((value) => ({ kind: 'email' as const, value, reason: 'erasure_requested' as const, source: 'erasure', effective_at: at })),
      ...[...ids.phones].map((value) => ({ kind: 'phone' as const, value, reason: 'erasure_requested' as const, source: 'erasure', effective_at: at })),
    ];
    await addSuppressions(trx, suppressions, actor);

    const identifierHashes = {
      email: [...ids.emails].map((v) => keyedHash(key, 'email', v)),
      phone: [...ids.phones].map((v) => keyedHash(key, 'phone', v)),
      lead_id: [...ids.leadIds].map((v) => keyedHash(key, 'lead_id', v)),
    };
    // Files last, just before the commit: they cannot roll back, and everything before could.
    const files = env.dataDir ? redactDataFiles(env.dataDir, needles) : { rewritten: 0, unreadable: [] };
    counts.files = files.rewritten;
    const recordsErased = Object.values(counts).reduce((a, b) => a + b, 0);
    const reason = redactText(query.reason, needles);
    await trx
      .insertInto('privacy_erasures')
      .values({ id, at, actor, reason, identifier_hashes: JSON.stringify(identifierHashes), records_erased: recordsErased, counts: JSON.stringify(counts) })
      .execute();
    await recordAudit(trx, { actor, action: 'privacy.erasure', subject: id, details: { records_erased: recordsErased, counts, datasets: [...datasets], identifier_hashes: identifierHashes } });
    return { recordsErased, counts, datasets: [...datasets], suppressed: suppressions.length, unreadable: files.unreadable };
  });

  for (const datasetId of result.datasets) invalidateFeatureSets(datasetId);
  // Only tables that changed: VACUUM FULL locks the table while it rewrites it.
  await purgeDeadRows(db, env.dbKind, TOUCHED_TABLES.filter((table) => result.counts[table] > 0));
  return {
    id,
    at: at.toISOString(),
    records_erased: result.recordsErased,
    counts: result.counts,
    datasets: result.datasets,
    suppressed_identifiers: result.suppressed,
    files_unreadable: result.unreadable,
  };
}

/**
 * An UPDATE leaves the old row version in the table file until it is vacuumed, and plain VACUUM
 * only marks the space reusable: VACUUM FULL rewrites each table (and its TOAST and indexes) into
 * new files. The embedded database then switches WAL segment and checkpoints with recycling off,
 * so segments holding the old rows (and the full-page images the erasure itself logged) are deleted.
 */
export async function purgeDeadRows(db: Kysely<DB>, kind: DatabaseKind, tables: readonly string[] = TOUCHED_TABLES): Promise<void> {
  for (const table of tables) await sql`vacuum full ${sql.table(table)}`.execute(db);
  if (kind === 'embedded') {
    await sql`set wal_recycle = off`.execute(db);
    for (let i = 0; i < 2; i++) {
      await sql`select pg_switch_wal()`.execute(db);
      await sql`checkpoint`.execute(db);
    }
  }
}

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Text files under DATA_DIR (not the database's own folder) that mention the person are rewritten. */
function redactDataFiles(dataDir: string, needles: string[]): { rewritten: number; unreadable: string[] } {
  const out = { rewritten: 0, unreadable: [] as string[] };
  if (!needles.length || !fs.existsSync(dataDir)) return out;
  const lowered = needles.map((n) => n.toLowerCase());
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (full !== path.join(dataDir, 'pgdata')) walk(full);
        continue;
      }
      if (!entry.isFile()) continue;
      const size = fs.statSync(full).size;
      if (size > MAX_FILE_BYTES) continue;
      const bytes = fs.readFileSync(full);
      const text = bytes.toString('utf8').toLowerCase();
      if (!lowered.some((n) => text.includes(n))) continue;
      if (bytes.includes(0)) {
        // A binary file (another program's database): cannot be edited safely; named for the admin.
        out.unreadable.push(path.relative(dataDir, full));
        continue;
      }
      fs.writeFileSync(full, redactText(bytes.toString('utf8'), needles));
      out.rewritten++;
    }
  };
  walk(dataDir);
  return out;
}
