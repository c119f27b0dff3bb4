/**
 * Test scenarios of a ruleset version: each pinned lead is decided by the compiled ruleset (the
 * same evaluateLead as production) and compared with the decision (and reason) it must get.
 * Run by the preview on every edit and by the release gates.
 */
import type { Decision } from '../lead.ts';
import type { CompiledRuleset } from './compile.ts';
import { evaluateLead } from './evaluate-lead.ts';

export interface ScenarioResult {
  name: string;
  file: string;
  line: number;
  lead_id: string;
  as_of: string;
  expected: { decision: Decision; reason?: string };
  got: { decision: Decision; reasons: string[] };
  passed: boolean;
  /** Why it failed, in one sentence. */
  failure?: string;
}

export function runScenarios(compiled: CompiledRuleset): ScenarioResult[] {
  return compiled.ruleset.scenarios.map((s) => {
    const d = evaluateLead(compiled, s.lead, s.as_of);
    const codes = d.reasons.map((r) => r.code);
    const decisionOk = d.decision === s.expect.decision;
    const reasonOk = !s.expect.reason || codes.includes(s.expect.reason);
    const failure = !decisionOk
      ? `expected ${s.expect.decision}, got ${d.decision} (${codes.join(', ') || 'no reason'})`
      : !reasonOk ? `expected reason ${s.expect.reason}, got ${codes.join(', ') || 'no reason'}` : undefined;
    return {
      name: s.name, file: s.file, line: s.line, lead_id: s.lead.id, as_of: s.as_of,
      expected: s.expect.reason ? { decision: s.expect.decision, reason: s.expect.reason } : { decision: s.expect.decision },
      got: { decision: d.decision, reasons: codes },
      passed: decisionOk && reasonOk,
      ...(failure ? { failure } : {}),
    };
  });
}

export function scenarioSummary(results: readonly ScenarioResult[]): { total: number; passed: number; failed: number } {
  const passed = results.filter((r) => r.passed).length;
  return { total: results.length, passed, failed: results.length - passed };
}
