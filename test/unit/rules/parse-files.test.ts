import { describe, it, expect } from 'vitest';
import { contentHash, formatRulesetError, loadRulesetFromDir, parseRulesetFiles, readRulesetFiles, rulesetToFiles } from '../../../server/domain/rules/index.ts';
import { rulesFile } from './ruleset-fixture.ts';

const RULE = `  - id: passed
    kind: exclusion
    decision: do_not_contact
    description: date passed
    when: has_service_date && days_until_service_date < 0
    reason: service_date_passed
    explain: "Service date {service_date} passed."
`;

function errorsOf(files: Record<string, string>) {
  const r = parseRulesetFiles(files);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('parseRulesetFiles / rulesetToFiles / contentHash', () => {
  it('round-trips files -> ruleset -> files exactly (the files map is the canonical form)', async () => {
    const files = await readRulesetFiles('rules/default');
    expect(Object.keys(files).some((p) => p.startsWith('prompts/'))).toBe(false); // versioned on their own
    const parsed = parseRulesetFiles(files);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(rulesetToFiles(parsed.ruleset)).toEqual(files);
    expect(parsed.ruleset.hash).toBe(contentHash(files));
    const again = parseRulesetFiles(rulesetToFiles(parsed.ruleset));
    expect(again.ok && again.ruleset.hash).toBe(parsed.ruleset.hash);
  });

  it('hashes sorted path + content: order-independent, content-sensitive', () => {
    expect(contentHash({ a: '1', b: '2' })).toBe(contentHash({ b: '2', a: '1' }));
    expect(contentHash({ a: '1', b: '2' })).not.toBe(contentHash({ a: '1', b: '2 ' }));
    expect(contentHash({ ab: '' })).not.toBe(contentHash({ a: 'b' }));
  });

  it('loads the default ruleset from its folder', async () => {
    const r = await loadRulesetFromDir('rules/default');
    expect(r.ok).toBe(true);
  });

  it('reports YAML syntax errors with file and line', () => {
    const [e] = errorsOf({ ...rulesFile(RULE), 'rules.yaml': 'rules:\n  - id: x\n    when: [1,\n' });
    expect(e.file).toBe('rules.yaml');
    expect(e.line).toBeGreaterThan(1);
    expect(e.message).toMatch(/YAML/);
  });

  it('reports schema errors with file, rule id, line and column', () => {
    const errors = errorsOf(rulesFile(RULE.replace('kind: exclusion', 'kind: exclude')));
    expect(errors[0]).toMatchObject({ file: 'rules.yaml', rule_id: 'passed', line: 3, column: 11, path: 'rules.0.kind' });
    expect(formatRulesetError(errors[0])).toMatch(/^rules\.yaml:3:11 rule passed \(rules\.0\.kind\): /);
  });

  it('checks per-kind requirements and duplicate ids', () => {
    const noDecision = errorsOf(rulesFile(RULE.replace('    decision: do_not_contact\n', '')));
    expect(noDecision[0].message).toMatch(/decision is required/);
    const dup = errorsOf(rulesFile(RULE + RULE));
    expect(dup.some((e) => /already used/.test(e.message) && e.line === 9)).toBe(true);
    const noSettings = errorsOf({ 'rules.yaml': `rules:\n${RULE}` });
    expect(noSettings[0].message).toMatch(/settings/);
  });

  it('gives CEL syntax errors at their position within the file', () => {
    const [e] = errorsOf(rulesFile(RULE.replace('days_until_service_date < 0', 'days_until_service_date < ')));
    // `when:` is on line 6; the value starts at column 11; EOF is right after the trailing `<`.
    expect(e).toMatchObject({ file: 'rules.yaml', rule_id: 'passed', line: 6, path: 'rules.0.when' });
    expect(e.column).toBe(11 + 'has_service_date && days_until_service_date <'.length);
    expect(e.message).toMatch(/CEL syntax/);
  });

  it('reports unknown features, quote fields, signals and placeholders with positions', () => {
    const unknown = errorsOf(rulesFile(RULE.replace('has_service_date &&', 'has_date &&')));
    expect(unknown[0]).toMatchObject({ line: 6, column: 11 });
    expect(unknown[0].message).toMatch(/Unknown variable: has_date/);
    expect(errorsOf(rulesFile(RULE.replace('has_service_date', 'latest_quote.price > 1')))[0].message).toMatch(/latest_quote has no field "price"/);
    expect(errorsOf(rulesFile(RULE.replace('has_service_date', 'signal("nope")')))[0].message).toMatch(/unknown signal "nope"/);
    const ph = errorsOf(rulesFile(RULE.replace('{service_date}', '{servce_date}')));
    expect(ph[0]).toMatchObject({ line: 8, column: 28 });
  });

  it('locates errors inside block scalars', () => {
    const block = RULE.replace('    when: has_service_date && days_until_service_date < 0', '    when: >-\n      has_service_date &&\n      days_until_service_date <> 0');
    const [e] = errorsOf(rulesFile(block));
    // At the start of `<>`, with the hint to write != instead.
    expect(e).toMatchObject({ line: 8, column: 31 });
    expect(e.message).toContain('write != instead of "<>"');
  });
});
