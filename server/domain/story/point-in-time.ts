/**
 * The lead as it was known on `as_of`: activities and quotes dated after the end of that day do
 * not exist yet. Undated activities and quotes are kept (nothing says they are from the future)
 * and counted, so the story can say its timing is unknown for them.
 */
import type { Lead } from '../lead.ts';
import { dayNumber } from '../features/time.ts';

export interface LeadAsOf {
  lead: Lead;
  /** Activities and quotes dated after as_of that were left out. */
  hidden: number;
  /** Undated activities and quotes that were kept. */
  undated: number;
  /** For each activity kept, its index in the full lead's activities. */
  activityIndex: number[];
}

export function leadAsOf(lead: Lead, asOfDay: number): LeadAsOf {
  let hidden = 0;
  let undated = 0;
  const known = <T>(items: T[] | null | undefined, dateOf: (item: T) => string | null | undefined): T[] | null | undefined => {
    if (!items) return items;
    const kept = items.filter((item) => {
      const day = dayNumber(dateOf(item) ?? null);
      if (day === null) {
        undated++;
        return true;
      }
      if (day > asOfDay) {
        hidden++;
        return false;
      }
      return true;
    });
    return kept.length === items.length ? items : kept;
  };
  const activities = known(lead.activities, (a) => a?.at);
  const activityIndex = (lead.activities ?? []).flatMap((a, i) => (activities?.includes(a) ? [i] : []));
  const quotes = known(lead.quotes, (q) => q?.sent_at);
  if (activities === lead.activities && quotes === lead.quotes) return { lead, hidden, undated, activityIndex };
  return { lead: { ...lead, activities, quotes }, hidden, undated, activityIndex };
}
