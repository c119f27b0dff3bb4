/**
 * Text normalisation shared by signal matching, date and budget extraction.
 *
 * `foldText` lowercases and strips accents while keeping the string length, so that a match
 * index in the folded text is also the index in the original text (needed for evidence
 * excerpts). Characters whose decomposition is longer than one code unit map to their base letter.
 */
const FOLD_CACHE = new Map<string, string>([
  ['ß', 's'], ['đ', 'd'], ['Đ', 'd'], ['ł', 'l'], ['Ł', 'l'], ['ø', 'o'], ['Ø', 'o'], ['æ', 'a'], ['Æ', 'a'],
  ['œ', 'o'], ['Œ', 'o'], ['’', "'"], ['‘', "'"], ['\u00a0', ' '], ['\u202f', ' '],
]);

function foldChar(ch: string): string {
  let folded = FOLD_CACHE.get(ch);
  if (folded === undefined) {
    const base = ch.normalize('NFD')[0].toLowerCase();
    folded = base.length === 1 ? base : ch;
    FOLD_CACHE.set(ch, folded);
  }
  return folded;
}

// Any code unit above 0x7f (written as a range from space: the linter rejects control characters).
const NON_ASCII = /[^\t\n\r -\x7f]/;

/** Lowercase, accent-free, same length as the input. */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    out += ch.charCodeAt(0) < 128 ? ch.toLowerCase() : foldChar(ch);
  }
  return out;
}

/** Short excerpt of the ORIGINAL text around a match, for the trace. */
export function excerptAround(text: string, index: number, length: number, context = 40): string {
  const start = Math.max(0, index - context);
  const end = Math.min(text.length, index + length + context);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

/** Bounds of the sentence containing `index` (split on . ! ? ; and newlines). */
export function sentenceBounds(text: string, index: number): [number, number] {
  let start = index;
  while (start > 0 && !/[.!?;\n]/.test(text[start - 1])) start--;
  let end = index;
  while (end < text.length && !/[.!?;\n]/.test(text[end])) end++;
  return [start, end];
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
