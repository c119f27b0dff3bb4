/** The form's reading of rule conditions: parse the CEL subset, write it back, say it as a sentence. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FEATURE_CATALOG, parseRulesetFiles, readRulesetFiles } from '../../../server/domain/rules/index.ts';
import { conditionSentence, parseCondition, writeCondition } from '../../../web/src/rules/condition.ts';
import { setValue } from '../../../web/src/rules/yaml-edit.ts';

const catalog = FEATURE_CATALOG.map((f) => ({ ...f }));

describe('rule conditions in the form', () => {
  it('reads most default conditions; what it writes back means the same to the engine', async () => {
    const files = await readRulesetFiles('rules/default');
    const whens = Object.entries(files).filter(([p]) => p.endsWith('.yaml')).flatMap(([, t]) => (parse(t).rules ?? []).map((r: { when: string }) => r.when));
    const parsed = whens.map((w) => ({ w, c: parseCondition(w, catalog) }));
    const representable = parsed.filter((p) => p.c);
    expect(representable.length / whens.length).toBeGreaterThan(0.7);
    for (const { c } of representable) expect(parseCondition(writeCondition(c!), catalog)).toEqual(c);
    // The engine accepts every rewritten condition and decides the same way (same hash of rules aside).
    const rewritten = Object.fromEntries(Object.entries(files).filter(([p]) => p.endsWith('.yaml')).map(([p, t]) => {
      let text = t;
      (parse(t).rules ?? []).forEach((r: { when: string }, i: number) => {
        const c = parseCondition(r.when, catalog);
        if (c) text = setValue(text, ['rules', i, 'when'], writeCondition(c));
      });
      return [p, text];
    }));
    const r = parseRulesetFiles(rewritten);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('says a condition as a sentence', () => {
    const c = parseCondition('days_until_service_date > 120 && quote_ever_sent', catalog)!;
    expect(conditionSentence(c, catalog)).toBe('the service date is more than 120 days away and a quote was sent');
    expect(conditionSentence(parseCondition('service_type == "storage" && !quote_ever_sent', catalog)!, catalog)).toBe('service type is storage and no quote was sent');
    expect(conditionSentence(parseCondition('signal("price_objection") && (budget_gap_pct == null || budget_gap_pct <= 40)', catalog)!, catalog))
      .toBe('"price objection" signal matched and (budget gap pct is unknown or budget gap pct is at most 40%)');
  });

  it('leaves what it cannot represent to raw CEL', () => {
    for (const w of ['intent("asked_not_to_contact")', '7 - days_since_last_outbound > 2', 'tags.exists(t, t == "vip")', 'has_quote ? true : false', 'nope > 1']) {
      expect(parseCondition(w, catalog)).toBeNull();
    }
  });
});
