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
  sr: ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar'],
  sl: ['januar', 'februar', 'marec', 'april', 'maj', 'junij', 'julij', 'avgust', 'september', 'oktober', 'november', 'december'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  pl: ['styczeń', 'luty', 'marzec', 'kwiecień', 'maj', 'czerwiec', 'lipiec', 'sierpień', 'wrzesień', 'październik', 'listopad', 'grudzień'],
  cs: ['leden', 'únor', 'březen', 'duben', 'květen', 'červen', 'červenec', 'srpen', 'září', 'říjen', 'listopad', 'prosinec'],
  hu: ['január', 'február', 'március', 'április', 'május', 'június', 'július', 'augusztus', 'szeptember', 'október', 'november', 'december'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
};
/** Genitive, used with a day number and "početkom" ("15. siječnja", "15 marca", "15. března"). */
const GENITIVE: Partial<Record<Lang, readonly string[]>> = {
  hr: ['siječnja', 'veljače', 'ožujka', 'travnja', 'svibnja', 'lipnja', 'srpnja', 'kolovoza', 'rujna', 'listopada', 'studenoga', 'prosinca'],
  sr: ['januara', 'februara', 'marta', 'aprila', 'maja', 'juna', 'jula', 'avgusta', 'septembra', 'oktobra', 'novembra', 'decembra'],
  sl: ['januarja', 'februarja', 'marca', 'aprila', 'maja', 'junija', 'julija', 'avgusta', 'septembra', 'oktobra', 'novembra', 'decembra'],
  pl: ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
  cs: ['ledna', 'února', 'března', 'dubna', 'května', 'června', 'července', 'srpna', 'září', 'října', 'listopadu', 'prosince'],
};
/** "In March" where the month declines: "u ožujku", "u martu", "v marcu", "w marcu", "v březnu", "márciusban". */
const LOCATIVE: Partial<Record<Lang, readonly string[]>> = {
  hr: ['siječnju', 'veljači', 'ožujku', 'travnju', 'svibnju', 'lipnju', 'srpnju', 'kolovozu', 'rujnu', 'listopadu', 'studenom', 'prosincu'],
  sr: ['januaru', 'februaru', 'martu', 'aprilu', 'maju', 'junu', 'julu', 'avgustu', 'septembru', 'oktobru', 'novembru', 'decembru'],
  sl: ['januarju', 'februarju', 'marcu', 'aprilu', 'maju', 'juniju', 'juliju', 'avgustu', 'septembru', 'oktobru', 'novembru', 'decembru'],
  pl: ['styczniu', 'lutym', 'marcu', 'kwietniu', 'maju', 'czerwcu', 'lipcu', 'sierpniu', 'wrześniu', 'październiku', 'listopadzie', 'grudniu'],
  cs: ['lednu', 'únoru', 'březnu', 'dubnu', 'květnu', 'červnu', 'červenci', 'srpnu', 'září', 'říjnu', 'listopadu', 'prosinci'],
  hu: ['januárban', 'februárban', 'márciusban', 'áprilisban', 'májusban', 'júniusban', 'júliusban', 'augusztusban', 'szeptemberben',
    'októberben', 'novemberben', 'decemberben'],
};

/** "March" / "März" / "ožujak": the month as it follows "in" / "im" / "za". */
export function monthName(ms: number, lang: Lang): string {
  return MONTHS[lang][monthIndex(ms)];
}

/** Genitive month ("početkom ožujka", "15 marca"); languages without cases use the plain name. */
export function monthGenitive(ms: number, lang: Lang): string {
  return (GENITIVE[lang] ?? MONTHS[lang])[monthIndex(ms)];
}

/** Locative month ("u ožujku", "w marcu", "márciusban"); languages without cases use the plain name. */
export function monthLocative(ms: number, lang: Lang): string {
  return (LOCATIVE[lang] ?? MONTHS[lang])[monthIndex(ms)];
}

/** A calendar day as a person would type it in a message. */
export function dayText(rng: Rng, ms: number, lang: Lang): string {
  const d = dayOfMonth(ms);
  const m = monthIndex(ms);
  const y = year(ms);
  const dd = String(d).padStart(2, '0');
  const mm = String(m + 1).padStart(2, '0');
  const name = MONTHS[lang][m];
  const gen = monthGenitive(ms, lang);
  switch (lang) {
    case 'de': return rng.pick([`${d}. ${name}`, `${dd}.${mm}.${y}`, `${d}.${m + 1}.`, `${d}. ${name} ${y}`]);
    case 'hr': case 'sr': return rng.pick([`${d}. ${gen}`, `${dd}.${mm}.${y}.`, `${d}.${m + 1}.`]);
    case 'sl': return rng.pick([`${d}. ${gen}`, `${d}. ${m + 1}. ${y}`, `${dd}.${mm}.${y}`]);
    case 'cs': return rng.pick([`${d}. ${gen}`, `${d}.${m + 1}.${y}`, `${d}. ${m + 1}.`]);
    case 'pl': return rng.pick([`${d} ${gen}`, `${dd}.${mm}.${y}`, `${d} ${gen} ${y}`]);
    case 'hu': return rng.pick([`${name} ${d}.`, `${y}. ${name} ${d}.`, `${y}.${mm}.${dd}.`]);
    case 'it': return rng.pick([`${d} ${name}`, `${dd}/${mm}/${y}`, `${d}/${m + 1}`]);
    case 'fr': return rng.pick([`${d === 1 ? '1er' : d} ${name}`, `${dd}/${mm}/${y}`, `${d} ${name} ${y}`]);
    case 'es': return rng.pick([`${d} de ${name}`, `${dd}/${mm}/${y}`, `${d}/${m + 1}`]);
    case 'nl': return rng.pick([`${d} ${name}`, `${dd}-${mm}-${y}`, `${d} ${name} ${y}`]);
    default: return rng.pick([`${name} ${d}`, `${d} ${name}`, `${dd}/${mm}/${y}`,
      `${d}th of ${name}`.replace(/^(1|21|31)th/, '$1st').replace(/^(2|22)th/, '$2nd').replace(/^(3|23)th/, '$3rd')]);
  }
}

function thousands(n: number, sep: string): string {
  const s = String(Math.round(n));
  return s.length > 3 ? `${s.slice(0, -3)}${sep}${s.slice(-3)}` : s;
}

/** An amount as written in free text. Currency is mostly EUR, sometimes implied. */
export function moneyText(rng: Rng, amount: number, lang: Lang, currency = 'EUR'): string {
  const plain = String(Math.round(amount));
  if (currency !== 'EUR') return rng.pick([`${plain} ${currency}`, `${currency} ${thousands(amount, "'")}`]);
  switch (lang) {
    case 'de': return rng.pick([`${thousands(amount, '.')} €`, `${plain} Euro`, `${plain},- €`, `${plain} EUR`, `${plain}€`]);
    case 'hr': return rng.pick([`${thousands(amount, '.')} eura`, `${plain} €`, `${plain} EUR`, `${plain} eur`]);
    case 'sr': return rng.pick([`${thousands(amount, '.')} evra`, `${plain} EUR`, `${plain} €`]);
    case 'sl': return rng.pick([`${thousands(amount, '.')} €`, `${plain} EUR`, `${plain} evrov`]);
    case 'it': return rng.pick([`${thousands(amount, '.')} €`, `${plain} euro`, `€ ${plain}`]);
    case 'es': return rng.pick([`${thousands(amount, '.')} €`, `${plain} euros`, `${plain}€`]);
    case 'fr': return rng.pick([`${thousands(amount, ' ')} €`, `${plain} euros`, `${plain}€`]);
    case 'nl': return rng.pick([`€ ${thousands(amount, '.')}`, `€${plain},-`, `${plain} euro`]);
    case 'pl': return rng.pick([`${thousands(amount, ' ')} EUR`, `${plain} euro`, `${plain} €`]);
    case 'cs': return rng.pick([`${thousands(amount, ' ')} EUR`, `${plain} eur`, `${plain} €`]);
    case 'hu': return rng.pick([`${plain} euró`, `${thousands(amount, ' ')} EUR`, `${plain} €`]);
    default: {
      const k = amount >= 1000 && amount % 100 === 0 ? [`${(amount / 1000).toString()}k`] : [];
      return rng.pick([`${plain} EUR`, `€${thousands(amount, ',')}`, `${plain} euros`, `EUR ${plain}`, `${plain}€`, ...k]);
    }
  }
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
const DIACRITICS: Record<string, string> = { č: 'c', ć: 'c', š: 's', ž: 'z', đ: 'dj', ü: 'u', ö: 'o', ä: 'a', ß: 'ss',
  ł: 'l', ą: 'a', ę: 'e', ś: 's', ź: 'z', ż: 'z', ń: 'n', ó: 'o', ř: 'r', ě: 'e', ů: 'u', á: 'a', é: 'e', í: 'i', ý: 'y',
  ú: 'u', ť: 't', ď: 'd', ň: 'n', ő: 'o', ű: 'u', è: 'e', à: 'a', ù: 'u', ò: 'o', ì: 'i', ç: 'c', ñ: 'n', ê: 'e', â: 'a',
  ô: 'o', î: 'i', û: 'u', ë: 'e', ï: 'i' };
const DIACRITIC = /[čćšžđüöäßłąęśźżńóřěůáéíýúťďňőűèàùòìçñêâôîûëï]/g;

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
    } else if (kind === 4) out = stripDiacritics(out);
    else out = out.replace(/ (\w)/, '  $1') + (rng.chance(0.5) ? '!!' : ' ..');
  }
  return out;
}

/** How people type in a chat widget: lower case, no apostrophes, no full stop at the end. */
export function chatStyle(rng: Rng, text: string): string {
  let out = text.toLowerCase().replace(/['’]/g, '').replace(/[.]\s*$/, '');
  if (rng.chance(0.5)) out = out.replace(/,/g, '');
  return out;
}

/** "Ne želim više" -> "Ne zelim vise": phone keyboards and hurried typing drop the accents. */
export function stripDiacritics(text: string): string {
  return text.replace(DIACRITIC, (c) => DIACRITICS[c] ?? c);
}

/** Swaps two neighbouring letters inside one longer word ("quote" -> "qoute"). */
function swapLetters(rng: Rng, text: string): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => (/^\p{L}{5,}$/u.test(w) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const index = rng.pick(candidates);
  const word = words[index];
  const at = rng.int(1, word.length - 3);
  words[index] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(' ');
}
