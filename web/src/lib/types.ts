/**
 * Names for the API shapes the UI reads. They are aliases of the types generated from the server's
 * OpenAPI document (api-types.ts, `npm run generate:api-types`): the server's response schemas are
 * the one description of what a route returns. Only UI constants and helpers are written here.
 */
import type { components } from './api-types.ts';

type S = components['schemas'];

export type Me = S['Me'];
export type Role = Me['role'];

export type Dataset = S['Dataset'];
export type DatasetDetail = S['DatasetDetail'];

/** The canonical lead record (CONTRACTS.md section 1): every field but `id` may be missing or null. */
export type Lead = S['LeadRecord'];
export type Quote = NonNullable<Lead['quotes']>[number];
export type Activity = NonNullable<Lead['activities']>[number];
export type GoldLabel = NonNullable<Lead['label']>;

export type ImportResult = S['ImportResult'];
export type Mapping = S['Mapping'];
export type PreviewItem = S['PreviewItem'];
export type AuditEntry = S['AuditEntry'];
export type TokenInfo = S['TokenInfo'];

export interface Page<T> {
  total: number;
  items: T[];
}

export const LEAD_STATUSES = ['new', 'contacted', 'quoted', 'negotiating', 'won', 'lost', 'dormant'] as const;
export const DECISIONS = ['contact', 'wait', 'do_not_contact', 'not_worth_pursuing'] as const;

// ---------- evaluations, releases, review (server/modules/evals, releases, recommendations) ----------

export type Decision = S['RuleDecision']['decision'];
export type Interval = S['Interval'];
export type ProviderConfig = S['ProviderConfig'];

/** The headline metrics the evaluation pages show, in their order. */
export const HEADLINE_METRICS = [
  'dnc_precision',
  'dnc_recall',
  'decision_accuracy',
  'compliance_violations',
  'selection_rate',
  'grounding_rate',
  'pricing_promises',
  'schema_failures',
] as const;
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number];

export type EvalMetrics = S['EvalMetrics'];
export type TopShare = NonNullable<EvalMetrics['outcomes']>['top10'];
export type ReasonQuality = S['ReasonQuality'];
export type LanguageMetrics = S['LanguageMetrics'];
export type Calibration = S['Calibration'];
export type ReliabilityBin = Calibration['bins'][number];
export type RecoveredRevenue = S['RecoveredRevenue'];
export type GroupRecovery = S['GroupRecovery'];
export type RecoveryComparison = S['RecoveryComparison'];

/** A campaign; `created` is set on the reply to POST /api/campaigns. */
export type Campaign = S['Campaign'] & Partial<Pick<S['CreatedCampaign'], 'created'>>;
export type CampaignStatus = Campaign['status'];
export type CampaignGroupTotals = S['CampaignGroupTotals'];
export type CampaignRecovery = S['CampaignRecovery'];

export type EvalRun = S['EvalRun'];
export type EvalRunSummary = S['EvalRunSummary'];
export type RunStatus = EvalRun['status'];

export type Reason = S['Reason'];
export type GroundingIssue = S['GroundingIssue'];
export type DraftRecommendation = S['DraftRecommendation'];
export type RuleTraceEntry = S['RuleTraceEntry'];
export type RuleDecision = S['RuleDecision'];

export type EvalResultRow = S['EvalResultRow'];
export type EvalLeadDetail = S['EvalLeadDetail'];
export type RunComparison = S['RunComparison'];
export type MetricDelta = RunComparison['deltas'][HeadlineMetric];

export type VersionSummary = S['VersionSummary'];
export type Gate = S['Gate'];
export type GateReport = S['GateReport'];
/** A release; the list also names its versions. */
export type Release = S['Release'] & Partial<Pick<S['ReleaseListItem'], 'ruleset_version' | 'prompt_version'>>;
export type ReleaseStatus = Release['status'];
export type VersionLabel = S['VersionLabel'];

export type RecommendationStatus = S['RecommendationStatus'];
export type FinalText = S['FinalText'];
export type QueueItem = S['QueueItem'];
export type RecommendationDetail = S['RecommendationDetail'];

export const OUTCOMES = ['responded', 'reactivated', 'converted', 'no_response', 'declined', 'complained', 'unsubscribed'] as const;

/** Grounding issue kinds a reviewer can never accept (server: WITHHOLDING_KINDS). */
export const BLOCKING_ISSUE_KINDS: readonly string[] = ['pricing_promise', 'prohibited_action', 'followed_injected_instruction'];

export type DashboardTally = S['DashboardTally'];
export type ReviewDashboard = S['ReviewDashboard'];

/** The lead's story as of as_of (server/domain/story/types.ts): where contact was lost. */
export type LeadStory = S['LeadStory'];

// Shadow mode (server/modules/shadows): its routes' schemas have no component names yet, and a
// flip's two sides are typed `unknown` there; these say what the page reads.
export interface Shadow {
  id: string;
  release_id: string;
  status: 'active' | 'stopped' | string;
  started_by: string;
  started_at: string;
  stopped_by: string | null;
  stopped_at: string | null;
}

/** One side of a shadow pair: what production (or the shadow) decided, with its trace. */
export interface ShadowSide {
  decision: Decision;
  priority: number | null;
  recontact_after: string | null;
  reasons: Reason[];
  trace: RuleTraceEntry[];
  draft_status: string;
  issue_kinds: string[];
}

export interface ShadowReport {
  id: string;
  release_id: string;
  release_number: number | null;
  status: 'active' | 'stopped' | 'promoted' | string;
  started_at: string;
  stopped_at: string | null;
  requests: number;
  agreement: number;
  agreement_rate: number | null;
  flipped: number;
  matrix: Record<string, Record<string, number>>;
  metric_deltas: Record<string, { production: number; shadow: number; delta: number }>;
  flips: { recommendation_id: string; lead_id: string; at: string; production: ShadowSide; shadow: ShadowSide }[];
  queue: { dropped: number; pending: number; failed: number };
}
