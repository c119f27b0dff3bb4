/**
 * Finds places a draft names: any gazetteer place (any language, Croatian case endings
 * tolerated), and capitalised phrases after an English or Croatian place preposition
 * ("to Velika Gorica", "iz Samobora"). German capitalises every noun, so after German
 * prepositions only gazetteer places count ("nach Absprache" is not a place).
 */
import { GAZETTEER, type GazetteerPlace } from './places-gazetteer.ts';
import { fold } from './text-utils.ts';

export interface PlaceMention {
  text: string;
  index: number;
  /** Set when the mention is a gazetteer place. */
  place: GazetteerPlace | null;
}

const CASE_ENDINGS = '(?:a|u|om|e|i|ju|oj|em|s)?';
// Common words that are also place names; they count only after a place preposition.
const AMBIGUOUS = new Set(['nice', 'split', 'essen', 'porto', 'bern', 'rim', 'rom', 'sofia', 'sofija', 'ulm', 'holland', 'uk', 'bonn', 'pula', 'linz', 'celje', 'mostar', 'bosna', 'portugal']);
const PREPOSITION_BEFORE = /\b(from|to|in|into|near|around|at|via|towards|nach|von|aus|in|bei|u|iz|do|za|na|kod|prema)\s+$/;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const PLACE_BY_NAME = new Map(GAZETTEER.flatMap((place) => place.names.map((name) => [name, place] as const)));
// One alternation for the whole gazetteer (longest names first, so "Frankfurt am Main" wins over
// "Frankfurt"): a single pass over the text instead of one regex per city, which dominated the
// cost of checking a draft.
const GAZETTEER_RE = new RegExp(
  `(?<![\\p{L}])(${[...PLACE_BY_NAME.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})${CASE_ENDINGS}(?![\\p{L}])`,
  'gu',
);

function gazetteerMentions(text: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const m of text.matchAll(GAZETTEER_RE)) {
    const name = m[1];
    const index = m.index ?? 0;
    if (AMBIGUOUS.has(fold(name)) && !PREPOSITION_BEFORE.test(text.slice(Math.max(0, index - 12), index))) continue;
    out.push({ text: m[0], index, place: PLACE_BY_NAME.get(name)! });
  }
  return out;
}

const CAP = "[A-ZČĆŽŠĐÄÖÜ][\\p{Ll}'’-]+";
const TRIGGERED = new RegExp(`\\b(from|to|into|near|via|towards|iz|u|do|kod|prema)\\s+(${CAP}(?:\\s+${CAP}){0,2})`, 'gu');

// Capitalised words after a preposition that are not places.
const NOT_PLACES = new RegExp(
  '^(i|you|we|me|us|him|her|them|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|' +
    'august|september|october|november|december|christmas|easter|new|mr|mrs|ms|miss|dr|english|german|croatian|europe|europa|eu|' +
    'vas|vam|vama|vasem|vasoj|vasu|vasa|vase|vi|ponedjeljak|utorak|srijedu|cetvrtak|petak|subotu|nedjelju|bozic|uskrs|' +
    'sijecnju|veljaci|ozujku|travnju|svibnju|lipnju|srpnju|kolovozu|rujnu|listopadu|studenom|prosincu|hello|hi|dear|thanks|the|our|your)$',
);

function triggeredMentions(text: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const m of text.matchAll(TRIGGERED)) {
    const tokens = m[2].split(/\s+/);
    // Drop trailing tokens that are not place-like ("to Munich Next" is rare; "to Ana Horvat" is a name, checked later).
    if (NOT_PLACES.test(fold(tokens[0]))) continue;
    const phrase = tokens.filter((t, i) => i === 0 || !NOT_PLACES.test(fold(t))).join(' ');
    out.push({ text: phrase, index: (m.index ?? 0) + m[0].indexOf(m[2]), place: null });
  }
  return out;
}

export function extractPlaces(text: string): PlaceMention[] {
  if (!text) return [];
  const gaz = gazetteerMentions(text);
  const trig = triggeredMentions(text).filter((t) => !gaz.some((g) => t.index < g.index + g.text.length && g.index < t.index + t.text.length));
  return [...gaz, ...trig].sort((a, b) => a.index - b.index);
}

/** The gazetteer places a free text mentions, to know which countries a record covers. */
export function gazetteerPlacesIn(text: string): GazetteerPlace[] {
  return gazetteerMentions(text).map((m) => m.place).filter((p): p is GazetteerPlace => p !== null);
}
