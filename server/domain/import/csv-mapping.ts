/**
 * CSV column mappings: how a customer's CRM export becomes canonical lead records.
 * A mapping is YAML (a file in datasets/mappings/ or stored through the API). It is trusted
 * configuration written by a manager; cell values are data and are only ever copied, never
 * interpreted, so a cell cannot change what the mapping does.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ACTIVITY_CHANNELS, ACTIVITY_DIRECTIONS, type Activity, type Lead, type Quote } from '../lead.ts';
import { dateFormatProblem, parseDateCell } from './date-format.ts';
import { validateImportedActivity, validateImportedLead, validateImportedQuote } from './validate-record.ts';

const JsonValue: z.ZodType<unknown> = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const FieldMapping = z
  .object({
    field: z.string().regex(/^[a-z_]+(\.([a-z_]+|\d+))*$/, 'a dotted lead field path, e.g. consent.email'),
    column: z.string().optional(),
    /** A constant for every row (when no column is given). */
    value: JsonValue.optional(),
    type: z.enum(['string', 'number', 'integer', 'boolean', 'date', 'datetime']).default('string'),
    /** For dates: e.g. `DD/MM/YYYY HH:mm`, or `iso` (ISO 8601 only: `01/02/2026` needs its format named). */
    format: z.string().default('iso'),
    /** Put after what an earlier entry already wrote to the same text field, with this separator
     * (first + last name, call title + notes); without it a later entry replaces the earlier one. */
    join: z.string().optional(),
    /** Raw cell value (case-insensitive, trimmed) -> field value. */
    values: z.record(z.string(), JsonValue).optional(),
    /** Used for a value not listed in `values` (otherwise such a value rejects the row). */
    default: JsonValue.optional(),
    decimal: z.enum(['.', ',']).default('.'),
  })
  .strict()
  .refine((f) => f.column !== undefined || f.value !== undefined, { message: 'give a column or a constant value' })
  .superRefine((f, ctx) => {
    const problem = f.type === 'date' || f.type === 'datetime' ? dateFormatProblem(f.format) : null;
    if (problem) ctx.addIssue({ code: 'custom', path: ['format'], message: problem });
  });
type FieldMapping = z.infer<typeof FieldMapping>;

const ActivityShape = z
  .object({
    channel: z.enum(ACTIVITY_CHANNELS).default('note'),
    direction: z.enum(ACTIVITY_DIRECTIONS).default('internal'),
    outcome: z.string().nullable().default(null),
  })
  .strict();

const ActivityMapping = z
  .object({
    column: z.string(),
    /** Words put before the cell value so a reader (and a rule) knows where it came from. */
    text_prefix: z.string().default(''),
    author: z.string().default('import'),
    default: ActivityShape.default({ channel: 'note', direction: 'internal', outcome: null }),
    /** Raw cell value (case-insensitive) -> what kind of activity it records. */
    values: z.record(z.string(), ActivityShape).default({}),
  })
  .strict();

const TagMapping = z.object({ column: z.string(), prefix: z.string().default('') }).strict();

/**
 * Another file of the same export, keyed to the leads file by the CRM's record id: each of its rows
 * is one activity (a call, an email, a note...) or one quote (a deal) of the lead it names.
 * `fields` name paths inside the activity or quote (`at`, `channel`, `text`; `amount`, `status`).
 */
const LinkedFileMapping = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'lower-case letters, digits and _'),
    kind: z.enum(['activities', 'quotes']),
    description: z.string().default(''),
    /** The column holding the lead's record id; `split` when one row names several leads (`1;2`). */
    lead_id: z.object({ column: z.string(), prefix: z.string().default(''), split: z.string().min(1).optional() }).strict(),
    fields: z.array(FieldMapping).default([]),
  })
  .strict();
export type LinkedFileMapping = z.infer<typeof LinkedFileMapping>;

/** The file that holds the leads themselves; the other files of an import are named by the mapping. */
export const LEADS_FILE = 'leads';

export const CsvMapping = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _'),
    description: z.string().default(''),
    /** Cell values that mean "nobody filled this in" (compared case-insensitively after trimming). */
    missing_values: z.array(z.string()).default(['']),
    id: z.object({ column: z.string(), prefix: z.string().default('') }).strict(),
    fields: z.array(FieldMapping).default([]),
    activities: z.array(ActivityMapping).default([]),
    tags: z.array(TagMapping).default([]),
    files: z.array(LinkedFileMapping).default([]),
  })
  .strict()
  .superRefine((m, ctx) => {
    const names = m.files.map((f) => f.name);
    names.forEach((n, i) => {
      if (n === LEADS_FILE || names.indexOf(n) !== i) ctx.addIssue({ code: 'custom', path: ['files', i, 'name'], message: `"${n}" is ${n === LEADS_FILE ? 'reserved for the leads file' : 'used twice'}` });
    });
  });
export type CsvMapping = z.infer<typeof CsvMapping>;

export type MappingParseResult = { ok: true; mapping: CsvMapping } | { ok: false; errors: string[] };

export function parseMappingYaml(text: string): MappingParseResult {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    return { ok: false, errors: [`YAML: ${(e as Error).message}`] };
  }
  const parsed = CsvMapping.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(mapping)'}: ${i.message}`) };
  }
  return { ok: true, mapping: parsed.data };
}

/** The columns a mapping reads from one of its files (the leads file unless named). */
export function columnsRead(mapping: CsvMapping, file: string = LEADS_FILE): string[] {
  if (file !== LEADS_FILE) {
    const linked = linkedFile(mapping, file);
    return [...new Set([linked.lead_id.column, ...linked.fields.flatMap((f) => (f.column ? [f.column] : []))])];
  }
  const wanted = [
    mapping.id.column,
    ...mapping.fields.flatMap((f) => (f.column ? [f.column] : [])),
    ...mapping.activities.map((a) => a.column),
    ...mapping.tags.map((t) => t.column),
  ];
  return [...new Set(wanted)];
}

/** The columns a mapping reads that a CSV header lacks: checked once, before any row. */
export function missingColumns(mapping: CsvMapping, header: string[], file: string = LEADS_FILE): string[] {
  const have = new Set(header);
  return columnsRead(mapping, file).filter((c) => !have.has(c));
}

export function linkedFile(mapping: CsvMapping, name: string): LinkedFileMapping {
  const file = mapping.files.find((f) => f.name === name);
  if (!file) throw new Error(`mapping ${mapping.name} has no file "${name}"`);
  return file;
}

const norm = (v: string) => v.trim().toLowerCase();

function lookup<T>(table: Record<string, T>, raw: string): T | undefined {
  for (const [k, v] of Object.entries(table)) if (norm(k) === norm(raw)) return v;
  return undefined;
}

function convert(field: FieldMapping, raw: string): { value?: unknown; error?: string } {
  if (field.values) {
    const mapped = lookup(field.values, raw);
    if (mapped !== undefined) return { value: mapped };
    if (field.default !== undefined) return { value: field.default };
    return { error: `column "${field.column}": value "${raw}" is not one of ${Object.keys(field.values).map((k) => `"${k}"`).join(', ')}` };
  }
  const text = raw.trim();
  switch (field.type) {
    case 'string':
      return { value: text };
    case 'number':
    case 'integer': {
      const cleaned = field.decimal === ',' ? text.replace(/[.\s]/g, '').replace(',', '.') : text.replace(/[,\s]/g, '');
      const n = Number(cleaned);
      if (!Number.isFinite(n) || cleaned === '') return { error: `column "${field.column}": "${raw}" is not a number` };
      if (field.type === 'integer' && !Number.isInteger(n)) return { error: `column "${field.column}": "${raw}" is not a whole number` };
      return { value: n };
    }
    case 'boolean': {
      const b = lookup({ yes: true, true: true, '1': true, y: true, no: false, false: false, '0': false, n: false }, text);
      return b === undefined ? { error: `column "${field.column}": "${raw}" is not yes/no` } : { value: b };
    }
    case 'date':
    case 'datetime': {
      const d = parseDateCell(text, field.format, field.type);
      return d.ok ? { value: d.value } : { error: `column "${field.column}": "${raw}" ${d.error}` };
    }
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> | unknown[] = target;
  parts.forEach((part, i) => {
    const key: string | number = /^\d+$/.test(part) ? Number(part) : part;
    const last = i === parts.length - 1;
    const container = node as Record<string | number, unknown>;
    if (last) {
      container[key] = value;
      return;
    }
    if (container[key] === undefined || container[key] === null) container[key] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    node = container[key] as Record<string, unknown>;
  });
}

function getPath(target: Record<string, unknown>, path: string): unknown {
  let node: unknown = target;
  for (const part of path.split('.')) node = node == null ? undefined : (node as Record<string, unknown>)[part];
  return node;
}

type CellReader = (column: string) => string | null;

function cellReader(mapping: CsvMapping, header: string[], cells: string[]): CellReader {
  const missing = new Set(mapping.missing_values.map(norm));
  return (column) => {
    const v = cells[header.indexOf(column)];
    return v === undefined || missing.has(norm(v)) ? null : v;
  };
}

/** Writes each mapped field into `record`; returns the cells that did not convert. */
function applyFields(fields: FieldMapping[], cell: CellReader, record: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const field of fields) {
    if (field.column === undefined) {
      setPath(record, field.field, field.value);
      continue;
    }
    const raw = cell(field.column);
    if (raw === null) continue;
    const { value, error } = convert(field, raw);
    if (error) {
      errors.push(error);
      continue;
    }
    const before = field.join !== undefined ? getPath(record, field.field) : undefined;
    setPath(record, field.field, typeof before === 'string' && before !== '' && typeof value === 'string' ? `${before}${field.join}${value}` : value);
  }
  return errors;
}

export type MappedRow = { ok: true; lead: Lead } | { ok: false; errors: string[]; leadId?: string };

/** Maps one CSV row (header-aligned cells) to a validated canonical record. */
export function mapCsvRow(mapping: CsvMapping, header: string[], cells: string[]): MappedRow {
  const cell = cellReader(mapping, header, cells);
  const idCell = cell(mapping.id.column);
  if (!idCell) return { ok: false, errors: [`column "${mapping.id.column}": the lead id is empty`] };
  const record: Record<string, unknown> = { id: `${mapping.id.prefix}${idCell.trim()}` };
  const errors = applyFields(mapping.fields, cell, record);

  const activities: Record<string, unknown>[] = [];
  for (const a of mapping.activities) {
    const raw = cell(a.column);
    if (raw === null) continue;
    const shape = lookup(a.values, raw) ?? a.default;
    activities.push({ at: null, channel: shape.channel, direction: shape.direction, author: a.author, outcome: shape.outcome, text: `${a.text_prefix}${raw.trim()}` });
  }
  if (activities.length) record.activities = [...((record.activities as unknown[]) ?? []), ...activities];

  const tags = mapping.tags.flatMap((t) => {
    const raw = cell(t.column);
    return raw === null ? [] : [`${t.prefix}${raw.trim()}`];
  });
  if (tags.length) record.tags = [...((record.tags as string[]) ?? []), ...tags];

  if (errors.length) return { ok: false, errors, leadId: record.id as string };
  const validated = validateImportedLead(record);
  return validated.ok ? validated : { ...validated, leadId: record.id as string };
}

export type MappedLinkedRow =
  | { ok: true; leadIds: string[]; kind: 'activities'; item: Activity }
  | { ok: true; leadIds: string[]; kind: 'quotes'; item: Quote }
  | { ok: false; leadIds: string[]; errors: string[] };

/** Maps one row of an activities or quotes file to the item it adds to the leads it names. */
export function mapLinkedRow(mapping: CsvMapping, file: LinkedFileMapping, header: string[], cells: string[]): MappedLinkedRow {
  const cell = cellReader(mapping, header, cells);
  const idCell = cell(file.lead_id.column);
  const ids = idCell === null ? [] : (file.lead_id.split ? idCell.split(file.lead_id.split) : [idCell]).map((v) => v.trim()).filter(Boolean);
  const leadIds = [...new Set(ids.map((id) => `${file.lead_id.prefix}${id}`))];
  if (!leadIds.length) return { ok: false, leadIds, errors: [`column "${file.lead_id.column}": no lead id, so this ${file.kind === 'quotes' ? 'quote' : 'activity'} belongs to no lead`] };
  const item: Record<string, unknown> = {};
  const errors = applyFields(file.fields, cell, item);
  if (errors.length) return { ok: false, leadIds, errors };
  if (file.kind === 'activities') {
    const v = validateImportedActivity(item);
    return v.ok ? { ok: true, leadIds, kind: 'activities', item: v.value } : { ok: false, leadIds, errors: v.errors };
  }
  const v = validateImportedQuote(item);
  return v.ok ? { ok: true, leadIds, kind: 'quotes', item: v.value } : { ok: false, leadIds, errors: v.errors };
}

/**
 * A lead with the activities and quotes of the export's other files added after its own. The
 * commit of a multi-file import and the mapping editor's preview both use it. Not validated again:
 * the lead and every item already passed the import validator line by line, and a lead's
 * `activities` / `quotes` are arrays of exactly those items (no cross-field rule), so the whole is
 * valid; checking 100,000 merged leads again would double the commit's cost for nothing.
 */
export function attachLinkedItems(lead: Lead, items: { kind: 'activities' | 'quotes'; item: Activity | Quote }[]): MappedRow {
  if (!items.length) return { ok: true, lead };
  const activities = [...(lead.activities ?? []), ...(items.filter((i) => i.kind === 'activities').map((i) => i.item) as Activity[])];
  const quotes = [...(lead.quotes ?? []), ...(items.filter((i) => i.kind === 'quotes').map((i) => i.item) as Quote[])];
  return { ok: true, lead: { ...lead, activities, quotes } };
}
