import { describe, expect, it } from 'vitest';
import { bootstrapCategories, percentile, quantile, seededRandom } from '../../server/domain/metrics/bootstrap.ts';
import { computeEvalMetrics, headlineMetrics, HEADLINE_METRICS, type EvalLeadRow } from '../../server/domain/metrics/eval-metrics.ts';
import { callListOrder, outcomeRanking } from '../../server/domain/metrics/outcome-ranking.ts';
import { metricDeltas, pairRows } from '../../server/domain/metrics/run-comparison.ts';
import { evaluateGates, parseGates, GateFileError } from '../../server/modules/evals/gates.ts';
import type { Decision } from '../../server/domain/lead.ts';

function row(id: string, decision: Decision, gold: Decision | null, extra: Partial<EvalLeadRow> = {}): EvalLeadRow {
  return {
    lead_id: id, decision, priority: 0, gold, gold_reasons: [], outcome: null, compliance_flag: false,
    draft_status: decision === 'contact' || decision === 'wait' ? 'ok' : 'not_needed', issue_kinds: [], latency_ms: 1, cost: null, tokens: 0, cached: false,
    ...extra,
  };
}

describe('computeEvalMetrics', () => {
  const rows: EvalLeadRow[] = [
    row('a', 'do_not_contact', 'do_not_contact'),
    row('b', 'do_not_contact', 'do_not_contact'),
    row('c', 'do_not_contact', 'contact'),
    row('d', 'contact', 'do_not_contact', { gold_reasons: ['opted_out'], issue_kinds: ['unsupported_date', 'pricing_promise'], draft_status: 'withheld' }),
    row('e', 'contact', 'contact', { priority: 90, outcome: 'converted', latency_ms: 10, cost: 0.002, tokens: 300 }),
    row('f', 'wait', 'wait', { draft_status: 'schema_failure', issue_kinds: [] }),
    row('g', 'not_worth_pursuing', null, { compliance_flag: true }),
  ];
  const m = computeEvalMetrics(rows);

  it('computes the contract metrics as numbers', () => {
    expect(m.dnc_precision).toBeCloseTo(2 / 3);
    expect(m.dnc_recall).toBeCloseTo(2 / 3);
    expect(m.decision_accuracy).toBeCloseTo(4 / 6);
    expect(m.compliance_violations).toBe(2); // d (hard-block gold reason), g (record flag)
    expect(m.compliance_violation_ids).toEqual(['d', 'g']);
    expect(m.selection_rate).toBeCloseTo(2 / 7);
    // produced drafts: d (withheld, with issues) and e (ok, clean); f is a schema failure, not a draft
    expect(m.drafts).toBe(2);
    expect(m.grounding_rate).toBeCloseTo(0.5);
    expect(m.pricing_promises).toBe(1);
    expect(m.schema_failures).toBe(1);
    expect(m.unsupported_claims).toEqual({ unsupported_date: 1, pricing_promise: 1 });
    expect(m.confusion.do_not_contact.contact).toBe(1);
    expect(m.cost_per_lead).toBeCloseTo(0.002 / 7);
    expect(m.tokens_per_lead).toBeCloseTo(300 / 7);
    expect(m.latency_ms).toEqual({ p50: 1, p90: 10, p99: 10 });
    for (const name of HEADLINE_METRICS) expect(typeof headlineMetrics(m)[name]).toBe('number');
  });

  it('gives vacuous values with nothing to count: grounding 1 with no drafts, precision/recall 1', () => {
    const none = computeEvalMetrics([row('x', 'not_worth_pursuing', 'not_worth_pursuing')]);
    expect(none.grounding_rate).toBe(1);
    expect(none.dnc_precision).toBe(1);
    expect(none.dnc_recall).toBe(1);
    expect(none.intervals.dnc_precision).toBeNull();
    const empty = computeEvalMetrics([]);
    expect(empty.selection_rate).toBe(0);
    expect(empty.intervals.dnc_recall).toBeNull();
  });

  it('bootstraps deterministic 95% intervals that contain the estimate', () => {
    const many: EvalLeadRow[] = [];
    for (let i = 0; i < 400; i++) {
      const gold: Decision = i % 3 === 0 ? 'do_not_contact' : 'contact';
      const pred: Decision = i % 7 === 0 ? (gold === 'do_not_contact' ? 'contact' : 'do_not_contact') : gold;
      many.push(row(`L${i}`, pred, gold));
    }
    const a = computeEvalMetrics(many);
    const b = computeEvalMetrics(many);
    expect(a.intervals).toEqual(b.intervals);
    const [lo, hi] = a.intervals.dnc_recall!;
    expect(lo).toBeLessThan(a.dnc_recall);
    expect(hi).toBeGreaterThan(a.dnc_recall);
    expect(hi - lo).toBeGreaterThan(0.02);
    expect(hi - lo).toBeLessThan(0.2);
    // Another seed gives a (slightly) different interval: the seed is what makes it repeatable.
    const other = computeEvalMetrics(many, { seed: 99 });
    expect(other.intervals.dnc_recall).not.toEqual(a.intervals.dnc_recall);
  });
});

describe('bootstrap helpers', () => {
  it('seededRandom repeats its stream and stays in [0, 1)', () => {
    const r1 = seededRandom(5);
    const r2 = seededRandom(5);
    const xs = Array.from({ length: 1000 }, () => r1());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => r2()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it('percentiles and quantiles', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99)).toBe(10);
    expect(percentile([], 50)).toBe(0);
    expect(quantile([0, 10], 0.25)).toBe(2.5);
  });

  it('a constant statistic has a zero-width interval', () => {
    const iv = bootstrapCategories(new Uint8Array([0, 1, 0, 1]), 2, () => 0.5, { draws: 50 });
    expect(iv).toEqual([0.5, 0.5]);
  });
});

describe('outcome ranking', () => {
  it('orders contact, then wait, by priority; counts positives in the top 10% / 20% with lift over random', () => {
    const rows = [];
    for (let i = 0; i < 100; i++) {
      // 10 positives: the 5 highest-priority contacts and 5 leads deep in the list.
      const positive = i < 5 || (i >= 90 && i < 95);
      rows.push(row(`L${i}`, i < 30 ? 'contact' : i < 50 ? 'wait' : 'do_not_contact', null, { priority: 100 - i, outcome: positive ? 'reactivated' : 'no_response' }));
    }
    rows.push(row('no-outcome', 'contact', null, { priority: 100 }));
    const r = outcomeRanking(rows);
    expect(r.with_outcome).toBe(100);
    expect(r.positives).toBe(10);
    expect(r.top10).toEqual({ size: 10, captured: 5, share: 0.5, lift: 5 });
    expect(r.top20.captured).toBe(5);
    expect(r.top20.lift).toBeCloseTo(2.5);
    const order = callListOrder([row('w', 'wait', null, { priority: 99 }), row('c1', 'contact', null, { priority: 10 }), row('c2', 'contact', null, { priority: 50 })]);
    expect(order.map((o) => o.lead_id)).toEqual(['c2', 'c1', 'w']);
    expect(outcomeRanking([row('x', 'contact', null)]).top10.lift).toBe(0);
  });
});

describe('run comparison', () => {
  it('gives deltas b - a with paired intervals', () => {
    const a: EvalLeadRow[] = [];
    const b: EvalLeadRow[] = [];
    for (let i = 0; i < 200; i++) {
      const gold: Decision = i % 2 ? 'do_not_contact' : 'contact';
      a.push(row(`L${i}`, gold, gold));
      // b misses a fifth of the do-not-contact leads
      b.push(row(`L${i}`, gold === 'do_not_contact' && i % 10 === 1 ? 'contact' : gold, gold));
    }
    const d = metricDeltas(headlineMetrics(computeEvalMetrics(a)), headlineMetrics(computeEvalMetrics(b)), pairRows(a, b));
    expect(d.dnc_recall.a).toBe(1);
    expect(d.dnc_recall.b).toBeCloseTo(0.8);
    expect(d.dnc_recall.delta).toBeCloseTo(-0.2);
    const [lo, hi] = d.dnc_recall.interval!;
    expect(lo).toBeLessThan(-0.2 + 1e-9);
    expect(hi).toBeGreaterThan(-0.2 - 1e-9);
    expect(hi).toBeLessThan(0);
    expect(d.dnc_precision.delta).toBe(0);
    expect(d.compliance_violations.interval).toBeNull();
  });
});

describe('gates', () => {
  const metrics = { dnc_precision: 0.96, dnc_recall: 0.9, decision_accuracy: 0.8, compliance_violations: 0, selection_rate: 0.2, grounding_rate: 0.99, pricing_promises: 0, schema_failures: 0, expected_recovered_revenue: 1000, calibration_ece: 0.05 };
  const gates = parseGates(`gates:
  - { metric: compliance_violations, max: 0 }
  - { metric: dnc_precision, min: 0.95 }
  - { metric: grounding_rate, min: 0.98 }
  - { metric: dnc_recall, max_drop: 0.02 }
`);

  it('passes, fails with the gate named, and skips baseline gates without a baseline', () => {
    const ok = evaluateGates(metrics, gates, { ...metrics, dnc_recall: 0.91 });
    expect(ok.passed).toBe(true);
    expect(ok.results.map((r) => r.status)).toEqual(['pass', 'pass', 'pass', 'pass']);

    const drop = evaluateGates(metrics, gates, { ...metrics, dnc_recall: 0.95 });
    expect(drop.passed).toBe(false);
    expect(drop.failed).toEqual(['dnc_recall']);
    expect(drop.results[3].message).toMatch(/drop 0.05 > max_drop 0.02/);

    const bad = evaluateGates({ ...metrics, compliance_violations: 3, dnc_precision: 0.9 }, gates);
    expect(bad.failed).toEqual(['compliance_violations', 'dnc_precision']);
    expect(bad.results[3].status).toBe('skipped');
  });

  it('treats a value exactly at the threshold as passing, despite floating error', () => {
    expect(evaluateGates({ ...metrics, dnc_precision: 0.1 + 0.2 }, parseGates('gates: [{ metric: dnc_precision, min: 0.3 }]')).passed).toBe(true);
    expect(evaluateGates(metrics, parseGates('gates: [{ metric: dnc_recall, max_drop: 0.1 }]'), { ...metrics, dnc_recall: 1.0 }).passed).toBe(true);
  });

  it('supports min_delta and max_increase against the baseline', () => {
    const g = parseGates('gates:\n  - { metric: decision_accuracy, min_delta: 0.01 }\n  - { metric: selection_rate, max_increase: 0.05 }\n');
    expect(evaluateGates(metrics, g, { ...metrics, decision_accuracy: 0.78, selection_rate: 0.18 }).passed).toBe(true);
    expect(evaluateGates(metrics, g, { ...metrics, decision_accuracy: 0.8, selection_rate: 0.1 }).failed).toEqual(['decision_accuracy', 'selection_rate']);
  });

  it('rejects unknown metrics, gates without a bound and broken YAML', () => {
    expect(() => parseGates('gates: [{ metric: vibes, min: 1 }]')).toThrow(GateFileError);
    expect(() => parseGates('gates: [{ metric: dnc_recall }]')).toThrow(/at least one of/);
    expect(() => parseGates('gates: [')).toThrow(/not valid YAML/);
    expect(() => parseGates('nothing: true')).toThrow(GateFileError);
  });
});
