/**
 * Explanation templates: "Service date {service_date} is in {days_until_service_date} days."
 * A `{name}` placeholder is replaced by a VALUE (a feature, `latest_quote.field`,
 * `evidence.<signal>` = the matched excerpt, or one of the decision values below). Substitution
 * is a single pass over the ruleset author's template; values, including CRM text, are inserted
 * verbatim and never scanned for placeholders, so customer text can never act as a template.
 */
import { FEATURE_NAMES, QUOTE_FIELDS } from '../features/catalog.ts';

/** Values the engine adds next to the features. */
export const DECISION_PLACEHOLDERS = ['recontact_after', 'priority', 'threshold', 'weight', 'as_of', 'lead_id'] as const;

export type TemplatePart = string | { ref: string };
export interface CompiledTemplate { parts: TemplatePart[] }

const PLACEHOLDER = /\{([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)\}/g;
const KNOWN = new Set<string>([...FEATURE_NAMES, ...DECISION_PLACEHOLDERS, ...QUOTE_FIELDS.map((f) => `latest_quote.${f}`)]);

export function compileTemplate(
  template: string,
  signalNames: ReadonlySet<string>,
): { template: CompiledTemplate; problems: { message: string; start: number }[] } {
  const parts: TemplatePart[] = [];
  const problems: { message: string; start: number }[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const ref = m[1];
    const index = m.index ?? 0;
    const isEvidence = ref.startsWith('evidence.');
    if (isEvidence ? !signalNames.has(ref.slice(9)) : !KNOWN.has(ref)) {
      problems.push({ message: `unknown placeholder {${ref}}: use a feature name, latest_quote.<field>, evidence.<signal> or ${DECISION_PLACEHOLDERS.join('/')}`, start: index });
    }
    if (index > last) parts.push(template.slice(last, index));
    parts.push({ ref });
    last = index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return { template: { parts }, problems };
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'unknown';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(', ') : 'none';
  const text = String(value).replace(/\s+/g, ' ');
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export function renderTemplate(t: CompiledTemplate, lookup: (ref: string) => unknown): string {
  let out = '';
  for (const part of t.parts) out += typeof part === 'string' ? part : formatValue(lookup(part.ref));
  return out;
}
