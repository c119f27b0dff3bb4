/**
 * A date mention is a set of candidate day ranges: "15.12.2026" is one day, "mid-December" is
 * 11-20 December, "3/11" is either 3 November or 11 March, "in two weeks" is as_of + 14 +/- 3.
 * A claim is supported when one of its candidate ranges contains a range the record supports:
 * saying less than the record ("December" for 2026-12-15) is fine, saying more is not.
 */
import { DAY_MS, fold } from './text-utils.ts';

export interface DayRange {
  start: Date;
  end: Date;
  /** False for "15 December": the year is taken from whatever it is compared with. */
  yearKnown: boolean;
}

export interface DateMention {
  text: string;
  index: number;
  candidates: DayRange[];
  /** 0 = Sunday; set only when a weekday name is written. */
  weekday: number | null;
}

export function utcDay(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

export function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m);
}

export function exactDay(date: Date, yearKnown = true): DayRange {
  return { start: date, end: date, yearKnown };
}

export function aroundDay(date: Date, toleranceDays: number): DayRange {
  return {
    start: new Date(date.getTime() - toleranceDays * DAY_MS),
    end: new Date(date.getTime() + toleranceDays * DAY_MS),
    yearKnown: true,
  };
}

function withYear(date: Date, year: number): Date {
  return utcDay(year, date.getUTCMonth() + 1, date.getUTCDate());
}

/** Does `claim` contain `fact`? When either year is unknown, compare within the other's year. */
export function rangeContains(claim: DayRange, fact: DayRange): boolean {
  let c = claim;
  let f = fact;
  if (!claim.yearKnown && fact.yearKnown) {
    const y = fact.start.getUTCFullYear();
    c = { ...claim, start: withYear(claim.start, y), end: withYear(claim.end, y) };
  } else if (claim.yearKnown && !fact.yearKnown) {
    const y = claim.start.getUTCFullYear();
    f = { ...fact, start: withYear(fact.start, y), end: withYear(fact.end, y) };
  } else if (!claim.yearKnown && !fact.yearKnown) {
    const y = 2000;
    c = { ...claim, start: withYear(claim.start, y), end: withYear(claim.end, y) };
    f = { ...fact, start: withYear(fact.start, y), end: withYear(fact.end, y) };
  }
  return c.start.getTime() <= f.start.getTime() && f.end.getTime() <= c.end.getTime();
}

const WEEKDAYS: [RegExp, number][] = [
  [/\b(sunday|sun|sonntag|nedjelj[aeu])\b/, 0],
  [/\b(monday|mon|montag|ponedjelja?k)\b/, 1],
  [/\b(tuesday|tue|tues|dienstag|utora?k)\b/, 2],
  [/\b(wednesday|wed|mittwoch|srijed[aeu])\b/, 3],
  [/\b(thursday|thu|thurs|donnerstag|cetvrta?k)\b/, 4],
  [/\b(friday|fri|freitag|peta?k)\b/, 5],
  [/\b(saturday|sat|samstag|sonnabend|subot[aeu])\b/, 6],
];

/** The weekday a span names, if it names one. */
export function weekdayNamed(text: string): number | null {
  const t = fold(text);
  for (const [re, day] of WEEKDAYS) if (re.test(t)) return day;
  return null;
}

export const WEEKDAY_NAMES_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
