/**
 * Signals: named phrase lists (per language) matched against the lead's texts, or model-backed
 * signals answered by a pluggable classifier.
 *
 * Phrase matching is case- and accent-insensitive, tolerates one swapped pair of letters per word
 * of 5+ letters (typo_tolerant, default on), (texts and phrases are folded the same way),
 * respects word boundaries, drops negated matches ("not too expensive", "nicht zu teuer",
 * "nije preskupo") and matches vetoed by an `unless` phrase in the same sentence ("price is not
 * the problem"). Each signal compiles to ONE regular expression over all its languages.
 *
 * Model signals: when no classifier is given, or it returns nothing, the signal is UNAVAILABLE,
 * not false: signal("x") then raises an evaluation error, so the rule is recorded as `error` in
 * the trace; a hard block referring to it fails closed (blocks), any other rule does not match.
 */
import type { Features } from '../features/compute-features.ts';
import type { PreparedText } from '../features/prepared-text.ts';
import { escapeRegex, excerptAround, foldText, sentenceBounds } from '../features/text.ts';
import { buildAnchorIndex, candidateSignals, phraseAnchors, type Anchor, type AnchorIndex } from './signal-prefilter.ts';
import type { SignalDefinition } from './types.ts';
import type { TextReading, TextUnderstanding } from '../text/understand.ts';

export interface SignalEvidence { signal: string; activity_index: number; phrase: string; excerpt: string }

export interface SignalResult {
  matched: boolean;
  /** false for a model signal nobody could classify. */
  available: boolean;
  evidence: SignalEvidence[];
  score?: number;
  note?: string;
}

export interface ClassifierRequest {
  signal: string;
  description: string;
  config: Record<string, unknown>;
  /** Texts allowed by the signal's directions/channels. */
  texts: PreparedText[];
  lead_id: string;
  as_of: string;
}
export interface ClassifierAnswer { matched: boolean; score?: number; evidence?: { activity_index: number; excerpt: string }[] }
/** Synchronous by design (the engine is); an async model is run beforehand and looked up here. */
export type SignalClassifier = (request: ClassifierRequest) => ClassifierAnswer | null | undefined;

export interface CompiledSignal {
  name: string;
  definition: SignalDefinition;
  regex: RegExp | null;
  unless: RegExp | null;
  directions: ReadonlySet<string>;
  channels: ReadonlySet<string> | null;
  sources: ReadonlySet<string> | null;
  /** Identifies the direction/channel filter: signals with the same key read the same texts. */
  textKey: string;
  /** Prefilter: per phrase, its words as runs to look for; null when always scanned (see signal-prefilter.ts). */
  anchors: Anchor[][] | null;
}

const MAX_EVIDENCE = 3;
const NEGATED_BEFORE =
  /(?:^|[^a-z'])(?:not|no|never|[a-z]+n't|dont|didnt|isnt|wasnt|without|hardly|nicht|kein|keine|keinen|nie|ohne|ne|nije|nisu|nismo|nisam|bez)\s+(?:[a-z']+\s+){0,2}$/;

/**
 * A word and its one-adjacent-transposition typos ("contcated", "pasesd"): CRM notes are typed
 * fast. The first letter is kept so the regex engine can still reject most positions on it.
 * Shared by the regex and the prefilter's anchors, so both accept exactly the same forms.
 */
const typoTolerant = (word: string, typos: boolean) => typos && word.length >= 5 && /^[a-z]+$/.test(word);

function wordVariants(word: string, typos: boolean): string[] {
  if (!typoTolerant(word, typos)) return [word];
  const forms = new Set([word]);
  for (let i = 1; i < word.length - 1; i++) forms.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  return [...forms];
}

/** The word's regex: its variants with the first letter factored out of the alternation. */
function wordPattern(word: string, typos: boolean): string {
  if (!typoTolerant(word, typos)) return escapeRegex(word);
  return `${word[0]}(?:${wordVariants(word, typos).map((f) => f.slice(1)).join('|')})`;
}

/**
 * Phrase syntax: words separated by spaces; a lone `*` stands for up to three words; a word
 * ending in `*` is a stem ("poruk*" matches poruka, poruke, porukama).
 */
const phraseTokens = (phrase: string) => foldText(phrase).trim().split(/\s+/).filter(Boolean);

function phrasePattern(phrase: string, typos: boolean): string {
  const tokens = phraseTokens(phrase);
  let out = '';
  tokens.forEach((tok, i) => {
    if (tok === '*') {
      out += String.raw`(?:[^\s.!?]+\s+){0,3}`;
      return;
    }
    const stem = tok.length > 1 && tok.endsWith('*');
    const word = stem ? tok.slice(0, -1) : tok;
    out += wordPattern(word, typos) + (stem ? '[a-z]*' : '') + (i < tokens.length - 1 ? String.raw`\s+` : '');
  });
  return out;
}

function listRegex(lists: Record<string, string[]> | undefined, typos: boolean): RegExp | null {
  const phrases = Object.values(lists ?? {}).flat();
  if (!phrases.length) return null;
  // Longest first, so "do not contact me" wins over "do not contact" in the evidence.
  const body = [...new Set(phrases.map((p) => phrasePattern(p, typos)))].sort((a, b) => b.length - a.length).join('|');
  return new RegExp(`(?<![a-z0-9])(?:${body})(?![a-z0-9])`, 'g');
}

function listAnchors(lists: Record<string, string[]> | undefined, typos: boolean): Anchor[][] | null {
  const anchors: Anchor[][] = [];
  for (const phrase of Object.values(lists ?? {}).flat()) {
    const a = phraseAnchors(phraseTokens(phrase), (word) => wordVariants(word, typos));
    if (!a) return null; // a phrase of wildcards or punctuation only: scan the signal every time
    anchors.push(a);
  }
  return anchors;
}

export function compileSignal(def: SignalDefinition): CompiledSignal {
  const directions = new Set(def.directions), channels = def.channels ? new Set(def.channels) : null;
  const sources = def.sources ? new Set<string>(def.sources) : null;
  return {
    name: def.name,
    definition: def,
    regex: def.kind === 'phrases' ? listRegex(def.phrases, def.typo_tolerant) : null,
    unless: listRegex(def.unless, def.typo_tolerant),
    directions,
    channels,
    sources,
    textKey: `${[...directions].sort().join()}|${channels ? [...channels].sort().join() : '*'}|${sources ? [...sources].sort().join() : '*'}`,
    anchors: def.kind === 'phrases' ? listAnchors(def.phrases, def.typo_tolerant) : null,
  };
}

/** `directions` name speakers: inbound = the customer's words, internal = rep notes, outbound = ours (see prepared-text.ts). */
const SPEAKER_DIRECTION = { customer: 'inbound', rep_note: 'internal', ours: 'outbound' } as const;

export function textAllowed(s: CompiledSignal, t: PreparedText): boolean {
  if (!s.directions.has(SPEAKER_DIRECTION[t.speaker])) return false;
  if (s.sources && !s.sources.has(t.source)) return false;
  return !s.channels || (t.channel !== null && s.channels.has(t.channel));
}

/**
 * keyword match: the phrase opens a segment (the text, a line, a tag between " | ") with at most
 * `max_words` words after it: "STOP", "Stop pls", "unsubscribe me", a "DNC" tag; not "we'll stop by".
 */
function keywordPlaced(s: CompiledSignal, folded: string, textStart: number, textEnd: number, index: number, length: number): boolean {
  let i = index - 1;
  while (i >= textStart && /[\s"'(*\-:>.!,]/.test(folded[i])) i--;
  if (i >= textStart && folded[i] !== '|' && folded[i] !== '\n') return false;
  let end = index + length;
  while (end < textEnd && folded[end] !== '|' && folded[end] !== '\n') end++;
  const rest = folded.slice(index + length, end).match(/[a-z0-9']+/g)?.length ?? 0;
  return rest <= s.definition.max_words;
}

function vetoed(s: CompiledSignal, folded: string, textStart: number, index: number, length: number): boolean {
  if (s.definition.negation_aware && NEGATED_BEFORE.test(folded.slice(Math.max(textStart, index - 40), index))) return true;
  if (!s.unless) return false;
  const [start, end] = sentenceBounds(folded, index);
  s.unless.lastIndex = 0;
  return s.unless.test(folded.slice(start, Math.max(end, index + length)));
}

/**
 * The allowed texts of a lead joined into one string, so a signal is ONE regex scan per lead
 * instead of one per text. The separator is a line break (a sentence end) around a control
 * character, so no phrase (words joined by whitespace) can match across two texts.
 */
interface JoinedTexts { folded: string; starts: number[]; texts: PreparedText[] }
const SEPARATOR = '\n\u0001\n';

function joinTexts(s: CompiledSignal, texts: PreparedText[]): JoinedTexts {
  const allowed = texts.filter((t) => textAllowed(s, t));
  const starts: number[] = [];
  let pos = 0;
  for (const t of allowed) {
    starts.push(pos);
    pos += t.folded.length + SEPARATOR.length;
  }
  return { folded: allowed.map((t) => t.folded).join(SEPARATOR), starts, texts: allowed };
}

function textAt(j: JoinedTexts, index: number): number {
  let k = 0;
  while (k + 1 < j.starts.length && j.starts[k + 1] <= index) k++;
  return k;
}

function matchPhrases(s: CompiledSignal, joined: JoinedTexts): SignalResult {
  const evidence: SignalEvidence[] = [];
  const re = s.regex;
  if (!re || joined.texts.length === 0) return { matched: false, available: true, evidence };
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(joined.folded)) !== null) {
    const k = textAt(joined, m.index);
    const start = joined.starts[k];
    const t = joined.texts[k];
    if (s.definition.match === 'keyword' && !keywordPlaced(s, joined.folded, start, start + t.folded.length, m.index, m[0].length)) continue;
    if (vetoed(s, joined.folded, start, m.index, m[0].length)) continue;
    evidence.push({ signal: s.name, activity_index: t.activity_index, phrase: m[0], excerpt: excerptAround(t.original, m.index - start, m[0].length) });
    if (evidence.length >= MAX_EVIDENCE) break;
    re.lastIndex = start + t.folded.length; // one piece of evidence per text is enough
  }
  return { matched: evidence.length > 0, available: true, evidence };
}

function matchModel(s: CompiledSignal, features: Features, classifier: SignalClassifier | undefined): SignalResult {
  const texts = features.texts.filter((t) => textAllowed(s, t));
  const answer = classifier?.({
    signal: s.name, description: s.definition.description, config: s.definition.model ?? {}, texts, lead_id: features.lead_id, as_of: features.as_of,
  });
  if (!answer) {
    return { matched: false, available: false, evidence: [], note: classifier ? `classifier gave no answer for model signal ${s.name}` : `no classifier configured for model signal ${s.name}` };
  }
  const evidence = (answer.evidence ?? []).slice(0, MAX_EVIDENCE).map((e) => ({ signal: s.name, activity_index: e.activity_index, phrase: '(model)', excerpt: e.excerpt }));
  return { matched: answer.matched, available: true, evidence, score: answer.score };
}

/** The lead's text understanding (under the ruleset's unread policy), computed on first use by decide(). */
export type UnderstandingSource = () => TextUnderstanding;

/** Sentences the classifier read as one of the signal's intents (at or above the threshold), `unless` vetoes applied. */
function matchIntents(s: CompiledSignal, features: Features, understanding: TextUnderstanding, result: SignalResult): SignalResult {
  const intents = s.definition.intents!;
  const threshold = understanding.model?.threshold ?? Infinity;
  const evidence = result.evidence.slice();
  const seen = new Set(evidence.map((e) => e.activity_index));
  for (let i = 0; i < features.texts.length && evidence.length < MAX_EVIDENCE; i++) {
    const t = features.texts[i], reading = understanding.texts[i];
    if (!reading?.read || seen.has(t.activity_index) || !textAllowed(s, t)) continue;
    for (const sentence of reading.sentences) {
      if (!intents.includes(sentence.intent)) continue;
      if (reading.label === null && sentence.score < threshold) continue;
      if (s.unless) {
        s.unless.lastIndex = 0;
        if (s.unless.test(foldText(sentence.text))) continue;
      }
      const how = reading.label !== null ? `manager label ${sentence.intent}` : `intent ${sentence.intent} ${sentence.score.toFixed(2)}`;
      evidence.push({ signal: s.name, activity_index: t.activity_index, phrase: `(${how})`, excerpt: sentence.text.length > 200 ? `${sentence.text.slice(0, 200)}…` : sentence.text });
      seen.add(t.activity_index);
      break;
    }
  }
  return { matched: evidence.length > 0, available: true, evidence };
}

const languageName = (r: TextReading) => r.language ?? 'unknown language';

/** Texts the engine could not read with confidence (fail closed), quoted with their language. */
function matchUnread(s: CompiledSignal, features: Features, understanding: TextUnderstanding): SignalResult {
  const evidence: SignalEvidence[] = [];
  for (const reading of understanding.unread) {
    const i = understanding.texts.indexOf(reading);
    if (!textAllowed(s, features.texts[i])) continue;
    const quote = reading.excerpt.length > 200 ? `${reading.excerpt.slice(0, 200)}…` : reading.excerpt;
    evidence.push({ signal: s.name, activity_index: reading.activity_index, phrase: `(${reading.unread_reason})`, excerpt: `[${languageName(reading)}] "${quote.replace(/\s+/g, ' ').trim()}"` });
    if (evidence.length >= MAX_EVIDENCE) break;
  }
  return { matched: evidence.length > 0, available: true, evidence };
}

// One anchor index per signal list (a compiled ruleset's signals array lives as long as the ruleset).
const anchorIndexes = new WeakMap<readonly CompiledSignal[], AnchorIndex>();
function anchorIndexOf(signals: readonly CompiledSignal[]): AnchorIndex {
  let index = anchorIndexes.get(signals);
  if (!index) anchorIndexes.set(signals, (index = buildAnchorIndex(signals.map((s) => s.anchors), signals.map((s) => s.textKey))));
  return index;
}

export function matchSignals(signals: readonly CompiledSignal[], features: Features, classifier?: SignalClassifier, understand?: UnderstandingSource): Record<string, SignalResult> {
  const out: Record<string, SignalResult> = {};
  // Signals none of whose phrases can occur in the texts are not scanned (same result: no match).
  const candidate = candidateSignals(anchorIndexOf(signals), features.texts, (id, t) => textAllowed(signals[id], t));
  const joinedBy = new Map<string, JoinedTexts>(); // most signals share the same direction filter
  for (let i = 0; i < signals.length; i++) {
    const s = signals[i];
    if (s.definition.kind === 'model') {
      out[s.name] = matchModel(s, features, classifier);
      continue;
    }
    if (s.definition.kind === 'unread') {
      out[s.name] = understand
        ? matchUnread(s, features, understand())
        : { matched: false, available: false, evidence: [], note: `no text understanding for unread signal ${s.name}` };
      continue;
    }
    let result: SignalResult;
    if (s.anchors !== null && !candidate[i]) result = { matched: false, available: true, evidence: [] };
    else {
      let joined = joinedBy.get(s.textKey);
      if (!joined) joinedBy.set(s.textKey, (joined = joinTexts(s, features.texts)));
      result = matchPhrases(s, joined);
    }
    if (s.definition.intents && understand && result.evidence.length < MAX_EVIDENCE) result = matchIntents(s, features, understand(), result);
    out[s.name] = result;
  }
  return out;
}
