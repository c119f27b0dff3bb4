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
 * "Majo", "Zadra"), so a shared stem of all but the last two letters (at least three) counts
 * when what differs is a case ending, for words of four letters or more.
 */
export function sameWordStem(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (x === y) return true;
  const shorter = Math.min(x.length, y.length);
  if (shorter < 4) return false;
  let common = 0;
  while (common < shorter && x[common] === y[common]) common++;
  if (common < Math.max(3, shorter - 2)) return false;
  return CASE_ENDING.test(x.slice(common)) && CASE_ENDING.test(y.slice(common));
}

// What may differ after the shared stem: Croatian case endings and the fleeting a ("Zadar",
// "Zadra"; "Rijeka", "Rijeci"). "Maria" and "Marko" share "mar" but "ia"/"ko" are not endings.
const CASE_ENDING = /^(|[aeiou]|om|em|oj|ju|ra|ar|ca|ac|ka|ak|ci|ku|cu|ga|og|oga|ju)$/;

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

/** Sentence that contains the character at `index`; "2.500" and "15.12." do not end one. */
export function sentenceAround(text: string, index: number): string {
  const boundary = /[.!?](?=\s+[A-ZČĆŽŠĐÄÖÜ]|\s*$)|\n/g;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(boundary)) {
    const at = m.index ?? 0;
    if (at < index) start = at + 1;
    else {
      end = at + 1;
      break;
    }
  }
  return text.slice(start, end);
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
