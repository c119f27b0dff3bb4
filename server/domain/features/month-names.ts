/**
 * A hand parser for what chrono-node (English and German only) does not read in the notes of a
 * European mover: month names of the twelve supported languages in any case ending ("u ožujku",
 * "15. siječnja", "5. novembra", "januárban", "w marcu"), dotted numeric dates, which are
 * day-first everywhere in Europe ("30.12.", "14. 1.", "12.10.2026", Hungarian "2026.10.02."),
 * and relative phrases ("za 2 tjedna", "in 3 Wochen", "dans 2 semaines", "2 hét múlva").
 * Works on folded text (lowercase, no accents), so "ožujka" is "ozujka".
 *
 * Month words are language-specific: "listopad" is October in Croatian and November in Czech
 * and Polish, "mai" is May in German and French and "never" in Italian. So a text is read with
 * the month names of its languages only (the lead's language and the text's detected one).
 */
import { dayNumberOfDate } from './time.ts';

/**
 * Per language, the twelve months (index 0 = January) as folded alternatives. An alternative
 * ending in `*` is a stem that takes any case ending ("sijec*" reads siječanj/siječnja/siječnju);
 * the others are whole words.
 */
const MONTH_WORDS: Record<string, readonly string[]> = {
  de: ['januar|janner|jaenner', 'februar|feber|feb', 'marz|maerz', 'april|apr', 'mai', 'juni', 'juli', 'august|aug', 'september|sept|sep', 'oktober|okt', 'november|nov', 'dezember|dez'],
  hr: ['sijec*|januar*', 'veljac*|februar*', 'ozuj*|mart|marta|martu', 'travanj|travnj*|april*', 'svib*|maj|maja|maju', 'lipanj|lipnj*|jun|juna|junu', 'srpanj|srpnj*|jul|jula|julu', 'kolovoz*|avgust*|august*', 'rujan|rujn*|septemb*', 'listopad*|oktob*', 'studen*|novemb*', 'prosin*|decemb*'],
  sl: ['januar*', 'februar*', 'marec|marca|marcu', 'april*', 'maj|maja|maju', 'junij*', 'julij*', 'avgust*', 'septemb*', 'oktob*', 'novemb*', 'decemb*'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  fr: ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre|setiembre', 'octubre', 'noviembre', 'diciembre'],
  pl: ['styczen|stycznia|styczniu', 'luty|lutego|lutym', 'marzec|marca|marcu', 'kwiecien|kwietnia|kwietniu', 'maj|maja|maju', 'czerwiec|czerwca|czerwcu',
    'lipiec|lipca|lipcu', 'sierpien|sierpnia|sierpniu', 'wrzesien|wrzesnia|wrzesniu', 'pazdziernik|pazdziernika|pazdzierniku', 'listopad|listopada|listopadzie', 'grudzien|grudnia|grudniu'],
  cs: ['leden|ledna|lednu', 'unor|unora|unoru', 'brezen|brezna|breznu', 'duben|dubna|dubnu', 'kveten|kvetna|kvetnu', 'cerven|cervna|cervnu',
    'cervenec|cervence|cervenci', 'srpen|srpna|srpnu', 'zari', 'rijen|rijna|rijnu', 'listopad|listopadu', 'prosinec|prosince|prosinci'],
  hu: ['januar*', 'februar*', 'marcius*', 'aprilis*', 'majus*', 'junius*', 'julius*', 'augusztus*', 'szeptember*', 'oktober*', 'november*', 'december*'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
};
/** Serbian and Bosnian share the Croatian table (it holds both month systems). */
const SAME_TABLE: Record<string, string> = { sr: 'hr', bs: 'hr' };
/** Read when the language of a text is not known: the languages this parser was first written for. */
const DEFAULT_LANGUAGES = ['de', 'hr'];

interface MonthParser { re: RegExp; monthOf: Map<string, number>; stems: [string, number][] }

function buildParser(months: readonly string[]): MonthParser {
  const monthOf = new Map<string, number>();
  const stems: [string, number][] = [];
  const alternatives: string[] = [];
  months.forEach((alts, month) => {
    for (const alt of alts.split('|')) {
      if (alt.endsWith('*')) { stems.push([alt.slice(0, -1), month]); alternatives.push(`${alt.slice(0, -1)}\\p{L}*`); }
      else { monthOf.set(alt, month); alternatives.push(alt); }
    }
  });
  alternatives.sort((a, b) => b.length - a.length);
  // Group 1: day ("15." / "15" / Spanish "15 de"), group 2: the month word, group 3: a year,
  // group 4: a day after the month (Hungarian "január 14-én", "december 13.").
  const re = new RegExp(
    `(?<![\\p{L}\\d])(?:(\\d{1,2})\\.?\\s*(?:de\\s+|del\\s+)?)?(${alternatives.join('|')})(?![\\p{L}])(?:\\s+(\\d{4})(?!\\d)|\\s+(\\d{1,2})(?:\\.|-\\p{L}{1,3})?(?![\\d.]))?`,
    'gu',
  );
  stems.sort((a, b) => b[0].length - a[0].length);
  return { re, monthOf, stems };
}

const PARSERS = new Map(Object.entries(MONTH_WORDS).map(([lang, months]) => [lang, buildParser(months)]));

function monthOfWord(p: MonthParser, word: string): number | undefined {
  const whole = p.monthOf.get(word);
  if (whole !== undefined) return whole;
  for (const [stem, month] of p.stems) if (word.startsWith(stem)) return month;
  return undefined;
}

/** The parsers' own patterns without the global flag, for a plain test. */
const MONTH_WORD_OF = new Map([...PARSERS].map(([lang, p]) => [lang, new RegExp(p.re.source, 'u')]));
const ANY_MONTH_WORD = new RegExp(`(?<![\\p{L}])(?:${[...new Set(Object.values(MONTH_WORDS).flatMap((months) => months.flatMap((alts) => alts.split('|').map((a) => (a.endsWith('*') ? `${a.slice(0, -1)}\\p{L}*` : a)))))].join('|')})(?![\\p{L}])`, 'u');

/**
 * True when a folded text holds a month word that the tables of `languages` do not read: only
 * then is the text's own language worth detecting (a Hungarian reply on a German lead).
 */
export function hasForeignMonthWord(folded: string, languages: readonly string[]): boolean {
  if (!ANY_MONTH_WORD.test(folded)) return false;
  return !languages.some((l) => MONTH_WORD_OF.get(l)?.test(folded));
}

/** The month tables to read a text with: its languages', else the default ones. */
export function monthLanguages(...languages: (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const l of languages) {
    if (!l) continue;
    const table = SAME_TABLE[l] ?? l;
    if (PARSERS.has(table) && !out.includes(table)) out.push(table);
  }
  return out.length > 0 ? out : DEFAULT_LANGUAGES;
}

export interface HandParsedDate {
  index: number;
  length: number;
  date: Date;
  /** false for month-only mentions ("im März"): the 1st of the month is used. */
  dayCertain: boolean;
}

/** Next occurrence (on or after the reference) of month/day, unless an explicit year is given. */
function resolveMonth(ref: Date, month: number, day: number | null, year: number | null): Date | null {
  let y = year ?? ref.getUTCFullYear();
  let date = new Date(Date.UTC(y, month, day ?? 1, 12));
  if (year === null && dayNumberOfDate(date) < dayNumberOfDate(ref) && !(day === null && month === ref.getUTCMonth())) {
    y += 1;
    date = new Date(Date.UTC(y, month, day ?? 1, 12));
  }
  // "31. 2." is no date: Date.UTC would roll it into March.
  return date.getUTCMonth() === month ? date : null;
}

/** "30.12.", "14. 1.", "12.10.2026", "1.3.27": day first. The month's dot is required without a year, so "1.5 m3" is no date. */
const DOTTED_DAY_MONTH = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})(?:\.\s?(\d{4}|\d{2})(?![\d])|\.(?!\d))/g;
/** "21/09/2026", "1/2/27": day first, outside English (only with a year: "1/2" is a fraction). */
const SLASHED_DAY_MONTH_YEAR = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g;
/** Hungarian year-first dates: "2026.10.02.", "2026. 10. 2.". */
const DOTTED_YEAR_FIRST = /(?<![\d.])(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?(?!\d)/g;

function parseNumeric(folded: string, ref: Date, slashesDayFirst: boolean, out: HandParsedDate[]): void {
  const yearFirst: [number, number][] = [];
  for (const m of folded.matchAll(DOTTED_YEAR_FIRST)) {
    const date = resolveMonth(ref, Number(m[2]) - 1, Number(m[3]), Number(m[1]));
    if (date && Number(m[2]) >= 1 && Number(m[2]) <= 12) out.push({ index: m.index ?? 0, length: m[0].length, date, dayCertain: true });
    yearFirst.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  for (const m of [...folded.matchAll(DOTTED_DAY_MONTH), ...(slashesDayFirst ? folded.matchAll(SLASHED_DAY_MONTH_YEAR) : [])]) {
    const at = m.index ?? 0;
    if (yearFirst.some(([s, e]) => at >= s && at < e)) continue;
    const day = Number(m[1]), month = Number(m[2]);
    if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    const year = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : null;
    const date = resolveMonth(ref, month - 1, day, year);
    if (date) out.push({ index: at, length: m[0].length, date, dayCertain: true });
  }
}

const UNIT_DAYS: [RegExp, number][] = [
  [/^(dan|tag|day|giorn|jour|dia|dzien|dni|den|dny|nap|dag)/, 1],
  [/^(tjed|tyd|ted|woche|week|settiman|semaine|semana|tydz|tygodn|tyden|het|weken)/, 7],
  [/^(mjesec|mesec|monat|month|mes|mois|miesi|mesic|honap|maand)/, 30],
];
const COUNT_WORDS: Record<string, number> = {
  einem: 1, einer: 1, jedan: 1, jednu: 1, dva: 2, dvije: 2, tri: 3, a: 1, one: 1, two: 2, three: 3, un: 1, une: 1, uno: 1, una: 1, due: 2, deux: 2, dos: 2,
  trois: 3, tre: 3, tres: 3, dwa: 2, dwie: 2, trzy: 3, jeden: 1, dve: 2, egy: 1, ket: 2, harom: 3, een: 1, twee: 2, drie: 3,
};
const COUNT = `\\d{1,2}|${Object.keys(COUNT_WORDS).join('|')}`;
const UNIT = '(?:dan|tag|day|giorn|jour|dia|dzien|dni|den|dny|nap|dag|tjed|tyd|ted|woche|week|settiman|semaine|semana|tydz|tygodn|tyden|het|weken|mjesec|mesec|monat|month|mes|mois|miesi|mesic|honap|maand)\\p{L}*';
/** "za 2 tjedna", "in 3 Wochen", "tra due settimane", "dans 2 semaines", "en dos semanas", "over 2 weken", "čez 2 tedna". */
const RELATIVE = new RegExp(`(?<![\\p{L}])(?:za|in|tra|fra|dans|en|dentro de|over|cez)\\s+(?:(${COUNT})\\s+)?(${UNIT})`, 'gu');
/** Hungarian puts it after: "2 hét múlva". */
const RELATIVE_AFTER = new RegExp(`(?<![\\p{L}\\d])(${COUNT})\\s+(nap|het|honap)\\s+mulva`, 'gu');

function daysOf(count: string | undefined, unit: string): number {
  const n = count ? (COUNT_WORDS[count] ?? Number(count)) : 1;
  for (const [re, days] of UNIT_DAYS) if (re.test(unit)) return n * days;
  return n;
}

/**
 * Month names (of `languages`), numeric dates (day first) and relative phrases in a folded text.
 * `slashesDayFirst`: read "01/02/2027" as 1 February (not for English texts, which chrono reads).
 */
export function parseMonthNames(folded: string, ref: Date, languages: readonly string[] = DEFAULT_LANGUAGES, slashesDayFirst = false): HandParsedDate[] {
  const out: HandParsedDate[] = [];
  const seen = new Set<number>();
  for (const lang of languages) {
    const p = PARSERS.get(lang);
    if (!p) continue;
    for (const m of folded.matchAll(p.re)) {
      const month = monthOfWord(p, m[2]);
      if (month === undefined || seen.has(m.index ?? 0)) continue;
      const day = m[1] ? Number(m[1]) : m[4] ? Number(m[4]) : null;
      if (day !== null && (day < 1 || day > 31)) continue;
      const date = resolveMonth(ref, month, day, m[3] ? Number(m[3]) : null);
      if (!date) continue;
      seen.add(m.index ?? 0);
      out.push({ index: m.index ?? 0, length: m[0].length, date, dayCertain: day !== null });
    }
  }
  parseNumeric(folded, ref, slashesDayFirst, out);
  for (const re of [RELATIVE, RELATIVE_AFTER]) {
    for (const m of folded.matchAll(re)) {
      out.push({ index: m.index ?? 0, length: m[0].length, date: new Date(ref.getTime() + daysOf(m[1], m[2]) * 86_400_000), dayCertain: true });
    }
  }
  return out;
}

/** Every language's month words, for the prefilter. */
const ALL_MONTH_WORDS = [...new Set(Object.values(MONTH_WORDS).flatMap((months) => months.flatMap((alts) => alts.split('|').map((a) => a.replace('*', '')))))]
  .filter((w) => w.length >= 3)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Cheap test run before any date parsing: one chrono parse costs ~15-25 us. */
export const DATE_PREFILTER = new RegExp(
  [
    '\\d{1,2}[./]\\s?\\d{1,2}', '\\d{4}-\\d{2}', '\\d{1,2}(?:st|nd|rd|th)\\b',
    '\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b',
    ALL_MONTH_WORDS,
    'next|tomorrow|week|month|spring|summer|autumn|winter|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday',
    'nachst|morgen|woche|monat|sljedec|iduc|sutra|tjed|mjesec',
    '\\b(?:in|za|tra|fra|dans|en|over|cez)\\s+\\d', 'mulva',
  ].join('|'),
);
