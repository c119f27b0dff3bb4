/**
 * Catch rate and false-alarm rate of the grounding checker over the labeled fixtures in
 * test/fixtures/grounding. A planted case is caught when every expected kind is reported
 * (extra kinds are allowed); a faithful case false-alarms on any issue.
 */
import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../../server/domain/guardrails/index.ts';
import { loadGroundingFixtures } from './fixture-loader.ts';

const { leads, cases } = loadGroundingFixtures();

describe('grounding fixtures', () => {
  const results = cases.map((c) => {
    const lead = leads[c.lead];
    if (!lead) throw new Error(`fixture ${c.id}: unknown lead ${c.lead}`);
    const { issues } = checkGrounding(lead, c.text, { asOf: c.as_of });
    const kinds = new Set(issues.map((i) => i.kind));
    return { c, issues, missing: c.expected_issue_kinds.filter((k) => !kinds.has(k as never)) };
  });
  const planted = results.filter((r) => r.c.expected_issue_kinds.length > 0);
  const faithful = results.filter((r) => r.c.expected_issue_kinds.length === 0);
  const misses = planted.filter((r) => r.missing.length > 0);
  const falseAlarms = faithful.filter((r) => r.issues.length > 0);
  const catchRate = (planted.length - misses.length) / planted.length;
  const falseAlarmRate = falseAlarms.length / faithful.length;

  it('has enough labeled cases of every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set(planted.flatMap((r) => r.c.expected_issue_kinds));
    for (const k of ['unsupported_date', 'unsupported_amount', 'unsupported_place', 'unsupported_name', 'unsupported_quantity', 'unsupported_claim', 'pricing_promise', 'prohibited_action', 'followed_injected_instruction']) {
      expect(kinds, k).toContain(k);
    }
  });

  it('catches >= 95% of planted errors and false-alarms on <= 5% of faithful drafts', () => {
    console.log(`grounding fixtures: ${planted.length} planted, ${faithful.length} faithful; catch rate ${(catchRate * 100).toFixed(1)}%, false-alarm rate ${(falseAlarmRate * 100).toFixed(1)}%`);
    for (const m of misses) console.log(`  MISS ${m.c.id} (${m.c.note}): expected ${m.missing.join(', ')}; got ${m.issues.map((i) => i.kind).join(', ') || 'nothing'}\n    ${JSON.stringify(m.c.text)}`);
    for (const f of falseAlarms) console.log(`  FALSE ALARM ${f.c.id} (${f.c.note}): ${f.issues.map((i) => `${i.kind} "${i.text}"`).join('; ')}`);
    expect(catchRate).toBeGreaterThanOrEqual(0.95);
    expect(falseAlarmRate).toBeLessThanOrEqual(0.05);
  });
});
