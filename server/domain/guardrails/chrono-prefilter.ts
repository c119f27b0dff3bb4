/**
 * A cheap test run before chrono-node (en + de casual parsers): false only when chrono cannot
 * return a result that extract-dates.ts keeps (one whose day or weekday is certain). chrono was
 * about half the CPU of a grounding check, and most record texts ("Left a voicemail.", "Sent the
 * quote") name no date at all. Conservative by construction: every chrono pattern that can give
 * a day or a weekday needs a digit, or one of the words below at a word start (the keys of
 * chrono 2.10's en/de dictionaries and casual parsers), or a one- or two-letter time unit ("in a
 * h", "next w") after a number word or a relative modifier. Matching more often than needed only
 * costs time; test/unit/guardrails/chrono-prefilter.test.ts checks that verdicts are the same
 * with and without it. Re-check the lists when upgrading chrono-node.
 */

/** Words of three or more letters any en/de chrono parser is anchored on (matched as word prefixes). */
const WORDS = [
  // weekdays (en, de)
  'sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat',
  'sonntag', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonnabend',
  // months (en, de; abbreviations are prefixes of the full names, 'sept' of 'september')
  'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec',
  'mär', 'maer', 'mrz', 'mai', 'okt', 'dez',
  // integer and ordinal words (en, de)
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
  'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'twenty', 'thirtieth', 'thirty',
  'eins', 'ein', 'zwei', 'drei', 'vier', 'fünf', 'fuenf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf', 'zwoelf',
  'erst', 'zweit', 'dritt', 'viert', 'fünft', 'fuenft', 'sechst', 'siebt', 'siebent', 'acht', 'neunt', 'zehnt',
  // time units (en, de)
  'sec', 'min', 'hour', 'hrs', 'day', 'week', 'mos', 'month', 'qtr', 'quarter', 'year', 'yrs', 'fortnight', 'decade',
  'sek', 'minute', 'std', 'stunde', 'tag', 'woche', 'monat', 'quartal', 'jahr', 'jahrzehnt',
  // casual dates and times (en, de)
  'now', 'today', 'tonight', 'tomorrow', 'overmorrow', 'tmr', 'yesterday', 'night', 'morning', 'afternoon', 'evening',
  'midnight', 'midday', 'noon', 'end', 'weekend',
  'jetzt', 'heute', 'morgen', 'übermorgen', 'uebermorgen', 'gestern', 'vorgestern', 'nacht', 'vormittag', 'mittag',
  'nachmittag', 'abend', 'mitternacht', 'wochenende',
];
/** Time units of one or two letters (chrono's abbreviations): a date only after a number word or a modifier. */
const SHORT_UNITS = ['s', 'm', 'h', 'hr', 'd', 'w', 'mo', 'y', 'a', 'j', 'jr', 'st'];
/** What may stand before such a unit: chrono's number words and relative modifiers (en, de). */
const BEFORE_SHORT_UNIT = [
  'an?', 'the', 'few', 'several', 'couple', 'of', 'half', 'halb', 'halbe', 'einige', 'einigen', 'wenige', 'wenigen', 'mehrere', 'mehreren',
  'eine[mnrs]?', 'this', 'last', 'past', 'next', 'after', 'in', 'vor', 'nach', '[+-]',
];

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// chrono's word-boundary parsers start with (\W|^); \W there is ASCII, so a word after "ü" counts too.
const TRIGGER = new RegExp(
  `\\d|(?<![A-Za-z0-9_])(?:${WORDS.map(escape).join('|')})` +
    `|(?<![A-Za-z0-9_])(?:${BEFORE_SHORT_UNIT.join('|')})\\s{0,3}(?:${SHORT_UNITS.join('|')})(?![A-Za-z0-9_])`,
  'i',
);

/** False only when chrono (en, de) cannot find a day- or weekday-certain date in the text. */
export function chronoMayFindDates(text: string): boolean {
  return TRIGGER.test(text);
}
