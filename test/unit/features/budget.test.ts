import { describe, it, expect } from 'vitest';
import { computeFeatures } from '../../../server/domain/features/index.ts';
import { AS_OF, act, makeLead, withActivities } from './lead-fixture.ts';

const budgetOf = (text: string, direction: 'inbound' | 'internal' | 'outbound' = 'inbound') =>
  computeFeatures(makeLead(withActivities(act('2026-10-25', direction, direction === 'internal' ? 'note' : 'email', text))), AS_OF).values;

describe('budget mentioned in notes', () => {
  it.each([
    ['Our budget is 1800 EUR.', 1800],
    ['max 1.800 €', 1800],
    ['we can pay at most 1,800', 1800],
    ['Budget: 1 800 €', 1800],
    ['budget EUR 1800', 1800],
    ['Unser Budget liegt bei höchstens 1.500 Euro.', 1500],
    ['Budžet nam je najviše 1500 eura.', 1500],
    ['between 1500 and 1800 is our budget max', 1800],
    ['budget around 2k', 2000],
  ])('%s -> %d', (text, amount) => {
    expect(budgetOf(text).budget_stated).toBe(amount);
  });

  it('computes the gap to the latest quote, absolute and in percent', () => {
    const v = budgetOf('Our budget is 2000 EUR max.');
    expect(v.budget_gap).toBe(450);
    expect(v.budget_gap_pct).toBe(22.5);
  });

  it('ignores amounts without a budget word and our own outbound emails', () => {
    expect(budgetOf('Another company offered 1900 €.').budget_stated).toBeNull();
    expect(budgetOf('Our quote is 2450 EUR, max 3 trucks.', 'outbound').budget_stated).toBeNull();
    expect(budgetOf('Customer said budget max 1500', 'internal').budget_stated).toBe(1500);
  });
});
