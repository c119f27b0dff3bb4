/** Small text helpers shared by the extractors: folding, number words, approximations. */

/** Lower-case and strip diacritics so "München" meets "munchen" and "Đurđa" meets "durda". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

/** Folded word tokens (letters and digits). */
export function words(text: string): string[] {
  return fold(text).match(/[a-z0-9]+/g) ?? [];
}

/**
 * Same word allowing an inflection suffix: Croatian declines names and places ("Zagrebu",
 * "Ivane", "Rijeci"), so a shared stem of all but the last two letters counts, for words of
 * four letters or more. Short words must match exactly.
 */
export function sameWordStem(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (x === y) return true;
  const shorter = Math.min(x.length, y.length);
  if (shorter < 4) return false;
  let common = 0;
  while (common < shorter && x[common] === y[common]) common++;
  return common >= Math.max(4, shorter - 2) && Math.abs(x.length - y.length) <= 3;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, twenty: 20, thirty: 30, forty: 40, fifty: 50, a: 1, an: 1,
  ein: 1, eine: 1, einen: 1, eins: 1, zwei: 2, drei: 3, vier: 4, funf: 5, sechs: 6, sieben: 7,
  acht: 8, neun: 9, zehn: 10, elf: 11, zwolf: 12, zwanzig: 20, dreissig: 30, vierzig: 40, funfzig: 50,
  jedan: 1, jedna: 1, jedno: 1, dva: 2, dvije: 2, tri: 3, cetiri: 4, pet: 5, sest: 6, sedam: 7,
  osam: 8, devet: 9, deset: 10, jedanaest: 11, dvanaest: 12, dvadeset: 20, trideset: 30,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  ground: 0, erdgeschoss: 0, prizemlje: 0,
};

/** Regex source matching a number written with digits or as a small number word. */
export const NUMBER_TOKEN =
  '(?:\\d+(?:[.,]\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|' +
  'ein|eine|zwei|drei|vier|f(?:ü|u)nf|sechs|sieben|acht|neun|zehn|elf|zw(?:ö|o)lf|zwanzig|' +
  'jedan|jedna|dva|dvije|tri|(?:č|c)etiri|pet|(?:š|s)est|sedam|osam|devet|deset)';

export function parseNumberToken(token: string): number | null {
  const t = fold(token.trim());
  if (/^\d+([.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  return NUMBER_WORDS[t] ?? null;
}

/** Words that mark a figure as approximate ("around €2,500"): tolerance is allowed then. */
export const APPROXIMATORS = /(?:around|about|roughly|approximately|approx\.?|some|~|ca\.?|circa|etwa|ungef(?:ä|a)hr|rund|oko|otprilike|cca\.?|pribli(?:ž|z)no)\s*$/i;

export function isApproximate(text: string, index: number): boolean {
  return APPROXIMATORS.test(text.slice(Math.max(0, index - 16), index));
}

/** Sentence that contains the character at `index`, for negation and context checks. */
export function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('.', index - 1), text.lastIndexOf('\n', index - 1), text.lastIndexOf('!', index - 1), text.lastIndexOf('?', index - 1));
  const ends = ['.', '\n', '!', '?'].map((c) => text.indexOf(c, index)).filter((i) => i >= 0);
  return text.slice(start + 1, ends.length ? Math.min(...ends) + 1 : text.length);
}

/** ISO date (YYYY-MM-DD) of a Date in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC of an ISO date or date-time; null when unparseable. */
export function toDay(value: string | null | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return null;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export const DAY_MS = 86_400_000;
