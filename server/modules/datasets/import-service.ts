/**
 * Imports a stream of rows into a dataset version, all or nothing: valid rows are written in
 * batches inside ONE transaction, so a failure midway (bad stream, database error, crash)
 * leaves the dataset exactly as it was. Rejected rows do not fail the import; they are reported.
 * A locked version (one an evaluation used) is never changed: the import creates a new version.
 */
import { sql, type Kysely } from 'kysely';
import type { DB, NewLeadRow } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { suppressConsentRefusals } from '../privacy/suppression-list.ts';
import type { ImportRow } from './import-sources.ts';
import * as repo from './repository.ts';

const BATCH_SIZE = 1000;

export interface ImportResult {
  imported: number;
  /** `file` is set on multi-file imports: the name of the file the line is in. */
  rejected: { file?: string; line: number; errors: string[] }[];
  dataset_id: string;
  version: number;
  lead_count: number;
}

export async function importRows(
  db: Kysely<DB>,
  datasetId: string,
  /** The rows, or a function giving them from the import's transaction (a staged import reads them there). */
  rows: AsyncIterable<ImportRow> | ((trx: Kysely<DB>) => AsyncIterable<ImportRow>),
  meta: { actor: string; format: string; mapping?: string; details?: Record<string, unknown> },
  /** Runs last inside the same transaction (a staged import marks itself committed). */
  finish?: (trx: Kysely<DB>) => Promise<void>,
): Promise<ImportResult> {
  const result = await db.transaction().execute(async (trx) => {
    let target = await repo.findDataset(trx, datasetId);
    if (!target) throw new AppError('not_found', `No dataset ${datasetId}.`);
    if (target.locked_at) {
      const latest = await repo.findLatestByName(trx, target.name);
      target = await repo.insertDataset(trx, {
        name: target.name,
        description: target.description,
        as_of: target.as_of,
        version: (latest?.version ?? target.version) + 1,
        parent_id: target.id,
        created_by: meta.actor,
      });
      await repo.copyLeads(trx, datasetId, target.id);
    }

    let seq = await repo.maxSeq(trx, target.id);
    const firstLine = new Map<string, number>();
    const rejected: ImportResult['rejected'] = [];
    let batch: NewLeadRow[] = [];
    let imported = 0;

    for await (const row of typeof rows === 'function' ? rows(trx) : rows) {
      const where = row.file === undefined ? {} : { file: row.file };
      if (!row.ok) {
        rejected.push({ ...where, line: row.line, errors: row.errors });
        continue;
      }
      const seenAt = firstLine.get(row.lead.id);
      if (seenAt !== undefined) {
        rejected.push({ ...where, line: row.line, errors: [`id: "${row.lead.id}" appears again (first on line ${seenAt})`] });
        continue;
      }
      firstLine.set(row.lead.id, row.line);
      batch.push(repo.toLeadRow(target.id, ++seq, row.lead));
      imported++;
      if (batch.length >= BATCH_SIZE) {
        await repo.upsertLeads(trx, batch);
        batch = [];
      }
    }
    await repo.upsertLeads(trx, batch);
    const leadCount = await repo.refreshLeadCount(trx, target.id);
    // Opt-outs and erasure requests in the records join the suppression list (kept across imports).
    await suppressConsentRefusals(trx, target.id, meta.actor);
    await recordAudit(trx, {
      actor: meta.actor,
      action: 'dataset.import',
      subject: target.id,
      details: { format: meta.format, mapping: meta.mapping ?? null, imported, rejected: rejected.length, new_version_of: target.id === datasetId ? null : datasetId, ...meta.details },
    });
    await finish?.(trx);
    return { imported, rejected, dataset_id: target.id, version: target.version, lead_count: leadCount };
  });
  await refreshPlannerStatistics(db, result.imported);
  return result;
}

/** Rows written after which the leads table's planner statistics are refreshed at once. */
export const ANALYZE_AFTER_ROWS = 5000;

/**
 * After a large import the planner must know the leads are there: with statistics from before
 * it, a query for a few hundred leads of a 1,000,000-lead dataset by seq was planned as a scan of
 * the whole dataset (1 s a query instead of milliseconds; measured with autovacuum off, and
 * autovacuum on would only get to it a minute or more later). Outside the import's transaction,
 * so the rows are visible to it; a failure here leaves the import as it is.
 */
async function refreshPlannerStatistics(db: Kysely<DB>, imported: number): Promise<void> {
  if (imported < ANALYZE_AFTER_ROWS) return;
  await sql`analyze leads`.execute(db).catch(() => undefined);
}
