/**
 * The form view's YAML edits keep every other byte of the file: the saved diff is exactly the
 * edit. Checked on the shipped default ruleset files.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readRulesetFiles } from '../../../server/domain/rules/index.ts';
import { appendBlockItem, appendToList, rawYaml, removeFromList, removeKey, renderScalar, setValue } from '../../../web/src/rules/yaml-edit.ts';

const changedLines = (a: string, b: string) => {
  const x = a.split('\n'), y = b.split('\n');
  const out: string[] = [];
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) out.push(`${x[i] ?? ''} => ${y[i] ?? ''}`);
  return out;
};

describe('yaml-edit', async () => {
  const files = await readRulesetFiles('rules/default');

  it('sets a number in place: one line changes', () => {
    const before = files['ruleset.yaml'];
    const after = setValue(before, ['ruleset', 'contact_threshold'], 20);
    expect(changedLines(before, after)).toEqual(['  contact_threshold: 25 =>   contact_threshold: 20']);
    expect(parse(after).ruleset.contact_threshold).toBe(20);
  });

  it('sets conditions, quoted explanations and folded descriptions without touching anything else', () => {
    const before = files['wait.yaml'];
    const i = parse(before).rules.findIndex((r: { id: string }) => r.id === 'too_early');
    let after = setValue(before, ['rules', i, 'when'], 'has_service_date && days_until_service_date > 90');
    expect(changedLines(before, after)).toEqual(['    when: has_service_date && days_until_service_date > 120 =>     when: has_service_date && days_until_service_date > 90']);
    after = setValue(after, ['rules', i, 'explain'], 'Far away: {service_date}.');
    expect(after).toContain('    explain: "Far away: {service_date}."\n');
    const negated = setValue(before, ['rules', i, 'when'], '!has_service_date');
    expect(parse(negated).rules[i].when).toBe('!has_service_date');
    const folded = files['contact.yaml'];
    const j = parse(folded).rules.findIndex((r: { id: string }) => r.id === 'suspicious_instructions_in_text');
    const refolded = setValue(folded, ['rules', j, 'description'], 'Flagged only.');
    expect(parse(refolded).rules[j].description).toBe('Flagged only.');
    expect(parse(refolded).rules[j].when).toBe('signal("prompt_injection")');
  });

  it('adds and removes phrases in a multi-line [ ] list: only its last line changes', () => {
    const before = files['signals-refusal.yaml'];
    const after = appendToList(before, ['signals', 'asked_not_to_contact', 'phrases', 'de'], 'bitte nie wieder');
    const lines = changedLines(before, after);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/"wie oft muss ich"\] => .*"wie oft muss ich", "bitte nie wieder"\]$/);
    expect(parse(after).signals.asked_not_to_contact.phrases.de.at(-1)).toBe('bitte nie wieder');
    const n = parse(after).signals.asked_not_to_contact.phrases.de.length;
    expect(removeFromList(after, ['signals', 'asked_not_to_contact', 'phrases', 'de'], n - 1)).toBe(before);
    const first = removeFromList(before, ['signals', 'asked_not_to_contact', 'phrases', 'de'], 0);
    expect(parse(first).signals.asked_not_to_contact.phrases.de[0]).toBe('kontaktieren sie mich nicht');
  });

  it('adds a missing key and removes it again exactly', () => {
    const before = files['exclusions.yaml'];
    const after = setValue(before, ['rules', 0, 'enabled'], false);
    expect(parse(after).rules[0].enabled).toBe(false);
    expect(removeKey(after, ['rules', 0, 'enabled'])).toBe(before);
  });

  it('appends a rule after the last one, with the same blank line and indentation', () => {
    const before = files['exclusions.yaml'];
    const after = appendBlockItem(before, 'rules', [['id', 'storage_no_quote'], ['kind', 'exclusion'], ['decision', 'not_worth_pursuing'], ['when', 'service_type == "storage" && !quote_ever_sent']]);
    expect(after.startsWith(before.trimEnd())).toBe(true);
    expect(after.slice(before.trimEnd().length)).toBe('\n\n  - id: storage_no_quote\n    kind: exclusion\n    decision: not_worth_pursuing\n    when: service_type == "storage" && !quote_ever_sent\n');
    expect(parse(after).rules.at(-1).when).toBe('service_type == "storage" && !quote_ever_sent');
  });

  it('creates a scenarios file and appends to it; a raw JSON lead stays one line', () => {
    const lead = JSON.stringify({ id: 'L-1', service: { type: 'storage' } });
    const one = appendBlockItem('', 'scenarios', [['name', 'storage lead'], ['as_of', '2026-11-20'], ['lead', rawYaml(lead)]]);
    expect(one).toBe(`scenarios:\n  - name: storage lead\n    as_of: "2026-11-20"\n    lead: ${lead}\n`);
    const two = appendBlockItem(one, 'scenarios', [['name', 'second'], ['as_of', '2026-11-20'], ['lead', rawYaml(lead)]]);
    expect(parse(two).scenarios.map((s: { name: string }) => s.name)).toEqual(['storage lead', 'second']);
    expect(parse(two).scenarios[1].as_of).toBe('2026-11-20');
  });

  it('renders scalars YAML reads back unchanged', () => {
    for (const v of ['plain text', '!negated', 'a: b', 'yes', '12', 'say "hi"', "it's \"x\"", '{x}', 'trailing:', ' padded', 'x # y', 'a, b']) {
      expect(parse(`k: ${renderScalar(v)}`).k).toBe(v);
      expect(parse(`k: [${renderScalar(v, true)}]`).k).toEqual([v]);
    }
  });
});

describe('yaml-edit: deleting a rule', async () => {
  const files = await readRulesetFiles('rules/default');
  it('removes the rule block and nothing else; the file still parses with one rule less', () => {
    const before = files['exclusions.yaml'];
    const rules = parse(before).rules;
    const i = rules.findIndex((r: { id: string }) => r.id === 'duplicate');
    const after = removeFromList(before, ['rules'], i);
    expect(parse(after).rules.map((r: { id: string }) => r.id)).toEqual(rules.filter((_: unknown, j: number) => j !== i).map((r: { id: string }) => r.id));
    expect(after).not.toContain('id: duplicate');
    expect(after).toContain('# --- not_worth_pursuing ---');
    expect(before.split('\n').length - after.split('\n').length).toBe(8);
  });
});
