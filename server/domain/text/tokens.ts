/**
 * What the intent classifier sees of a sentence: folded words (lowercase, no accents, the same
 * folding as phrase signals), 4- and 5-letter stems of longer words (inflected Croatian, Polish, German
 * compounds share it), and NEGATION marks: the three words after "not / nicht / ne / nie / non /
 * pas / nem / niet / ..." get a `neg_` prefix, so "stop calling" and "don't stop calling" or
 * "not too expensive" and "too expensive" are different inputs.
 */
import { foldText } from '../features/text.ts';

/** Negation words of the supported languages (folded). */
const NEGATIONS = new Set([
  'not', 'no', 'never', 'dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'wont', 'cant', 'nor', 'without', // en
  'nicht', 'kein', 'keine', 'keinen', 'keiner', 'nie', 'niemals', 'ohne', // de
  'ne', 'nije', 'nisu', 'nismo', 'nisam', 'nemoj', 'nemojte', 'nikad', 'nikada', 'bez', // hr / sr / bs
  'nikoli', 'brez', // sl
  'non', 'mai', 'senza', // it
  'pas', 'jamais', 'sans', // fr
  'nunca', 'sin', // es
  'nigdy', // pl
  'nikdy', 'bez', // cs
  'nem', 'soha', 'nelkul', // hu
  'niet', 'geen', 'nooit', 'zonder', // nl
]);

/** Serbian Cyrillic to Latin (the classifier is trained on both scripts, folded to one). */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'd', е: 'e', ж: 'z', з: 'z', и: 'i', ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'c', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'c', џ: 'dz', ш: 's',
};
const HAS_CYRILLIC = /[\u0400-\u04ff]/;

export function transliterate(text: string): string {
  if (!HAS_CYRILLIC.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += CYRILLIC[lower] ?? ch;
  }
  return out;
}

const NEGATION_SPAN = 3;

/** Features of one sentence for the classifier (deterministic, order-preserving). */
export function intentTokens(sentence: string): string[] {
  const folded = foldText(transliterate(sentence)).replace(/n't\b/g, ' not').replace(/n’t\b/g, ' not');
  const out: string[] = [];
  let negated = 0;
  for (const m of folded.matchAll(/[a-z0-9]+|[.!?;,:]/g)) {
    const w = m[0];
    if (w.length === 1 && '.!?;,:'.includes(w)) { negated = 0; continue; }
    if (NEGATIONS.has(w)) { out.push(w); negated = NEGATION_SPAN; continue; }
    const prefix = negated > 0 ? 'neg_' : '';
    out.push(prefix + w);
    if (w.length > 4 && !/^\d+$/.test(w)) out.push(`${prefix}${w.slice(0, 4)}^`);
    if (w.length > 5 && !/^\d+$/.test(w)) out.push(`${prefix}${w.slice(0, 5)}~`);
    if (negated > 0) negated--;
  }
  return out;
}

export interface Sentence { text: string; start: number }

/**
 * Sentences of a text: split on . ! ? ; and line breaks (not on the dot of "z.B.", "3.11.", "Dr.");
 * very short fragments are joined to the previous sentence so "Ok." does not stand alone.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?;\n]+(?:[.!?;]+|\n+|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    const raw = m[0];
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = m.index + raw.indexOf(trimmed);
    const prev = out[out.length - 1];
    // "z.B." / "Dr." / "3.11.": a piece that ends in a dot after 1-3 letters or digits belongs to the next one.
    if (prev && (ABBREVIATION_END.test(prev.text) || /^[\d)]/.test(trimmed) || wordCount(prev.text) < 2)) {
      prev.text = text.slice(prev.start, start + trimmed.length);
      continue;
    }
    out.push({ text: trimmed, start });
  }
  return out;
}

const ABBREVIATION_END = /(?:^|[\s.])(?:\p{L}|\d{1,4}|dr|mr|mrs|ms|st|nr|tel|ca|bzw|npr|tj|itd|etc|usw|approx|no|br|str)\.$/iu;
const wordCount = (s: string) => (s.match(/[\p{L}\d]+/gu) ?? []).length;
