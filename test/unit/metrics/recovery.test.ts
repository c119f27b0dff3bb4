/** The recovery model, its calibration error, expected recovered revenue, dated outcomes and lift. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withLaterEvents } from '../../../datasets/backtest/with-later-events.ts';
import { leadKnownAsOf } from '../../../server/domain/features/known-as-of.ts';
import type { Lead } from '../../../server/domain/lead.ts';
import { calibrationOf, fitRecoveryModel, predictRecovery, reliability, type OutcomeRow } from '../../../server/domain/metrics/calibration.ts';
import { outcomeAfter } from '../../../server/domain/metrics/dated-outcomes.ts';
import { expectedRecoveredRevenue, leadValue } from '../../../server/domain/metrics/recovered-revenue.ts';
import { compareRecovery } from '../../../server/domain/metrics/recovery-lift.ts';
import { mulberry32 } from '../../../server/domain/random.ts';
import { makeLead } from '../features/lead-fixture.ts';

/** Rows whose true P(recovered) is known: p = 0.05 + 0.5 * priority / 100, plus +0.2 for reason "hot". */
function synthetic(n: number, seed = 1): { rows: OutcomeRow[]; truth: number[] } {
  const random = mulberry32(seed);
  const rows: OutcomeRow[] = [];
  const truth: number[] = [];
  for (let i = 0; i < n; i++) {
    const priority = Math.floor(random() * 101);
    const reason = random() < 0.3 ? 'hot' : 'cold';
    const p = 0.05 + (0.5 * priority) / 100 + (reason === 'hot' ? 0.2 : 0);
    truth.push(p);
    rows.push({ priority, reason, recovered: random() < p });
  }
  return { rows, truth };
}

describe('recovery model', () => {
  it('recovers probabilities that a higher priority and a better reason raise, and is well calibrated out of fold', () => {
    const { rows } = synthetic(4000);
    const model = fitRecoveryModel(rows);
    const low = predictRecovery(model, { priority: 10, reason: 'cold' });
    const high = predictRecovery(model, { priority: 90, reason: 'cold' });
    const hot = predictRecovery(model, { priority: 90, reason: 'hot' });
    expect(low).toBeGreaterThan(0.03);
    expect(low).toBeLessThan(0.2);
    expect(high).toBeGreaterThan(0.35);
    expect(hot - high).toBeGreaterThan(0.1);
    expect(calibrationOf(rows).ece).toBeLessThan(0.05);
  });

  it('ECE sees a miscalibrated predictor, and the diagram bins hold every prediction', () => {
    const { rows, truth } = synthetic(2000, 3);
    const honest = reliability(truth, rows.map((r) => r.recovered));
    const overconfident = reliability(truth.map((p) => Math.min(1, p * 1.8)), rows.map((r) => r.recovered));
    expect(overconfident.ece).toBeGreaterThan(honest.ece + 0.1);
    expect(honest.bins.reduce((s, b) => s + b.count, 0)).toBe(2000);
  });

  it('is the maximum of the penalised likelihood over the rows themselves (the fit groups identical rows)', () => {
    const { rows } = synthetic(3000, 9);
    const model = fitRecoveryModel(rows);
    // Gradient of the L2-penalised log loss, summed row by row: zero at the maximum.
    const grad = model.weights.map((w, j) => (j === 0 ? 0 : w));
    for (const r of rows) {
      const p = predictRecovery(model, r);
      const err = p - (r.recovered ? 1 : 0);
      grad[0] += err;
      grad[1] += err * (Math.max(0, Math.min(100, r.priority)) / 100);
      grad[model.columns.indexOf(`reason:${r.reason}`)] += err;
    }
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-6);
    expect(model.n).toBe(3000);
    expect(model.positives).toBe(rows.filter((r) => r.recovered).length);
  });

  it('predicts the base rate when nothing separates the rows', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ priority: 50, reason: null, recovered: i % 10 === 0 }));
    expect(predictRecovery(fitRecoveryModel(rows), { priority: 50, reason: null })).toBeCloseTo(0.1, 2);
  });
});

describe('expected recovered revenue', () => {
  it('is the sum of P x value with a seeded interval around it', () => {
    const { rows } = synthetic(1500, 5);
    const selected = [{ priority: 90, reason: 'hot', value: 2000 }, { priority: 20, reason: 'cold', value: 500 }];
    const model = fitRecoveryModel(rows);
    const r = expectedRecoveredRevenue(rows, selected);
    expect(r.expected).toBeCloseTo(predictRecovery(model, selected[0]) * 2000 + predictRecovery(model, selected[1]) * 500, 6);
    expect(r.interval![0]).toBeLessThan(r.expected);
    expect(r.interval![1]).toBeGreaterThan(r.expected);
    expect(expectedRecoveredRevenue(rows, selected)).toEqual(r);
    expect(expectedRecoveredRevenue([], selected).expected).toBe(0);
  });

  it('values a lead by its latest quote, else its estimate, else the average job', () => {
    expect(leadValue({ quotes: [{ sent_at: '2026-01-01', amount: 100 }, { sent_at: '2026-02-01', amount: 300 }], value_estimate: 50 })).toEqual({ value: 300, source: 'quote' });
    expect(leadValue({ quotes: [], value_estimate: 50 })).toEqual({ value: 50, source: 'estimate' });
    expect(leadValue({ quotes: null, value_estimate: null }, 777)).toEqual({ value: 777, source: 'average_job' });
  });
});

describe('dated outcomes and lift', () => {
  const base = makeLead();
  const inbound = (at: string, outcome: string | null) => ({ at, channel: 'email' as const, direction: 'inbound' as const, author: 'customer', outcome, text: 'x' });

  it('reads what happened in the window after as_of, worst first, and ignores what was before', () => {
    expect(outcomeAfter(base, '2026-11-20').outcome).toBe('no_response');
    expect(outcomeAfter({ ...base, activities: [...base.activities!, inbound('2026-11-25T10:00:00Z', 'replied')] }, '2026-11-20')).toEqual({ outcome: 'reactivated', at: '2026-11-25' });
    expect(outcomeAfter({ ...base, activities: [inbound('2026-11-25T10:00:00Z', 'replied'), inbound('2026-12-01T10:00:00Z', 'complaint')] }, '2026-11-20').outcome).toBe('complained');
    expect(outcomeAfter({ ...base, activities: [inbound('2026-11-19T10:00:00Z', 'replied')] }, '2026-11-20').outcome).toBe('no_response');
    expect(outcomeAfter({ ...base, activities: [inbound('2027-03-01T10:00:00Z', 'replied')] }, '2026-11-20', 60).outcome).toBe('no_response');
    expect(outcomeAfter({ ...base, quotes: [{ id: 'Q1', sent_at: '2026-10-21T10:00:00Z', amount: 10, status: 'accepted', decided_at: '2026-12-01T10:00:00Z' } as never] }, '2026-11-20').outcome).toBe('converted');
  });

  it('compares recovery of two groups with an interval of the difference', () => {
    const items = [
      ...Array.from({ length: 100 }, (_, i) => ({ inA: true, recovered: i < 30 })),
      ...Array.from({ length: 300 }, (_, i) => ({ inA: false, recovered: i < 30 })),
    ];
    const c = compareRecovery(items);
    expect(c.a.rate).toBeCloseTo(0.3);
    expect(c.b.rate).toBeCloseTo(0.1);
    expect(c.lift).toBeCloseTo(3);
    expect(c.difference_interval![0]).toBeGreaterThan(0.05);
    expect(c.difference_interval![1]).toBeLessThan(0.35);
  });
});

describe('backtest fixture', () => {
  const demo: Lead[] = fs.readFileSync('datasets/demo.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const fixture = withLaterEvents(demo, { asOf: '2026-11-20' });

  it('is deterministic, adds only events after as_of, and its outcomes follow the gold outcome', () => {
    expect(withLaterEvents(demo, { asOf: '2026-11-20' })).toEqual(fixture);
    expect(fixture).toHaveLength(demo.length + 50);
    const byId = new Map(demo.map((l) => [l.id, l]));
    let agree = 0, labeled = 0;
    for (const lead of fixture) {
      const original = byId.get(lead.id);
      if (!original) {
        expect(lead.created_at! > '2026-11-21').toBe(true);
        continue;
      }
      // As of the demo's as_of the record is the demo record again (the decided quote aside, reverted).
      expect(leadKnownAsOf(lead, '2026-11-20').activities).toEqual(original.activities);
      const gold = original.label?.outcome;
      if (gold && gold !== 'no_response') {
        labeled++;
        if (outcomeAfter(lead, '2026-11-20').outcome === gold) agree++;
      }
    }
    expect(agree).toBe(labeled);
  });
});
