/**
 * Finds every date a text states, in any common written form, as candidate day ranges
 * (see date-range.ts). chrono-node (en, de) reads day dates and relative phrases; our own
 * patterns read numeric dates (so "3/11" keeps both readings), month-level phrases and Croatian.
 */
import * as chrono from 'chrono-node';
import { chronoMayFindDates } from './chrono-prefilter.ts';
import { type DateMention, type DayRange, aroundDay, exactDay, utcDay, validDay, weekdayNamed } from './date-range.ts';
import { extractMonthPhrases } from './extract-month-phrases.ts';
import { fold } from './text-utils.ts';

// Mentions of the present are not claims about the record.
const PRESENT = /^(today|now|tonight|this (morning|afternoon|evening)|heute|jetzt|gerade|danas|sada|večeras)\b/i;

export const FULL_WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|weekend|Wochenende|week|Woche|month|Monat|year|Jahr|days?|Tagen?)\b/i;

function numericDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDay(y, mo, d)) out.push({ text: m[0], index: m.index ?? 0, candidates: [exactDay(utcDay(y, mo, d))], weekday: null });
  }
  // 15.12.2026, 15/12/2026, 12/15/26, 15.12. and 15/12: dots are day-first; slashes may be either.
  const re = /(?<![\d.,/])(\d{1,2})([./-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d,]|\.\d)/g;
  for (const m of text.matchAll(re)) {
    const sep = m[2];
    const hasYear = Boolean(m[4]);
    const after = text[(m.index ?? 0) + m[0].length];
    // "15.12." needs its closing dot, or "2.5k" and "10.30" would read as dates.
    if (!hasYear && sep === '.' && after !== '.') continue;
    if (!hasYear && sep === '-') continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = hasYear ? (m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4])) : 2000;
    const readings: [number, number][] = sep === '/' ? [[a, b], [b, a]] : [[a, b]];
    const candidates: DayRange[] = [];
    for (const [d, mo] of readings) {
      if (validDay(year, mo, d)) candidates.push(exactDay(utcDay(year, mo, d), hasYear));
    }
    if (candidates.length) out.push({ text: m[0], index: m.index ?? 0, candidates, weekday: null });
  }
  return out;
}

/** Tolerance for relative phrases: "in two weeks" is a rough figure, not a day. */
function relativeTolerance(span: string): number | null {
  const t = fold(span);
  if (!/\b(in|within|ago|next|last|this|coming|past|nachste[nmr]?|letzte[nmr]?|vor|innerhalb|kommende[nmr]?|dieser?)\b/.test(t)) return null;
  if (weekdayNamed(span) !== null) return 0;
  if (/few|paar|einige|couple/.test(t)) return 3;
  if (/year|jahr/.test(t)) return 183;
  if (/month|monat/.test(t)) return 15;
  if (/week|woche|weekend|wochenende/.test(t)) return 3;
  if (/day|tag/.test(t)) return 1;
  return null;
}

function chronoDates(text: string, asOf: Date): DateMention[] {
  if (!chronoMayFindDates(text)) return []; // most record texts name no date; chrono is the cost
  const ref = { instant: new Date(asOf.getTime() + 12 * 3_600_000), timezone: 'UTC' };
  const results = [...chrono.en.parse(text, ref), ...chrono.de.parse(text, ref)];
  const out: DateMention[] = [];
  for (const r of results) {
    const span = r.text.trim();
    if (PRESENT.test(span) || /^[\d./\s-]+$/.test(span)) continue;
    // Durations ("for a few weeks") and courtesies ("have a great weekend") are not dates.
    if (/^(for|für|during|über)\b/i.test(span) || /^(the )?(weekend|wochenende)$/i.test(span)) continue;
    const s = r.start;
    const dayKnown = s.isCertain('day') || s.isCertain('weekday');
    if (!dayKnown) continue; // month-only and time-only are left to extract-month-phrases or ignored
    // chrono-de reads "so", "Do", "mi" as weekday abbreviations; only full weekday names count.
    if (!s.isCertain('day') && !FULL_WEEKDAY.test(span)) continue;
    const date = s.date();
    const day = utcDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    const tolerance = relativeTolerance(span);
    const weekday = weekdayNamed(span);
    let candidate: DayRange;
    if (tolerance !== null) candidate = aroundDay(day, tolerance);
    else if (s.isCertain('day')) candidate = exactDay(day, s.isCertain('year'));
    else candidate = exactDay(day, true); // a bare weekday ("on Friday") means the next one
    out.push({ text: span, index: r.index + r.text.indexOf(span), candidates: [candidate], weekday: s.isCertain('day') ? weekday : null });
  }
  return out;
}

/** Keeps the longest mention where spans overlap (chrono's "15th of December" over "December"). */
function dropOverlaps(mentions: DateMention[]): DateMention[] {
  const kept: DateMention[] = [];
  const sorted = [...mentions].sort((a, b) => b.text.length - a.text.length || a.index - b.index);
  for (const m of sorted) {
    const overlaps = kept.some((k) => m.index < k.index + k.text.length && k.index < m.index + m.text.length);
    if (!overlaps) kept.push(m);
  }
  return kept.sort((a, b) => a.index - b.index);
}

export function extractDates(text: string, asOf: Date): DateMention[] {
  if (!text) return [];
  return dropOverlaps([...numericDates(text), ...extractMonthPhrases(text, asOf), ...chronoDates(text, asOf)]);
}
