import { beforeAll, describe, expect, it } from 'vitest';
import { readRulesetFiles } from '../../../server/domain/rules/load-dir.ts';
import { compileRuleset, computeFeatures, decide, labelsOf, parseRulesetFiles, type CompiledRuleset } from '../../../server/domain/rules/index.ts';
import { parseIntentCorpus, type IntentCorpus } from '../../../server/domain/text/corpus.ts';
import { oddsOf, oddsTable, trainIntentModel, trainNaiveBayes } from '../../../server/domain/text/intent-model.ts';
import { intentTokens, splitSentences } from '../../../server/domain/text/tokens.ts';
import { act, AS_OF, makeLead, withActivities } from '../features/lead-fixture.ts';

let files: Record<string, string>;
let corpus: IntentCorpus;
let rules: CompiledRuleset;
beforeAll(async () => {
  files = await readRulesetFiles('rules/default');
  corpus = parseIntentCorpus(files).corpus!;
  const parsed = parseRulesetFiles(files);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  rules = compileRuleset(parsed.ruleset);
});

const FINNISH = 'Kiitos tarjouksesta, mutta emme tarvitse enää muuttopalvelua.';
const decideLead = (extra: Parameters<typeof withActivities>, options = {}) => decide(rules, computeFeatures(makeLead(withActivities(...extra)), AS_OF), options);

describe('intent classifier', () => {
  it('reads the same odds as the library (the odds tables are the library model, not a re-implementation)', () => {
    const sample = corpus.examples.filter((_, i) => i % 10 === 0);
    const nb = trainNaiveBayes(corpus.examples);
    const table = oddsTable(nb);
    for (const e of sample) {
      const tokens = intentTokens(e.text);
      const theirs = nb.computeOdds(tokens);
      const ours = oddsOf(table, tokens);
      if (ours === null) { expect(theirs).toEqual([['unknown', 0]]); continue; }
      const byLabel = new Map(ours);
      for (const [label, odds] of theirs) expect(byLabel.get(label), `${e.text} ${label}`).toBeCloseTo(odds, 9);
    }
  });

  it('is deterministic: the same corpus gives the same answers and calibration', () => {
    const a = trainIntentModel(corpus), b = trainIntentModel(corpus);
    expect(b.calibration).toEqual(a.calibration);
    for (const s of ['Please stop calling me.', 'Bitte keine Anrufe mehr.', 'We will stop by tomorrow.']) expect(b.readSentence(s)).toEqual(a.readSentence(s));
  });

  it('is calibrated on held-out folds of the corpus: answers at or above the threshold are right at least 90% of the time', () => {
    const c = rules.intentModel!.calibration;
    expect(c.folds).toBe(4);
    expect(c.heldout.examples).toBe(corpus.examples.length);
    expect(c.heldout.precision_above).toBeGreaterThanOrEqual(0.9);
    expect(c.threshold).toBeGreaterThan(0.5);
  });

  it('marks negation: "stop calling" and "do not stop" are different inputs', () => {
    expect(intentTokens("don't stop")).toContain('neg_stop');
    expect(intentTokens('stop calling')).toContain('stop');
    expect(splitSentences('Danke z.B. für das Angebot. Bitte nicht mehr anrufen!').map((s) => s.text)).toEqual(['Danke z.B. für das Angebot.', 'Bitte nicht mehr anrufen!']);
  });
});

describe('reading customer text in the rules engine', () => {
  it('reads a refusal the phrase lists do not know through the classifier, with the sentence as evidence', () => {
    const d = decideLead([act('2026-11-05', 'inbound', 'email', 'Thanks for the offer. Kindly cease all communication with me.')]);
    expect(d.decision).toBe('do_not_contact');
    expect(d.reasons[0].code).toBe('asked_not_to_contact');
  });

  it('fails closed on a last customer message in an unsupported language, naming the language and quoting it', () => {
    const d = decideLead([act('2026-11-05', 'inbound', 'email', FINNISH)]);
    expect(d.decision).toBe('do_not_contact');
    expect(d.reasons[0].code).toBe('unread_customer_message');
    expect(d.reasons[0].explanation).toContain('[fi]');
    expect(d.reasons[0].explanation).toContain('Kiitos tarjouksesta');
    const unread = d.texts!.unread;
    expect(unread).toHaveLength(1);
    expect(unread[0]).toMatchObject({ activity_index: 2, language: 'fi', language_supported: false, unread_reason: 'unsupported_language', speaker: 'customer' });
    expect(unread[0].text_hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it("decides again with a manager's label for the text (lead id + text hash)", () => {
    const first = decideLead([act('2026-11-05', 'inbound', 'email', FINNISH)]);
    const hash = first.texts!.unread[0].text_hash!;
    const labelled = decideLead([act('2026-11-05', 'inbound', 'email', FINNISH)], { text_labels: labelsOf([{ lead_id: 'L-TEST', text_hash: hash, intent: 'still_planning' }]) });
    expect(labelled.decision).toBe('contact');
    expect(labelled.texts!.unread).toHaveLength(0);
    const refusal = decideLead([act('2026-11-05', 'inbound', 'email', FINNISH)], { text_labels: labelsOf([{ lead_id: 'L-TEST', text_hash: hash, intent: 'asked_not_to_contact' }]) });
    expect(refusal.reasons[0].code).toBe('asked_not_to_contact');
    expect(refusal.trace.find((t) => t.rule_id === 'asked_not_to_contact')?.evidence?.[0].phrase).toBe('(manager label asked_not_to_contact)');
    // A label for another lead does not apply.
    const other = decideLead([act('2026-11-05', 'inbound', 'email', FINNISH)], { text_labels: labelsOf([{ lead_id: 'L-OTHER', text_hash: hash, intent: 'still_planning' }]) });
    expect(other.reasons[0].code).toBe('unread_customer_message');
  });

  it('does not fail closed on a message we have answered since', () => {
    const d = decideLead([act('2026-11-05', 'inbound', 'email', FINNISH), act('2026-11-06', 'outbound', 'email', 'Thank you, we will get back to you.')]);
    expect(d.reasons.map((r) => r.code)).not.toContain('unread_customer_message');
  });

  it('fails closed when the classifier is unavailable (a ruleset with an unread signal but no corpus)', () => {
    const withoutCorpus = Object.fromEntries(Object.entries(files).filter(([p]) => !p.startsWith('intents/')));
    const noCorpusFiles: Record<string, string> = { ...withoutCorpus, 'signals-refusal.yaml': withoutCorpus['signals-refusal.yaml'].replace(/\n {4}intents: \[[a-z_]+\]/g, '') };
    const sig = { ...noCorpusFiles, 'signals-intent.yaml': noCorpusFiles['signals-intent.yaml'].replace(/\n {4}intents: \[[a-z_]+\]/g, '') };
    const parsed = parseRulesetFiles(sig);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const compiled = compileRuleset(parsed.ruleset);
    expect(compiled.intentModel).toBeNull();
    const d = decide(compiled, computeFeatures(makeLead(withActivities(act('2026-11-05', 'inbound', 'email', 'Sounds good, send me the details.'))), AS_OF));
    expect(d.reasons[0].code).toBe('unread_customer_message');
    expect(d.texts!.unread[0].unread_reason).toBe('classifier_unavailable');
  });

  it('rejects a signal naming an intent the corpus does not have', () => {
    const bad = { ...files, 'extra.yaml': 'signals:\n  odd:\n    description: x\n    intents: [no_such_intent]\n' };
    const parsed = parseRulesetFiles(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.message).join()).toContain('unknown intent "no_such_intent"');
  });
});

describe('opt-out keywords and CRM flags', () => {
  it.each(['STOP', 'stop pls', 'UNSUBSCRIBE', 'Odjava', 'ARRÊT', 'leiratkozás'])('reads the SMS reply %j as a refusal', (text) => {
    const d = decideLead([act('2026-11-05', 'inbound', 'sms', text)]);
    expect(d.decision).toBe('do_not_contact');
    expect(d.reasons[0].code).toBe('asked_not_to_contact');
  });

  it('does not read "we\'ll stop by" or a keyword inside a longer message as an opt-out keyword', () => {
    for (const text of ["We'll stop by your office tomorrow to sign.", 'Stop by on Friday, we are home after 5 and would like to go over the quote together.']) {
      const d = decideLead([act('2026-11-05', 'inbound', 'sms', text)]);
      expect(d.trace.find((t) => t.rule_id === 'opt_out_keyword_reply')?.matched, text).toBe(false);
    }
  });

  it.each([['DNC'], ['do-not-call'], ['no_marketing'], ['Unsubscribed']])('reads the tag %j as asked_not_to_contact, with evidence', (tag) => {
    const d = decide(rules, computeFeatures(makeLead({ tags: ['vip', tag] }), AS_OF));
    expect(d.decision).toBe('do_not_contact');
    expect(d.reasons[0].code).toBe('asked_not_to_contact');
    expect(d.trace.find((t) => t.rule_id === 'crm_do_not_contact_flag')?.evidence?.[0].activity_index).toBe(-2);
  });

  it('a "vip" or "moving" tag alone is no flag', () => {
    const d = decide(rules, computeFeatures(makeLead({ tags: ['vip', 'moving-2027'] }), AS_OF));
    expect(d.decision).toBe('contact');
  });
});
