/**
 * Calendar arithmetic on UTC day numbers. Every "days since/until" feature is a whole number of
 * calendar days between UTC dates, so results do not depend on the machine's time zone or clock.
 */
const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01 UTC) of an ISO date or date-time; null if missing/invalid. */
export function dayNumber(value: string | null | undefined): number | null {
  if (!value) return null;
  // Fast path (Date.parse is the cold path's hot spot): a bare date, or a UTC date-time.
  if (FAST_ISO.test(value) && (value.length === 10 || value.endsWith('Z'))) {
    const y = Number(value.slice(0, 4)), m = Number(value.slice(5, 7)), d = Number(value.slice(8, 10));
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
  }
  const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? null : Math.floor(ms / DAY_MS);
}
const FAST_ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]|$)/;

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
