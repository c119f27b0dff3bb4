/**
 * Formats record facts for the drafts, in forms the grounding checker reads back exactly:
 * "15 December 2026" / "15. Dezember 2026" / "15. prosinca 2026.", "EUR 2,450" / "2.450 EUR".
 * Field values that will appear in a draft are screened first: CRM fields are untrusted too.
 */
import { detectInstructionLikeText } from '../guardrails/instruction-like-text.ts';

export type DraftLanguage = 'en' | 'de' | 'hr';

const MONTHS: Record<DraftLanguage, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  // Croatian dates use the genitive ("15. prosinca"), months alone the nominative ("prosinac").
  hr: ['siječnja', 'veljače', 'ožujka', 'travnja', 'svibnja', 'lipnja', 'srpnja', 'kolovoza', 'rujna', 'listopada', 'studenoga', 'prosinca'],
};
const HR_MONTHS_NOMINATIVE = ['siječanj', 'veljača', 'ožujak', 'travanj', 'svibanj', 'lipanj', 'srpanj', 'kolovoz', 'rujan', 'listopad', 'studeni', 'prosinac'];

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return [y, m, d];
}

export function formatDay(lang: DraftLanguage, iso: string): string {
  const [y, m, d] = parts(iso);
  if (lang === 'de') return `${d}. ${MONTHS.de[m - 1]} ${y}`;
  if (lang === 'hr') return `${d}. ${MONTHS.hr[m - 1]} ${y}.`;
  return `${d} ${MONTHS.en[m - 1]} ${y}`;
}

export function formatMonth(lang: DraftLanguage, iso: string): string {
  const [y, m] = parts(iso);
  if (lang === 'hr') return `${HR_MONTHS_NOMINATIVE[m - 1]} ${y}.`;
  return `${MONTHS[lang][m - 1]} ${y}`;
}

// toLocaleString builds a new formatter on every call; these are built once.
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let format = NUMBER_FORMATS.get(key);
  if (!format) NUMBER_FORMATS.set(key, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format;
}

export function formatAmount(lang: DraftLanguage, amount: number, currency: string | null | undefined): string {
  const cur = (currency ?? 'EUR').toUpperCase();
  const locale = lang === 'en' ? 'en-GB' : 'de-DE';
  const num = numberFormat(locale, Number.isInteger(amount) ? 0 : 2).format(amount);
  return lang === 'en' ? `${cur} ${num}` : `${num} ${cur}`;
}

/** A place or person name fit to print: letters, spaces, dots, hyphens, apostrophes; nothing instruction-like. */
export function safeFieldText(value: string | null | undefined, maxLength = 60): string | null {
  const v = value?.trim();
  if (!v || v.length > maxLength) return null;
  if (!/^[\p{L}][\p{L} .'’-]*$/u.test(v)) return null;
  if (v.split(/\s+/).length > 4 || detectInstructionLikeText(v).suspicious) return null;
  return v;
}

/** "rep:marko.k" -> "Marko K"; emails and odd values give null (the rep signs themselves). */
export function displayOwner(owner: string | null | undefined): string | null {
  const raw = owner?.replace(/^(rep|user|agent)\s*:/i, '').trim();
  if (!raw || raw.includes('@')) return null;
  const tokens = raw.split(/[\s._-]+/).filter(Boolean);
  const name = tokens.map((t) => t.charAt(0).toUpperCase() + t.slice(1)).join(' ');
  return safeFieldText(name, 40);
}
