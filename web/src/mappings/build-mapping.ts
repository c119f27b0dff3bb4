/**
 * The mapping editor's model: what the manager chose for each column of each file, and the
 * mapping YAML it becomes (the same format as datasets/mappings/*.yaml, checked by the server).
 */
import { stringify } from 'yaml';

export type FileKind = 'leads' | 'activities' | 'quotes';
export type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'datetime';

export interface Suggestion {
  field: string | null;
  type: FieldType;
  formats: string[];
  ambiguous_date: boolean;
  join?: string;
  values?: Record<string, unknown>;
}

export interface InspectedColumn {
  name: string;
  samples: string[];
  distinct: string[];
  suggestion: Suggestion;
}

export interface ColumnChoice {
  name: string;
  samples: string[];
  distinct: string[];
  ambiguous: boolean;
  formats: string[];
  /** '' = not imported; `id` / `lead_id` = the record key; `activity` = a note column of the leads file. */
  field: string;
  type: FieldType;
  format: string;
  /** Put after an earlier column of the same field (first + last name). */
  join: boolean;
  /** `CRM value = field value`, one per line. */
  values: string;
  /** Used for a value not listed (blank: such a value rejects the line). */
  fallback: string;
}

export interface FileChoice {
  /** `leads`, or the name the mapping gives this file (`calls`, `deals`). */
  name: string;
  kind: FileKind;
  columns: ColumnChoice[];
  /** For activity files: what a row is when no column says it. */
  channel: string;
  direction: string;
}

export const DATE_FORMATS = ['iso', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'DD/MM/YYYY HH:mm', 'MM/DD/YYYY HH:mm', 'DD.MM.YYYY HH:mm', 'MM/DD/YYYY HH:mm:ss'];
export const CHANNELS = ['email', 'call', 'sms', 'form', 'meeting', 'chat', 'note'];
export const DIRECTIONS = ['inbound', 'outbound', 'internal'];

/** The fields a column of each kind of file can fill. */
export const FIELDS: Record<FileKind, { value: string; label: string }[]> = {
  leads: [
    { value: 'id', label: 'Lead id (record id)' },
    ...['contact.name', 'contact.email', 'contact.phone', 'contact.language', 'created_at', 'source', 'owner', 'status', 'lost_reason', 'value_estimate',
      'service.type', 'service.origin', 'service.destination', 'service.date', 'service.size', 'service.volume_m3',
      'consent.email', 'consent.phone', 'consent.opted_out_at', 'consent.erasure_requested_at', 'quotes.0.amount', 'quotes.0.sent_at', 'quotes.0.status'].map((f) => ({ value: f, label: f })),
    { value: 'activity', label: 'An activity (note) of the lead' },
    { value: 'tag', label: 'A tag' },
  ],
  activities: [{ value: 'lead_id', label: 'Lead id (links to the leads file)' }, ...['at', 'channel', 'direction', 'outcome', 'author', 'text'].map((f) => ({ value: f, label: f }))],
  quotes: [{ value: 'lead_id', label: 'Lead id (links to the leads file)' }, ...['id', 'sent_at', 'amount', 'currency', 'valid_until', 'status'].map((f) => ({ value: f, label: f }))],
};

const TYPED: Record<string, FieldType> = {
  created_at: 'datetime', 'service.date': 'date', 'consent.opted_out_at': 'datetime', 'consent.erasure_requested_at': 'datetime', 'quotes.0.sent_at': 'datetime',
  at: 'datetime', sent_at: 'datetime', valid_until: 'date', value_estimate: 'number', 'service.volume_m3': 'number', amount: 'number', 'quotes.0.amount': 'number',
};

export function typeForField(field: string, fallback: FieldType): FieldType {
  return TYPED[field] ?? (fallback === 'date' || fallback === 'datetime' ? 'string' : fallback);
}

export function choiceFromInspection(kind: FileKind, col: InspectedColumn): ColumnChoice {
  const s = col.suggestion;
  const allowed = new Set(FIELDS[kind].map((f) => f.value));
  const field = s.field && allowed.has(s.field) ? s.field : '';
  const type = field ? (TYPED[field] ?? 'string') : 'string';
  const dated = type === 'date' || type === 'datetime';
  return {
    name: col.name,
    samples: col.samples,
    distinct: col.distinct,
    ambiguous: s.ambiguous_date,
    formats: s.formats,
    field,
    type,
    // An ambiguous format is never chosen for the manager; one that fits unambiguously is.
    format: dated && !s.ambiguous_date && s.formats.length ? s.formats[0] : dated && !s.ambiguous_date ? 'iso' : '',
    join: !!s.join,
    values: s.values ? Object.entries(s.values).map(([k, v]) => `${k} = ${v === null ? 'null' : String(v)}`).join('\n') : '',
    fallback: '',
  };
}

/** Every choice that still needs the manager before the mapping can be used. */
export function problems(files: FileChoice[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const key = f.kind === 'leads' ? 'id' : 'lead_id';
    if (!f.columns.some((c) => c.field === key)) out.push(`${f.name}: choose the column that holds the lead id.`);
    for (const c of f.columns) {
      if (!c.field || (c.type !== 'date' && c.type !== 'datetime')) continue;
      if (!c.format) out.push(`${f.name}: choose the date format of "${c.name}" (values like ${c.samples[0] ?? '01/02/2026'} could be day-first or month-first).`);
    }
  }
  return out;
}

function parseValue(text: string): unknown {
  const t = text.trim();
  if (t === 'null' || t === '') return null;
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

function valueMap(text: string): Record<string, unknown> | undefined {
  const entries = text
    .split('\n')
    .map((l) => l.split('='))
    .filter((p) => p.length >= 2 && p[0].trim())
    .map(([k, ...v]) => [k.trim(), parseValue(v.join('='))] as const);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function fieldEntry(c: ColumnChoice, field: string, separator: string): Record<string, unknown> {
  const entry: Record<string, unknown> = { field, column: c.name };
  const values = valueMap(c.values);
  if (values) {
    entry.values = values;
    if (c.fallback.trim()) entry.default = parseValue(c.fallback);
  } else if (c.type !== 'string') {
    entry.type = c.type;
    if ((c.type === 'date' || c.type === 'datetime') && c.format && c.format !== 'iso') entry.format = c.format;
  }
  if (c.join) entry.join = separator;
  return entry;
}

export function buildMapping(name: string, missingValues: string, files: FileChoice[]): Record<string, unknown> {
  const leads = files.find((f) => f.kind === 'leads');
  const idColumn = leads?.columns.find((c) => c.field === 'id');
  const mapping: Record<string, unknown> = {
    name,
    description: 'Built in the mapping editor',
    missing_values: ['', ...missingValues.split(',').map((v) => v.trim()).filter(Boolean)],
    id: { column: idColumn?.name ?? '' },
    fields: (leads?.columns ?? []).filter((c) => c.field && !['id', 'activity', 'tag'].includes(c.field)).map((c) => fieldEntry(c, c.field, c.field === 'contact.name' ? ' ' : '\n')),
    activities: (leads?.columns ?? []).filter((c) => c.field === 'activity').map((c) => ({ column: c.name, text_prefix: `${c.name}: `, author: 'crm' })),
    tags: (leads?.columns ?? []).filter((c) => c.field === 'tag').map((c) => ({ column: c.name, prefix: `${c.name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}:` })),
    files: files
      .filter((f) => f.kind !== 'leads')
      .map((f) => {
        const key = f.columns.find((c) => c.field === 'lead_id');
        const fields = f.columns.filter((c) => c.field && c.field !== 'lead_id').map((c) => fieldEntry(c, c.field, '\n'));
        if (f.kind === 'activities') {
          if (!fields.some((x) => x.field === 'channel')) fields.unshift({ field: 'channel', value: f.channel });
          if (!fields.some((x) => x.field === 'direction')) fields.unshift({ field: 'direction', value: f.direction });
        }
        return { name: f.name, kind: f.kind, lead_id: { column: key?.name ?? '' }, fields };
      }),
  };
  return mapping;
}

export function mappingYaml(name: string, missingValues: string, files: FileChoice[]): string {
  return stringify(buildMapping(name, missingValues, files), { lineWidth: 0 });
}

/** The server's preview of a draft mapping (POST /api/mappings/draft-preview). */
export interface DraftPreviewResult {
  release_id: string | null;
  as_of: string;
  leads: (
    | { line: number; ok: true; lead: Record<string, any>; decision: { decision: string; priority: number; recontact_after: string | null; reasons: { code: string; explanation: string }[] } | null }
    | { line: number; ok: false; errors: string[] }
  )[];
  rejected: { file: string; line: number; errors: string[] }[];
  unmatched_rows: number;
}

