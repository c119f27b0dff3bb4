/** Shared by the assertions: the provider's output (a LeadResult as JSON) and the test's lead. */
import type { Lead } from '../../server/domain/lead.ts';
import type { LeadResult } from '../../server/pipeline/recommend-lead.ts';

export interface AssertionContext {
  vars?: Record<string, unknown>;
}

export interface GradingResult {
  pass: boolean;
  score: number;
  reason: string;
}

export function readResult(output: unknown): LeadResult {
  return (typeof output === 'string' ? JSON.parse(output) : output) as LeadResult;
}

export function readLead(context: AssertionContext): Lead {
  const lead = context.vars?.lead;
  return (typeof lead === 'string' ? JSON.parse(lead) : lead) as Lead;
}

export const grade = (pass: boolean, reason: string): GradingResult => ({ pass, score: pass ? 1 : 0, reason });
