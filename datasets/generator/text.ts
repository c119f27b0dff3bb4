/**
 * Turning truth values into the inconsistent ways people write them: amounts ("1.800 €",
 * "EUR 1800", "1.8k"), dates ("3. März", "03.03.2027.", "early March"), and typing noise.
 */
import type { Rng } from './prng';
import { dayOfMonth, monthIndex, year } from './dates';
import type { Lang } from './vocab';

const MONTHS: Record<Lang, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  // Croatian nominative/accusative: "za ožujak" ("veljača" is feminine: "za veljaču").
  hr: ['siječanj', 'veljaču', 'ožujak', 'travanj', 'svibanj', 'lipanj', 'srpanj', 'kolovoz', 'rujan', 'listopad', 'studeni', 'prosinac'],
};
/** Croatian genitive, used with a day number and "početkom" ("15. siječnja", "početkom ožujka"). */
const HR_GENITIVE = ['siječnja', 'veljače', 'ožujka', 'travnja', 'svibnja', 'lipnja', 'srpnja', 'kolovoza', 'rujna',
  'listopada', 'studenoga', 'prosinca'];

/** "March" / "März" / "ožujak": the month as it follows "in" / "im" / "za". */
export function monthName(ms: number, lang: Lang): string {
  return MONTHS[lang][monthIndex(ms)];
}

/** Croatian genitive month ("početkom ožujka"); other languages use the plain month name. */
export function monthGenitive(ms: number, lang: Lang): string {
  return lang === 'hr' ? HR_GENITIVE[monthIndex(ms)] : MONTHS[lang][monthIndex(ms)];
}

/** A calendar day as a person would type it in a message. */
export function dayText(rng: Rng, ms: number, lang: Lang): string {
  const d = dayOfMonth(ms);
  const m = monthIndex(ms);
  const dd = String(d).padStart(2, '0');
  const mm = String(m + 1).padStart(2, '0');
  if (lang === 'de') return rng.pick([`${d}. ${MONTHS.de[m]}`, `${dd}.${mm}.${year(ms)}`, `${d}.${m + 1}.`, `${d}. ${MONTHS.de[m]} ${year(ms)}`]);
  if (lang === 'hr') return rng.pick([`${d}. ${HR_GENITIVE[m]}`, `${dd}.${mm}.${year(ms)}.`, `${d}.${m + 1}.`]);
  return rng.pick([`${MONTHS.en[m]} ${d}`, `${d} ${MONTHS.en[m]}`, `${dd}/${mm}/${year(ms)}`, `${d}th of ${MONTHS.en[m]}`.replace(/^(1|21|31)th/, '$1st').replace(/^(2|22)th/, '$2nd').replace(/^(3|23)th/, '$3rd')]);
}

/** A vague month reference: "early March", "Anfang März", "početkom ožujka", or just the month. */
export function monthText(rng: Rng, ms: number, lang: Lang): string {
  const m = monthIndex(ms);
  if (lang === 'de') return rng.pick([MONTHS.de[m], `Anfang ${MONTHS.de[m]}`, `${MONTHS.de[m]} ${year(ms)}`]);
  if (lang === 'hr') return rng.pick([MONTHS.hr[m], `početkom ${HR_GENITIVE[m]}`]);
  return rng.pick([MONTHS.en[m], `early ${MONTHS.en[m]}`, `${MONTHS.en[m]} ${year(ms)}`]);
}

function thousands(n: number, sep: string): string {
  const s = String(Math.round(n));
  return s.length > 3 ? `${s.slice(0, -3)}${sep}${s.slice(-3)}` : s;
}

/** An amount as written in free text. Currency is mostly EUR, sometimes implied. */
export function moneyText(rng: Rng, amount: number, lang: Lang, currency = 'EUR'): string {
  const plain = String(Math.round(amount));
  if (currency !== 'EUR') return rng.pick([`${plain} ${currency}`, `${currency} ${thousands(amount, "'")}`]);
  if (lang === 'de') return rng.pick([`${thousands(amount, '.')} €`, `${plain} Euro`, `${plain},- €`, `${plain} EUR`, `${plain}€`]);
  if (lang === 'hr') return rng.pick([`${thousands(amount, '.')} eura`, `${plain} €`, `${plain} EUR`, `${plain} eur`]);
  const k = amount >= 1000 && amount % 100 === 0 ? [`${(amount / 1000).toString()}k`] : [];
  return rng.pick([`${plain} EUR`, `€${thousands(amount, ',')}`, `${plain} euros`, `EUR ${plain}`, `${plain}€`, ...k]);
}

/** Replaces `{name}` placeholders. Values are our own vocab/number strings, never customer input. */
export function fill(template: string, vars: Record<string, string>): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/\bplease\b/i, 'pls'], [/\bthanks\b/i, 'thx'], [/\bcustomer\b/i, 'cust'], [/\btomorrow\b/i, 'tmrw'],
  [/\bwith\b/, 'w/'], [/\bbecause\b/, 'bc'], [/\bmessage\b/, 'msg'], [/\bvoicemail\b/i, 'VM'],
  [/\bKunde\b/, 'Kd.'], [/\bAngebot\b/, 'Ang.'], [/\btelefonisch\b/, 'tel.'], [/\bnächste Woche\b/, 'nä. Wo.'],
  [/\bponuda\b/, 'ponuda'], [/\bmolim\b/i, 'pls'], [/\bkupac\b/, 'kup.'],
];
const DIACRITICS: Record<string, string> = { č: 'c', ć: 'c', š: 's', ž: 'z', đ: 'dj', ü: 'u', ö: 'o', ä: 'a', ß: 'ss' };

/** One or two kinds of sloppiness, applied to a share of texts: keeps meaning, breaks exact matching. */
export function sloppy(rng: Rng, text: string, rate = 0.35): string {
  if (!rng.chance(rate)) return text;
  let out = text;
  const kinds = rng.int(1, 2);
  for (let i = 0; i < kinds; i++) {
    const kind = rng.int(0, 5);
    if (kind === 0) out = out.toLowerCase();
    else if (kind === 1) out = out.replace(/[.!]\s*$/, '').replace(/,/g, rng.chance(0.5) ? '' : ',');
    else if (kind === 2) out = swapLetters(rng, out);
    else if (kind === 3) {
      for (const [pattern, short] of ABBREVIATIONS) if (pattern.test(out) && rng.chance(0.7)) out = out.replace(pattern, short);
    } else if (kind === 4) out = out.replace(/[čćšžđüöäß]/g, (c) => DIACRITICS[c] ?? c);
    else out = out.replace(/ (\w)/, '  $1') + (rng.chance(0.5) ? '!!' : ' ..');
  }
  return out;
}

/** Swaps two neighbouring letters inside one longer word ("quote" -> "qoute"). */
function swapLetters(rng: Rng, text: string): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => (/^[A-Za-zäöüčćšžđ]{5,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const index = rng.pick(candidates);
  const word = words[index];
  const at = rng.int(1, word.length - 3);
  words[index] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(' ');
}
