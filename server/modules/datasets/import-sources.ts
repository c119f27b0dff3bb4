/**
 * Streaming readers for imports: each yields one validated row at a time with its line number,
 * so memory stays flat however large the file, and every rejected row can be reported.
 */
import { csvReadError } from '../../http/csv-errors.ts';
import readline from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import type { Lead } from '../../domain/lead.ts';
import { LEADS_FILE, linkedFile, mapCsvRow, mapLinkedRow, missingColumns, type CsvMapping, type MappedLinkedRow } from '../../domain/import/csv-mapping.ts';
import { validateImportedLead } from '../../domain/import/validate-record.ts';
import { AppError } from '../../http/errors.ts';

/** `file` names the file of a multi-file import the line is in (absent: the one file sent). */
export type ImportRow = { line: number; file?: string; ok: true; lead: Lead } | { line: number; file?: string; ok: false; errors: string[] };

/** Canonical records, one JSON object per line; blank lines are skipped. */
export async function* readJsonl(input: Readable): AsyncGenerator<ImportRow> {
  // The body may have failed (bad encoding, too large) before this generator started.
  if (input.errored) throw input.errored;
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      yield { line, ok: false, errors: [`not valid JSON: ${(e as Error).message}`] };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { line, ok: false, errors: ['expected a JSON object (one lead record per line)'] };
      continue;
    }
    const parsed = validateImportedLead(value);
    yield parsed.ok ? { line, ok: true, lead: parsed.lead } : { line, ok: false, errors: parsed.errors };
  }
}

/**
 * The rows of a CSV file with their line numbers. Line numbers are the file's physical lines
 * (header = line 1), which is what a user sees in a spreadsheet or editor, even when a quoted
 * cell spans lines. `check` sees the header before any row (to refuse missing columns).
 */
async function* csvRows(input: Readable, check: (header: string[]) => void, limit?: number): AsyncGenerator<{ line: number; header: string[]; cells: string[] } | { line: number; error: string }> {
  const parser = parseCsv({ bom: true, relax_column_count: true, info: true, skip_empty_lines: true });
  // pipeline (unlike pipe) ends the read on a source error, also one that happened before this
  // generator started: a bad byte (decoding) or an oversize body.
  pipeline(input, parser, () => {});
  let header: string[] | null = null;
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = record.map((h) => h.trim());
        check(header);
        continue;
      }
      const line = info.lines;
      if (record.length !== header.length) yield { line, error: `expected ${header.length} columns, found ${record.length}` };
      else yield { line, header, cells: record };
      if (limit && ++rows >= limit) return;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const err = e as Error & { code?: string; lines?: number };
    const unreadable = csvReadError(err);
    if (unreadable) throw unreadable;
    throw e;
  }
  if (!header) throw new AppError('bad_request', 'The CSV is empty: expected a header row.');
}

function requireColumns(mapping: CsvMapping, file: string) {
  return (header: string[]) => {
    const missing = missingColumns(mapping, header, file);
    if (missing.length) {
      const which = file === LEADS_FILE ? 'The CSV' : `The ${file} file`;
      throw new AppError('bad_request', `${which} lacks columns the mapping "${mapping.name}" reads: ${missing.join(', ')}.`, { missing_columns: missing, file });
    }
  };
}

/** The leads file of an export (or the single CSV of a one-file import) through a column mapping. */
export async function* readCsv(input: Readable, mapping: CsvMapping, options: { limit?: number } = {}): AsyncGenerator<ImportRow & { leadId?: string }> {
  for await (const row of csvRows(input, requireColumns(mapping, LEADS_FILE), options.limit)) {
    if ('error' in row) {
      yield { line: row.line, ok: false, errors: [row.error] };
      continue;
    }
    const mapped = mapCsvRow(mapping, row.header, row.cells);
    yield mapped.ok ? { line: row.line, ok: true, lead: mapped.lead } : { line: row.line, ok: false, errors: mapped.errors, leadId: mapped.leadId };
  }
}

/** An activities or quotes file of a multi-file export: one item per row, with the leads it names. */
export async function* readLinkedCsv(input: Readable, mapping: CsvMapping, fileName: string, options: { limit?: number } = {}): AsyncGenerator<MappedLinkedRow & { line: number }> {
  const file = linkedFile(mapping, fileName);
  for await (const row of csvRows(input, requireColumns(mapping, fileName), options.limit)) {
    if ('error' in row) yield { line: row.line, ok: false, leadIds: [], errors: [row.error] };
    else yield { line: row.line, ...mapLinkedRow(mapping, file, row.header, row.cells) };
  }
}
