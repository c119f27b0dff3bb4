/** Re-exports of the display helpers the evaluation pages use, plus a path-with-query builder. */
export { dateTime, pct, num, count, signed, duration, words } from '../lib/format.ts';

export function withQueryPath(p: string, query: Record<string, string>): string {
  return `${p}?${new URLSearchParams(query).toString()}`;
}
