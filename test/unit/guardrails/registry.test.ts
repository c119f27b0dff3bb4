import { describe, expect, it } from 'vitest';
import { GROUNDING_CHECKS, GROUNDING_ISSUE_KINDS, checkGrounding, getGroundingCheck } from '../../../server/domain/guardrails/index.ts';
import { AS_OF, sampleLead } from './sample-lead.ts';

describe('grounding registry', () => {
  it('registers one check per concern, each with a unique id', () => {
    const ids = GROUNDING_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(getGroundingCheck('pricing_promises')?.description).toMatch(/discount/);
  });

  it('returns the contract shape with only known kinds', () => {
    const result = checkGrounding(sampleLead(), "Dear Maria, I've booked your move to Berlin on 16 December for €1,900 with a 10% discount.", { asOf: AS_OF });
    expect(result.grounded).toBe(false);
    for (const issue of result.issues) {
      expect(Object.keys(issue).sort()).toEqual(['explanation', 'kind', 'text']);
      expect(GROUNDING_ISSUE_KINDS).toContain(issue.kind);
    }
  });

  it('is deterministic without an as-of date (uses the latest record date, never the clock)', () => {
    const a = checkGrounding(sampleLead(), 'Your move next Tuesday.');
    const b = checkGrounding(sampleLead(), 'Your move next Tuesday.');
    expect(a).toEqual(b);
  });

  it('treats an empty draft as grounded', () => {
    expect(checkGrounding(sampleLead(), '', { asOf: AS_OF })).toEqual({ grounded: true, issues: [] });
  });
});
