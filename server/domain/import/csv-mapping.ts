/**
 * CSV column mappings: how a customer's CRM export becomes canonical lead records.
 * A mapping is YAML (a file in datasets/mappings/ or stored through the API). It is trusted
 * configuration written by a manager; cell values are data and are only ever copied, never
 * interpreted, so a cell cannot change what the mapping does.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseLead, ACTIVITY_CHANNELS, ACTIVITY_DIRECTIONS, type Lead } from '../lead.ts';
import { parseFormattedDate } from './date-format.ts';

const JsonValue: z.ZodType<unknown> = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const FieldMapping = z
  .object({
    field: z.string().regex(/^[a-z_]+(\.([a-z_]+|\d+))*$/, 'a dotted lead field path, e.g. consent.email'),
    column: z.string().optional(),
    /** A constant for every row (when no column is given). */
    value: JsonValue.optional(),
    type: z.enum(['string', 'number', 'integer', 'boolean', 'date', 'datetime']).default('string'),
    /** For dates: e.g. `DD/MM/YYYY HH:mm`, or `iso`. */
    format: z.string().default('iso'),
    /** Raw cell value (case-insensitive, trimmed) -> field value. */
    values: z.record(z.string(), JsonValue).optional(),
    /** Used for a value not listed in `values` (otherwise such a value rejects the row). */
    default: JsonValue.optional(),
    decimal: z.enum(['.', ',']).default('.'),
  })
  .strict()
  .refine((f) => f.column !== undefined || f.value !== undefined, { message: 'give a column or a constant value' });

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
  })
  .strict();
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

/** The columns a mapping reads that a CSV header lacks: checked once, before any row. */
export function missingColumns(mapping: CsvMapping, header: string[]): string[] {
  const have = new Set(header);
  const wanted = [
    mapping.id.column,
    ...mapping.fields.flatMap((f) => (f.column ? [f.column] : [])),
    ...mapping.activities.map((a) => a.column),
    ...mapping.tags.map((t) => t.column),
  ];
  return [...new Set(wanted)].filter((c) => !have.has(c));
}

const norm = (v: string) => v.trim().toLowerCase();

function lookup<T>(table: Record<string, T>, raw: string): T | undefined {
  for (const [k, v] of Object.entries(table)) if (norm(k) === norm(raw)) return v;
  return undefined;
}

function convert(field: z.infer<typeof FieldMapping>, raw: string): { value?: unknown; error?: string } {
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
      const d = parseFormattedDate(text, field.format, field.type);
      return d ? { value: d } : { error: `column "${field.column}": "${raw}" does not match date format ${field.format}` };
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

export type MappedRow = { ok: true; lead: Lead } | { ok: false; errors: string[] };

/** Maps one CSV row (header-aligned cells) to a validated canonical record. */
export function mapCsvRow(mapping: CsvMapping, header: string[], cells: string[]): MappedRow {
  const missing = new Set(mapping.missing_values.map(norm));
  const cell = (column: string): string | null => {
    const v = cells[header.indexOf(column)];
    return v === undefined || missing.has(norm(v)) ? null : v;
  };
  const errors: string[] = [];
  const idCell = cell(mapping.id.column);
  if (!idCell) return { ok: false, errors: [`column "${mapping.id.column}": the lead id is empty`] };
  const record: Record<string, unknown> = { id: `${mapping.id.prefix}${idCell.trim()}` };

  for (const field of mapping.fields) {
    if (field.column === undefined) {
      setPath(record, field.field, field.value);
      continue;
    }
    const raw = cell(field.column);
    if (raw === null) continue;
    const { value, error } = convert(field, raw);
    if (error) errors.push(error);
    else setPath(record, field.field, value);
  }

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

  if (errors.length) return { ok: false, errors };
  return parseLead(record);
}
