/**
 * Mistakes a sales manager makes, caught at validation in words they act on: a text feature
 * compared with a number, spreadsheet operators (and, or, =, <>), plain English, YAML indentation
 * and quoting; and the ruleset's own test scenarios.
 */
import { describe, expect, it } from 'vitest';
import { compileRuleset, parseRulesetFiles, readRulesetFiles, runScenarios } from '../../../server/domain/rules/index.ts';
import { rulesFile } from './ruleset-fixture.ts';

const rule = (when: string) => `  - id: storage_far
    kind: exclusion
    decision: not_worth_pursuing
    description: a rule a manager wrote
    when: ${when}
    reason: low_intent
    explain: "Not worth it."
`;

function errorsOf(files: Record<string, string>) {
  const r = parseRulesetFiles(files);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('conditions type-checked against the feature catalog', () => {
  it('a text feature compared with a number is an error naming the rule, the feature and both types', () => {
    const [e, ...rest] = errorsOf(rulesFile(rule('service_type > 90')));
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ file: 'rules.yaml', rule_id: 'storage_far', line: 6, column: 11, path: 'rules.0.when' });
    expect(e.message).toContain('service_type is text');
    expect(e.message).toContain('a number (90)');
    expect(e.message).toContain('service_type == "moving"');
  });

  it('also catches dates against numbers, yes/no ordered, text in && and nullable yes/no standing alone', () => {
    expect(errorsOf(rulesFile(rule('service_date > 30')))[0].message).toMatch(/service_date is a date, but it is compared with a number \(30\)/);
    expect(errorsOf(rulesFile(rule('has_quote > 1')))[0].message).toMatch(/has_quote is yes\/no/);
    expect(errorsOf(rulesFile(rule('status && has_quote')))[0].message).toMatch(/status is text, not yes\/no/);
    expect(errorsOf(rulesFile(rule('consent_email && has_quote')))[0].message).toMatch(/consent_email may be unknown \(null\).*consent_email == true/);
    expect(errorsOf(rulesFile(rule('latest_quote.status > 3')))[0].message).toMatch(/latest_quote\.status is text/);
  });

  it('accepts what the catalog allows: dates against ISO text, numbers with null checks, the whole default ruleset', async () => {
    for (const ok of ['service_date > "2027-01-01"', 'budget_gap_pct != null && budget_gap_pct > 40', 'service_type == "storage" && !quote_ever_sent', '"vip" in tags', 'consent_email == false']) {
      const r = parseRulesetFiles(rulesFile(rule(`'${ok}'`)));
      expect(r.ok ? [] : r.errors).toEqual([]);
    }
    const r = parseRulesetFiles(await readRulesetFiles('rules/default'));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});

describe('hints for spreadsheet operators and plain English', () => {
  it.each([
    ['has_quote and quote_ever_sent', 'and', '&&'],
    ['opted_out or erasure_requested', 'or', '||'],
    ['status = "won"', '=', '=='],
    ['status <> "won"', '<>', '!='],
    ['not has_inbound', 'not', '!'],
  ])('%s: names %s and says to write %s, pointing at it', (when, word, write) => {
    const [e] = errorsOf(rulesFile(rule(`'${when}'`)));
    expect(e.message).toContain(`write ${write} instead of "${word}"`);
    // Column of the operator itself: `    when: '` is 11 characters.
    expect(e.column).toBe(12 + when.indexOf(word === 'not' ? 'not' : ` ${word}`) + (word === 'not' ? 0 : 1));
  });

  it('words inside quotes are values, not operators', () => {
    const [e] = errorsOf(rulesFile(rule(`'lost_reason == "and" &&'`)));
    expect(e.message).not.toMatch(/instead of "and"/);
  });

  it('plain English says how a condition is written', () => {
    const [e] = errorsOf(rulesFile(rule('the move is far away')));
    expect(e.message).toMatch(/reads like plain words/);
    expect(e.message).toMatch(/days_until_service_date > 120/);
  });

  it('an unknown name suggests the nearest feature', () => {
    const [e] = errorsOf(rulesFile(rule('days_until_service > 3')));
    expect(e.message).toMatch(/did you mean days_until_service_date/);
  });
});

describe('YAML errors on the line to fix, with a sentence saying what to do', () => {
  const settings = rulesFile(rule('has_quote'))['ruleset.yaml'];
  const withRules = (text: string) => ({ 'ruleset.yaml': settings, 'rules.yaml': text });

  it('an extra indent points at the indented line and says how far to move it back', () => {
    const [e] = errorsOf(withRules('rules:\n  - id: x\n    kind: wait\n      description: foo\n    when: has_quote\n'));
    expect(e).toMatchObject({ file: 'rules.yaml', line: 4 });
    expect(e.message).toBe('YAML: line 4 (description:) is indented further than line 3 (kind:). Move it back 2 space(s) so the two line up.');
  });

  it('a line indented too little, an unclosed quote, ": " inside a value, a tab, a duplicate key', () => {
    expect(errorsOf(withRules('rules:\n  - id: x\n    kind: wait\n   description: foo\n'))[0]).toMatchObject({ line: 4, message: expect.stringMatching(/not lined up.*Indent it by 4 space/) });
    expect(errorsOf(withRules('rules:\n  - id: x\n    explain: "foo\n    when: a\n'))[0]).toMatchObject({ line: 3, message: expect.stringMatching(/never closed/) });
    expect(errorsOf(withRules('rules:\n  - id: x\n    explain: Note: this is bad\n'))[0].message).toMatch(/Put the whole value in double quotes: explain: "Note: this is bad"/);
    expect(errorsOf(withRules('rules:\n  - id: x\n\tkind: wait\n'))[0].message).toMatch(/tab/);
    expect(errorsOf(withRules('rules:\n  - id: x\n    id: y\n'))[0]).toMatchObject({ line: 3, message: expect.stringMatching(/id appears twice/) });
  });
});

describe('test scenarios in the ruleset files', () => {
  const lead = (id: string, type: string) => JSON.stringify({ id, created_at: '2026-10-01T09:00:00Z', contact: { name: 'A', email: 'a@example.org' }, service: { type }, quotes: [], activities: [] });
  const scenarios = (expectStorage: string) => `scenarios:
  - name: storage without a quote is not worth pursuing
    as_of: "2026-11-20"
    lead: ${lead('S-1', 'storage')}
    expect: { decision: ${expectStorage}, reason: low_intent }
  - name: a moving lead is not excluded by it
    as_of: "2026-11-20"
    lead: ${lead('S-2', 'moving')}
    expect: { decision: not_worth_pursuing }
`;

  it('runs each pinned lead and reports pass or fail with what it got', () => {
    const files = { ...rulesFile(rule('service_type == "storage" && !quote_ever_sent')), 'scenarios.yaml': scenarios('not_worth_pursuing') };
    const parsed = parseRulesetFiles(files);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (!parsed.ok) return;
    expect(parsed.ruleset.scenarios.map((s) => [s.name, s.line])).toEqual([['storage without a quote is not worth pursuing', 2], ['a moving lead is not excluded by it', 6]]);
    const results = runScenarios(compileRuleset(parsed.ruleset));
    expect(results.map((r) => r.passed)).toEqual([true, true]);

    const failing = parseRulesetFiles({ ...files, 'scenarios.yaml': scenarios('contact') });
    if (!failing.ok) throw new Error('expected ok');
    const [first] = runScenarios(compileRuleset(failing.ruleset));
    expect(first).toMatchObject({ passed: false, lead_id: 'S-1', got: { decision: 'not_worth_pursuing', reasons: ['low_intent'] } });
    expect(first.failure).toBe('expected contact, got not_worth_pursuing (low_intent)');
  });

  it('a scenario with a bad lead record or expectation is a validation error where it is written', () => {
    const errors = errorsOf({ ...rulesFile(rule('has_quote')), 'scenarios.yaml': scenarios('call_them').replace('"2026-11-20"', '"2026-13-40"') });
    expect(errors.map((e) => [e.file, e.path])).toEqual([['scenarios.yaml', 'scenarios.0.as_of'], ['scenarios.yaml', 'scenarios.0.expect.decision']]);
    expect(errors[0].line).toBe(3);
  });
});

describe('warnings from deciding a set of leads', () => {
  it('a rule that fails on leads, one that matches none, one that never decides', async () => {
    const { compileFiles } = await import('./ruleset-fixture.ts');
    const { rulesetWarnings, decide, computeFeatures } = await import('../../../server/domain/rules/index.ts');
    const compiled = compileFiles(rulesFile(`${rule('signal("tone")').replace('storage_far', 'tone_rule')}${rule('service_type == "piano"').replace('storage_far', 'piano')}${rule('has_quote').replace('storage_far', 'after_block')}  - id: block_quotes
    kind: hard_block
    description: every lead with a quote
    when: has_quote
    reason: complaint
    explain: "Blocked."
`));
    const leads = [
      { id: 'A', quotes: [{ id: 'Q', sent_at: '2026-10-01T00:00:00Z', amount: 100, status: 'sent' }] },
      { id: 'B', service: { type: 'moving' } },
    ];
    const decisions = leads.map((l) => decide(compiled, computeFeatures(l as never, '2026-11-20'), { trace: 'compact' }));
    const warnings = rulesetWarnings(compiled, decisions, leads.map((l) => l.id));
    const byRule = Object.fromEntries(warnings.map((w) => [w.rule_id, w]));
    expect(byRule.tone_rule).toMatchObject({ kind: 'fails_on_leads', lead_ids: ['A', 'B'] });
    expect(byRule.tone_rule.message).toMatch(/could not be evaluated on 2 of 2 leads \(signal "tone" unavailable/);
    expect(byRule.piano).toMatchObject({ kind: 'matches_no_lead' });
    expect(byRule.after_block).toMatchObject({ kind: 'never_decides' });
    expect(byRule.after_block.message).toMatch(/most often block_quotes, a hard block/);
    expect(byRule.block_quotes).toBeUndefined();
  });
});
