/**
 * A small hand parser for German and Croatian month names and relative phrases that chrono-node
 * does not cover ("im März", "Ende Januar", "u ožujku", "15. siječnja", "za 2 tjedna").
 * Works on folded text (lowercase, no accents), so "ožujka" is "ozujka".
 */
import { dayNumberOfDate } from './time.ts';

// German month names are whole words; Croatian ones are stems that carry a case ending
// ("ožujak", "ožujka", "u ožujku"). Index in the outer array = month (0 = January).
const DE_MONTHS = ['januar|janner|jaenner', 'februar|feber', 'marz|maerz', 'april', 'mai', 'juni', 'juli', 'august',
  'september', 'oktober', 'november', 'dezember'];
const HR_STEMS = ['sijec', 'veljac', 'ozuj', 'travanj|travnj', 'svib', 'lipan|lipnj', 'srpan|srpnj', 'kolovoz', 'rujan|rujn',
  'listopad', 'studen', 'prosin'];

const STEM_TO_MONTH = new Map<string, number>();
DE_MONTHS.forEach((names, month) => names.split('|').forEach((n) => STEM_TO_MONTH.set(n, month)));
HR_STEMS.forEach((stems, month) => stems.split('|').forEach((s) => STEM_TO_MONTH.set(s, month)));
const byLength = (list: string[]) => list.flatMap((x) => x.split('|')).sort((a, b) => b.length - a.length).join('|');
const DE_ALTERNATION = byLength(DE_MONTHS);
const HR_ALTERNATION = byLength(HR_STEMS);
const STEM_ALTERNATION = `${DE_ALTERNATION}|${HR_ALTERNATION}`;

/** "15. marz 2027", "im marz", "ozujka", "15. ozujka". Group 2: German word, group 3: Croatian stem. */
const MONTH_MENTION = new RegExp(
  `(?<![\\p{L}])(?:(\\d{1,2})\\.?\\s*)?(?:(${DE_ALTERNATION})(?![\\p{L}])|(${HR_ALTERNATION})\\p{L}*)(?:\\s+(\\d{4}))?`,
  'gu',
);
/** "za 2 tjedna", "in 3 wochen", "za mjesec dana". */
const RELATIVE = /(?<![\p{L}])(?:za|in)\s+(\d{1,2}|einem|einer|jedan|jednu|dva|dvije|tri)?\s*(dan\p{L}*|tag\p{L}*|tjed\p{L}*|woche\p{L}*|mjesec\p{L}*|monat\p{L}*)/gu;
const WORD_NUMBERS: Record<string, number> = { einem: 1, einer: 1, jedan: 1, jednu: 1, dva: 2, dvije: 2, tri: 3 };

export interface HandParsedDate {
  index: number;
  length: number;
  date: Date;
  /** false for month-only mentions ("im März"): the 1st of the month is used. */
  dayCertain: boolean;
}

/** Next occurrence (on or after the reference) of month/day, unless an explicit year is given. */
function resolveMonth(ref: Date, month: number, day: number | null, year: number | null): Date {
  let y = year ?? ref.getUTCFullYear();
  let date = new Date(Date.UTC(y, month, day ?? 1, 12));
  if (year === null && dayNumberOfDate(date) < dayNumberOfDate(ref) && !(day === null && month === ref.getUTCMonth())) {
    y += 1;
    date = new Date(Date.UTC(y, month, day ?? 1, 12));
  }
  return date;
}

export function parseMonthNames(folded: string, ref: Date): HandParsedDate[] {
  const out: HandParsedDate[] = [];
  for (const m of folded.matchAll(MONTH_MENTION)) {
    const month = STEM_TO_MONTH.get(m[2] ?? m[3]);
    if (month === undefined) continue;
    const day = m[1] ? Number(m[1]) : null;
    if (day !== null && (day < 1 || day > 31)) continue;
    const year = m[4] ? Number(m[4]) : null;
    out.push({ index: m.index ?? 0, length: m[0].length, date: resolveMonth(ref, month, day, year), dayCertain: day !== null });
  }
  for (const m of folded.matchAll(RELATIVE)) {
    const n = m[1] ? (WORD_NUMBERS[m[1]] ?? Number(m[1])) : 1;
    const unit = m[2];
    const days = /^(dan|tag)/.test(unit) ? n : /^(tjed|woche)/.test(unit) ? n * 7 : n * 30;
    out.push({ index: m.index ?? 0, length: m[0].length, date: new Date(ref.getTime() + days * 86_400_000), dayCertain: true });
  }
  return out;
}

/** Cheap test run before any date parsing: one chrono parse costs ~15-25 us. */
export const DATE_PREFILTER = new RegExp(
  [
    '\\d{1,2}[./]\\d{1,2}', '\\d{4}-\\d{2}', '\\d{1,2}(?:st|nd|rd|th)\\b',
    '\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b',
    STEM_ALTERNATION,
    'next|tomorrow|week|month|spring|summer|autumn|winter|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday',
    'nachst|morgen|woche|monat|sljedec|iduc|sutra|tjed|mjesec',
    '\\b(?:in|za)\\s+\\d',
  ].join('|'),
);
