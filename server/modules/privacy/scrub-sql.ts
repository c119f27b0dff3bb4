/**
 * The SQL form of scrub.ts for evaluation results, which are scrubbed in bulk (retention strips
 * whole runs): what computeEvalMetrics reads (the columns and `result.summary`), the decision
 * and reason codes stay; drafts, explanations, traces (they quote texts), issues and errors go.
 */
import { sql, type RawBuilder } from 'kysely';
import type { RemovalCause } from '../../domain/privacy/scrub.ts';

export function scrubbedResult(cause: RemovalCause, at: Date): RawBuilder<string> {
  return sql<string>`jsonb_build_object(
    'lead_id', result->'lead_id',
    'as_of', result->'as_of',
    'decision', jsonb_build_object(
      'decision', result->'decision'->'decision',
      'priority', result->'decision'->'priority',
      'recontact_after', result->'decision'->'recontact_after',
      'reasons', coalesce((select jsonb_agg(jsonb_build_object('code', x->'code', 'explanation', ''))
                             from jsonb_array_elements(case when jsonb_typeof(result->'decision'->'reasons') = 'array' then result->'decision'->'reasons' else '[]'::jsonb end) x), '[]'::jsonb),
      'trace', '[]'::jsonb),
    'recommendation', null,
    'draft_status', result->'draft_status',
    'risk_flags', '[]'::jsonb,
    'guardrail_issues', '[]'::jsonb,
    'provider_error', null,
    'latency_ms', result->'latency_ms',
    'tokens', result->'tokens',
    'cost', result->'cost',
    'cached', result->'cached',
    'gold', case when jsonb_typeof(result->'gold') = 'object' then jsonb_build_object(
      'decision', result->'gold'->'decision', 'reasons', result->'gold'->'reasons',
      'recontact_after', result->'gold'->'recontact_after', 'outcome', result->'gold'->'outcome') else null end,
    'compliance_flag', result->'compliance_flag',
    'summary', result->'summary',
    'personal_data_removed', jsonb_build_object('cause', ${cause}::text, 'at', ${at.toISOString()}::text))`;
}
