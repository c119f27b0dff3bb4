/** Response schemas of the evaluation routes: runs, their metrics, per-lead results, comparisons. */
import { z } from 'zod';
import { HEADLINE_METRICS } from '../../domain/metrics/eval-metrics.ts';
import {
  DraftRecommendationSchema, GroundingIssueSchema, LeadRecordSchema, openObject, ReasonSchema, RuleDecisionSchema,
} from '../../http/response-schemas.ts';

const Decision = z.enum(['contact', 'wait', 'do_not_contact', 'not_worth_pursuing']);
const Interval = z.tuple([z.number(), z.number()]).meta({ id: 'Interval' });
const Limits = { timeout_ms: z.number().optional(), concurrency: z.number().optional(), retries: z.number().optional() };

/** A provider config as stored (server/providers/provider-config.ts), its limits filled in. */
export const ProviderConfigSchema = z
  .discriminatedUnion('type', [
    openObject({ type: z.literal('template'), ...Limits }),
    openObject({ type: z.literal('local'), model: z.string(), max_new_tokens: z.number().optional(), ...Limits }),
    openObject({ type: z.literal('promptfoo'), id: z.string(), config: z.record(z.string(), z.unknown()).optional(), ...Limits }),
  ])
  .meta({ id: 'ProviderConfig' });

const headline = Object.fromEntries(HEADLINE_METRICS.map((m) => [m, z.number()])) as Record<(typeof HEADLINE_METRICS)[number], z.ZodNumber>;
export const HeadlineMetricsSchema = z.object(headline).meta({ id: 'HeadlineMetrics' });

const TopShare = z.object({ size: z.number(), captured: z.number(), share: z.number(), lift: z.number() });
export const CalibrationSchema = openObject({
  n: z.number(),
  positives: z.number(),
  ece: z.number(),
  bins: z.array(z.object({ lo: z.number(), hi: z.number(), count: z.number(), mean_predicted: z.number(), observed_rate: z.number() })),
}).meta({ id: 'Calibration' });
export const RecoveredRevenueSchema = openObject({ expected: z.number(), interval: Interval.nullable(), leads: z.number(), fitted_on: z.number(), positives: z.number() }).meta({ id: 'RecoveredRevenue' });
export const GroupRecoverySchema = z.object({ leads: z.number(), recovered: z.number(), rate: z.number().nullable() }).meta({ id: 'GroupRecovery' });
export const RecoveryComparisonSchema = openObject({
  a: GroupRecoverySchema, b: GroupRecoverySchema, difference: z.number().nullable(), difference_interval: Interval.nullable(), lift: z.number().nullable(),
}).meta({ id: 'RecoveryComparison' });
export const ReasonQualitySchema = openObject({
  leads: z.number(), drafts: z.number(), grounding_rate: z.number(), pricing_promises: z.number(), story_applicable: z.number(),
  story_coverage: z.number().nullable(), language_checked: z.number(), language_match: z.number().nullable(),
}).meta({ id: 'ReasonQuality' });

/** Text understanding by the language of a lead's customer texts (server/domain/metrics/language-metrics.ts). */
export const LanguageMetricsSchema = openObject({
  leads: z.number(), labeled: z.number(), dnc_precision: z.number().nullable(), dnc_recall: z.number().nullable(),
  false_refusals: z.number(), false_refusal_rate: z.number().nullable(), unread: z.number(), unread_rate: z.number(),
}).meta({ id: 'LanguageMetrics' });

/**
 * The full metrics of a run (server/domain/metrics/eval-metrics.ts). Loose: metrics are added
 * over time, and a run keeps the metrics of the code that computed it (later ones are optional).
 */
export const EvalMetricsSchema = openObject({
  ...headline,
  intervals: z.object({ dnc_precision: Interval.nullable(), dnc_recall: Interval.nullable() }),
  total: z.number(),
  labeled: z.number(),
  decision_counts: z.record(z.string(), z.number()),
  confusion: z.record(z.string(), z.record(z.string(), z.number())).describe('confusion[gold][predicted]'),
  compliance_violation_ids: z.array(z.string()),
  drafts: z.number(),
  grounded_drafts: z.number(),
  withheld_drafts: z.number(),
  provider_errors: z.number(),
  unsupported_claims: z.record(z.string(), z.number()),
  latency_ms: z.object({ p50: z.number(), p90: z.number(), p99: z.number() }),
  cost_per_lead: z.number(),
  tokens_per_lead: z.number(),
  cached: z.number(),
  outcomes: z.object({ with_outcome: z.number(), positives: z.number(), top10: TopShare, top20: TopShare }).optional(),
  calibration: CalibrationSchema.optional(),
  recovered_revenue: RecoveredRevenueSchema.optional(),
  recovery: RecoveryComparisonSchema.optional().describe('a = decided contact, b = the rest, over the leads with an outcome'),
  story_coverage: z.number().optional(),
  language_match: z.number().optional(),
  by_reason: z.record(z.string(), ReasonQualitySchema).optional(),
  by_language: z.record(z.string(), LanguageMetricsSchema).optional().describe('absent on runs stored before it was measured'),
}).meta({ id: 'EvalMetrics' });

const RunStatus = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
const runFields = {
  id: z.string(),
  dataset_id: z.string(),
  ruleset_version_id: z.string(),
  prompt_version_id: z.string(),
  provider: ProviderConfigSchema,
  candidate_hash: z.string(),
  release_id: z.string().nullable(),
  label: z.string(),
  as_of: z.string().nullable().describe('A replay (backtest) date; null: the dataset\'s as_of'),
  outcome_window_days: z.number(),
  status: RunStatus,
  progress: z.object({ done: z.number(), total: z.number(), eta_s: z.number().nullable() }),
  error: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
};
export const EvalRunSchema = z.object({ ...runFields, metrics: EvalMetricsSchema.nullable() }).meta({ id: 'EvalRun' });
/** A run in the list: only its headline metrics. */
export const EvalRunSummarySchema = z.object({ ...runFields, metrics: HeadlineMetricsSchema.nullable() }).meta({ id: 'EvalRunSummary' });

export const EvalResultRowSchema = z
  .object({
    lead_id: z.string(), seq: z.number(), decision: Decision, gold: Decision.nullable(), priority: z.number(), reasons: z.array(ReasonSchema),
    draft_status: z.string(), issue_kinds: z.array(z.string()), latency_ms: z.number(), cached: z.boolean(),
  })
  .meta({ id: 'EvalResultRow' });

const nullish = <T extends z.ZodType>(schema: T) => schema.nullish();
/**
 * One lead's stored result (the pipeline's LeadResult with its gold label). Loose: the pipeline adds
 * fields (story, latency...), and retention strips a result to what the metrics read.
 */
export const StoredResultSchema = openObject({
  decision: RuleDecisionSchema,
  recommendation: DraftRecommendationSchema.nullable(),
  draft_status: z.string(),
  risk_flags: z.array(z.string()),
  guardrail_issues: z.array(GroundingIssueSchema),
  provider_error: z.string().nullable(),
  gold: nullish(openObject({ decision: z.string(), reasons: z.array(z.string()).optional(), recontact_after: nullish(z.string()), outcome: nullish(z.string()) })),
  compliance_flag: z.boolean().optional(),
  cost: nullish(z.number()),
  tokens: nullish(z.object({ prompt: z.number(), completion: z.number() })),
}).meta({ id: 'StoredResult' });

export const EvalLeadDetailSchema = z
  .object({
    run_id: z.string(), lead_id: z.string(), seq: z.number(), decision: Decision, gold: Decision.nullable(), latency_ms: z.number(), cached: z.boolean(),
    result: StoredResultSchema,
    lead: LeadRecordSchema.nullable(),
  })
  .meta({ id: 'EvalLeadDetail' });

const MetricDelta = z.object({ a: z.number(), b: z.number(), delta: z.number(), interval: Interval.nullable() });
const DraftSide = z.object({ draft: DraftRecommendationSchema.nullable(), status: z.string(), issues: z.array(GroundingIssueSchema).nullable() });
export const RunComparisonSchema = z
  .object({
    a: EvalRunSchema,
    b: EvalRunSchema,
    dataset_id: z.string(),
    deltas: z.object(Object.fromEntries(HEADLINE_METRICS.map((m) => [m, MetricDelta])) as Record<(typeof HEADLINE_METRICS)[number], typeof MetricDelta>),
    flips: z.object({
      total: z.number(),
      by_transition: z.record(z.string(), z.number()),
      items: z.array(z.object({ lead_id: z.string(), gold: Decision.nullable(), a: RuleDecisionSchema, b: RuleDecisionSchema })),
    }),
    changed_drafts: z.object({ total: z.number(), items: z.array(z.object({ lead_id: z.string(), decision: Decision, a: DraftSide, b: DraftSide })) }),
  })
  .meta({ id: 'RunComparison' });
