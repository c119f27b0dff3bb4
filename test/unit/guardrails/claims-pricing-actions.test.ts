import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../../server/domain/guardrails/index.ts';
import { AS_OF, sampleLead } from './sample-lead.ts';

const kindsOf = (text: string, lead = sampleLead()) => checkGrounding(lead, text, { asOf: AS_OF }).issues.map((i) => i.kind);

describe('past-event claims', () => {
  it('accepts references backed by activities', () => {
    expect(kindsOf('As we discussed on the phone, the price felt high. Following up on the quote we sent.')).toEqual([]);
  });
  it.each(['Following our meeting, here is a summary.', 'As you mentioned in your email, the date is fixed.', 'I left you a voicemail yesterday', 'Your quote is still valid.', 'We only have 2 slots left in December.', 'You accepted our quote.'])(
    'flags %s',
    (t) => {
      expect(kindsOf(t)).toContain('unsupported_claim');
    },
  );
  it('needs an answered call, not a failed attempt, for "as we discussed on the phone"', () => {
    const lead = sampleLead({ activities: [{ at: '2026-08-20T14:00:00Z', channel: 'call', direction: 'outbound', outcome: 'no_answer' }] });
    expect(kindsOf('As we discussed on the phone, here are the details.', lead)).toContain('unsupported_claim');
  });
});

describe('pricing promises', () => {
  it.each([
    'We can offer you a 10% discount.', 'Packing is included at no extra cost.', 'We can do it for €2,100.', 'I can guarantee the price for you.',
    "We'll match any competitor's price.", 'You get the best price with us.', 'Free packing for you!', 'Wir geben Ihnen 15 % Rabatt.',
    'Die Kartons sind kostenlos.', 'Možemo Vam dati popust od 10%.', 'Pakiranje je besplatno.', 'We can honour the original price.',
  ])('flags %s', (t) => {
    expect(kindsOf(t)).toContain('pricing_promise');
  });
  it.each(["Unfortunately we can't offer a discount.", 'The quote was €2,450.', 'Any change to the price needs a new written quote.', 'We can do it for you whenever suits you.'])(
    'does not flag %s',
    (t) => {
      expect(kindsOf(t)).not.toContain('pricing_promise');
    },
  );
});

describe('prohibited actions', () => {
  it.each([
    "I've booked your move for 15 December.", 'Your reservation is confirmed.', 'We cancelled the old date.', "I've updated your status.",
    'Your contract has been renewed.', 'Ich habe Ihren Termin gebucht.', 'Ihr Termin wurde bestätigt.', 'Rezervirali smo Vam termin.', 'Vaša rezervacija je potvrđena.',
  ])('flags %s', (t) => {
    expect(kindsOf(t)).toContain('prohibited_action');
  });
  it.each(['Would you like me to reserve a date?', 'Once you confirm, I can book the crew.', 'If the date is confirmed, let me know.'])('does not flag %s', (t) => {
    expect(kindsOf(t)).not.toContain('prohibited_action');
  });
});
