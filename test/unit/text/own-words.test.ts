import { describe, it, expect } from 'vitest';
import { blankOwnWords, ownWordsOf } from '../../../server/domain/text/own-words.ts';
import { foldText } from '../../../server/domain/features/text.ts';
import { computeFeatures } from '../../../server/domain/features/index.ts';
import { understandTexts } from '../../../server/domain/text/understand.ts';
import type { IntentModel } from '../../../server/domain/text/intent-model.ts';
import { AS_OF, act, makeLead, withActivities } from '../features/lead-fixture.ts';

describe("the lead's own names and places are not read as words of intent", () => {
  const lead = makeLead({ contact: { ...makeLead().contact!, name: 'Odette Klug' }, service: { ...makeLead().service!, origin: 'Klagenfurt', destination: 'Bad Ischl' } });

  it('takes the words of origin, destination and name, folded, four letters or more', () => {
    expect([...ownWordsOf(lead)].sort()).toEqual(['ischl', 'klagenfurt', 'klug', 'odette']);
  });

  it('blanks them at the same length, and only whole words', () => {
    const text = 'Umzug von Klagenfurt nach Bad Ischl, Klagenfurter Str. 3';
    const blanked = blankOwnWords(text, foldText(text), ownWordsOf(lead));
    expect(blanked).toBe('Umzug von __________ nach Bad _____, Klagenfurter Str. 3');
    expect(blanked.length).toBe(text.length);
    expect(blankOwnWords('Bitte nicht mehr anrufen', foldText('Bitte nicht mehr anrufen'), ownWordsOf(lead))).toBe('Bitte nicht mehr anrufen');
  });

  it('the classifier is given the blanked text; the reading quotes the text as written', () => {
    const seen: string[] = [];
    const model = {
      corpus_hash: 'test', intents: ['other'], trained_ms: 0,
      calibration: { threshold: 0.5, dnc_clear: 0.2 },
      readText(text: string) { seen.push(text); return [{ text, start: 0, intent: 'other', score: 0.9, raw: 0.9, top: [{ intent: 'other', score: 0.9 }], dnc: 0 }]; },
      readSentence() { throw new Error('not used'); },
    } as unknown as IntentModel;
    const text = 'Büroumzug von Klagenfurt nach Wels am 11.12.';
    const features = computeFeatures({ ...lead, ...withActivities(act('2026-11-10', 'inbound', 'email', text)) }, AS_OF);
    const reading = understandTexts(features, model).texts.find((t) => t.excerpt === text)!;
    expect(seen).toContain('Büroumzug von __________ nach Wels am 11.12.');
    expect(reading.sentences[0].text).toBe(text);
  });
});
