/**
 * Places must be ones the record names (origin, destination, or any text), allowing other
 * languages' names for the same gazetteer place, Croatian case endings, and the country of a
 * city the record names ("Germany" for a move to Munich).
 */
import { extractPlaces, gazetteerPlacesIn } from '../extract-places.ts';
import { recordMentions } from '../record-facts.ts';
import { sameWordStem, words } from '../text-utils.ts';
import type { GroundingCheck, GroundingContext, GroundingIssue } from '../types.ts';

function wordsInRecord(ctx: GroundingContext, phrase: string): boolean {
  const tokens = words(phrase);
  if (tokens.length === 0) return true;
  if (recordMentions(ctx.facts, phrase)) return true;
  return tokens.every((t) => [...ctx.facts.words].some((w) => sameWordStem(w, t)));
}

export const placeCheck: GroundingCheck = {
  id: 'places',
  description: 'places must be named in the record (any language, case endings tolerated)',
  run(ctx: GroundingContext): GroundingIssue[] {
    const recordText = ctx.facts.texts.map((t) => t.text).join(' \n ');
    const recordPlaces = gazetteerPlacesIn(recordText);
    const allowed = ctx.allowedTerms.flatMap((t) => words(t));
    const issues: GroundingIssue[] = [];
    for (const m of extractPlaces(ctx.text)) {
      if (words(m.text).every((w) => allowed.includes(w) || ctx.facts.personNames.has(w))) continue;
      if (m.place) {
        const place = m.place;
        const named = recordPlaces.some((p) => p === place);
        const countryOfCity = place.isCountry && recordPlaces.some((p) => p.country === place.country);
        if (named || countryOfCity || wordsInRecord(ctx, m.text)) continue;
      } else if (wordsInRecord(ctx, m.text)) continue;
      issues.push({ kind: 'unsupported_place', text: m.text, explanation: `"${m.text}" is not a place named in the lead record.` });
    }
    return issues;
  },
};
