/**
 * Calendar arithmetic on UTC day numbers. Every "days since/until" feature is a whole number of
 * calendar days between UTC dates, so results do not depend on the machine's time zone or clock.
 */
const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01 UTC) of an ISO date or date-time; null if missing/invalid. */
export function dayNumber(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? null : Math.floor(ms / DAY_MS);
}

export function dayNumberOfDate(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

export function isoDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Normalises an as_of given as a date or date-time to `YYYY-MM-DD`; throws on garbage. */
export function normaliseAsOf(asOf: string | Date): { iso: string; day: number } {
  const day = typeof asOf === 'string' ? dayNumber(asOf) : dayNumberOfDate(asOf);
  if (day === null || Number.isNaN(day)) throw new Error(`invalid as_of: ${String(asOf)}`);
  return { iso: isoDateOfDay(day), day };
}
