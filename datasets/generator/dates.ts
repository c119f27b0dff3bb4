/**
 * Date arithmetic on epoch milliseconds (UTC). Everything is relative to the dataset's as_of,
 * never to the machine's clock.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `2026-11-20` -> epoch ms at 00:00 UTC. Throws on anything else so a typo in --as-of fails loudly. */
export function parseIsoDate(value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`expected an ISO date (YYYY-MM-DD), got "${value}"`);
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a real date: "${value}"`);
  return ms;
}

/** `2026-08-14T09:12:00Z`: minute precision, as CRMs export it. */
export function isoDateTime(ms: number): string {
  return new Date(Math.floor(ms / MINUTE) * MINUTE).toISOString().slice(0, 19) + 'Z';
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight UTC of the day containing `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** First day of the month after the one containing `ms`. */
export function startOfNextMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

export function monthIndex(ms: number): number {
  return new Date(ms).getUTCMonth();
}

export function dayOfMonth(ms: number): number {
  return new Date(ms).getUTCDate();
}

export function year(ms: number): number {
  return new Date(ms).getUTCFullYear();
}
