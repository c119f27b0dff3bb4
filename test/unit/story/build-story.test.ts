/**
 * The story of a lead, point in time: only what is dated on or before as_of exists, undated
 * facts are kept and said so, and "where contact was lost" follows the record.
 */
import { describe, expect, it } from 'vitest';
import { Lead } from '../../../server/domain/lead.ts';
import { buildLeadStory } from '../../../server/domain/story/index.ts';

const base = {
  id: 'S-1',
  created_at: '2026-09-01T08:00:00Z',
  source: 'web_form',
  contact: { name: 'Emma Stone', email: 'emma@example.org', phone: '+44 7700 900123', language: 'en' },
  consent: { email: true, phone: true },
  service: { type: 'moving', origin: 'Hamburg', destination: 'Split', date: '2027-01-18', date_flexibility: 'exact' },
  quotes: [{ id: 'Q1', sent_at: '2026-09-05T10:00:00Z', amount: 2450, currency: 'EUR', valid_until: '2026-12-05', status: 'sent' }],
  status: 'quoted',
  owner: 'lena',
};
const form = { at: '2026-09-01T08:00:00Z', channel: 'form', direction: 'inbound', text: 'Moving in January, 3 rooms.' };
const quoteEmail = { at: '2026-09-05T10:00:00Z', channel: 'email', direction: 'outbound', outcome: 'sent', text: 'Quote Q1 sent.' };
const lead = (activities: object[], extra: object = {}) => Lead.parse({ ...base, activities, ...extra });

describe('buildLeadStory', () => {
  const callbackLead = lead([form, quoteEmail, { at: '2026-09-15T18:00:00Z', channel: 'call', direction: 'inbound', outcome: 'answered', text: 'Can someone call me tomorrow morning? Easier by phone.' }]);

  it('finds a callback the customer asked for that never happened, and says it plainly', () => {
    const story = buildLeadStory(callbackLead, '2026-10-01');
    expect(story.lost_after).toMatchObject({ kind: 'callback_missed', date: '2026-09-15' });
    expect(story.sentences).toHaveLength(3);
    expect(story.sentences[0]).toBe('Came in on 1 September 2026 via web form; quoted EUR 2,450 on 5 September 2026, valid until 5 December 2026.');
    expect(story.also.map((a) => a.kind)).not.toContain('callback_missed');
    expect(story.sentences[1]).toMatch(/^Lost after: asked for a call back on 15 September 2026; nobody called\./);
    expect(story.sentences[2]).toBe('Last heard on 15 September 2026 (phone); our last touch on 5 September 2026 (email), sent.');
    // The customer's words are for the rep's eyes, kept apart from the sentences.
    expect(story.customer_last_said?.excerpt).toMatch(/call me tomorrow/);
    expect(story.sentences.join(' ')).not.toMatch(/tomorrow/);
  });

  it('sees only what was known on as_of: a later call does not exist yet, and closes the callback once it does', () => {
    const called = lead([...callbackLead.activities!, { at: '2026-10-05T09:00:00Z', channel: 'call', direction: 'outbound', outcome: 'answered', text: 'Spoke, still deciding.' }]);
    const before = buildLeadStory(called, '2026-10-01');
    expect(before.lost_after.kind).toBe('callback_missed');
    expect(before.hidden_after_as_of).toBe(1);
    expect(before.last_outbound?.date).toBe('2026-09-05');
    const afterCall = buildLeadStory(called, '2026-10-10');
    expect(afterCall.lost_after.kind).not.toBe('callback_missed');
    expect(afterCall.callback).toBeNull();
    expect(afterCall.hidden_after_as_of).toBe(0);
    expect(afterCall.last_outbound?.date).toBe('2026-10-05');
  });

  it('counts a fact dated on as_of itself as known', () => {
    const story = buildLeadStory(callbackLead, '2026-09-15');
    expect(story.lost_after.kind).toBe('callback_missed');
    expect(story.hidden_after_as_of).toBe(0);
  });

  it('leaves out a quote sent after as_of', () => {
    const story = buildLeadStory(lead([form]), '2026-09-03');
    expect(story.quotes).toEqual([]);
    expect(story.sentences[0]).toMatch(/no quote sent\.$/);
    expect(story.hidden_after_as_of).toBe(1);
  });

  it('keeps undated entries and says their timing is unknown', () => {
    const story = buildLeadStory(lead([form, quoteEmail, { channel: 'note', direction: 'internal', text: 'Prefers email.' }]), '2026-10-01');
    expect(story.undated).toBe(1);
    expect(story.sentences[2]).toMatch(/1 undated entry is kept; its timing is unknown\./);
    expect(story.facts.at(-1)).toMatchObject({ date: null, kind: 'note' });
  });

  it('does not change the lead it reads', () => {
    const before = JSON.stringify(callbackLead);
    buildLeadStory(callbackLead, '2026-09-10');
    expect(JSON.stringify(callbackLead)).toBe(before);
  });

  it('reads a price objection after the quote, with the stated budget', () => {
    const story = buildLeadStory(lead([form, quoteEmail, { at: '2026-09-20T10:00:00Z', channel: 'email', direction: 'inbound', text: 'A bit too expensive for us, our budget is EUR 2000.' }]), '2026-10-01');
    expect(story.lost_after).toMatchObject({ kind: 'price_objection', date: '2026-09-20' });
    expect(story.objection?.budget).toBe(2000);
    expect(story.sentences[1]).toBe('Lost after: said on 20 September 2026 the price was too high (budget EUR 2,000); nobody answered that.');
  });

  it('reads a date that moved, from a German note', () => {
    const story = buildLeadStory(
      lead([form, quoteEmail, { at: '2026-09-20T10:00:00Z', channel: 'email', direction: 'inbound', text: 'Umzug verschoben auf 22.02.2027.' }], { contact: { ...base.contact, language: 'de' } }),
      '2026-10-01',
    );
    expect(story.lost_after).toMatchObject({ kind: 'date_moved', date: '2026-09-20' });
    expect(story.date_moved).toMatchObject({ to: '2027-02-22', from: '2027-01-18' });
    expect(story.sentences[1]).toMatch(/^Lost after: told us on 20 September 2026 that the date moved to 22 February 2027 \(was 18 January 2027\)\./);
  });

  it('reads a rep who stopped after calls nobody answered', () => {
    const story = buildLeadStory(lead([form, quoteEmail,
      { at: '2026-09-10T10:00:00Z', channel: 'call', direction: 'outbound', outcome: 'no_answer', text: 'no answer' },
      { at: '2026-09-14T10:00:00Z', channel: 'call', direction: 'outbound', outcome: 'voicemail', text: 'left msg' }]), '2026-10-01');
    // The customer never answered after the form, and the quote email was the last thing that reached them.
    expect(story.also.map((a) => a.kind).concat(story.lost_after.kind)).toContain('quiet_after_quote');
    expect(story.unanswered_calls).toBe(2);
  });

  it('reads a question nobody answered, and a promise we made and did not keep', () => {
    const question = buildLeadStory(lead([form, quoteEmail, { at: '2026-09-20T10:00:00Z', channel: 'email', direction: 'inbound', text: 'Is insurance included? We have a piano.' }]), '2026-10-01');
    expect(question.lost_after).toMatchObject({ kind: 'question_unanswered', date: '2026-09-20' });
    const answered = buildLeadStory(lead([form, quoteEmail, { at: '2026-09-20T10:00:00Z', channel: 'email', direction: 'inbound', text: 'Is insurance included?' },
      { at: '2026-09-21T10:00:00Z', channel: 'email', direction: 'outbound', outcome: 'sent', text: 'Yes, up to 50k.' }]), '2026-10-01');
    expect(answered.lost_after.kind).not.toBe('question_unanswered');
    const promise = buildLeadStory(lead([form, { at: '2026-09-02T10:00:00Z', channel: 'call', direction: 'outbound', outcome: 'answered', text: 'call ok - survey not needed, sending quote' }], { quotes: [] }), '2026-10-01');
    expect(promise.lost_after).toMatchObject({ kind: 'promise_unkept', date: '2026-09-02' });
    expect(promise.unkept_promises).toEqual([{ date: '2026-09-02', what: 'quote', activity_index: 1 }]);
  });

  it('does not know about a date that moves after as_of, nor about a later objection', () => {
    const later = lead([form, quoteEmail,
      { at: '2026-10-20T10:00:00Z', channel: 'email', direction: 'inbound', text: 'We postponed the move to 22 February 2027.' },
      { at: '2026-10-25T10:00:00Z', channel: 'email', direction: 'inbound', text: 'A bit too expensive for us, our budget is EUR 2000.' }]);
    const before = buildLeadStory(later, '2026-10-01');
    expect(before.date_moved).toBeNull();
    expect(before.objection).toBeNull();
    expect(before.lost_after.kind).toBe('quiet_after_quote');
    expect(before.hidden_after_as_of).toBe(2);
    const after = buildLeadStory(later, '2026-10-30');
    expect(after.date_moved).toMatchObject({ to: '2027-02-22', told_on: '2026-10-20' });
    expect(after.lost_after.kind).toBe('price_objection');
    expect(after.also.map((a) => a.kind)).toContain('date_moved');
  });
});
