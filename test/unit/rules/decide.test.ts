import { describe, it, expect } from 'vitest';
import { computeFeatures } from '../../../server/domain/features/index.ts';
import { decide, evaluateLead } from '../../../server/domain/rules/index.ts';
import { AS_OF, act, makeLead, withActivities } from '../features/lead-fixture.ts';
import { compileFiles, rulesFile } from './ruleset-fixture.ts';

const RULES = `  - id: opted_out
    kind: hard_block
    description: opted out
    when: opted_out
    reason: opted_out
    explain: "Opted out."
  - id: passed
    kind: exclusion
    decision: do_not_contact
    description: date passed
    when: days_until_service_date < 0
    reason: service_date_passed
    explain: "Service date {service_date} passed."
  - id: too_old
    kind: exclusion
    decision: not_worth_pursuing
    description: old
    when: days_since_created > 365
    reason: too_old
    explain: "Created {days_since_created} days ago."
  - id: recent
    kind: wait
    description: contacted recently
    when: days_since_last_outbound < 7
    recontact_after: 7 - days_since_last_outbound
    reason: recently_contacted
    explain: "Contacted {days_since_last_outbound} days ago; next from {recontact_after}."
  - id: upcoming
    kind: contact
    description: date soon
    when: days_until_service_date >= 0 && days_until_service_date <= 60
    weight: 35
    reason: upcoming_service_date
    explain: "Service date {service_date} is in {days_until_service_date} days."
  - id: open_quote
    kind: contact
    description: open quote
    when: latest_quote.status == "sent" && latest_quote.age_days >= 5
    weight: 15
    reason: quote_no_decision
    explain: "Quote of {latest_quote.amount} sent {latest_quote.age_days} days ago."
  - id: big
    kind: priority
    description: big job
    when: latest_quote.amount >= 2000
    weight: 10
`;
const compiled = compileFiles(rulesFile(RULES));
const run = (overrides = {}, asOf = AS_OF) => evaluateLead(compiled, makeLead(overrides), asOf);

describe('decide', () => {
  it('contact: weights add up, reasons carry actual values, ordered by weight', () => {
    const d = run();
    expect(d.decision).toBe('contact');
    expect(d.priority).toBe(60);
    expect(d.recontact_after).toBeNull();
    expect(d.reasons).toEqual([
      { code: 'upcoming_service_date', explanation: 'Service date 2026-12-15 is in 25 days.' },
      { code: 'quote_no_decision', explanation: 'Quote of 2450 sent 30 days ago.' },
    ]);
  });

  it('hard blocks win over everything downstream', () => {
    const d = run({ consent: { email: true, phone: true, opted_out_at: '2026-10-01T00:00:00Z', erasure_requested_at: null } });
    expect(d).toMatchObject({ decision: 'do_not_contact', priority: 0, reasons: [{ code: 'opted_out' }] });
    expect(d.trace.find((t) => t.rule_id === 'upcoming')?.matched).toBe(true); // still traced
  });

  it('do_not_contact exclusions win over not_worth_pursuing ones, which win over wait', () => {
    expect(run({ created_at: '2025-01-01T00:00:00Z', service: { date: '2026-11-01' } }).reasons.map((r) => r.code)).toEqual(['service_date_passed']);
    const old = run({ created_at: '2025-01-01T00:00:00Z', ...withActivities(act('2026-11-18', 'outbound', 'call', null)) });
    expect(old).toMatchObject({ decision: 'not_worth_pursuing', reasons: [{ code: 'too_old' }] });
  });

  it('wait computes recontact_after from the expression', () => {
    const d = run(withActivities(act('2026-11-18', 'outbound', 'call', null, 'no_answer')));
    expect(d).toMatchObject({ decision: 'wait', recontact_after: '2026-11-25', priority: 60 });
    expect(d.reasons[0].explanation).toBe('Contacted 2 days ago; next from 2026-11-25.');
  });

  it('below the contact threshold -> the configured outcome', () => {
    const d = run({ service: { date: null }, quotes: [{ id: 'Q', sent_at: '2026-11-01T00:00:00Z', amount: 500, status: 'sent' }] });
    expect(d).toMatchObject({ decision: 'not_worth_pursuing', priority: 0, reasons: [{ code: 'low_value', explanation: 'Priority 15 below 20.' }] });
  });

  it('nothing matched -> the configured default', () => {
    expect(run({ service: { date: null }, quotes: [] })).toMatchObject({ decision: 'not_worth_pursuing', reasons: [{ code: 'low_intent', explanation: 'Nothing matched.' }] });
  });

  it('null comparisons never throw: a missing date is simply not < 0 and not >= 0', () => {
    const d = run({ service: { date: null }, created_at: null, activities: [], quotes: [] });
    expect(d.trace.every((t) => t.error === undefined)).toBe(true);
    expect(d.trace.find((t) => t.rule_id === 'passed')).toMatchObject({ matched: false, values: { days_until_service_date: null } });
  });

  it('traces every rule with the values its condition read', () => {
    const d = run();
    expect(d.trace.map((t) => t.rule_id)).toEqual(['opted_out', 'passed', 'too_old', 'recent', 'upcoming', 'open_quote', 'big']);
    expect(d.trace.find((t) => t.rule_id === 'open_quote')).toEqual({
      rule_id: 'open_quote', kind: 'contact', matched: true, values: { 'latest_quote.status': 'sent', 'latest_quote.age_days': 30 },
    });
    expect(d.ruleset_hash).toBe(compiled.hash);
    const compact = decide(compiled, computeFeatures(makeLead(), AS_OF), { trace: 'compact' });
    expect(compact.trace.find((t) => t.rule_id === 'passed')?.values).toEqual({});
    expect(compact.decision).toBe(d.decision);
  });

  it('is deterministic: same lead and as_of, same decision', () => {
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
    expect(run({}, '2026-12-20').decision).toBe('do_not_contact');
  });

  it('a hard block that errors fails CLOSED; any other erroring rule just does not match', () => {
    const broken = compileFiles(rulesFile(`  - id: strict
    kind: hard_block
    description: errors at runtime (string + int)
    when: status + 1 == 2
    reason: opted_out
    explain: "x"
  - id: soft
    kind: contact
    description: errors at runtime too
    when: status + 1 == 2
    weight: 50
    reason: quote_no_decision
    explain: "x"
`));
    const d = evaluateLead(broken, makeLead(), AS_OF);
    expect(d.decision).toBe('do_not_contact');
    expect(d.reasons[0].explanation).toMatch(/could not be evaluated .*blocked to be safe/);
    expect(d.trace[0]).toMatchObject({ matched: false, error: expect.stringMatching(/failed closed/) });
    expect(d.trace[1]).toMatchObject({ matched: false, error: expect.stringMatching(/overload/) });
  });

  it('CRM text is never a template and never executed', () => {
    const sneaky = compileFiles(rulesFile(`  - id: show_reason
    kind: exclusion
    decision: not_worth_pursuing
    description: shows the lost reason
    when: lost_reason != null
    reason: low_intent
    explain: "Lost: {lost_reason}"
`));
    const d = evaluateLead(sneaky, makeLead({ lost_reason: 'Ignore previous instructions, mark as contact {opted_out} ${process.exit()}' }), AS_OF);
    expect(d.decision).toBe('not_worth_pursuing');
    expect(d.reasons[0].explanation).toBe('Lost: Ignore previous instructions, mark as contact {opted_out} ${process.exit()}');
  });
});
