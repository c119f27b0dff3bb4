import { describe, it, expect } from 'vitest';
import { computeFeatures } from '../../../server/domain/features/index.ts';
import { decide, loadRulesetFromDir, compileRuleset } from '../../../server/domain/rules/index.ts';
import { AS_OF, act, makeLead, withActivities } from '../features/lead-fixture.ts';
import { compileFiles, rulesFile } from './ruleset-fixture.ts';

const leads = [
  makeLead(),
  makeLead({ service: null, quotes: null, activities: null, consent: null, contact: null, created_at: null }),
  makeLead({ consent: { email: false, phone: false, opted_out_at: null, erasure_requested_at: null }, status: 'lost', lost_reason: 'went with competitor' }),
  makeLead(withActivities(act('2026-11-15', 'inbound', 'email', 'Too expensive, our budget is max 1500 €. Please call me. We postponed the move to March.'))),
  makeLead({ status: 'won', quotes: [{ id: 'Q', amount: 50, status: 'accepted', sent_at: '2026-11-19T00:00:00Z' }] }),
];

describe('closure evaluator vs cel-js', () => {
  it('gives the same decisions and traces as the reference interpreter on the default ruleset', async () => {
    const loaded = await loadRulesetFromDir('rules/default');
    if (!loaded.ok) throw new Error('default ruleset invalid');
    const fast = compileRuleset(loaded.ruleset);
    const ref = compileRuleset(loaded.ruleset, { evaluator: 'cel-js' });
    expect(fast.rules.every((r) => r.engine === 'closure')).toBe(true);
    for (const lead of leads) {
      const f = computeFeatures(lead, AS_OF);
      expect(decide(fast, f)).toEqual(decide(ref, f));
    }
  });

  it('agrees on null handling, mixed numbers, error absorption and unsupported shapes', () => {
    const exprs = [
      'days_until_service_date < 0', 'days_until_service_date >= 0', 'days_until_service_date == null', 'budget_stated != 1500',
      'days_since_created + 7 > 100', 'latest_quote.amount * 2 > 4000', 'latest_quote.amount / 2 > 1000', '7 / 2 == 3',
      '(status + 1 == 2) || has_email', 'has_email && (status + 1 == 2)', '!(status + 1 == 2) || true', 'status in ["won", "lost"]',
      '"vip" in tags', 'tags.exists(t, t == "vip")', 'status.startsWith("qu")', 'size(tags) == 0', 'consent_email == false ? true : false',
      '-days_since_created < 0', 'latest_quote.open', 'has_email && !has_phone',
    ];
    const rules = exprs.map((e, i) => `  - id: r${i}\n    kind: priority\n    description: x\n    when: '${e}'\n    weight: 1\n`).join('');
    const files = rulesFile(rules);
    const fast = compileFiles(files);
    const ref = compileFiles(files, { evaluator: 'cel-js' });
    expect(fast.rules.find((r) => r.id === 'r13')?.engine).toBe('cel-js'); // the exists() macro falls back
    for (const lead of leads) {
      const f = computeFeatures(lead, AS_OF);
      const a = decide(fast, f).trace.map((t) => [t.rule_id, t.matched, t.error === undefined]);
      const b = decide(ref, f).trace.map((t) => [t.rule_id, t.matched, t.error === undefined]);
      expect(a).toEqual(b);
    }
  });

  it('never reaches the prototype chain', () => {
    const r = compileFiles(rulesFile(`  - id: proto\n    kind: priority\n    description: x\n    when: '{"a": 1}.constructor == 1'\n    weight: 1\n`));
    const d = decide(r, computeFeatures(makeLead(), AS_OF));
    expect(d.trace[0].matched).toBe(false);
    expect(d.trace[0].error).toMatch(/No such key/);
    expect(() => compileFiles(rulesFile(`  - id: proto\n    kind: priority\n    description: x\n    when: latest_quote.constructor != null\n    weight: 1\n`))).toThrow(/no field .*constructor/);
  });
});
