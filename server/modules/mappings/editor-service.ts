/**
 * What the mapping editor needs from the server: the columns of an uploaded file with sample
 * values and suggestions, and a preview of a mapping that is not saved yet, applied to the heads
 * of the export's files. The preview maps and joins through the same functions as an import
 * (readCsv, readLinkedCsv, attachLinkedItems) and decides through the production release's
 * pipeline (recommendLead), so what the manager sees is what an import and a campaign would do.
 */
import { csvReadError } from '../../http/csv-errors.ts';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { attachLinkedItems, LEADS_FILE, parseMappingYaml } from '../../domain/import/csv-mapping.ts';
import { suggestColumn, type FileKind } from '../../domain/import/suggest-mapping.ts';
import type { Activity, Lead, Quote } from '../../domain/lead.ts';
import { AppError } from '../../http/errors.ts';
import { recommendLead } from '../../pipeline/recommend-lead.ts';
import { readCsv, readLinkedCsv } from '../datasets/import-sources.ts';
import { candidateForRelease, currentProduction } from '../recommendations/production.ts';
import { parse as parseCsv } from 'csv-parse';

const SAMPLES = 5;
const DISTINCT = 25;

/** The header of a CSV and, per column, sample values, distinct values and a suggestion. */
export async function inspectCsv(text: Readable, kind: FileKind, maxRows: number) {
  const parser = text.pipe(parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  text.on('error', (e) => parser.destroy(e));
  let header: string[] | null = null;
  let rows = 0;
  const values: Set<string>[] = [];
  const samples: string[][] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record.map((h) => h.trim());
        header.forEach((_, i) => ((values[i] = new Set()), (samples[i] = [])));
        continue;
      }
      record.forEach((cell, i) => {
        const v = cell.trim();
        if (!v || i >= header!.length) return;
        if (samples[i].length < SAMPLES) samples[i].push(v);
        if (values[i].size < DISTINCT) values[i].add(v);
      });
      if (++rows >= maxRows) break;
    }
  } catch (e) {
    const err = e as Error & { code?: string; lines?: number };
    const unreadable = csvReadError(err);
    if (unreadable) throw unreadable;
    throw e;
  }
  if (!header) throw new AppError('bad_request', 'The CSV is empty: expected a header row.');
  return {
    rows_read: rows,
    columns: header.map((name, i) => {
      const distinct = [...values[i]];
      return { name, samples: samples[i], distinct, suggestion: suggestColumn(kind, name, distinct) };
    }),
  };
}

export interface DraftPreviewInput {
  content: string;
  /** File name (`leads` or one of the mapping's files) -> the head of that file's CSV text. */
  files: Record<string, string>;
  rows: number;
  as_of: string;
}

export async function previewDraftMapping(env: { db: Kysely<DB>; modelsDir: string }, input: DraftPreviewInput) {
  const parsed = parseMappingYaml(input.content);
  if (!parsed.ok) throw new AppError('bad_request', `The mapping is invalid: ${parsed.errors.join('; ')}`, { errors: parsed.errors });
  const mapping = parsed.mapping;
  if (input.files[LEADS_FILE] === undefined) throw new AppError('bad_request', 'Give the leads file (files.leads).');
  for (const name of Object.keys(input.files)) {
    if (name !== LEADS_FILE && !mapping.files.some((f) => f.name === name)) throw new AppError('bad_request', `The mapping has no file "${name}".`);
  }

  const leadRows = [];
  for await (const { leadId: _unused, ...row } of readCsv(Readable.from([input.files[LEADS_FILE]]), mapping, { limit: input.rows })) leadRows.push({ ...row, file: LEADS_FILE });
  const wanted = new Set(leadRows.flatMap((r) => (r.ok ? [r.lead.id] : [])));
  const items = new Map<string, { kind: 'activities' | 'quotes'; item: Activity | Quote }[]>();
  const rejected: { file: string; line: number; errors: string[] }[] = [];
  let unmatched = 0;
  for (const file of mapping.files) {
    const text = input.files[file.name];
    if (text === undefined) continue;
    for await (const row of readLinkedCsv(Readable.from([text]), mapping, file.name)) {
      if (!row.ok) {
        rejected.push({ file: file.name, line: row.line, errors: row.errors });
        continue;
      }
      for (const id of row.leadIds) {
        if (!wanted.has(id)) {
          unmatched++;
          continue;
        }
        const list = items.get(id) ?? [];
        list.push({ kind: row.kind, item: row.item });
        items.set(id, list);
      }
    }
  }

  let release: Awaited<ReturnType<typeof currentProduction>> | null = null;
  try {
    release = await currentProduction(env.db);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
  const candidate = release ? await candidateForRelease(env.db, env.modelsDir, release) : null;
  const leads = [];
  for (const row of leadRows) {
    if (!row.ok) {
      leads.push({ line: row.line, ok: false as const, errors: row.errors });
      continue;
    }
    const joined = attachLinkedItems(row.lead, sortedByTime(items.get(row.lead.id) ?? []));
    if (!joined.ok) {
      leads.push({ line: row.line, ok: false as const, errors: joined.errors });
      continue;
    }
    const result = candidate ? await recommendLead(candidate, joined.lead, input.as_of) : null;
    leads.push({
      line: row.line,
      ok: true as const,
      lead: joined.lead as Lead & Record<string, unknown>,
      decision: result ? { decision: result.decision.decision, priority: result.decision.priority, recontact_after: result.decision.recontact_after, reasons: result.decision.reasons.map((r) => ({ code: r.code, explanation: r.explanation })) } : null,
    });
  }
  return { mapping: mapping.name, as_of: input.as_of, release_id: release?.id ?? null, leads, rejected, unmatched_rows: unmatched };
}

/** The same order as a commit: undated first, then by time (stable for equal times). */
function sortedByTime(list: { kind: 'activities' | 'quotes'; item: Activity | Quote }[]) {
  const at = (x: { item: unknown }) => ((x.item as { at?: string | null; sent_at?: string | null }).at ?? (x.item as { sent_at?: string | null }).sent_at ?? '');
  return [...list].sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0));
}
