/** Volumes, rooms, boxes, floors, weights must match the record (fields or notes) for the same unit. */
import { extractQuantities } from '../extract-quantities.ts';
import type { GroundingCheck, GroundingContext, GroundingIssue } from '../types.ts';

export const quantityCheck: GroundingCheck = {
  id: 'quantities',
  description: 'quantities (m³, rooms, bedrooms, boxes, floors, kg, ...) must match the record',
  run(ctx: GroundingContext): GroundingIssue[] {
    const issues: GroundingIssue[] = [];
    for (const q of extractQuantities(ctx.text)) {
      const facts = ctx.facts.quantities.filter((f) => f.unit === q.unit);
      const supported = facts.some((f) => Math.abs(f.value - q.value) <= (q.approximate ? Math.max(0.5, f.value * 0.1) : 0.5));
      if (!supported) {
        const known = facts.map((f) => f.value).join(', ');
        issues.push({
          kind: 'unsupported_quantity',
          text: q.text,
          explanation: known ? `"${q.text}" differs from the record (${q.unit}: ${known}).` : `The record states no ${q.unit.replace('_', ' ')} to support "${q.text}".`,
        });
      }
    }
    return issues;
  },
};
