/**
 * The lead's own names and places are no words of intent. "Büroumzug von Klagenfurt nach Wels"
 * read as a legal dispute (the classifier's 4- and 5-letter stems of "Klagenfurt" are those of
 * "Klage", a lawsuit), "Spoke to Odette" could read like "odjava" (unsubscribe). So before the
 * classifier reads a text, the words of the lead's origin, destination and contact name are
 * blanked out (same length, so sentence offsets hold); the reading quotes the text as written.
 * Phrase lists and every other signal still read the whole text.
 */
import { foldText } from '../features/text.ts';
import type { Lead } from '../lead.ts';

/** Shorter words ("Bad", "am", "St") are too often words of a sentence too. */
const MIN_LENGTH = 4;
const WORD = /[\p{L}]+/gu;

/** Folded words of the lead's origin, destination and contact name. */
export function ownWordsOf(lead: Lead): ReadonlySet<string> {
  const words = new Set<string>();
  for (const field of [lead.service?.origin, lead.service?.destination, lead.contact?.name]) {
    if (typeof field !== 'string') continue;
    for (const m of foldText(field).matchAll(WORD)) if (m[0].length >= MIN_LENGTH) words.add(m[0]);
  }
  return words;
}

/** `original` with the lead's own words blanked ("_" is no token); `original` itself when none occurs. */
export function blankOwnWords(original: string, folded: string, own: ReadonlySet<string>): string {
  if (own.size === 0) return original;
  // The hot path: most texts hold none of the lead's words; a substring test per word is cheaper than a word scan.
  let any = false;
  for (const w of own) if (folded.includes(w)) { any = true; break; }
  if (!any) return original;
  let out: string | null = null;
  for (const m of folded.matchAll(WORD)) {
    if (!own.has(m[0])) continue;
    const at = m.index ?? 0;
    out = (out ?? original).slice(0, at) + '_'.repeat(m[0].length) + (out ?? original).slice(at + m[0].length);
  }
  return out ?? original;
}
