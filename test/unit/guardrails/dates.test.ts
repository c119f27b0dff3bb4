import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../../server/domain/guardrails/index.ts';
import { extractDates } from '../../../server/domain/guardrails/extract-dates.ts';
import { AS_OF, sampleLead } from './sample-lead.ts';

const kinds = (text: string, lead = sampleLead()) => checkGrounding(lead, text, { asOf: AS_OF }).issues.filter((i) => i.kind === 'unsupported_date').map((i) => i.text);

describe('date grounding', () => {
  it.each([
    'on 15 December', 'on Dec 15th', 'on 15.12.2026', 'on 2026-12-15', 'on 15/12/2026', 'in mid-December', 'in December 2026',
    'on Tuesday, 15 December 2026', 'in 25 days', 'Mitte Dezember', 'am 15. Dezember 2026', '15. prosinca 2026.', 'sredinom prosinca',
  ])('accepts a paraphrase of the service date: %s', (phrase) => {
    expect(kinds(`Your move is ${phrase}.`)).toEqual([]);
  });

  it('accepts dates of quotes, activities and dates written in notes', () => {
    expect(kinds('We sent the quote on 16 August; it was valid until 15 September. You planned to decide in October.')).toEqual([]);
  });

  it.each(['on 16 December', 'on Thursday, 15 December', 'next Tuesday', 'in two weeks', 'early December', 'in January', 'on 3 February 2027'])(
    'flags an unsupported date: %s',
    (phrase) => {
      expect(kinds(`Your move is ${phrase}.`)).toHaveLength(1);
    },
  );

  it('explains a weekday that does not match its date', () => {
    const issue = checkGrounding(sampleLead(), 'Your move on Thursday, 15 December.', { asOf: AS_OF }).issues[0];
    expect(issue.explanation).toMatch(/Tuesday/);
  });

  it('reads a relative date in a note against the note date', () => {
    const lead = sampleLead({ activities: [{ at: '2026-11-02T10:00:00Z', channel: 'email', direction: 'inbound', text: 'We move in two weeks.' }] });
    // "in two weeks" written on 2 November is 16 November +/- 3 days: "mid-November" covers it,
    // an exact day would claim more than the note says.
    expect(kinds('Your move in mid-November', lead)).toEqual([]);
    expect(kinds('Your move on 16 November', lead)).toHaveLength(1);
  });

  it('keeps both readings of an ambiguous slash date and ignores times and "today"', () => {
    expect(extractDates('on 3/11', new Date('2026-11-20T00:00:00Z'))[0].candidates).toHaveLength(2);
    expect(extractDates('today at 10:30, 10.30 Uhr, 2.5k, 2.450 EUR', new Date('2026-11-20T00:00:00Z'))).toEqual([]);
  });
});
