/**
 * Multi-file imports of a CRM export: create an import for a dataset and a mapping, add its files
 * (the leads file and the activities / quotes files the mapping names), then commit.
 * - Each upload streams its file through the mapping into import_stage_rows in one transaction
 *   (a file that fails midway leaves nothing staged); uploading a file again replaces it.
 * - The commit joins activities and quotes to their leads by record id in the database, a page of
 *   leads at a time (memory flat with the export's size), and writes the dataset through the same
 *   importRows as a single-file import: one transaction, all or nothing, locked versions respected.
 * - Every rejected line is reported with its file and line, including activities and quotes whose
 *   lead is not in the leads file or was rejected.
 */
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { attachLinkedItems, LEADS_FILE, parseMappingYaml, type CsvMapping } from '../../domain/import/csv-mapping.ts';
import type { Lead } from '../../domain/lead.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { readCsv, readLinkedCsv, type ImportRow } from '../datasets/import-sources.ts';
import { importRows, overlappedWriter, type ImportOptions, type ImportResult } from '../datasets/import-service.ts';
import { resolveDataset } from '../datasets/service.ts';
import { getMappingText } from '../mappings/service.ts';
import type { EncodingReport } from '../datasets/text-decoding.ts';
import * as repo from './repository.ts';

const BATCH = 1000;

export interface FileReport {
  file: string;
  rows: number;
  rejected: { file: string; line: number; errors: string[] }[];
  encoding: EncodingReport | null;
}

export type StageView = ReturnType<typeof stageView>;

export function stageView(stage: NonNullable<Awaited<ReturnType<typeof repo.findStage>>>, mapping: CsvMapping) {
  return {
    id: stage.id,
    dataset_id: stage.dataset_id,
    mapping: stage.mapping,
    status: stage.status,
    /** The files this import takes: `leads`, then the mapping's other files. */
    expected_files: [{ name: LEADS_FILE, kind: 'leads' as const }, ...mapping.files.map((f) => ({ name: f.name, kind: f.kind }))],
    files: stage.files as Record<string, { rows: number; rejected: number; encoding: EncodingReport | null }>,
    created_at: new Date(stage.created_at).toISOString(),
  };
}

function mappingOf(stage: { mapping: string; mapping_content: string }): CsvMapping {
  const parsed = parseMappingYaml(stage.mapping_content);
  if (!parsed.ok) throw new AppError('unprocessable', `The mapping "${stage.mapping}" is invalid: ${parsed.errors.join('; ')}`);
  return parsed.mapping;
}

async function openStage(db: Kysely<DB>, id: string) {
  const stage = await repo.lockStage(db, id);
  if (!stage) throw new AppError('not_found', `No import ${id}.`);
  if (stage.status !== 'open') throw new AppError('conflict', `The import ${id} was already committed.`);
  return stage;
}

export async function createImport(db: Kysely<DB>, input: { dataset: string; mapping: string }, actor: string) {
  const dataset = await resolveDataset(db, input.dataset);
  const { content } = await getMappingText(db, input.mapping);
  const parsed = parseMappingYaml(content);
  if (!parsed.ok) throw new AppError('unprocessable', `The mapping "${input.mapping}" is invalid: ${parsed.errors.join('; ')}`, { errors: parsed.errors });
  const stage = await repo.insertStage(db, { id: repo.newStageId(), dataset_id: dataset.id, mapping: parsed.mapping.name, mapping_content: content, created_by: actor });
  return stageView(stage, parsed.mapping);
}

export async function getImport(db: Kysely<DB>, id: string) {
  const stage = await repo.findStage(db, id);
  if (!stage) throw new AppError('not_found', `No import ${id}.`);
  return stageView(stage, mappingOf(stage));
}

/** Maps a file's rows into staged rows (one per lead an activity names). */
async function* stagedRowsOf(text: Readable, mapping: CsvMapping, file: string): AsyncGenerator<repo.StagedRow> {
  if (file === LEADS_FILE) {
    for await (const row of readCsv(text, mapping)) {
      if (row.ok) yield { file, line: row.line, lead_id: row.lead.id, ok: true, payload: row.lead, errors: null };
      else yield { file, line: row.line, lead_id: row.leadId ?? null, ok: false, payload: null, errors: row.errors };
    }
    return;
  }
  for await (const row of readLinkedCsv(text, mapping, file)) {
    if (!row.ok) {
      yield { file, line: row.line, lead_id: row.leadIds[0] ?? null, ok: false, payload: null, errors: row.errors };
      continue;
    }
    let part = 0;
    const sortKey = itemTime(row.item);
    for (const leadId of row.leadIds) yield { file, line: row.line, part: part++, lead_id: leadId, ok: true, payload: row.item, sort_key: sortKey, errors: null };
  }
}

/**
 * Stages one file: its rows are written under the upload's own stored name outside any
 * transaction (a request waits for one batch's statement at most), then a short transaction
 * makes them the file's (the summary names them); the rows of the upload it replaces, or of
 * this one if it failed, are deleted after. So a file that fails midway leaves the import as it
 * was, and uploading a file again replaces it.
 */
export async function addImportFile(
  db: Kysely<DB>,
  id: string,
  file: string,
  decoded: { text: Readable; encoding(): EncodingReport | null },
  /** staged (the embedded database): the rows are written outside a transaction (see above); otherwise in the one that names them. */
  options: ImportOptions = {},
): Promise<FileReport> {
  const stage = await openStage(db, id);
  const mapping = mappingOf(stage);
  if (file !== LEADS_FILE && !mapping.files.some((f) => f.name === file)) {
    const names = [LEADS_FILE, ...mapping.files.map((f) => f.name)];
    throw new AppError('not_found', `The mapping "${mapping.name}" has no file "${file}": it takes ${names.join(', ')}.`, { files: names });
  }
  const stored = repo.storedName(file);
  const writeRows = async (q: Kysely<DB>) => {
    const rejected: FileReport['rejected'] = [];
    let rows = 0;
    let batch: repo.StagedRow[] = [];
    const writer = overlappedWriter((b: repo.StagedRow[]) => repo.insertRows(q, id, b));
    for await (const row of stagedRowsOf(decoded.text, mapping, file)) {
      if ((row.part ?? 0) === 0) rows++;
      if (!row.ok) rejected.push({ file, line: row.line, errors: row.errors ?? [] });
      batch.push({ ...row, file: stored });
      if (batch.length >= BATCH) {
        await writer.push(batch);
        batch = [];
      }
    }
    await writer.push(batch);
    await writer.done();
    return { file, rows, rejected, encoding: decoded.encoding() };
  };
  // Makes the stored rows the file's; returns the stored name of the rows it replaced.
  const name = async (trx: Kysely<DB>, report: FileReport) => {
    const current = await openStage(trx, id);
    const previous = (current.files as Record<string, repo.FileSummary>)[file];
    await repo.setFileSummary(trx, id, file, { rows: report.rows, rejected: report.rejected.length, encoding: report.encoding, stored } satisfies repo.FileSummary);
    return previous ? (previous.stored ?? file) : null;
  };
  let unneeded: string | null = stored;
  try {
    let report: FileReport;
    if (options.staged) {
      report = await writeRows(db);
      unneeded = await db.transaction().execute((trx) => name(trx, report));
    } else {
      [report, unneeded] = await db.transaction().execute(async (trx) => {
        const r = await writeRows(trx);
        return [r, await name(trx, r)] as const;
      });
    }
    return report;
  } finally {
    // The replaced upload's rows, or this one's if it failed (staged: they were written already).
    if (unneeded !== null && (options.staged || unneeded !== stored)) await repo.deleteStageRows(db, id, unneeded).catch(() => undefined);
  }
}

/** Code-point order (not the locale's): the same order on every machine. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const itemTime = (item: unknown) => {
  const i = item as { at?: unknown; sent_at?: unknown };
  const t = i.at ?? i.sent_at;
  return typeof t === 'string' ? t : null;
};

/**
 * The leads of the staged export with their activities and quotes attached, a page of record ids
 * at a time: the rejected lines of the leads file first, then the leads in record-id order, each
 * lead's items undated first, then by time, then by file and line.
 */
async function* joinedLeads(trx: Kysely<DB>, stageId: string, mapping: CsvMapping, stored: repo.StoredFiles): AsyncGenerator<ImportRow> {
  const kindOf = new Map(mapping.files.map((f) => [f.name, f.kind]));
  for (const r of await repo.rejectedLeadRows(trx, stageId, stored)) yield { file: LEADS_FILE, line: r.line, ok: false, errors: (r.errors as string[] | null) ?? [] };
  type Child = { file: string; line: number; sort: string | null; payload: string };
  // A page of leads with their children, and where the next page starts. Children were fetched up
  // to `fetchedUpTo`: a page that starts again at the same (repeated) id must not fetch them twice.
  const fetchPage = async (after: { id: string; line: number } | null, fetchedUpTo: string | null) => {
    const page = await repo.leadPageAfter(trx, stageId, stored, after, BATCH);
    if (!page.length) return null;
    const last = page[page.length - 1].lead_id!;
    const children = new Map<string, Child[]>();
    for (const c of last === fetchedUpTo ? [] : await repo.childrenInRange(trx, stageId, stored, fetchedUpTo, last)) {
      const list = children.get(c.lead_id!) ?? [];
      list.push({ file: c.file, line: c.line, sort: c.sort_key, payload: c.payload! });
      children.set(c.lead_id!, list);
    }
    return { page, children, after: { id: last, line: page[page.length - 1].line }, fetchedUpTo: last };
  };
  // The next page is read while this one is joined (the database works while this thread does).
  let next = fetchPage(null, null);
  for (;;) {
    const current = await next;
    if (!current) break;
    next = fetchPage(current.after, current.fetchedUpTo);
    next.catch(() => undefined); // surfaced by the await above on the next turn
    const { page, children } = current;
    for (const r of page) {
      const lead = JSON.parse(r.payload!) as Lead;
      const items = (children.get(r.lead_id!) ?? [])
        .sort((a, b) => byText(a.sort ?? '', b.sort ?? '') || byText(a.file, b.file) || a.line - b.line)
        .map((c) => ({ kind: kindOf.get(c.file) ?? ('activities' as const), item: JSON.parse(c.payload) }));
      const joined = attachLinkedItems(lead, items);
      yield joined.ok ? { file: LEADS_FILE, line: r.line, ok: true, lead: joined.lead } : { file: LEADS_FILE, line: r.line, ok: false, errors: joined.errors };
    }
  }
  for (const r of await repo.unattachedRows(trx, stageId, stored)) {
    const errors = !r.ok
      ? (r.errors ?? [])
      : r.rejected_line !== null
        ? [`lead "${r.lead_id}" was rejected (${LEADS_FILE} line ${r.rejected_line}), so this ${kindOf.get(r.file) === 'quotes' ? 'quote' : 'activity'} was not imported`]
        : [`no lead "${r.lead_id}" in the ${LEADS_FILE} file, so this ${kindOf.get(r.file) === 'quotes' ? 'quote' : 'activity'} was not imported`];
    yield { file: r.file, line: r.line, ok: false, errors };
  }
}

export async function commitImport(db: Kysely<DB>, id: string, actor: string, options: ImportOptions = {}): Promise<ImportResult & { import_id: string; files: StageView['files'] }> {
  const stage = await repo.findStage(db, id);
  if (!stage) throw new AppError('not_found', `No import ${id}.`);
  const mapping = mappingOf(stage);
  const files = stage.files as StageView['files'];
  if (!files[LEADS_FILE]) throw new AppError('bad_request', `Add the ${LEADS_FILE} file before committing (PUT /api/imports/${id}/files/${LEADS_FILE}).`);
  // The staged rows are unlogged (migration 20261202T0200): a database crash empties them while
  // the import still lists its files. Such an import is never committed half-empty.
  const stored = repo.storedFiles(files as Record<string, repo.FileSummary>, LEADS_FILE);
  const staged = await repo.stagedLineCounts(db, id);
  const lost = Object.entries(files as Record<string, repo.FileSummary>).filter(([name, f]) => (staged.get(f.stored ?? name) ?? 0) !== f.rows).map(([name]) => name);
  if (lost.length) {
    throw new AppError('conflict', `The staged rows of ${lost.join(', ')} are gone (the database restarted since the upload): upload ${lost.length > 1 ? 'them' : 'it'} again, then commit.`, { files: lost });
  }
  const result = await importRows(
    db,
    stage.dataset_id,
    async function* (trx) {
      // Locked for the whole commit: an upload or a second commit of this import waits, then fails.
      // (Staged, this reads outside the transaction: the check at the end decides.)
      await openStage(trx, id);
      yield* joinedLeads(trx, id, mapping, stored);
    },
    { actor, format: 'csv-multi', mapping: mapping.name, details: { import_id: id, files: Object.keys(files) } },
    // Still open, with the same files, when the dataset is written: a staged commit read them
    // outside this transaction, so a second commit or a re-upload that got in first makes this
    // one fail, writing nothing.
    async (trx) => {
      const now = await openStage(trx, id);
      if (JSON.stringify(now.files) !== JSON.stringify(stage.files)) throw new AppError('conflict', `A file of the import ${id} was uploaded again during the commit: commit again.`);
      await repo.finishStage(trx, id);
    },
    options,
  );
  // The staged rows are no longer needed: deleted after the reply (600,000 rows take seconds, and
  // nothing reads a committed stage's rows; a crash before the delete leaves rows nobody names).
  void repo.deleteStageRows(db, id).catch(() => undefined);
  return { ...result, import_id: id, files };
}

export async function discardImport(db: Kysely<DB>, id: string, actor: string) {
  await openStage(db, id);
  // The staged rows first, outside the transaction (an export's are not few); what an upload
  // still running adds meanwhile goes with the stage below.
  await repo.deleteStageRows(db, id);
  await db.transaction().execute(async (trx) => {
    await openStage(trx, id);
    await repo.deleteStage(trx, id);
    await recordAudit(trx, { actor, action: 'dataset.import_discarded', subject: id });
  });
}
