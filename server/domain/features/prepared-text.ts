/**
 * The lead's free texts, folded once on the cold path so that signals (matched on the hot path,
 * per ruleset) never re-normalise them. Free text is untrusted data: it is only ever searched
 * with regular expressions, never interpreted.
 */
import type { Lead } from '../lead.ts';
import { foldText } from './text.ts';
import { dayNumber } from './time.ts';

/** Evidence index used for texts that are not activities. */
export const LOST_REASON_INDEX = -1;
export const TAGS_INDEX = -2;

export interface PreparedText {
  /** Index in `lead.activities`, or LOST_REASON_INDEX / TAGS_INDEX. */
  activity_index: number;
  direction: 'inbound' | 'outbound' | 'internal' | null;
  channel: string | null;
  /** Day number of the activity (null when it has no date). */
  said_on: number | null;
  original: string;
  folded: string;
}

export function prepareTexts(lead: Lead): PreparedText[] {
  const out: PreparedText[] = [];
  const activities = lead.activities ?? [];
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i];
    if (!a?.text) continue;
    out.push({
      activity_index: i,
      direction: a.direction ?? null,
      channel: a.channel ?? null,
      said_on: dayNumber(a.at ?? null),
      original: a.text,
      folded: foldText(a.text),
    });
  }
  // lost_reason and tags are written by reps: they count as internal notes.
  if (lead.lost_reason) {
    out.push({ activity_index: LOST_REASON_INDEX, direction: 'internal', channel: 'note', said_on: null, original: lead.lost_reason, folded: foldText(lead.lost_reason) });
  }
  const tags = (lead.tags ?? []).filter((t) => typeof t === 'string' && t.length > 0);
  if (tags.length) {
    const joined = tags.join(' | ').replace(/[_-]/g, ' ');
    out.push({ activity_index: TAGS_INDEX, direction: 'internal', channel: 'note', said_on: null, original: joined, folded: foldText(joined) });
  }
  return out;
}
