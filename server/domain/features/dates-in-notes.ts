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
import { DATE_PREFILTER, hasForeignMonthWord, monthLanguages, parseMonthNames } from './month-names.ts';
import { detectLanguage } from '../text/language.ts';
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

// The words of a clause that make a date in it a service date, a postponement, a recontact
// request or nothing (validity, holidays), per language (folded: lowercase, no accents). Stems
// are short on purpose ("verschob", "odloz", "przesun") to take every inflection.
const SERVICE_WORDS = [
  'mov', 'relocat', 'planned', 'date', 'datum', 'termin', 'postpon', 'delay', 'push(ed)? (it |the move )?back', 'reschedul', 'new date', // en (+ de/hr/cs/pl/nl/sl "termin", "datum")
  'umzug', 'umzieh', 'zieh', 'verschieb', 'verschob', 'verleg', // de
  'selidb', 'selim', 'selit', 'preselj', 'odgod', 'odgad', 'pomak', 'pomic', 'prebac', 'odloz', 'pomer', // hr / sr / bs
  'selitev', 'prestav', 'preseli', // sl
  'traslo', 'trasfer', 'spost', 'rimand', 'rinvi', 'nuova data', // it
  'demenag', '\\breport(e|ee|er|ons|ez)\\b', 'repouss', 'decal', // fr
  'mudanz', 'mudamos', 'mudar', 'traslad', 'aplaz', 'pospon', 'retras', 'fecha', // es
  'przeprowadz', 'przesun', 'przeloz', // pl
  'stehov', 'posun', 'presun', // cs
  'koltoz', 'halaszt', 'eltol', 'idopont', // hu
  'verhuiz', 'verhuis', 'uitgestel', 'uitstel', 'verschov', 'verzet', // nl
];
const POSTPONE_WORDS = [
  'postpon', 'delay', 'push(ed)? (it |the move )?back', 'reschedul', 'later', 'new date', // en
  'verschieb', 'verschob', 'spater', 'verleg', 'neuer termin', 'neues datum', // de
  'odgod', 'odgad', 'pomak', 'pomic', 'kasnije', 'odloz', 'pomer', 'novi datum', 'novi termin', // hr / sr / bs
  'prestav', 'kasneje', 'nov datum', 'nov termin', // sl
  'rimand', 'rinvi', 'spost', 'posticip', 'piu tardi', 'nuova data', // it
  '\\breport(e|ee|er|ons|ez)\\b', 'repouss', 'decal', 'plus tard', 'nouvelle date', // fr
  'aplaz', 'pospon', 'retras', 'mas tarde', 'nueva fecha', // es
  'przesun', 'przeloz', 'pozniej', 'nowy termin', 'nowa data', // pl
  'posun', 'presun', 'pozdeji', 'novy termin', 'nove datum', // cs
  'halaszt', 'eltol', 'kesobb', 'uj idopont', 'uj datum', // hu
  'uitgestel', 'uitstel', 'verschov', 'verzet', 'nieuwe datum', // nl
];
const RECONTACT_WORDS = [
  'call', 'contact', 'reach', 'get back', 'get in touch', 'touch base', 'follow up', 'write', 'ring', 'ask again', 'try again', // en
  'melden', 'anruf', 'rufen', 'kontakt', 'schreib', // de
  'javi', 'nazov', 'zovi', 'kontaktir', 'obrat', 'pis(i|ite)', // hr / sr / bs
  'poklic', 'oglasi', // sl
  'chiam', 'contatt', 'scriv', 'risent', 'sentirci', // it
  'appel', 'rappel', 'ecriv', 'recontact', // fr
  'llam', 'escrib', 'vuelv', // es
  'zadzwon', 'dzwon', 'odezw', 'napisz', // pl
  'zavolej', 'volejte', 'ozvete', 'ozvi', 'napiste', // cs
  'hivj', 'hivjon', 'keress', 'jelentkez', // hu
  '\bbel(len|t)?\b', 'neem contact', // nl
];
/** A clause about the move itself (against "call me in March"). */
const MOVE_WORD_LIST = ['mov', 'umzug', 'umzieh', 'selidb', 'preselj', 'selit', 'selim', 'selil', 'preseli', 'zugl', 'ziehen', 'traslo', 'demenag', 'mudanz', 'przeprowadz', 'stehov', 'koltoz', 'verhuiz', 'verhuis'];
const IGNORE_WORDS = [
  'valid', 'expire', 'holiday', 'vacation', // en
  'gultig', 'urlaub', // de
  'vrijedi', 'vazi', 'godisnj', // hr / sr
  'velja', 'dopust', 'pocitnic', // sl
  'scad', 'vacanz', 'ferie', // it
  'valable', 'expir', 'vacances', 'conge', // fr
  'vence', 'caduc', 'vacaciones', // es
  'wazn', 'urlop', 'wakacj', // pl
  'platnost', 'platna', 'plati do', 'dovolen', // cs
  'ervenyes', 'szabadsag', // hu
  'geldig', 'vakantie', // nl
];
const anyOf = (words: readonly string[]) => new RegExp(words.join('|'));
const SERVICE_CONTEXT = anyOf(SERVICE_WORDS);
const POSTPONE_CONTEXT = anyOf(POSTPONE_WORDS);
const RECONTACT_CONTEXT = anyOf(RECONTACT_WORDS);
const MOVE_WORDS = anyOf(MOVE_WORD_LIST);
const IGNORE_CONTEXT = anyOf(IGNORE_WORDS);

const CLAUSE_END = /[.!?;,\n]/;
const SENTENCE_END = /[.!?;\n]/;

/** The clause (or sentence) a date sits in: up to the punctuation before and after it; the date's own dots ("30.12.") are part of it. */
function clauseAround(folded: string, index: number, length: number, end: RegExp): string {
  let from = index;
  while (from > 0 && !end.test(folded[from - 1])) from--;
  let to = index + length;
  while (to < folded.length && !end.test(folded[to])) to++;
  return folded.slice(from, to);
}

interface RawDate { index: number; length: number; date: Date; dayCertain: boolean }

// chrono's readings of a text depend on the text, its date and the parsers only: cached, so a
// dataset previewed or evaluated again does not parse every note again (a chrono parse costs
// ~15-25 us). Entries are never mutated (findDateMentions only reads them). Bounded like the
// text understanding caches: cleared when full.
const PARSED = new Map<string, readonly RawDate[]>();
const MAX_PARSED = 100_000;

function parseAll(text: PreparedText, ref: Date, languages: readonly string[]): readonly RawDate[] {
  const key = `${languages.join(',')}\u0000${ref.getTime()}\u0000${text.original}`;
  let found = PARSED.get(key);
  if (found === undefined) {
    found = parseUncached(text, ref, languages);
    if (PARSED.size >= MAX_PARSED) PARSED.clear();
    PARSED.set(key, found);
  }
  return found;
}

/** English date words and ISO dates, which chrono reads in a text of any language. */
const CHRONO_READS = /\d{4}-\d{2}-\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d(?:st|nd|rd|th)\b|next|tomorrow|tonight|week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\bin \d/;

/** A date written in digits only ("12.10.2026", "01/02/2027"): chrono reads dots and slashes month-first, so the hand parser reads them. */
const NUMERIC_ONLY = /^\d{1,4}[./]\s?\d{1,2}(?:[./]\s?\d{0,4})?\.?$/;

function parseUncached(text: PreparedText, ref: Date, languages: readonly string[]): RawDate[] {
  const found: RawDate[] = [];
  const english = languages.includes('en');
  // chrono reads English (and German): a text of another language is given to it only when it
  // holds what chrono reads there, an English word or an ISO date (a chrono parse costs ~20 us).
  const parsers = languages.includes('de') ? [chrono.de, chrono.en] : english || CHRONO_READS.test(text.folded) ? [chrono.en] : [];
  for (const parser of parsers) {
    for (const r of parser.parse(text.original, ref, { forwardDate: true })) {
      // A bare weekday or time ("Monday", "at 5") is too vague to move a service date.
      if (!r.start.isCertain('month') && !r.start.isCertain('day') && !/\d/.test(r.text)) continue;
      // Dotted dates are day-first in every supported language; slashed ones too, except in English.
      if (NUMERIC_ONLY.test(r.text) && (r.text.includes('.') || !english)) continue;
      found.push({ index: r.index, length: r.text.length, date: r.start.date(), dayCertain: r.start.isCertain('day') });
    }
  }
  found.push(...parseMonthNames(text.folded, ref, languages.filter((l) => l !== 'en'), !english));
  return found;
}

/** `fieldKnown`: the lead has a service.date, so the inquiry form (which it came from) is skipped. */
export function findDateMentions(texts: PreparedText[], language: string | null, fieldKnown = false): DateMention[] {
  const mentions: DateMention[] = [];
  // The month words of the lead's language, once per lead; a text's own language is added only
  // when it holds a month word these do not read (a Hungarian reply on a German lead).
  const own = monthLanguages(language);
  const leadLanguages = language === 'en' ? ['en', ...own] : own;
  for (const text of texts) {
    if (text.activity_index < 0 || text.speaker === 'ours' || text.source === 'outcome' || text.said_on === null) continue;
    // The inquiry form restates the service.date field; only later texts can change it.
    if (fieldKnown && text.channel === 'form') continue;
    if (!DATE_PREFILTER.test(text.folded)) continue;
    if (!SERVICE_CONTEXT.test(text.folded) && !RECONTACT_CONTEXT.test(text.folded)) continue;
    const ref = new Date((text.said_on + 0.5) * 86_400_000);
    const seen = new Set<number>();
    const detected = hasForeignMonthWord(text.folded, own) ? detectLanguage(text.original) : null;
    const languages = detected?.reliable && detected.language
      ? [...new Set([...(language === 'en' || detected.language === 'en' ? ['en'] : []), ...monthLanguages(language, detected.language)])]
      : leadLanguages;
    for (const raw of parseAll(text, ref, languages)) {
      // The clause's words decide; a clause with none of them takes its sentence's ("A költözést
      // elhalasztottuk, januárban lesz": the postponement is in the other clause).
      let clause = clauseAround(text.folded, raw.index, raw.length, CLAUSE_END);
      if (!SERVICE_CONTEXT.test(clause) && !RECONTACT_CONTEXT.test(clause)) clause = clauseAround(text.folded, raw.index, raw.length, SENTENCE_END);
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
