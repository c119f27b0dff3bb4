/**
 * Text understanding of one lead: which texts were read and why, each text's language, its
 * sentences' intents with calibrated scores, and which customer texts the engine could NOT read
 * with confidence (the fail-closed input of `kind: unread` signals and the "Needs a human read"
 * list). Pure: features + the ruleset's intent model (null = unavailable) + managers' labels.
 *
 * Read: texts whose speaker is the customer or a rep note (prepared-text.ts), from an activity's
 * own text, the text it quotes, or lost_reason. Tags and activity outcomes are CRM codes, matched
 * by keyword signals, not classified.
 *
 * Unread (fail closed): a read text dated on or after our last outbound contact (a text we have
 * not answered; not a note of a call nobody picked up, nor a text of under three letters) that is in a language outside the supported set, or has a sentence whose top
 * calibrated score is under the model's threshold, or could not be classified at all (no model,
 * or no word the corpus knows). With `policy: possible_dnc` a low-confidence sentence counts only
 * when it may be a do-not-contact intent: its calibrated P(DNC) is at or above the model's
 * `dnc_clear` (under it, at most 5% of held-out refusals fall; see intent-model.ts). A sentence
 * in which one of the ruleset's phrase lists matches is read exactly by that list, not guessed.
 * Under possible_dnc and likely_dnc, a rep note read with low confidence is not unread: the rep
 * heard the customer and wrote it down (a note in an unsupported language still is).
 * likely_dnc: a low-confidence sentence counts only when its top intent is a do-not-contact one. A manager's label for
 * the text (lead id + text hash) reads it as that intent instead.
 */
import type { Features } from '../features/compute-features.ts';
import type { PreparedText, Speaker, TextSource } from '../features/prepared-text.ts';
import { DNC_INTENTS } from './corpus.ts';
import type { IntentModel, IntentScore } from './intent-model.ts';
import { detectLanguage } from './language.ts';
import { foldText } from '../features/text.ts';
import { addressesAMachine } from '../guardrails/instruction-like-text.ts';
import { blankOwnWords } from './own-words.ts';
import { isGreetingOrClosing } from './greetings.ts';

/** A manager's reading of one text: keyed by lead id + text hash (textHash below). */
export interface TextLabel { lead_id: string; text_hash: string; intent: string }
/** `${lead_id}\u0000${text_hash}` -> intent. */
export type TextLabels = ReadonlyMap<string, string>;
export const labelKey = (leadId: string, textHash: string) => `${leadId}\u0000${textHash}`;
export function labelsOf(labels: readonly TextLabel[]): TextLabels {
  return new Map(labels.map((l) => [labelKey(l.lead_id, l.text_hash), l.intent]));
}

export type UnreadReason = 'unsupported_language' | 'low_confidence' | 'classifier_unavailable' | 'no_known_words';
export type UnreadPolicy = 'any_low_confidence' | 'possible_dnc' | 'likely_dnc';

export interface SentenceIntent { text: string; intent: string; score: number; top: IntentScore[]; /** Calibrated P(do-not-contact intent). */ dnc: number }

export interface TextReading {
  activity_index: number;
  source: TextSource;
  speaker: Speaker;
  speaker_reason: string;
  /** Whether intent reading looked at this text at all (customer and rep-note texts). */
  read: boolean;
  /** textHash of the text: with the lead id, the key of a manager's label. Null for texts that cannot fail closed (answered, not read), unless labels were given. */
  text_hash: string | null;
  /** The text (at most 500 characters), for the human-read list. */
  excerpt: string;
  said_on: number | null;
  /** Detected for unanswered texts (null for older, answered ones, or when eld cannot tell). */
  language: string | null;
  language_supported: boolean;
  sentences: readonly SentenceIntent[];
  /** The manager's label, when one was given for this text. */
  label: string | null;
  /** Dated on or after our last outbound contact: a text nobody has answered. */
  unanswered: boolean;
  confident: boolean;
  unread_reason: UnreadReason | null;
  /** Some sentence's score is within NEAR_MARGIN of the threshold (either side). */
  near_threshold: boolean;
}

export interface TextUnderstanding {
  /** null: no intent model (the ruleset has no corpus): every read text is unread. */
  model: { corpus_hash: string; threshold: number } | null;
  texts: TextReading[];
  /** Read, unanswered texts that are not confident: what `kind: unread` signals match. */
  unread: TextReading[];
}

export const NEAR_MARGIN = 0.1;
/** A sentence without a word the corpus knows fails closed only with at least this many letters (a fragment, not a number or "LG"). */
const MIN_LETTERS_UNKNOWN = 8;

/** At least `n` letters (ASCII or not), without allocating. */
function hasLetters(text: string, n: number): boolean {
  let found = 0;
  for (let i = 0; i < text.length && found < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7)) found++;
  }
  return found >= n;
}
const READ_SOURCES: ReadonlySet<TextSource> = new Set(['text', 'quoted', 'lost_reason']);

/**
 * A stable 64-bit FNV-1a hash of the text (16 hex): with the lead id, the key of a manager's
 * label. Not cryptographic (it only tells a lead's texts apart), and ~20x cheaper than sha256
 * on the cold path.
 */
export function textHash(text: string): string {
  let h1 = 0x811c9dc5 | 0, h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

function lastOutboundDay(features: Features): number | null {
  const d = features.values.days_since_last_outbound;
  return typeof d === 'number' ? features.as_of_day - d : null;
}

/** True when a phrase list of the ruleset matches in the (folded) sentence: an exact reading, no guess. */
export type PhraseReader = (foldedSentence: string) => boolean;

/**
 * One reading, its keys always in this order (the order the trace is serialised in). A literal,
 * not `{ ...base, ... }`: object spread was a fifth of the cold path's CPU (V8 clones slowly).
 */
function reading(
  t: PreparedText, read: boolean, unanswered: boolean, text_hash: string | null, language: string | null, language_supported: boolean,
  sentences: readonly SentenceIntent[], label: string | null, confident: boolean, unread_reason: UnreadReason | null, near_threshold: boolean,
): TextReading {
  return {
    activity_index: t.activity_index, source: t.source, speaker: t.speaker, speaker_reason: t.speaker_reason, read,
    excerpt: t.original.length > 500 ? `${t.original.slice(0, 500)}…` : t.original, said_on: t.said_on,
    unanswered, text_hash, language, language_supported, sentences, label, confident, unread_reason, near_threshold,
  };
}

/** Intents the lead's own inquiry cannot state about itself (see PreparedText.inquiry). */
const NOT_FROM_INQUIRY = new Set(['no_longer_needed', 'booked_elsewhere']);

/** The model's (shared, cached) reading of a text without its machine-addressed sentences, per reading. */
const withoutMachineText = new WeakMap<readonly SentenceIntent[], readonly SentenceIntent[]>();

/**
 * The sentences the engine reads: not those addressed to a machine ("SYSTEM: mark this lead as
 * contact" read like an erasure request; the prompt_injection signal still flags the lead, phrase
 * lists still read the whole text), and on the lead's inquiry not the intents NOT_FROM_INQUIRY.
 * Memoised on the model's cached array, so a repeated text costs one lookup on the hot path.
 */
function sentencesToRead(sentences: readonly SentenceIntent[], inquiry: boolean): readonly SentenceIntent[] {
  let kept = withoutMachineText.get(sentences);
  if (!kept) {
    kept = sentences.some((s) => addressesAMachine(s.text)) ? sentences.filter((s) => !addressesAMachine(s.text)) : sentences;
    withoutMachineText.set(sentences, kept);
  }
  return inquiry && kept.some((s) => NOT_FROM_INQUIRY.has(s.intent)) ? kept.filter((s) => !NOT_FROM_INQUIRY.has(s.intent)) : kept;
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** Whether a (cached, shared) sentence reading is a greeting or sign-off, once per reading. */
const GREETINGS = new WeakMap<SentenceIntent, boolean>();
function greeting(s: SentenceIntent): boolean {
  let g = GREETINGS.get(s);
  if (g === undefined) GREETINGS.set(s, (g = isGreetingOrClosing(s.text)));
  return g;
}

/** Per model: readings of texts with the lead's own words blanked, quoting the sentences as written. */
const BLANKED = new WeakMap<IntentModel, Map<string, Map<string, readonly SentenceIntent[]>>>();
const MAX_BLANKED = 100_000;

/** The model's (cached, shared) reading of a text, without the lead's own names and places (own-words.ts). */
function modelReading(model: IntentModel, t: PreparedText, own: ReadonlySet<string>): readonly SentenceIntent[] {
  const blanked = blankOwnWords(t.original, t.folded, own);
  if (blanked === t.original) return model.readText(t.original);
  let cache = BLANKED.get(model);
  if (!cache) BLANKED.set(model, (cache = new Map()));
  // By the text, then by its blanked form (the same text on leads with other names): no key is built per call.
  let byBlanked = cache.get(t.original);
  if (!byBlanked) {
    if (cache.size >= MAX_BLANKED) cache.clear();
    cache.set(t.original, (byBlanked = new Map()));
  }
  let readings = byBlanked.get(blanked);
  if (!readings) {
    readings = model.readText(blanked).map((s) => ({ ...s, text: t.original.slice(s.start, s.start + s.text.length) }));
    byBlanked.set(blanked, readings);
  }
  return readings;
}

function readText(t: PreparedText, leadId: string, own: ReadonlySet<string>, model: IntentModel | null, labels: TextLabels | undefined, since: number | null, policy: UnreadPolicy, phrases?: PhraseReader): TextReading {
  const read = (t.speaker === 'customer' || t.speaker === 'rep_note') && READ_SOURCES.has(t.source) && !t.attempt_only;
  // A note of a call nobody answered holds no customer words; a text of under 3 letters ("NA", "..") is no message.
  const unanswered = t.said_on !== null && (since === null || t.said_on >= since) && !t.no_conversation && hasLetters(t.original, 3);
  // The hash (a label's key) and the language are computed where they matter: a text that could
  // fail closed, or any text when labels are given. Older, answered texts report language null.
  const needsHash = read && (unanswered || labels !== undefined);
  const text_hash = needsHash ? textHash(t.original) : null;
  if (!read) {
    return reading(t, read, unanswered, text_hash, null, true, [], null, true, null, false);
  }
  const lang = unanswered ? detectLanguage(t.original) : null;
  const language = lang?.language ?? null, language_supported = lang?.supported ?? true;
  const label = labels && text_hash ? (labels.get(labelKey(leadId, text_hash)) ?? null) : null;
  if (label !== null) {
    const sentence = { text: t.original, intent: label, score: 1, top: [{ intent: label, score: 1 }], dnc: DNC_INTENTS.has(label) ? 1 : 0 };
    return reading(t, read, unanswered, text_hash, language, language_supported, [sentence], label, true, null, false);
  }
  if (!model) {
    return reading(t, read, unanswered, text_hash, language, language_supported, [], null, false, 'classifier_unavailable', false);
  }
  const { threshold, dnc_clear: dncClear } = model.calibration;
  const sentences: readonly SentenceIntent[] = sentencesToRead(modelReading(model, t, own), t.inquiry === true); // cached per text, shared: never mutated
  let reason: UnreadReason | null = language_supported ? null : 'unsupported_language';
  let near = false;
  let knownWords = false;
  for (const s of sentences) {
    if (Math.abs(s.score - threshold) <= NEAR_MARGIN) near = true;
    if (s.top.length > 0) knownWords = true;
    if (reason !== null) continue;
    // A fragment the corpus knows nothing of: unread when it has words to read ("Kiitos paljon"),
    // not when it is a number, a sign-off or punctuation the sentence splitter cut off ("CHF 650.", "LG ..").
    if (greeting(s)) { knownWords = true; continue; } // "LG Christina", "Merci", "Minden jót!": read exactly as no intent
    if (s.top.length === 0) { if (hasLetters(s.text, MIN_LETTERS_UNKNOWN) && !(t.speaker === 'rep_note' && policy !== 'any_low_confidence')) reason = 'no_known_words'; }
    else if (s.score >= threshold) continue; // read with confidence (a DNC intent then matches the intent signals)
    else if (phrases?.(foldText(s.text))) continue; // a phrase list reads it exactly (and decides through its signal)
    // A rep wrote the note after hearing the customer: the rep's shorthand read with low confidence
    // is no unread customer message (an unsupported language or no classifier still is).
    else if (t.speaker === 'rep_note' && policy !== 'any_low_confidence') continue;
    // possible_dnc: a low-confidence sentence is still read when it is clearly no refusal.
    else if (policy === 'any_low_confidence' || (policy === 'possible_dnc' && s.dnc >= dncClear) || (policy === 'likely_dnc' && DNC_INTENTS.has(s.intent))) reason = 'low_confidence';
  }
  // Nothing of the text is known to the corpus: no reading at all (a rep's shorthand under the DNC policies excepted, as above).
  // A whole text under MIN_LETTERS_UNKNOWN letters with nothing known ("test", "Ang.") is no message either.
  if (reason === null && !knownWords && hasLetters(t.original, MIN_LETTERS_UNKNOWN) && !(t.speaker === 'rep_note' && policy !== 'any_low_confidence')) reason = 'no_known_words';
  return reading(t, read, unanswered, text_hash, language, language_supported, sentences, null, reason === null, reason, near);
}

export function understandTexts(features: Features, model: IntentModel | null, labels?: TextLabels, policy: UnreadPolicy = 'any_low_confidence', phrases?: PhraseReader): TextUnderstanding {
  const since = lastOutboundDay(features);
  const own = features.own_words ?? NO_WORDS;
  const texts = features.texts.map((t) => readText(t, features.lead_id, own, model, labels, since, policy, phrases));
  return {
    model: model ? { corpus_hash: model.corpus_hash, threshold: model.calibration.threshold } : null,
    texts,
    unread: texts.filter((t) => t.read && t.unanswered && !t.confident),
  };
}
