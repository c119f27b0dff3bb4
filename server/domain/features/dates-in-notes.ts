/**
 * Dates mentioned in activity texts: "postponed the move to March", "Umzug am 15.03.2027",
 * "javite se u siječnju". Each date is parsed relative to the ACTIVITY's own date (a note
 * written in October saying "March" means the next March after October), never the clock.
 *
 * A mention is classified by the words of its clause: a moving/postponement context makes it a
 * service-date mention, a "call me / get back to me" context a requested recontact date. Dates
 * in other contexts (quote validity, holidays) are ignored. Only the customer's texts and rep
 * notes are read (PreparedText.speaker): our own outbound email quoting the date is not news.
 */
import * as chrono from 'chrono-node';
import { DATE_PREFILTER, parseMonthNames } from './month-names.ts';
import { dayNumber, dayNumberOfDate, isoDateOfDay } from './time.ts';
import type { PreparedText } from './prepared-text.ts';

export interface DateMention {
  activity_index: number;
  kind: 'service' | 'recontact';
  date: string;
  day: number;
  /** Day number of the activity that mentioned it (newer notes override older facts). */
  said_on: number;
  postponed: boolean;
  /** false for month-only mentions ("in March"), which resolve to the 1st of the month. */
  day_certain: boolean;
  excerpt: string;
}

const SERVICE_CONTEXT =
  /mov|relocat|planned|date|datum|termin|postpon|delay|push(ed)? (it |the move )?back|reschedul|new date|umzug|umzieh|zieh|verschieb|verschob|verleg|selidb|selim|selit|preselj|odgod|odgad|pomak|pomic|prebac/;
const POSTPONE_CONTEXT = /postpon|delay|push(ed)? (it |the move )?back|reschedul|later|verschieb|verschob|spater|verleg|odgod|odgad|pomak|pomic|kasnije/;
const RECONTACT_CONTEXT =
  /call|contact|reach|get back|get in touch|touch base|follow up|write|ring|ask again|try again|melden|anruf|rufen|kontakt|schreib|javi|nazov|zovi|kontaktir|obrat|pis(i|ite)/;
const MOVE_WORDS = /mov|umzug|umzieh|selidb|preselj/;
const IGNORE_CONTEXT = /valid|expire|gultig|vrijedi|vazi|holiday|vacation|urlaub|godisnj/;

function clauseAround(folded: string, index: number): string {
  let start = index;
  while (start > 0 && !/[.!?;,\n]/.test(folded[start - 1])) start--;
  let end = index;
  while (end < folded.length && !/[.!?;,\n]/.test(folded[end])) end++;
  return folded.slice(start, end);
}

interface RawDate { index: number; length: number; date: Date; dayCertain: boolean }

// chrono's readings of a text depend on the text, its date and the parsers only: cached, so a
// dataset previewed or evaluated again does not parse every note again (a chrono parse costs
// ~15-25 us). Entries are never mutated (findDateMentions only reads them). Bounded like the
// text understanding caches: cleared when full.
const PARSED = new Map<string, readonly RawDate[]>();
const MAX_PARSED = 100_000;

function parseAll(text: PreparedText, ref: Date, language: string | null): readonly RawDate[] {
  const key = `${language === 'de' ? 'de' : ''}\u0000${ref.getTime()}\u0000${text.original}`;
  let found = PARSED.get(key);
  if (found === undefined) {
    found = parseUncached(text, ref, language);
    if (PARSED.size >= MAX_PARSED) PARSED.clear();
    PARSED.set(key, found);
  }
  return found;
}

function parseUncached(text: PreparedText, ref: Date, language: string | null): RawDate[] {
  const found: RawDate[] = [];
  const parsers = language === 'de' ? [chrono.de, chrono.en] : [chrono.en];
  for (const parser of parsers) {
    for (const r of parser.parse(text.original, ref, { forwardDate: true })) {
      // A bare weekday or time ("Monday", "at 5") is too vague to move a service date.
      if (!r.start.isCertain('month') && !r.start.isCertain('day') && !/\d/.test(r.text)) continue;
      found.push({ index: r.index, length: r.text.length, date: r.start.date(), dayCertain: r.start.isCertain('day') });
    }
  }
  found.push(...parseMonthNames(text.folded, ref));
  return found;
}

/** `fieldKnown`: the lead has a service.date, so the inquiry form (which it came from) is skipped. */
export function findDateMentions(texts: PreparedText[], language: string | null, fieldKnown = false): DateMention[] {
  const mentions: DateMention[] = [];
  for (const text of texts) {
    if (text.activity_index < 0 || text.speaker === 'ours' || text.source === 'outcome' || text.said_on === null) continue;
    // The inquiry form restates the service.date field; only later texts can change it.
    if (fieldKnown && text.channel === 'form') continue;
    if (!DATE_PREFILTER.test(text.folded)) continue;
    if (!SERVICE_CONTEXT.test(text.folded) && !RECONTACT_CONTEXT.test(text.folded)) continue;
    const ref = new Date((text.said_on + 0.5) * 86_400_000);
    const seen = new Set<number>();
    for (const raw of parseAll(text, ref, language)) {
      const clause = clauseAround(text.folded, raw.index);
      if (IGNORE_CONTEXT.test(clause)) continue;
      const service = SERVICE_CONTEXT.test(clause);
      const recontact = RECONTACT_CONTEXT.test(clause);
      if (!service && !recontact) continue;
      const day = dayNumberOfDate(raw.date);
      if (day < text.said_on || seen.has(day)) continue; // past dates are history, not plans
      seen.add(day);
      mentions.push({
        activity_index: text.activity_index,
        kind: service && (!recontact || POSTPONE_CONTEXT.test(clause) || MOVE_WORDS.test(clause)) ? 'service' : 'recontact',
        date: isoDateOfDay(day),
        day,
        said_on: text.said_on,
        postponed: POSTPONE_CONTEXT.test(clause),
        day_certain: raw.dayCertain,
        excerpt: text.original.slice(raw.index, raw.index + raw.length),
      });
    }
  }
  return mentions;
}

/** The latest-said service-date mention that is newer than the lead's own date field. */
export function effectiveServiceDate(
  fieldDate: string | null | undefined,
  createdDay: number | null,
  mentions: DateMention[],
): { date: string | null; day: number | null; fromNotes: DateMention | null } {
  const fieldDay = dayNumber(fieldDate ?? null);
  let best: DateMention | null = null;
  for (const m of mentions) {
    if (m.kind !== 'service') continue;
    if (!best || m.said_on > best.said_on || (m.said_on === best.said_on && m.day > best.day)) best = m;
  }
  // The field was captured when the lead was created. A newer note overrides it when it says the
  // date moved ("postponed to March") or names a LATER date; a note naming an earlier date without
  // saying it changed ("we move in August", field 2027-08-04) is read as agreeing with the field,
  // and a month-only mention in the field's month is no contradiction either.
  if (best && best.day !== fieldDay && (createdDay === null || best.said_on >= createdDay)) {
    const fieldDate = fieldDay === null ? null : new Date(fieldDay * 86_400_000);
    const sameMonth = fieldDate !== null && !best.day_certain && best.date.slice(5, 7) === fieldDate.toISOString().slice(5, 7);
    if (fieldDay === null || best.postponed || (best.day > fieldDay && !sameMonth)) {
      return { date: best.date, day: best.day, fromNotes: best };
    }
  }
  return { date: fieldDay === null ? null : isoDateOfDay(fieldDay), day: fieldDay, fromNotes: null };
}
