import { describe, it, expect } from 'vitest';
import { computeFeatures } from '../../../server/domain/features/index.ts';
import { signalsFor, decide } from '../../../server/domain/rules/index.ts';
import { AS_OF, act, makeLead, withActivities } from '../features/lead-fixture.ts';
import { compileFiles, rulesFile } from './ruleset-fixture.ts';

const compiled = compileFiles(rulesFile(`  - id: refused
    kind: hard_block
    description: refusal
    when: signal("refusal")
    reason: asked_not_to_contact
    explain: "Refused: {evidence.refusal}"
`));

const signalsOf = (text: string, direction: 'inbound' | 'outbound' | 'internal' = 'inbound') =>
  signalsFor(compiled, computeFeatures(makeLead(withActivities(act('2026-11-01', direction, direction === 'internal' ? 'note' : 'email', text))), AS_OF));

describe('phrase signals', () => {
  it.each([
    ['en', 'Please STOP calling me.'],
    ['de', 'Bitte rufen Sie nicht mehr anrufen!'],
    ['hr', 'Molim vas, ne zovite više.'],
  ])('matches in %s, case-insensitive', (_lang, text) => {
    expect(signalsOf(text).refusal.matched).toBe(true);
  });

  it('is accent-insensitive both ways', () => {
    expect(signalsOf('To je preskùpo za nas').price.matched).toBe(true);
    expect(signalsOf('Das ist ZU TEUER').price.matched).toBe(true);
  });

  it('respects word boundaries', () => {
    expect(signalsOf('The toolstop callingcard arrived').refusal.matched).toBe(false);
  });

  it('drops negated matches: "not too expensive", "nicht zu teuer", "nije preskupo"', () => {
    expect(signalsOf('Honestly it is not too expensive.').price.matched).toBe(false);
    expect(signalsOf('Es ist nicht zu teuer.').price.matched).toBe(false);
    expect(signalsOf('Nije preskupo, samo čekamo.').price.matched).toBe(false);
    expect(signalsOf("It isn't too expensive").price.matched).toBe(false);
    expect(signalsOf('It is too expensive for us.').price.matched).toBe(true);
  });

  it('drops matches vetoed by an unless phrase in the same sentence', () => {
    expect(signalsOf('Too expensive, maybe, but the price is not the problem.').price.matched).toBe(false);
    expect(signalsOf('The price is not the problem. But storage is too expensive.').price.matched).toBe(true);
  });

  it('restricts by direction: our own outbound email is not a customer refusal', () => {
    expect(signalsOf('Reply "stop calling" and we will stop calling you.', 'outbound').refusal.matched).toBe(false);
    expect(signalsOf('Customer: stop calling me', 'internal').refusal.matched).toBe(true);
  });

  it('keeps evidence: activity index, phrase, excerpt of the original text', () => {
    const r = signalsOf('Hello. Please stop calling me, thanks.');
    expect(r.refusal.evidence[0]).toEqual({ signal: 'refusal', activity_index: 2, phrase: 'stop calling', excerpt: 'Hello. Please stop calling me, thanks.' });
  });

  it('tolerates one swapped pair of letters and supports stems and wildcards', () => {
    const typo = compileFiles({ ...rulesFile('  []'), 'signals.yaml': `signals:
  s:
    description: x
    negation_aware: false
    phrases: { en: ["not to be contacted", "please * leave"], hr: ["ne zelim vise poruk*"] }
` });
    const sig = (t: string) => signalsFor(typo, computeFeatures(makeLead(withActivities(act('2026-11-01', 'inbound', 'email', t))), AS_OF)).s.matched;
    expect(sig('Customer asked not to be contcated anymore')).toBe(true);
    expect(sig('Ne želim više poruke od vas.')).toBe(true);
    expect(sig('please just go and leave')).toBe(true);
    expect(sig('please do not bother')).toBe(false);
  });

  it('reads lost_reason and tags as rep notes (index -1 and -2)', () => {
    const r = signalsFor(compiled, computeFeatures(makeLead({ lost_reason: 'Customer said: stop calling' }), AS_OF));
    expect(r.refusal.evidence[0].activity_index).toBe(-1);
  });
});

describe('model signals', () => {
  const withModel = compileFiles(rulesFile(`  - id: annoyed
    kind: hard_block
    description: annoyed customers are not called
    when: signal("tone")
    reason: sensitive_circumstances
    explain: "Annoyed."
  - id: annoyed_priority
    kind: priority
    description: x
    when: signal("tone")
    weight: 5
`));
  const features = computeFeatures(makeLead(), AS_OF);

  it('without a classifier the signal is unavailable, not false: hard blocks fail closed, the trace says why', () => {
    const d = decide(withModel, features);
    expect(d.signals?.tone).toEqual({ matched: false, available: false, note: 'no classifier configured for model signal tone' });
    expect(d.decision).toBe('do_not_contact');
    expect(d.trace.find((t) => t.rule_id === 'annoyed')?.error).toMatch(/unavailable.*failed closed/);
    expect(d.trace.find((t) => t.rule_id === 'annoyed_priority')).toMatchObject({ matched: false, values: { 'signal("tone")': 'unavailable' } });
  });

  it('uses a pluggable classifier when one is given', () => {
    const calls: string[] = [];
    const classifier = (req: { signal: string; texts: unknown[] }) => { calls.push(req.signal); return { matched: false, score: 0.1 }; };
    const d = decide(withModel, computeFeatures(makeLead(), AS_OF), { classifier });
    expect(calls).toEqual(['tone']);
    expect(d.signals?.tone).toEqual({ matched: false, available: true });
    expect(d.decision).not.toBe('do_not_contact');
  });
});
