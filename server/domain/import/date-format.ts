/**
 * Parses CRM date strings with an explicit format such as `DD/MM/YYYY HH:mm` (the mapping says
 * which; guessing day-first vs month-first from the data is how imports silently corrupt dates).
 * `iso` accepts only ISO 8601 as written, checked digit by digit: no Date.parse, which turns
 * `2026-02-31` into March 3rd and `0` into 2000-01-01, and no time-zone conversion, so a date
 * read from `2026-12-15T23:30:00-05:00` stays 2026-12-15, the day the CRM wrote.
 */
import { isCalendarDay, isRealDate } from '../lead.ts';

const TOKENS: Record<string, string> = {
  YYYY: '(?<YYYY>\\d{4})',
  MM: '(?<MM>\\d{1,2})',
  DD: '(?<DD>\\d{1,2})',
  HH: '(?<HH>\\d{1,2})',
  mm: '(?<mm>\\d{2})',
  ss: '(?<ss>\\d{2})',
};
const TOKEN_RE = /YYYY|MM|DD|HH|mm|ss/g;

/** The formats the mapping editor offers; any combination of the tokens above works. */
export const COMMON_DATE_FORMATS = ['iso', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'DD/MM/YYYY HH:mm', 'MM/DD/YYYY HH:mm', 'DD.MM.YYYY HH:mm', 'MM/DD/YYYY HH:mm:ss'] as const;

/** Why a format string is unusable, or null when it is fine (checked when a mapping is saved). */
export function dateFormatProblem(format: string): string | null {
  if (format === 'iso') return null;
  const tokens: string[] = format.match(TOKEN_RE) ?? [];
  for (const needed of ['YYYY', 'MM', 'DD']) if (!tokens.includes(needed)) return `a date format needs ${needed} (e.g. DD/MM/YYYY), or "iso"`;
  if (new Set(tokens).size !== tokens.length) return 'a date format names each of YYYY, MM, DD, HH, mm, ss at most once';
  if (/[A-Za-z]/.test(format.replace(TOKEN_RE, ''))) return 'a date format is made of YYYY, MM, DD, HH, mm, ss and separators';
  return null;
}

const compiled = new Map<string, RegExp>();

function compile(format: string): RegExp {
  let re = compiled.get(format);
  if (!re) {
    const escaped = format.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`^${escaped.replace(TOKEN_RE, (t) => TOKENS[t])}$`);
    compiled.set(format, re);
  }
  return re;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `01/02/2026`: day-first and month-first both fit, so only the mapping can say which it is. */
const NUMERIC_DAY_MONTH = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/;

export type DateParse = { ok: true; value: string } | { ok: false; error: string };

function parseIso(text: string, kind: 'date' | 'datetime'): DateParse {
  if (!isRealDate(text)) {
    if (NUMERIC_DAY_MONTH.test(text)) return { ok: false, error: 'is not ISO (YYYY-MM-DD); day and month order is ambiguous, so the mapping must name the format (e.g. format: DD/MM/YYYY or MM/DD/YYYY)' };
    return { ok: false, error: /^\d{4}-\d{2}-\d{2}/.test(text) ? 'is not a real date' : 'is not an ISO 8601 date (YYYY-MM-DD)' };
  }
  if (kind === 'date') return { ok: true, value: text.slice(0, 10) };
  if (text.length === 10) return { ok: true, value: text };
  // The instant as written: `T` between date and time, seconds always, the offset kept (UTC when none).
  const m = /^(.{10})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(.*)$/.exec(text)!;
  return { ok: true, value: `${m[1]}T${m[2]}${m[3] ?? ':00'}${m[4] || 'Z'}` };
}

/** An ISO date (`YYYY-MM-DD`) or date-time, or why the cell does not fit the format. */
export function parseDateCell(value: string, format: string, kind: 'date' | 'datetime'): DateParse {
  const text = value.trim();
  if (format === 'iso') return parseIso(text, kind);
  const m = compile(format).exec(text);
  if (!m?.groups) return { ok: false, error: `does not match date format ${format}` };
  const y = Number(m.groups.YYYY);
  const mo = Number(m.groups.MM);
  const d = Number(m.groups.DD);
  const h = m.groups.HH ? Number(m.groups.HH) : 0;
  const mi = m.groups.mm ? Number(m.groups.mm) : 0;
  const s = m.groups.ss ? Number(m.groups.ss) : 0;
  // A month 13 or an hour 25 means the value is not written in this format at all; 31/02 is.
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return { ok: false, error: `does not match date format ${format}` };
  if (!isCalendarDay(y, mo, d)) return { ok: false, error: `is not a real date (read as ${format})` };
  const day = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  return { ok: true, value: kind === 'date' ? day : `${day}T${pad(h)}:${pad(mi)}:${pad(s)}Z` };
}
