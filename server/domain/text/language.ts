/**
 * The language of a customer text, by eld (Efficient Language Detector, n-gram database "medium",
 * shipped in the npm package: nothing is downloaded). Cached by text. The database is held
 * compactly (eld-compact.ts: eld's own detector, a fraction of `eld/medium`'s memory).
 *
 * hr, sr and bs are one language group for reading: eld has hr and sr (no bs) and confuses them on
 * short texts, and the corpus covers both; a text detected as any of them is read by the same model.
 * Serbian Cyrillic is transliterated before classification (tokens.ts).
 */
import { compactEld } from './eld-compact.ts';

const eld = await compactEld();

/** Languages the ruleset's corpus is written for (the default corpus covers all of them). */
export const SUPPORTED_LANGUAGES = ['en', 'de', 'hr', 'sr', 'bs', 'sl', 'it', 'fr', 'es', 'pl', 'cs', 'hu', 'nl'] as const;
const SUPPORTED: ReadonlySet<string> = new Set(SUPPORTED_LANGUAGES);
/** Language groups: a detected language counts as covered when its group is. */
const GROUP: Record<string, string> = { hr: 'hr', sr: 'hr', bs: 'hr' };
export const languageGroup = (lang: string) => GROUP[lang] ?? lang;

export interface DetectedLanguage {
  /** ISO 639-1 code, or null when eld could not tell (too short, no letters). */
  language: string | null;
  /** eld's own reliability flag. */
  reliable: boolean;
  /** The language is one the engine reads (or the text is too short to tell, see below). */
  supported: boolean;
}

/** Fewer letters than this: too short to call a language foreign ("ok", "STOP", "thx"). */
const MIN_LETTERS_FOR_FOREIGN = 12;
const LETTERS = /\p{L}/gu;
/** Scripts none of the supported languages is written in (Serbian Cyrillic is supported). */
const FOREIGN_SCRIPT = /[\p{Script=Greek}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Thai}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\p{Script=Hangul}\p{Script=Georgian}\p{Script=Armenian}]/u;

const cache = new Map<string, DetectedLanguage>();

/** A supported language scores within this of the detected (unsupported) one: eld cannot tell them apart. */
const RUNNER_UP_MARGIN = 0.06;
function closeSupported(scores: Record<string, number>, detected: string): boolean {
  const top = scores[detected] ?? 0;
  for (const [lang, score] of Object.entries(scores)) if (SUPPORTED.has(lang) && top - score <= RUNNER_UP_MARGIN) return true;
  return false;
}

export function detectLanguage(text: string): DetectedLanguage {
  let hit = cache.get(text);
  if (hit) return hit;
  const letters = text.match(LETTERS)?.length ?? 0;
  const result = eld.detect(text);
  const language = result.language || null;
  const reliable = !!language && result.isReliable();
  let supported: boolean;
  if (FOREIGN_SCRIPT.test(text) && letters >= 3) supported = false;
  else if (language === null) supported = true; // nothing to tell: the classifier's score decides
  else if (SUPPORTED.has(language)) supported = true;
  // An unsupported detection counts only for a text long enough to tell, a reliable call, and no
  // supported language close behind: short texts of related languages (Slovak / Croatian /
  // Slovenian / Polish, Slovak / Czech) score within a few hundredths of each other.
  else supported = !(reliable && letters >= MIN_LETTERS_FOR_FOREIGN) || closeSupported(result.getScores(), language);
  hit = { language, reliable, supported };
  if (cache.size >= 200_000) cache.clear();
  cache.set(text, hit);
  return hit;
}
