/**
 * Finds money amounts in any common format and currency: "€2,450", "2.450 EUR", "EUR 2450",
 * "2450 euros", "2.5k", "2.450,00 €", "1'900 CHF", and bare figures right after a price word
 * ("your quote of 2450", "for 1,900").
 */
import { fold, isApproximate } from './text-utils.ts';

export interface AmountMention {
  text: string;
  index: number;
  value: number;
  /** ISO 4217 code when written, else null. */
  currency: string | null;
  approximate: boolean;
}

const CURRENCY_WORDS: [RegExp, string][] = [
  [/^(€|eur|euro|euros|eura|evra)$/, 'EUR'],
  [/^(\$|usd|dollars?)$/, 'USD'],
  [/^(£|gbp|pounds?)$/, 'GBP'],
  [/^(chf|fr\.?|franken|francs?)$/, 'CHF'],
  [/^(kn|kuna|kune|hrk)$/, 'HRK'],
  [/^(pln|zl|zloty)$/, 'PLN'],
  [/^(czk|kc)$/, 'CZK'],
  [/^(huf|ft|forint)$/, 'HUF'],
  [/^(sek|nok|dkk|kr)$/, 'SEK'],
  [/^(rsd|din|dinara?)$/, 'RSD'],
];

export function currencyCode(word: string | null | undefined): string | null {
  if (!word) return null;
  const w = fold(word.trim()).replace(/\.$/, '');
  for (const [re, code] of CURRENCY_WORDS) if (re.test(w)) return code;
  return /^[a-z]{3}$/.test(w) ? w.toUpperCase() : null;
}

const CUR_BEFORE = '(€|EUR|USD|\\$|£|GBP|CHF|HRK|PLN|CZK|HUF|SEK|NOK|DKK|RSD|kn)';
const CUR_AFTER = '(€|EUR|euros?|Euro|eura|USD|dollars?|\\$|£|GBP|pounds?|CHF|Franken|francs?|kn|kuna|kune|HRK|PLN|zł|CZK|Kč|HUF|Ft|SEK|NOK|DKK|kr|RSD|dinara?)';
const NUM = "(\\d{1,3}(?:[.,'\\u00a0\\u202f ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
const THOUSANDS = '(k|K|thousand|tsd\\.?|Tsd\\.?|tisuća|tisuće|Tausend)';

/** "2,450" and "2.450" are thousands; "2.5" and "2,50" are decimals; "2.450,00" is both. */
export function parseAmountNumber(raw: string): number | null {
  const s = raw.replace(/[\s'\u00a0\u202f]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    normalized = s.split(thousands).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    const thousandsLike = parts.length > 2 || parts[parts.length - 1].length === 3;
    normalized = thousandsLike ? parts.join('') : parts.join('.');
  } else normalized = s;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

function scaled(value: number, suffix: string | undefined): number {
  return suffix ? value * 1000 : value;
}

// Bare numbers count only right after a price word; years ("for 2026") do not.
const PRICE_CONTEXT = new RegExp(
  `\\b(price|quote|quoted|offer|cost|costs|budget|total|amount|fee|rate|for only|for just|for|Preis|Angebot|Kosten|Betrag|Budget|für|cijena|cijenu|ponuda|ponudu|iznos|budžet|za)\\b(?:\\s+(?:of|was|is|von|od|je|was|at|around|about|only|just|nur|samo|oko))*\\s+${NUM}\\s*${THOUSANDS}?(?![\\d.,]*\\s*(?:%|m3|m³|m2|m²|cbm|kg|rooms?|bedrooms?|boxes|floors?|days?|weeks?|months?|years?|Zimmer|Tage|Wochen|dana|tjedana|sob|kutij))`,
  'giu',
);

// Built once (they were rebuilt on every call; matchAll works on a copy, so sharing them is safe).
const CURRENCY_THEN_NUMBER = new RegExp(`${CUR_BEFORE}\\s?${NUM}\\s*${THOUSANDS}?(?![\\d])`, 'gu');
const NUMBER_THEN_CURRENCY = new RegExp(`(?<![\\d.,])${NUM}\\s*${THOUSANDS}?\\s*(?:,-|\\.-)?\\s*${CUR_AFTER}(?![a-zA-Zčćžšđ])`, 'gu');
const NUMBER_K = new RegExp(`(?<![\\d.,€$£])${NUM}\\s*(k|K)\\b`, 'gu');
const DIGIT = /\d/;

export function extractAmounts(text: string): AmountMention[] {
  // Every pattern below needs a digit (NUM): most clauses and record texts have none.
  if (!text || !DIGIT.test(text)) return [];
  const found: AmountMention[] = [];
  const add = (m: RegExpMatchArray, rawNum: string, cur: string | null, suffix: string | undefined, start: number) => {
    const n = parseAmountNumber(rawNum);
    if (n === null) return;
    const index = m.index ?? 0;
    if (found.some((f) => index < f.index + f.text.length && f.index < index + m[0].length)) return;
    found.push({ text: m[0].trim(), index, value: scaled(n, suffix), currency: currencyCode(cur), approximate: isApproximate(text, start) });
  };
  for (const m of text.matchAll(CURRENCY_THEN_NUMBER)) add(m, m[2], m[1], m[3], m.index ?? 0);
  for (const m of text.matchAll(NUMBER_THEN_CURRENCY)) add(m, m[1], m[3], m[2], m.index ?? 0);
  for (const m of text.matchAll(NUMBER_K)) add(m, m[1], null, m[2], m.index ?? 0);
  for (const m of text.matchAll(PRICE_CONTEXT)) {
    const rawNum = m[2];
    const n = parseAmountNumber(rawNum);
    if (n === null || n < 50) continue;
    if (/^(19|20)\d{2}$/.test(rawNum) && /^(for|fur|za)$/.test(fold(m[1]))) continue;
    const numIndex = (m.index ?? 0) + m[0].lastIndexOf(rawNum);
    const sub = { ...m, index: numIndex, 0: m[0].slice(m[0].lastIndexOf(rawNum)) } as unknown as RegExpMatchArray;
    add(sub, rawNum, null, m[3], numIndex);
  }
  return found.sort((a, b) => a.index - b.index);
}
