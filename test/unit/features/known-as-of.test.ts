/**
 * Point in time (CONTRACTS.md section 2): a lead decided as of T sees nothing dated after T.
 * The property: for real demo leads (every event on or before the demo's as_of T) and any set of
 * later events (activities with refusals, callbacks, bookings and complaints in 3 languages,
 * quotes sent later, quotes decided later, opt-outs and erasure requests), the features and the
 * rules decision as of T are identical with and without those events.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeFeatures } from '../../../server/domain/features/index.ts';
import { createdByAsOf, leadKnownAsOf } from '../../../server/domain/features/known-as-of.ts';
import type { Activity, Lead, Quote } from '../../../server/domain/lead.ts';
import { compileRuleset, decide, loadRulesetFromDir, type CompiledRuleset } from '../../../server/domain/rules/index.ts';
import { AS_OF, act, makeLead } from './lead-fixture.ts';

const DEMO: Lead[] = fs.readFileSync('datasets/demo.jsonl', 'utf8').split('\n').filter(Boolean).slice(0, 400).map((l) => JSON.parse(l));
const T = '2026-11-20';
const T_MS = Date.parse(`${T}T23:59:59Z`);

let rules: CompiledRuleset;
beforeAll(async () => {
  const loaded = await loadRulesetFromDir('rules/default');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  rules = compileRuleset(loaded.ruleset);
});

/** A date-time strictly after the as_of day: 1 second to 400 days later. */
const later = fc.integer({ min: 1, max: 400 * 86_400 }).map((s) => new Date(T_MS + s * 1000).toISOString());
const TEXTS = [
  'Please do not contact me again.', 'Bitte kontaktieren Sie mich nicht mehr.', 'Molim vas da me više ne kontaktirate.',
  'We booked with another company.', 'Can you call me back tomorrow?', 'I will file a complaint, my lawyer is involved.',
  'Yes, we accept the quote, please book it.', 'Please delete my data (GDPR).', 'We moved already.', 'Write to me again in March.',
];
const futureActivity: fc.Arbitrary<Activity> = fc.record({
  at: later,
  channel: fc.constantFrom('email', 'call', 'sms', 'form', 'meeting', 'chat', 'note'),
  direction: fc.constantFrom('inbound', 'outbound', 'internal'),
  author: fc.constantFrom('customer', 'rep:marko'),
  outcome: fc.constantFrom(null, 'replied', 'no_answer', 'bounced', 'invalid_number', 'answered', 'booked', 'complaint'),
  text: fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 40 })),
}) as fc.Arbitrary<Activity>;
const futureQuote: fc.Arbitrary<Quote> = fc.record({
  id: fc.constant('QF'),
  sent_at: later,
  amount: fc.integer({ min: 50, max: 9000 }),
  currency: fc.constant('EUR'),
  valid_until: fc.constant(null),
  status: fc.constantFrom('sent', 'accepted', 'rejected'),
}) as fc.Arbitrary<Quote>;

const future = fc.record({
  activities: fc.array(fc.tuple(futureActivity, fc.nat()), { maxLength: 6 }),
  quotes: fc.array(futureQuote, { maxLength: 2 }),
  /** Decide the lead's open quotes later: accepted / rejected, with decided_at after T. */
  decideQuotes: fc.option(fc.tuple(fc.constantFrom('accepted', 'rejected', 'withdrawn', 'expired'), later), { nil: null }),
  optedOutAt: fc.option(later, { nil: null }),
  erasureAt: fc.option(later, { nil: null }),
});

type Future = typeof future extends fc.Arbitrary<infer F> ? F : never;

/** The record as exported later: the lead plus the events after T, interleaved anywhere. */
function withFuture(lead: Lead, f: Future): Lead {
  const activities = [...(lead.activities ?? [])];
  for (const [a, pos] of f.activities) activities.splice(pos % (activities.length + 1), 0, a);
  const quotes = (lead.quotes ?? []).map((q) =>
    f.decideQuotes && q?.status === 'sent' ? ({ ...q, status: f.decideQuotes[0], decided_at: f.decideQuotes[1] } as Quote) : q,
  );
  quotes.push(...f.quotes);
  const consent = { ...(lead.consent ?? {}) };
  if (f.optedOutAt && !consent.opted_out_at) consent.opted_out_at = f.optedOutAt;
  if (f.erasureAt && !consent.erasure_requested_at) consent.erasure_requested_at = f.erasureAt;
  return { ...lead, activities, quotes, consent };
}

describe('leadKnownAsOf', () => {
  it('property: features and decision as of T are identical with and without any events after T', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DEMO), future, (lead, f) => {
        const recorded = withFuture(lead, f);
        const a = computeFeatures(lead, T);
        const b = computeFeatures(recorded, T);
        expect(b.values).toEqual(a.values);
        expect(b.texts).toEqual(a.texts);
        expect(b.evidence).toEqual(a.evidence);
        expect(decide(rules, b)).toEqual(decide(rules, a));
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it('a refusal dated after as_of does not block a lead decided as of an earlier date; it does from its own date on', () => {
    const lead = makeLead({ activities: [...makeLead().activities!, act('2026-11-25', 'inbound', 'email', 'Please do not contact me again.')] });
    expect(decide(rules, computeFeatures(lead, AS_OF)).decision).toBe(decide(rules, computeFeatures(makeLead(), AS_OF)).decision);
    expect(decide(rules, computeFeatures(lead, AS_OF)).decision).not.toBe('do_not_contact');
    expect(decide(rules, computeFeatures(lead, '2026-11-26')).decision).toBe('do_not_contact');
  });

  it('an opt-out dated after as_of has not happened yet; a quote decided later is still open', () => {
    const lead = makeLead({
      consent: { email: true, phone: true, opted_out_at: '2026-12-01T08:00:00Z', erasure_requested_at: null },
      quotes: [{ id: 'Q1', sent_at: '2026-10-21T10:00:00Z', amount: 2450, currency: 'EUR', valid_until: '2026-11-30', status: 'accepted', decided_at: '2026-11-28T10:00:00Z' } as Quote],
    });
    const known = leadKnownAsOf(lead, AS_OF);
    expect(known.consent?.opted_out_at).toBeNull();
    expect(known.quotes?.[0]?.status).toBe('sent');
    expect(computeFeatures(lead, AS_OF).values.opted_out).toBe(false);
    expect(computeFeatures(lead, AS_OF).values.quote_accepted).toBe(false);
    expect(computeFeatures(lead, '2026-12-02').values.opted_out).toBe(true);
    expect(computeFeatures(lead, '2026-12-02').values.quote_accepted).toBe(true);
  });

  it('keeps undated facts and the label, and returns the record itself when nothing is after as_of', () => {
    const lead = makeLead({ activities: [{ at: null, channel: 'note', direction: 'internal', author: 'rep:marko', outcome: null, text: 'undated note' }], label: { decision: 'contact', reasons: [], recontact_after: null, outcome: 'converted' } });
    expect(leadKnownAsOf(lead, AS_OF)).toBe(lead);
    expect(leadKnownAsOf(lead, '2020-01-01').activities).toHaveLength(1);
    expect(leadKnownAsOf(lead, '2020-01-01').label).toEqual(lead.label);
  });

  it('a lead created after as_of is not known then', () => {
    expect(createdByAsOf({ created_at: '2026-11-20T23:00:00Z' }, AS_OF)).toBe(true);
    expect(createdByAsOf({ created_at: '2026-11-21T00:00:00Z' }, AS_OF)).toBe(false);
    expect(createdByAsOf({ created_at: null }, AS_OF)).toBe(true);
  });
});
