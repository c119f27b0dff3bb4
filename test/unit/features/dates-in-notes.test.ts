import { describe, it, expect } from 'vitest';
import { computeFeatures } from '../../../server/domain/features/index.ts';
import { parseMonthNames } from '../../../server/domain/features/month-names.ts';
import { foldText } from '../../../server/domain/features/text.ts';
import { AS_OF, act, makeLead, withActivities } from './lead-fixture.ts';

const withNote = (date: string, text: string, language = 'en', direction: 'inbound' | 'internal' | 'outbound' = 'inbound') =>
  computeFeatures(makeLead({ contact: { ...makeLead().contact!, language }, ...withActivities(act(date, direction, direction === 'internal' ? 'note' : 'email', text)) }), AS_OF).values;

describe('service date mentioned in notes', () => {
  it('a postponement in a newer note overrides the field (en), relative to the note date', () => {
    const v = withNote('2026-10-10', 'We postponed the move to March.');
    expect(v.service_date).toBe('2027-03-01');
    expect(v.service_date_field).toBe('2026-12-15');
    expect(v.service_date_from_notes).toBe(true);
    expect(v.date_postponed).toBe(true);
    expect(v.days_until_service_date).toBe(101);
  });

  it('German: chrono.de for exact dates, the hand parser for bare month names', () => {
    expect(withNote('2026-10-10', 'Der Umzug wurde auf den 15.02.2027 verschoben.', 'de').service_date).toBe('2027-02-15');
    expect(withNote('2026-10-10', 'Wir haben den Umzug auf März verschoben.', 'de').service_date).toBe('2027-03-01');
  });

  it('Croatian month names in any case ending', () => {
    expect(withNote('2026-10-10', 'Selidbu smo odgodili za ožujak.', 'hr').service_date).toBe('2027-03-01');
    expect(withNote('2026-10-10', 'Selidba je odgođena na 20. siječnja.', 'hr').service_date).toBe('2027-01-20');
    const found = parseMonthNames(foldText('u veljači, 3. travnja 2027'), new Date('2026-10-10T12:00:00Z'));
    expect(found.map((d) => d.date.toISOString().slice(0, 10))).toEqual(['2027-02-01', '2027-04-03']);
  });

  it('an earlier, unchanged-sounding mention does not override an explicit later field', () => {
    const lead = makeLead({ service: { ...makeLead().service!, date: '2027-08-04' }, ...withActivities(act('2026-07-21', 'inbound', 'email', 'We are moving at the beginning of August, just planning ahead.')) });
    expect(computeFeatures(lead, AS_OF).values.service_date).toBe('2027-08-04');
  });

  it("reads only customer messages and rep notes, not the rep's own outbound email", () => {
    expect(withNote('2026-10-10', 'We postponed the move to March.', 'en', 'outbound').service_date).toBe('2026-12-15');
    expect(withNote('2026-10-10', 'Customer postponed the move to March.', 'en', 'internal').service_date).toBe('2027-03-01');
  });

  it('a "call me in January" is a recontact request, not a service date', () => {
    const v = withNote('2026-11-05', 'Please call me in January, we are travelling until then.');
    expect(v.recontact_requested_date).toBe('2027-01-01');
    expect(v.days_until_recontact_requested).toBe(42);
    expect(v.service_date).toBe('2026-12-15');
    expect(withNote('2026-11-05', 'Javite se u siječnju.', 'hr').recontact_requested_date).toBe('2027-01-01');
    expect(withNote('2026-11-05', 'Bitte melden Sie sich im Januar wieder.', 'de').recontact_requested_date).toBe('2027-01-01');
  });

  it('ignores dates in other contexts (quote validity) and texts without any date', () => {
    expect(withNote('2026-10-10', 'Is the quote valid until 30 December?').service_date).toBe('2026-12-15');
    expect(withNote('2026-10-10', 'Thanks, we will think about it.').service_date_from_notes).toBe(false);
  });

  it('the notes give a date when the field is empty (contradiction with a missing field)', () => {
    const lead = makeLead({ service: { ...makeLead().service!, date: null }, activities: [act('2026-09-01', 'inbound', 'form', 'Need a quote for a move, planned date 18 September.')] });
    const v = computeFeatures(lead, AS_OF).values;
    expect(v.service_date).toBe('2026-09-18');
    expect(v.days_until_service_date).toBe(-63);
  });
});

describe('dates in the twelve languages of a European mover', () => {
  // Written as customers write them, with and without diacritics; the note is dated 2026-10-10.
  const cases: [string, string, string][] = [
    ['cs', 'Nový termín stěhování je 14. 1.', '2027-01-14'],
    ['cs', 'Stehovani jsme odlozili na brezen.', '2027-03-01'],
    ['pl', 'Przeprowadzkę przesunęliśmy na 3 lutego.', '2027-02-03'],
    ['sl', 'Selitev smo prestavili na 5. februar.', '2027-02-05'],
    ['it', 'Il trasloco è stato rimandato a gennaio.', '2027-01-01'],
    ['fr', 'Nous avons repoussé le déménagement au 12 février.', '2027-02-12'],
    ['es', 'Hemos aplazado la mudanza al 13 de diciembre.', '2026-12-13'],
    ['nl', 'We hebben de verhuizing uitgesteld tot maart.', '2027-03-01'],
    ['hu', 'A költözést elhalasztottuk, januárban lesz.', '2027-01-01'],
    ['hu', 'Az új időpont: 2027.02.10.', '2027-02-10'],
    ['sr', 'Selidba je pomerena za 20. mart.', '2027-03-20'],
  ];
  it.each(cases)('%s: "%s" moves the service date to %s', (language, text, date) => {
    const v = withNote('2026-10-10', text, language);
    expect(v.service_date).toBe(date);
    expect(v.service_date_from_notes).toBe(true);
  });

  it('dotted dates are day first in every language (chrono reads "12.10.2026" as 10 December)', () => {
    expect(withNote('2026-10-10', 'We postponed the move to 12.01.2027.', 'en').service_date).toBe('2027-01-12');
    expect(withNote('2026-10-10', 'Kd.: Umzug verschoben auf 30.12.!!', 'de', 'internal').service_date).toBe('2026-12-30');
    // A decimal or an amount is no date; an impossible day is none either.
    expect(withNote('2026-10-10', 'Moving 1.5 m3 more, price 1.200,- EUR', 'en').service_date_from_notes).toBe(false);
    expect(withNote('2026-10-10', 'Umzug verschoben auf 31.02.', 'de').service_date_from_notes).toBe(false);
  });

  it('a month word is read in the language it belongs to: "listopad" is October in Croatian, November in Czech', () => {
    expect(withNote('2026-09-01', 'Selidbu smo odgodili za listopad.', 'hr').service_date).toBe('2026-10-01');
    expect(withNote('2026-09-01', 'Stěhování jsme odložili na listopad.', 'cs').service_date).toBe('2026-11-01');
    // Italian "mai" is "never", not May.
    expect(withNote('2026-10-10', 'Non faremo mai il trasloco con voi.', 'it').service_date_from_notes).toBe(false);
  });

  it('a recontact request in other languages', () => {
    expect(withNote('2026-11-05', 'Richiamatemi a gennaio, per favore.', 'it').recontact_requested_date).toBe('2027-01-01');
    expect(withNote('2026-11-05', 'Zadzwońcie za 2 tygodnie.', 'pl').recontact_requested_date).toBe('2026-11-19');
  });
});
