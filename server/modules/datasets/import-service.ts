/**
 * Imports a stream of rows into a dataset version, all or nothing: valid rows are written in
 * batches inside ONE transaction, so a failure midway (bad stream, database error, crash)
 * leaves the dataset exactly as it was. Rejected rows do not fail the import; they are reported.
 * A locked version (one an evaluation used) is never changed: the import creates a new version.
 */
import { randomBytes } from 'node:crypto';
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

export interface ImportOptions {
  /**
   * Write the rows to the import's pending area first, outside any transaction, then move them in
   * one short transaction (the embedded database: its one session is not held for the whole
   * import, so API requests are answered meanwhile). All or nothing either way.
   */
  staged?: boolean;
}

type Rows = AsyncIterable<ImportRow> | ((db: Kysely<DB>) => AsyncIterable<ImportRow>);

export async function importRows(
  db: Kysely<DB>,
  datasetId: string,
  /** The rows, or a function giving them from the database they are read in (a staged import reads them there). */
  rows: Rows,
  meta: { actor: string; format: string; mapping?: string; details?: Record<string, unknown> },
  /** Runs last inside the same transaction (a staged import marks itself committed). */
  finish?: (trx: Kysely<DB>) => Promise<void>,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const result = options.staged ? await importStaged(db, datasetId, rows, meta, finish) : await db.transaction().execute((trx) => importInTransaction(trx, datasetId, rows, meta, finish));
  await refreshPlannerStatistics(db, result.imported);
  return result;
}

/**
 * One batch written while the next is read: the database executes a batch while this thread
 * parses and validates the next rows (on the embedded database those are two threads), and never
 * more than one batch waits in memory. A failed write surfaces at the next batch or at the end.
 */
export function overlappedWriter<T>(write: (batch: T[]) => Promise<void>) {
  let inFlight: Promise<void> | null = null;
  return {
    async push(batch: T[]): Promise<void> {
      if (inFlight) await inFlight;
      inFlight = batch.length ? write(batch) : null;
      // Handled here so it is never an unhandled rejection; awaited (and thrown) by the next push or done().
      inFlight?.catch(() => undefined);
    },
    async done(): Promise<void> {
      if (inFlight) await inFlight;
      inFlight = null;
    },
  };
}

/** The rows as the import writes them: rejected ones reported, a repeated id refused, seq 1, 2, ... */
async function readRows(rows: AsyncIterable<ImportRow>, writeBatch: (batch: NewLeadRow[]) => Promise<void>, batchBytes = Infinity) {
  const writer = overlappedWriter(writeBatch);
  const write = (batch: NewLeadRow[]) => writer.push(batch);
  const firstLine = new Map<string, number>();
  const rejected: ImportResult['rejected'] = [];
  let batch: NewLeadRow[] = [];
  let bytes = 0;
  let imported = 0;
  for await (const row of rows) {
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
    // dataset_id is filled in by the writer; seq counts from 1 within this import.
    const leadRow = repo.toLeadRow('', ++imported, row.lead);
    batch.push(leadRow);
    bytes += (leadRow.record as string).length;
    if (batch.length >= BATCH_SIZE || bytes >= batchBytes) {
      await write(batch);
      batch = [];
      bytes = 0;
    }
  }
  await write(batch);
  await writer.done();
  return { imported, rejected };
}

/** The version the import writes: the dataset itself, or a new version when it is locked. */
async function targetVersion(trx: Kysely<DB>, datasetId: string, actor: string) {
  const target = await repo.findDataset(trx, datasetId);
  if (!target) throw new AppError('not_found', `No dataset ${datasetId}.`);
  if (!target.locked_at) return target;
  const latest = await repo.findLatestByName(trx, target.name);
  const version = await repo.insertDataset(trx, {
    name: target.name,
    description: target.description,
    as_of: target.as_of,
    version: (latest?.version ?? target.version) + 1,
    parent_id: target.id,
    created_by: actor,
  });
  await repo.copyLeads(trx, datasetId, version.id);
  return version;
}

/** What every import does last, in its transaction: count, suppression list, audit, the caller's finish. */
async function completeImport(
  trx: Kysely<DB>,
  datasetId: string,
  target: { id: string; version: number },
  read: { imported: number; rejected: ImportResult['rejected'] },
  meta: Parameters<typeof importRows>[3],
  finish?: (trx: Kysely<DB>) => Promise<void>,
): Promise<ImportResult> {
  const leadCount = await repo.refreshLeadCount(trx, target.id);
  // Opt-outs and erasure requests in the records join the suppression list (kept across imports).
  await suppressConsentRefusals(trx, target.id, meta.actor);
  await recordAudit(trx, {
    actor: meta.actor,
    action: 'dataset.import',
    subject: target.id,
    details: { format: meta.format, mapping: meta.mapping ?? null, imported: read.imported, rejected: read.rejected.length, new_version_of: target.id === datasetId ? null : datasetId, ...meta.details },
  });
  await finish?.(trx);
  return { imported: read.imported, rejected: read.rejected, dataset_id: target.id, version: target.version, lead_count: leadCount };
}

async function importInTransaction(trx: Kysely<DB>, datasetId: string, rows: Rows, meta: Parameters<typeof importRows>[3], finish?: (trx: Kysely<DB>) => Promise<void>) {
  const target = await targetVersion(trx, datasetId, meta.actor);
  const lastSeq = await repo.maxSeq(trx, target.id);
  const read = await readRows(typeof rows === 'function' ? rows(trx) : rows, (batch) =>
    repo.upsertLeads(trx, batch.map((r) => ({ ...r, dataset_id: target.id, seq: lastSeq + r.seq }))),
  );
  return completeImport(trx, datasetId, target, read, meta, finish);
}

/** Statements of the pending writes stay small: a request waits for at most one of them. */
const STAGED_BATCH_BYTES = 192 * 1024;

async function importStaged(db: Kysely<DB>, datasetId: string, rows: Rows, meta: Parameters<typeof importRows>[3], finish?: (trx: Kysely<DB>) => Promise<void>) {
  if (!(await repo.findDataset(db, datasetId))) throw new AppError('not_found', `No dataset ${datasetId}.`);
  const key = `imp_${randomBytes(9).toString('hex')}`;
  try {
    const read = await readRows(typeof rows === 'function' ? rows(db) : rows, (batch) => repo.insertPendingLeads(db, key, batch), STAGED_BATCH_BYTES);
    return await db.transaction().execute(async (trx) => {
      const target = await targetVersion(trx, datasetId, meta.actor);
      await repo.movePendingLeads(trx, key, target.id, await repo.maxSeq(trx, target.id));
      return completeImport(trx, datasetId, target, read, meta, finish);
    });
  } finally {
    await repo.deletePendingLeads(db, key).catch(() => undefined);
  }
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
