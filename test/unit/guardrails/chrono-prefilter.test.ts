import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { chronoMayFindDates } from '../../../server/domain/guardrails/chrono-prefilter.ts';
import { FULL_WEEKDAY } from '../../../server/domain/guardrails/extract-dates.ts';
import { recordTexts } from '../../../server/domain/guardrails/record-facts.ts';
import { generateLeads } from '../../../datasets/generator/index.ts';
import { demoLeads } from '../../helpers/demo-leads.ts';
import { loadGroundingFixtures } from './fixture-loader.ts';

const REF = { instant: new Date('2026-11-20T12:00:00Z'), timezone: 'UTC' };
/**
 * What extract-dates.ts may keep of chrono's results: a certain day, or a certain weekday named in
 * full (it drops chrono-de's "Do", "mi", "so"); its later filters only drop more.
 */
const chronoDayResults = (text: string) =>
  [...chrono.en.parse(text, REF), ...chrono.de.parse(text, REF)]
    .filter((r) => r.start.isCertain('day') || (r.start.isCertain('weekday') && FULL_WEEKDAY.test(r.text)))
    .map((r) => r.text);

function corpus(): string[] {
  const { leads, cases } = loadGroundingFixtures();
  const texts = cases.map((c) => c.text);
  for (const lead of [...Object.values(leads), ...demoLeads(), ...generateLeads({ seed: 99, count: 500, asOf: '2026-11-20' })]) {
    for (const t of recordTexts(lead)) texts.push(t.text);
  }
  // Sentences too: a draft's sentence on its own must not lose a date either.
  return [...new Set(texts.flatMap((t) => [t, ...t.split(/(?<=[.!?])\s+/)]))];
}

describe('chrono prefilter of the date check', () => {
  it('skips only texts in which chrono finds no day- or weekday-certain date (fixtures, demo and generated record texts)', () => {
    const texts = corpus();
    const skipped = texts.filter((t) => !chronoMayFindDates(t));
    const lost = skipped.map((t) => ({ t, found: chronoDayResults(t) })).filter((x) => x.found.length > 0);
    expect(lost).toEqual([]);
    // It must also skip something, or it is no prefilter (the record texts include plain call notes).
    expect(skipped.length).toBeGreaterThan(texts.length / 10);
  });

  it.each([
    'we are there in a h.', 'call in a d', 'next w please', 'back in an hour', 'in a few days', 'first of may', 'this weekend',
    'tomorrow works', 'übermorgen passt', 'am Montag', 'Ende des Monats', 'end of the month', 'see you tonight', 'on the 3rd', '15.12.',
  ])('lets chrono read "%s"', (text) => {
    expect(chronoMayFindDates(text)).toBe(true);
  });

  it.each(['Left a voicemail.', 'Customer asked about the price of packing.', 'Kunde hat nicht abgenommen.', 'Poslali smo ponudu.'])(
    'skips "%s", where chrono finds nothing',
    (text) => {
      expect(chronoDayResults(text)).toEqual([]);
      expect(chronoMayFindDates(text)).toBe(false);
    },
  );
});
