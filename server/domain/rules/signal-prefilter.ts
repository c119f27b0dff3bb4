/**
 * A cheap, exact prefilter for phrase signals: most leads match none of the default signals, yet
 * each signal regex (lookbehind, typo alternations) scanned every allowed text (~45 us/lead for
 * the set). A phrase can only match where each of its words stands as a run of [a-z0-9] in the
 * folded text, so the runs of a lead's texts are looked up once in a table of the phrase words
 * (with the same typo variants as the regex), and only a signal with a phrase whose words are all
 * present runs its regex. The regex still decides; the prefilter only skips scans that cannot
 * find anything.
 *
 * Why a run: every phrase word is preceded in the regex by the signal's lookbehind or by `\s+`,
 * so it starts a run; a plain word is followed by `\s+` or the final lookahead, so it ends the
 * run too; a stem (`poruk*`) continues with `[a-z]*`, so it is a prefix of the run; a word with
 * a non-alphanumeric character ("don't", "w/") fixes the run to its leading part ("don", "w").
 * Words are looked for in all the texts a signal reads, not per text: a `*` may span a text break.
 */
import type { PreparedText } from '../features/prepared-text.ts';

/** One phrase word as the runs it can appear as: equal to one of `forms`, or starting with one. */
export interface Anchor { forms: string[]; prefix: boolean }

function wordAnchor(token: string, variants: (word: string) => string[]): Anchor | null {
  if (token === '*') return null;
  const stem = token.length > 1 && token.endsWith('*');
  const word = stem ? token.slice(0, -1) : token;
  const lead = /^[a-z0-9]*/.exec(word)![0];
  if (!lead) return null; // starts with punctuation: no run to look for
  if (lead !== word) return { forms: [lead], prefix: false };
  return { forms: variants(word), prefix: stem };
}

/** Anchors of a phrase (tokens folded and split); null when no word constrains it (always scanned). */
export function phraseAnchors(tokens: string[], variants: (word: string) => string[]): Anchor[] | null {
  const anchors: Anchor[] = [];
  for (const tok of tokens) {
    const a = wordAnchor(tok, variants);
    if (a) anchors.push(a);
  }
  return anchors.length ? anchors : null;
}

/**
 * The anchors of a ruleset's signals, numbered, in two small open-addressing tables keyed by a
 * 32-bit hash of the form (whole run / run prefix): a lead's runs are hashed character by character,
 * without allocating a string per run, and the tables stay in cache (a trie of the ~3,000 typo
 * forms did not). A hash collision only makes a signal a candidate for nothing: the regex decides.
 */
export interface AnchorIndex {
  exact: HashTable;
  prefix: HashTable;
  /** isPrefixLength[n] = 1 when some stem form has n characters. */
  isPrefixLength: Uint8Array;
  /** Per signal, per phrase: the anchor ids that must all be present. null: always scanned. */
  phrases: (number[][] | null)[];
  /** Signal indices ordered so that signals reading the same texts (same text key) are adjacent. */
  order: number[];
  textKeys: string[];
  /** Scratch for candidateSignals: anchor id -> stamp of the text group that saw it. */
  seen: Int32Array;
  stamp: number;
}

interface HashTable { mask: number; keys: Int32Array; lists: number[][]; slot: Int32Array }

/** a-z and 0-9: the characters of a run, as `[a-z0-9]` in the signal regexes. */
const isRunChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const FNV_OFFSET = 0x811c9dc5 | 0;
const step = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);
/** 0 marks an empty slot, so a hash of 0 is stored as 1. */
const finish = (h: number) => (h === 0 ? 1 : h);

function hashOf(form: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < form.length; i++) h = step(h, form.charCodeAt(i));
  return finish(h);
}

function buildTable(entries: Map<number, number[]>): HashTable {
  let size = 16;
  while (size < entries.size * 4) size *= 2;
  const keys = new Int32Array(size), slot = new Int32Array(size), lists: number[][] = [];
  for (const [h, ids] of entries) {
    let i = h & (size - 1);
    while (keys[i] !== 0) i = (i + 1) & (size - 1);
    keys[i] = h;
    slot[i] = lists.push(ids) - 1;
  }
  return { mask: size - 1, keys, lists, slot };
}

function lookup(t: HashTable, h: number): number[] | null {
  for (let i = h & t.mask; t.keys[i] !== 0; i = (i + 1) & t.mask) if (t.keys[i] === h) return t.lists[t.slot[i]];
  return null;
}

/** bySignal[i]: signal i's anchors per phrase; textKeys[i]: which texts it reads (CompiledSignal.textKey). */
export function buildAnchorIndex(bySignal: (Anchor[][] | null)[], textKeys: string[]): AnchorIndex {
  const exact = new Map<number, number[]>(), prefix = new Map<number, number[]>();
  const prefixLengths = new Set<number>();
  const ids = new Map<string, number>();
  const idOf = (a: Anchor): number => {
    const key = `${a.prefix ? 'p' : 'e'}:${a.forms[0]}`;
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = ids.size));
      for (const f of a.forms) {
        const map = a.prefix ? prefix : exact, h = hashOf(f);
        map.set(h, [...(map.get(h) ?? []), id]);
        if (a.prefix) prefixLengths.add(f.length);
      }
    }
    return id;
  };
  const phrases = bySignal.map((p) => (p === null ? null : p.map((anchors) => anchors.map(idOf))));
  const isPrefixLength = new Uint8Array(Math.max(0, ...prefixLengths) + 1);
  for (const n of prefixLengths) isPrefixLength[n] = 1;
  const order = textKeys.map((_, i) => i).sort((a, b) => (textKeys[a] < textKeys[b] ? -1 : textKeys[a] > textKeys[b] ? 1 : a - b));
  return { exact: buildTable(exact), prefix: buildTable(prefix), isPrefixLength, phrases, order, textKeys, seen: new Int32Array(ids.size), stamp: 0 };
}

const NONE: number[] = [];

/** Anchor ids present in a folded text (with repeats). */
function anchorsIn(index: AnchorIndex, folded: string): number[] {
  const { exact, prefix, isPrefixLength } = index;
  let found = NONE;
  const n = folded.length;
  for (let i = 0; i < n; i++) {
    if (!isRunChar(folded.charCodeAt(i))) continue;
    // A run starts at i: hash it, looking up its prefixes of stem lengths on the way.
    let h = FNV_OFFSET, len = 0;
    for (let c; i < n && isRunChar((c = folded.charCodeAt(i))); i++) {
      h = step(h, c);
      if (++len < isPrefixLength.length && isPrefixLength[len] === 1) {
        const p = lookup(prefix, finish(h));
        if (p !== null) found = found === NONE ? p.slice() : found.concat(p);
      }
    }
    const e = lookup(exact, finish(h));
    if (e !== null) found = found === NONE ? e.slice() : found.concat(e);
  }
  return found;
}

/**
 * 1 for every signal that may match (some phrase has all its words in the texts the signal reads,
 * `allowed(signal, text)`), 0 for the signals whose scan cannot find anything.
 */
export function candidateSignals(index: AnchorIndex, texts: readonly PreparedText[], allowed: (signal: number, t: PreparedText) => boolean): Uint8Array {
  const out = new Uint8Array(index.phrases.length);
  let found: number[][] | null = null;
  for (let k = 0; k < texts.length; k++) {
    const ids = anchorsIn(index, texts[k].folded);
    if (ids.length) (found ??= new Array<number[]>(texts.length).fill(NONE))[k] = ids;
  }
  const { seen, order, textKeys } = index;
  let stamp = 0, any = false;
  for (let j = 0; j < order.length; j++) {
    const s = order[j];
    const phrases = index.phrases[s];
    if (phrases === null) { out[s] = 1; continue; }
    if (found === null) continue;
    if (stamp === 0 || textKeys[s] !== textKeys[order[j - 1]]) {
      // First signal of a text group: mark the anchors of the texts the group reads.
      if (index.stamp >= 0x3fffffff) { seen.fill(0); index.stamp = 0; }
      stamp = ++index.stamp;
      any = false;
      for (let k = 0; k < texts.length; k++) {
        if (found[k].length === 0 || !allowed(s, texts[k])) continue;
        for (const id of found[k]) seen[id] = stamp;
        any = true;
      }
    }
    if (!any) continue;
    for (const ids of phrases) {
      let all = true;
      for (const id of ids) if (seen[id] !== stamp) { all = false; break; }
      if (all) { out[s] = 1; break; }
    }
  }
  return out;
}
