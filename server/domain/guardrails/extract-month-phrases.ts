/**
 * Date forms chrono-node does not read: month-level phrases in en/de/hr ("mid-December",
 * "Anfang Januar", "sredinom prosinca", "u prosincu"), Croatian day-month dates
 * ("15. prosinca 2026."), Croatian relative phrases ("za dva tjedna") and bare years ("in 2027").
 */
import { type DateMention, type DayRange, aroundDay, lastDayOfMonth, utcDay, validDay } from './date-range.ts';
import { DAY_MS, NUMBER_TOKEN, fold, parseNumberToken } from './text-utils.ts';

// Folded stems; each month's genitive/locative forms share them (prosinac, prosinca, prosincu).
const MONTH_STEMS: [RegExp, number][] = [
  [/^(january|jan|januar|janner|sijecanj|sijecnja|sijecnju)$/, 1],
  [/^(february|feb|februar|feber|veljaca|veljace|veljaci)$/, 2],
  [/^(march|mar|marz|ozujak|ozujka|ozujku)$/, 3],
  [/^(april|apr|travanj|travnja|travnju)$/, 4],
  [/^(may|mai|svibanj|svibnja|svibnju)$/, 5],
  [/^(june|jun|juni|lipanj|lipnja|lipnju)$/, 6],
  [/^(july|jul|juli|srpanj|srpnja|srpnju)$/, 7],
  [/^(august|aug|kolovoz|kolovoza|kolovozu)$/, 8],
  [/^(september|sep|sept|rujan|rujna|rujnu)$/, 9],
  [/^(october|oct|oktober|okt|listopad|listopada|listopadu)$/, 10],
  [/^(november|nov|studeni|studenoga|studenog|studenom)$/, 11],
  [/^(december|dec|dezember|dez|prosinac|prosinca|prosincu)$/, 12],
];

const MONTH_WORD =
  '(?:January|Jan|Januar|Jänner|February|Feb|Februar|March|Mar|März|April|Apr|May|Mai|June|Jun|Juni|July|Jul|Juli|' +
  'August|Aug|September|Sept|Sep|October|Oct|Oktober|Okt|November|Nov|December|Dec|Dezember|Dez|' +
  'siječ(?:anj|nja|nju)|veljač[aei]|ožuj(?:ak|ka|ku)|trav(?:anj|nja|nju)|svib(?:anj|nja|nju)|lip(?:anj|nja|nju)|' +
  'srp(?:anj|nja|nju)|kolovoz[au]?|ruj(?:an|na|nu)|listopad[au]?|studen(?:i|oga|og|om)|prosin(?:ac|ca|cu))';

export function monthNumber(word: string): number | null {
  const w = fold(word).replace(/\.$/, '');
  for (const [re, m] of MONTH_STEMS) if (re.test(w)) return m;
  return null;
}

const PART_WORDS = '(?:early|beginning of|start of|mid|mid-|middle of|late|end of|the end of|Anfang|Beginn|Mitte|Ende|počet(?:kom|ak)|sredinom|polovicom|krajem|koncem|kraj)';

function partRange(part: string | undefined, y: number, m: number): [number, number] {
  const p = fold(part ?? '');
  const last = lastDayOfMonth(y, m);
  if (/early|beginning|start|anfang|beginn|pocet/.test(p)) return [1, 10];
  if (/mid|middle|mitte|sredin|polovic/.test(p)) return [11, 20];
  if (/late|end|ende|kraj|konc/.test(p)) return [21, last];
  return [1, last];
}

function nextYearFor(month: number, asOf: Date): number {
  // A yearless month is compared with the record's own years; this is only a placeholder.
  return asOf.getUTCFullYear() + (month < asOf.getUTCMonth() + 1 ? 1 : 0);
}

/** Month phrases; `dayBefore` guards skip "15 December" (a day date, read by chrono). */
function monthPhrases(text: string, asOf: Date): DateMention[] {
  const re = new RegExp(`(?<!\\d[.\\s]{0,2})(?:\\b(${PART_WORDS})[\\s-]+)?\\b(${MONTH_WORD})\\b\\.?(?![\\s.]*\\d{1,2}(?:st|nd|rd|th)?\\b(?!\\d))(?:,?\\s+(\\d{4})\\b)?`, 'giu');
  const out: DateMention[] = [];
  for (const m of text.matchAll(re)) {
    const month = monthNumber(m[2]);
    if (!month) continue;
    // English month words double as ordinary words ("we may", "march"): require a capital.
    if (/^(may|mar|march)$/.test(m[2])) continue;
    // "Hi May," is a name, not a month.
    if (/\b(dear|hi|hello|hey|hallo|liebe|lieber|draga|dragi|bok)\s+$/i.test(text.slice(Math.max(0, (m.index ?? 0) - 8), m.index))) continue;
    const yearKnown = Boolean(m[3]);
    const year = m[3] ? Number(m[3]) : nextYearFor(month, asOf);
    const [from, to] = partRange(m[1], year, month);
    const candidate: DayRange = { start: utcDay(year, month, from), end: utcDay(year, month, to), yearKnown };
    out.push({ text: m[0], index: m.index ?? 0, candidates: [candidate], weekday: null });
  }
  return out;
}

const HR_MONTH = '(?:siječ(?:anj|nja|nju)|veljač[aei]|ožuj(?:ak|ka|ku)|trav(?:anj|nja|nju)|svib(?:anj|nja|nju)|lip(?:anj|nja|nju)|srp(?:anj|nja|nju)|kolovoz[au]?|ruj(?:an|na|nu)|listopad[au]?|studen(?:i|oga|og|om)|prosin(?:ac|ca|cu))';

/** "15. prosinca 2026." */
function croatianDayMonth(text: string, asOf: Date): DateMention[] {
  const re = new RegExp(`\\b(\\d{1,2})\\.\\s*(${HR_MONTH})\\b(?:\\s+(\\d{4})\\.?)?`, 'giu');
  const out: DateMention[] = [];
  for (const m of text.matchAll(re)) {
    const month = monthNumber(m[2]);
    const day = Number(m[1]);
    const year = m[3] ? Number(m[3]) : nextYearFor(month ?? 1, asOf);
    if (!month || !validDay(year, month, day)) continue;
    const date = utcDay(year, month, day);
    out.push({ text: m[0], index: m.index ?? 0, candidates: [{ start: date, end: date, yearKnown: Boolean(m[3]) }], weekday: null });
  }
  return out;
}

const HR_UNITS: [RegExp, number, number][] = [
  [/^dan/, 1, 1],
  [/^tjed/, 7, 3],
  [/^mjesec/, 30, 15],
];

/** "za dva tjedna", "prije mjesec dana", "sljedeći tjedan" */
function croatianRelative(text: string, asOf: Date): DateMention[] {
  const out: DateMention[] = [];
  const re = new RegExp(`\\b(za|prije)\\s+(${NUMBER_TOKEN}\\s+)?(dana|dan|tjedan|tjedna|tjedana|mjesec|mjeseca|mjeseci)\\b`, 'giu');
  for (const m of text.matchAll(re)) {
    const n = m[2] ? parseNumberToken(m[2]) : 1;
    const unit = HR_UNITS.find(([u]) => u.test(fold(m[3])));
    if (n === null || !unit) continue;
    const sign = fold(m[1]) === 'prije' ? -1 : 1;
    const day = new Date(asOf.getTime() + sign * n * unit[1] * DAY_MS);
    out.push({ text: m[0], index: m.index ?? 0, candidates: [aroundDay(day, unit[2])], weekday: null });
  }
  const next = /\b(sljede[cć]i|idu[cć]i)\s+(tjedan|mjesec)\b/giu;
  for (const m of text.matchAll(next)) {
    const isWeek = fold(m[2]) === 'tjedan';
    const day = new Date(asOf.getTime() + (isWeek ? 7 : 30) * DAY_MS);
    out.push({ text: m[0], index: m.index ?? 0, candidates: [aroundDay(day, isWeek ? 3 : 15)], weekday: null });
  }
  return out;
}

/** "in 2027", "im Jahr 2027", "u 2027." */
function bareYears(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(/\b(?:in|im|im Jahr|u|during|for)\s+((?:19|20)\d{2})\b(?![.,/-]\d)/giu)) {
    const y = Number(m[1]);
    out.push({ text: m[0], index: m.index ?? 0, candidates: [{ start: utcDay(y, 1, 1), end: utcDay(y, 12, 31), yearKnown: true }], weekday: null });
  }
  return out;
}

export function extractMonthPhrases(text: string, asOf: Date): DateMention[] {
  return [...monthPhrases(text, asOf), ...croatianDayMonth(text, asOf), ...croatianRelative(text, asOf), ...bareYears(text)];
}
