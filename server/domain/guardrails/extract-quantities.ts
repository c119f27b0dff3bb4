/**
 * Finds quantities a draft may state about the job: volume, area, rooms, bedrooms, boxes,
 * floors, weight, vehicles and crew, in en/de/hr, with digits or number words
 * ("35 m³", "two-bedroom", "3. Stock", "4th floor", "trosoban" is not read).
 */
import { NUMBER_TOKEN, fold, isApproximate, parseNumberToken } from './text-utils.ts';

export type QuantityUnit = 'volume_m3' | 'area_m2' | 'rooms' | 'bedrooms' | 'boxes' | 'floor' | 'weight_kg' | 'vehicles' | 'crew' | 'items';

export interface QuantityMention {
  text: string;
  index: number;
  value: number;
  unit: QuantityUnit;
  approximate: boolean;
}

const UNIT_PATTERNS: [QuantityUnit, string, number][] = [
  ['volume_m3', 'm3|m³|cbm|cubic\\s+met(?:re|er)s?|cu\\.?\\s?m|kubikmeter|kubik|kubika|kubnih\\s+metara|kubičnih\\s+metara|kubi(?:č|c)na', 1],
  ['area_m2', 'm2|m²|sq\\.?\\s?m|square\\s+met(?:re|er)s?|quadratmeter|qm|kvadrata|kvadratnih\\s+metara', 1],
  ['bedrooms', 'bed(?:room)?s?|schlafzimmer|spava(?:ć|c)(?:e|ih)\\s+sob(?:e|a)', 1],
  ['rooms', 'rooms?|zimmer|sob(?:e|a)?|prostorij(?:e|a)', 1],
  ['boxes', 'boxes|box|cartons?|kartons?|kisten|umzugskartons?|kutij(?:e|a)', 1],
  ['floor', 'floors?|storeys?|stories|stockwerke?|etagen?|stock|kat(?:a|u|ova)?', 1],
  ['weight_kg', 'kg|kilos?|kilograms?|kilogramm', 1],
  ['weight_kg', 'tonnes?|tons?|tonnen?|tona', 1000],
  ['vehicles', 'trucks?|vans?|lorr(?:y|ies)|lkws?|transporter|kamion(?:a|i)?|kombij?a?', 1],
  ['crew', 'movers|men|workers|helpers|packers|umzugshelfer|helfer|radnika|radnici|selitelja', 1],
  ['items', 'pianos?|klaviere?|klavir(?:a)?|wardrobes?|schr(?:ä|a)nke?|ormar(?:a|i)?', 1],
];

function unitOf(word: string): [QuantityUnit, number] | null {
  const w = fold(word);
  for (const [unit, pattern, factor] of UNIT_PATTERNS) {
    if (new RegExp(`^(?:${fold(pattern)})$`).test(w)) return [unit, factor];
  }
  return null;
}

const ALL_UNITS = UNIT_PATTERNS.map(([, p]) => p).join('|');
// "35 m3", "two-bedroom", "3-Zimmer-Wohnung", "4th floor", "3. Stock", "3. kat"
const QUANTITY = new RegExp(
  `(?<![\\w.,])(${NUMBER_TOKEN})(?:st|nd|rd|th|\\.)?(?:\\s*-\\s*|\\s+|(?=m[23³²](?![\\w])))(?:of\\s+)?(${ALL_UNITS})(?![\\w])`,
  'giu',
);

export function extractQuantities(text: string): QuantityMention[] {
  if (!text) return [];
  const out: QuantityMention[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const n = parseNumberToken(m[1]);
    const unit = unitOf(m[2].replace(/\s+/g, ' '));
    if (n === null || !unit) continue;
    // "a few boxes" and "one of the rooms" are not counts worth checking.
    if (/^(a|an|ein|eine)$/i.test(m[1])) continue;
    out.push({ text: m[0], index: m.index ?? 0, value: n * unit[1], unit: unit[0], approximate: isApproximate(text, m.index ?? 0) });
  }
  // "ground floor" / "Erdgeschoss" / "prizemlje" name floor 0.
  for (const m of text.matchAll(/\b(ground floor|erdgeschoss|prizemlj[eu])\b/giu)) {
    out.push({ text: m[0], index: m.index ?? 0, value: 0, unit: 'floor', approximate: false });
  }
  return out;
}
