/**
 * Streaming readers for imports: each yields one validated row at a time with its line number,
 * so memory stays flat however large the file, and every rejected row can be reported.
 */
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { parseLead, type Lead } from '../../domain/lead.ts';
import { mapCsvRow, missingColumns, type CsvMapping } from '../../domain/import/csv-mapping.ts';
import { AppError } from '../../http/errors.ts';

export type ImportRow = { line: number; ok: true; lead: Lead } | { line: number; ok: false; errors: string[] };

/** Canonical records, one JSON object per line; blank lines are skipped. */
export async function* readJsonl(input: Readable): AsyncGenerator<ImportRow> {
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
    const parsed = parseLead(value);
    yield parsed.ok ? { line, ok: true, lead: parsed.lead } : { line, ok: false, errors: parsed.errors };
  }
}

/**
 * CSV through a column mapping. Line numbers are the file's physical lines (header = line 1),
 * which is what a user sees in a spreadsheet or editor, even when a quoted cell spans lines.
 */
export async function* readCsv(input: Readable, mapping: CsvMapping, options: { limit?: number } = {}): AsyncGenerator<ImportRow> {
  const parser = input.pipe(parseCsv({ bom: true, relax_column_count: true, info: true, skip_empty_lines: true }));
  let header: string[] | null = null;
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = record.map((h) => h.trim());
        const missing = missingColumns(mapping, header);
        if (missing.length) {
          throw new AppError('bad_request', `The CSV lacks columns the mapping "${mapping.name}" reads: ${missing.join(', ')}.`, { missing_columns: missing });
        }
        continue;
      }
      const line = info.lines;
      if (record.length !== header.length) {
        yield { line, ok: false, errors: [`expected ${header.length} columns, found ${record.length}`] };
      } else {
        const mapped = mapCsvRow(mapping, header, record);
        yield mapped.ok ? { line, ok: true, lead: mapped.lead } : { line, ok: false, errors: mapped.errors };
      }
      if (options.limit && ++rows >= options.limit) return;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const err = e as Error & { code?: string; lines?: number };
    if (err.code?.startsWith('CSV_')) throw new AppError('bad_request', `The CSV cannot be read near line ${err.lines ?? '?'}: ${err.message}`);
    throw e;
  }
  if (!header) throw new AppError('bad_request', 'The CSV is empty: expected a header row.');
}
