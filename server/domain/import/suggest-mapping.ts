/**
 * Suggestions for the mapping editor: which lead (or activity, quote) field a CSV column probably
 * holds, judged from its header and a few sample values, and which date formats its values fit.
 * Only suggestions: the manager confirms or changes each one, and an ambiguous date format
 * (01/02/2026) is never chosen for them.
 */
import { COMMON_DATE_FORMATS, parseDateCell } from './date-format.ts';

export type FileKind = 'leads' | 'activities' | 'quotes';

export interface ColumnSuggestion {
  /** A field path (`contact.email`), `id` / `lead_id` for the record key, `activity` for a note column of the leads file, or null. */
  field: string | null;
  type: 'string' | 'number' | 'boolean' | 'date' | 'datetime';
  /** For dates: the formats every sample fits; more than one of day-first/month-first = ambiguous. */
  formats: string[];
  ambiguous_date: boolean;
  /** `join` when the field is built from several columns (first + last name). */
  join?: string;
  /** A suggested value map (CRM value -> field value), e.g. Do Not Email Yes -> false. */
  values?: Record<string, unknown>;
}

type Rule = { re: RegExp; field: string; type?: ColumnSuggestion['type']; join?: string; values?: (samples: string[]) => Record<string, unknown> | undefined };

const yesNo = (yes: unknown, no: unknown) => (samples: string[]) => {
  const map: Record<string, unknown> = {};
  for (const s of new Set(samples.map((v) => v.trim()))) {
    if (/^(yes|true|1|y|ja|da)$/i.test(s)) map[s] = yes;
    else if (/^(no|false|0|n|nein|ne)$/i.test(s)) map[s] = no;
  }
  return Object.keys(map).length ? map : undefined;
};

/** First match wins; patterns are tried against the lower-cased header. */
const LEAD_RULES: Rule[] = [
  { re: /^(record id|id|lead id|prospect id|person - id|contact id|customer id)$/, field: 'id' },
  { re: /(unsubscribed|opted? ?out of( all)? email|do ?not ?email|hasoptedoutofemail|email opt.?out)/, field: 'consent.email', values: yesNo(false, null) },
  { re: /(do ?not ?call|donotcall|phone opt.?out)/, field: 'consent.phone', values: yesNo(false, null) },
  { re: /(email consent|marketing consent|may email)/, field: 'consent.email', values: yesNo(true, false) },
  { re: /(opted out at|opt.?out date)/, field: 'consent.opted_out_at', type: 'datetime' },
  { re: /e-?mail/, field: 'contact.email' },
  { re: /(phone|mobile|tel)/, field: 'contact.phone' },
  { re: /^(first ?name|given name|firstname)$/, field: 'contact.name' },
  { re: /^(last ?name|surname|family name|lastname)$/, field: 'contact.name', join: ' ' },
  { re: /(^name$|full name|contact name|person - name|customer)/, field: 'contact.name' },
  { re: /(language|locale)/, field: 'contact.language' },
  { re: /(create|created|creation|submitted)/, field: 'created_at', type: 'datetime' },
  { re: /(owner|assigned|rep\b|sales ?person)/, field: 'owner' },
  { re: /(lost reason|reason lost)/, field: 'lost_reason' },
  { re: /(status|stage)/, field: 'status' },
  { re: /source/, field: 'source' },
  { re: /(move date|service date|moving date|job date)/, field: 'service.date', type: 'date' },
  { re: /(^from$|origin|city|town)/, field: 'service.origin' },
  { re: /(^to$|destination)/, field: 'service.destination' },
  { re: /(volume|m3|m³)/, field: 'service.volume_m3', type: 'number' },
  { re: /(size|rooms|bedrooms)/, field: 'service.size' },
  { re: /(service|job type|move type)/, field: 'service.type' },
  { re: /(value|revenue|estimate|budget)/, field: 'value_estimate', type: 'number' },
  { re: /(note|comment|last activity|remarks)/, field: 'activity' },
];

const ACTIVITY_RULES: Rule[] = [
  { re: /(associated contact|contact id|whoid|person - id|lead id|prospect id)/, field: 'lead_id' },
  { re: /(activity date|date|time|created|start)/, field: 'at', type: 'datetime' },
  { re: /(type|subtype|channel)/, field: 'channel' },
  { re: /direction|calltype/, field: 'direction' },
  { re: /(outcome|disposition|result|status|done)/, field: 'outcome' },
  { re: /(assigned|owner|author|user|rep\b)/, field: 'author' },
  { re: /(note|body|text|description|subject|title|comment)/, field: 'text' },
];

const QUOTE_RULES: Rule[] = [
  { re: /(associated contact|contact id|whoid|person - id|lead id)/, field: 'lead_id' },
  { re: /^(record id|id|deal - id|deal id|quote id|opportunity id)$/, field: 'id' },
  { re: /(amount|value|price|total)/, field: 'amount', type: 'number' },
  { re: /currency/, field: 'currency' },
  { re: /(close date|valid|expir)/, field: 'valid_until', type: 'date' },
  { re: /(create|sent|date)/, field: 'sent_at', type: 'datetime' },
  { re: /(stage|status)/, field: 'status' },
];

const RULES: Record<FileKind, Rule[]> = { leads: LEAD_RULES, activities: ACTIVITY_RULES, quotes: QUOTE_RULES };

/**
 * Formats (of the common ones) that the samples are written in: every value has the format's
 * shape (an impossible day such as 31/02 still counts as that shape: it is a bad value, not
 * another format) and at least one is a real date in it.
 */
export function fittingDateFormats(samples: string[]): string[] {
  const values = samples.map((s) => s.trim()).filter(Boolean);
  if (!values.length) return [];
  return COMMON_DATE_FORMATS.filter((f) => {
    const results = values.map((v) => parseDateCell(v, f, 'datetime'));
    return results.some((r) => r.ok) && results.every((r) => r.ok || r.error.startsWith('is not a real date'));
  });
}

export function suggestColumn(kind: FileKind, header: string, samples: string[]): ColumnSuggestion {
  const name = header.trim().toLowerCase();
  const rule = RULES[kind].find((r) => r.re.test(name));
  const formats = fittingDateFormats(samples);
  const dayFirst = formats.some((f) => f.startsWith('DD'));
  const monthFirst = formats.some((f) => f.startsWith('MM'));
  const looksLikeDate = formats.length > 0 && !samples.every((s) => /^\s*\d+\s*$/.test(s));
  const type = rule?.type ?? (looksLikeDate ? 'datetime' : 'string');
  return {
    field: rule?.field ?? null,
    type,
    formats,
    ambiguous_date: dayFirst && monthFirst,
    ...(rule?.join ? { join: rule.join } : {}),
    ...(rule?.values ? { values: rule.values(samples) } : {}),
  };
}
