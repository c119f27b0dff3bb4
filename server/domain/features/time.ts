/**
 * Calendar arithmetic on UTC day numbers. Every "days since/until" feature is a whole number of
 * calendar days between UTC dates, so results do not depend on the machine's time zone or clock.
 */
const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01 UTC) of an ISO date or date-time; null if missing/invalid. */
export function dayNumber(value: string | null | undefined): number | null {
  if (!value) return null;
  // Fast path (Date.parse is the cold path's hot spot): a bare date, or a UTC date-time
  // (`YYYY-MM-DD` followed by the end, or by T or a space and ending in Z).
  const len = value.length;
  if (len === 10 || (len > 10 && (value.charCodeAt(10) === 84 /* T */ || value.charCodeAt(10) === 32) && value.charCodeAt(len - 1) === 90 /* Z */)) {
    const y = digits(value, 0, 4), m = digits(value, 5, 2), d = digits(value, 8, 2);
    if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
      return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
    }
  }
  const ms = Date.parse(len === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? null : Math.floor(ms / DAY_MS);
}

/** The decimal number in value[start, start + count), or -1 unless all are ASCII digits. */
function digits(value: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Date.parse for ISO date-times, with a fast path for the common `YYYY-MM-DDTHH:MM[:SS[.sss]]Z`
 * whose fields are unambiguous (day 1-28, hour 0-23): anything else goes to Date.parse itself.
 */
export function parseIsoMs(value: string): number {
  const len = value.length;
  if ((len === 17 || len === 20 || len === 24) && value.charCodeAt(10) === 84 && value.charCodeAt(len - 1) === 90 &&
      value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45 && value.charCodeAt(13) === 58) {
    const y = digits(value, 0, 4), mo = digits(value, 5, 2), d = digits(value, 8, 2), h = digits(value, 11, 2), mi = digits(value, 14, 2);
    let s = 0, ms = 0;
    if (len >= 20) {
      s = value.charCodeAt(16) === 58 ? digits(value, 17, 2) : -1;
      if (len === 24) ms = value.charCodeAt(19) === 46 ? digits(value, 20, 3) : -1;
    }
    if (y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= 28 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59 && ms >= 0) {
      return Date.UTC(y, mo - 1, d, h, mi, s, ms);
    }
  }
  return Date.parse(value);
}

export function dayNumberOfDate(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

const isoCache = new Map<number, string>();

/** YYYY-MM-DD of a day number (memoised: the hot path formats the same few dates repeatedly). */
export function isoDateOfDay(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoCache.size > 100_000) isoCache.clear();
    isoCache.set(day, iso);
  }
  return iso;
}

/** Normalises an as_of given as a date or date-time to `YYYY-MM-DD`; throws on garbage. */
export function normaliseAsOf(asOf: string | Date): { iso: string; day: number } {
  const day = typeof asOf === 'string' ? dayNumber(asOf) : dayNumberOfDate(asOf);
  if (day === null || Number.isNaN(day)) throw new Error(`invalid as_of: ${String(asOf)}`);
  return { iso: isoDateOfDay(day), day };
}
