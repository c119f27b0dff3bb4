import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../../server/domain/guardrails/index.ts';
import { sameWordStem } from '../../../server/domain/guardrails/text-utils.ts';
import { AS_OF, sampleLead } from './sample-lead.ts';

const issues = (text: string, kind: string) => checkGrounding(sampleLead(), text, { asOf: AS_OF, allowedTerms: ['Rekindle Moving'] }).issues.filter((i) => i.kind === kind);

describe('place grounding', () => {
  it.each(['from Zagreb to Munich', 'nach München', 'to Germany', 'iz Zagreba u Minhen', 'u Zagrebu'])('accepts %s', (p) => {
    expect(issues(`Your move ${p}.`, 'unsupported_place')).toEqual([]);
  });
  it.each(['to Berlin', 'from Sesvete', 'to Austria', 'nach Wien', 'u Osijek'])('flags %s', (p) => {
    expect(issues(`Your move ${p}.`, 'unsupported_place')).toHaveLength(1);
  });
  it('does not read German nouns after prepositions as places', () => {
    expect(issues('Guten Tag, nach Absprache melde ich mich in Ruhe bei Ihnen.', 'unsupported_place')).toEqual([]);
  });
});

describe('name grounding', () => {
  it.each(['Hi Ana,', 'Dear Ms Horvat,', 'Poštovana Ana,', 'Hello Ana Horvat,', 'Best regards,\nMarko', 'This is Marko from Rekindle Moving.', 'Best regards,\n[your name]'])(
    'accepts %s',
    (t) => {
      expect(issues(t, 'unsupported_name')).toEqual([]);
    },
  );
  it.each(['Dear Maria,', 'Hi Lucy,', 'my colleague Dario will call', 'Kind regards,\nKlaus'])('flags %s', (t) => {
    expect(issues(t, 'unsupported_name')).toHaveLength(1);
  });
  it('tolerates Croatian case endings but not different names', () => {
    expect(sameWordStem('Ivane', 'Ivan')).toBe(true);
    expect(sameWordStem('Zagrebu', 'Zagreb')).toBe(true);
    expect(sameWordStem('Zadra', 'Zadar')).toBe(true);
    expect(sameWordStem('Maria', 'Marko')).toBe(false);
  });
});
