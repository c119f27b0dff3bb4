/**
 * Every money amount must equal one in the record (quotes, value estimate, amounts and budgets
 * written in notes). Exact to the unit, in a compatible currency; a figure marked approximate
 * ("around €2,500") may be within 5%. "2.5k" alone for 2,450 is a different figure.
 */
import { extractAmounts } from '../extract-amounts.ts';
import type { GroundingCheck, GroundingContext, GroundingIssue } from '../types.ts';

export const amountCheck: GroundingCheck = {
  id: 'amounts',
  description: 'money amounts must match a quote, estimate or amount written in the record',
  run(ctx: GroundingContext): GroundingIssue[] {
    const issues: GroundingIssue[] = [];
    for (const a of extractAmounts(ctx.text)) {
      const sameCurrency = ctx.facts.amounts.filter((f) => !a.currency || !f.currency || f.currency === a.currency);
      const tolerance = (v: number) => (a.approximate ? Math.max(0.5, v * 0.05) : 0.5);
      const supported = sameCurrency.some((f) => Math.abs(f.value - a.value) <= tolerance(f.value));
      if (supported) continue;
      const otherCurrency = ctx.facts.amounts.some((f) => Math.abs(f.value - a.value) <= 0.5);
      issues.push({
        kind: 'unsupported_amount',
        text: a.text,
        explanation: otherCurrency
          ? `"${a.text}" is in ${a.currency}, but the record states this figure in another currency.`
          : `"${a.text}" matches no quote, estimate or amount in the lead record.`,
      });
    }
    return issues;
  },
};
