/**
 * Shapes of the API responses the UI reads. The lead record mirrors server/domain/lead.ts
 * (CONTRACTS.md section 1): every field but `id` may be missing or null.
 */

export type Role = 'admin' | 'manager' | 'engineer' | 'rep';

export interface Me {
  name: string;
  role: Role;
  /** `token:<id>`: compared with proposed_by etc. (the four-eyes rule is between persons). */
  actor?: string;
  acts_for?: string[];
}

export interface Dataset {
  id: string;
  name: string;
  description: string | null;
  as_of: string;
  version: number;
  parent_id: string | null;
  locked: boolean;
  lead_count: number;
  /** Leads whose personal data was erased (GDPR); still counted and labeled. */
  erased_leads?: number;
  created_by?: string | null;
  created_at: string;
}

export interface DatasetDetail extends Dataset {
  counts: { status: Record<string, number>; label: Record<string, number> };
}

export interface Quote {
  id?: string | null;
  sent_at?: string | null;
  amount?: number | null;
  currency?: string | null;
  valid_until?: string | null;
  status?: string | null;
}

export interface Activity {
  at?: string | null;
  channel?: string | null;
  direction?: string | null;
  author?: string | null;
  outcome?: string | null;
  text?: string | null;
}

export interface GoldLabel {
  decision: string;
  reasons?: string[];
  recontact_after?: string | null;
  outcome?: string | null;
}

export interface Lead {
  id: string;
  /** Set when erasure or retention removed the person's data from this copy. */
  personal_data_removed?: { cause: 'erasure' | 'retention'; at: string } | null;
  created_at?: string | null;
  source?: string | null;
  contact?: { name?: string | null; email?: string | null; phone?: string | null; language?: string | null } | null;
  consent?: { email?: boolean | null; phone?: boolean | null; opted_out_at?: string | null; erasure_requested_at?: string | null } | null;
  service?: {
    type?: string | null;
    origin?: string | null;
    destination?: string | null;
    date?: string | null;
    date_flexibility?: string | null;
    size?: string | null;
    volume_m3?: number | null;
  } | null;
  quotes?: Quote[] | null;
  activities?: Activity[] | null;
  status?: string | null;
  lost_reason?: string | null;
  owner?: string | null;
  value_estimate?: number | null;
  tags?: string[] | null;
  duplicate_of?: string | null;
  label?: GoldLabel | null;
  [extra: string]: unknown;
}

export interface ImportResult {
  imported: number;
  rejected: { line: number; errors: string[] }[];
  dataset_id: string;
  version: number;
  lead_count: number;
  /** The text encoding the file was read in, and how it was chosen. */
  encoding?: { name: string; source: 'requested' | 'byte order mark' | 'detected' } | null;
}

export interface Mapping {
  name: string;
  source: 'stored' | 'file';
  updated_at?: string | null;
}

export type PreviewItem = { line: number; ok: true; lead: Lead } | { line: number; ok: false; errors: string[] };

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: unknown;
}

export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  acts_for?: string[];
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export const LEAD_STATUSES = ['new', 'contacted', 'quoted', 'negotiating', 'won', 'lost', 'dormant'] as const;
export const DECISIONS = ['contact', 'wait', 'do_not_contact', 'not_worth_pursuing'] as const;

// ---------- evaluations, releases, review (server/modules/evals, releases, recommendations) ----------

export type Decision = (typeof DECISIONS)[number];
export type Interval = [number, number];

export type ProviderConfig =
  | { type: 'template'; timeout_ms?: number; concurrency?: number; retries?: number }
  | { type: 'local'; model: string; max_new_tokens?: number; timeout_ms?: number; concurrency?: number; retries?: number }
  | { type: 'promptfoo'; id: string; config?: Record<string, unknown>; timeout_ms?: number; concurrency?: number; retries?: number };

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

export interface TopShare {
  size: number;
  captured: number;
  share: number;
  lift: number;
}

export interface EvalMetrics extends Record<HeadlineMetric, number> {
  intervals: { dnc_precision: Interval | null; dnc_recall: Interval | null };
  total: number;
  labeled: number;
  decision_counts: Record<Decision, number>;
  /** confusion[gold][predicted] */
  confusion: Record<Decision, Record<Decision, number>>;
  compliance_violation_ids: string[];
  drafts: number;
  grounded_drafts: number;
  withheld_drafts: number;
  provider_errors: number;
  unsupported_claims: Record<string, number>;
  latency_ms: { p50: number; p90: number; p99: number };
  cost_per_lead: number;
  tokens_per_lead: number;
  cached: number;
  outcomes?: { with_outcome: number; positives: number; top10: TopShare; top20: TopShare };
  expected_recovered_revenue?: number;
  calibration_ece?: number;
  calibration?: Calibration;
  recovered_revenue?: RecoveredRevenue;
  /** a = decided contact, b = the rest, over the leads with an outcome. */
  recovery?: RecoveryComparison;
  /** Draft quality (absent on runs stored before it was measured). */
  story_coverage?: number;
  language_match?: number;
  by_reason?: Record<string, ReasonQuality>;
  /** Text understanding per language of the customer texts (absent on runs stored before it was measured). */
  by_language?: Record<string, LanguageMetrics>;
}

export interface LanguageMetrics {
  leads: number;
  labeled: number;
  dnc_precision: number | null;
  dnc_recall: number | null;
  false_refusals: number;
  false_refusal_rate: number | null;
  unread: number;
  unread_rate: number;
}

export interface ReasonQuality {
  leads: number;
  drafts: number;
  grounding_rate: number;
  pricing_promises: number;
  story_applicable: number;
  story_coverage: number | null;
  language_checked: number;
  language_match: number | null;
}

export interface ReliabilityBin {
  lo: number;
  hi: number;
  count: number;
  mean_predicted: number;
  observed_rate: number;
}

export interface Calibration {
  n: number;
  positives: number;
  ece: number;
  bins: ReliabilityBin[];
}

export interface RecoveredRevenue {
  expected: number;
  interval: Interval | null;
  leads: number;
  fitted_on: number;
  positives: number;
}

export interface GroupRecovery {
  leads: number;
  recovered: number;
  rate: number | null;
}

export interface RecoveryComparison {
  a: GroupRecovery;
  b: GroupRecovery;
  difference: number | null;
  difference_interval: Interval | null;
  lift: number | null;
}

export type CampaignStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface CampaignGroupTotals {
  key: string;
  selected: number;
  held_out: number;
  queued: number;
  expected_recovered_revenue: number;
}

export interface Campaign {
  id: string;
  dataset_id: string;
  as_of: string;
  holdout_pct: number;
  release_id: string;
  status: CampaignStatus;
  progress: { done: number; total: number };
  selected: number;
  held_out: number;
  queued: number;
  expected_recovered_revenue: number | null;
  expected_recovered_revenue_interval: Interval | null;
  summary: {
    recovered_revenue: RecoveredRevenue;
    queued_expected_recovered_revenue: number;
    average_job_value: number;
    by_rep: CampaignGroupTotals[];
    by_reason: CampaignGroupTotals[];
    decisions: Record<string, number>;
  } | null;
  error: string | null;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  created?: boolean;
}

export interface CampaignRecovery {
  treated: GroupRecovery;
  control: GroupRecovery;
  difference: number | null;
  difference_interval: Interval | null;
  lift: number | null;
  recorded_outcomes: number;
  later_dataset_id: string | null;
  window_days: number;
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface EvalRun {
  id: string;
  dataset_id: string;
  ruleset_version_id: string;
  prompt_version_id: string;
  provider: ProviderConfig;
  candidate_hash: string;
  release_id: string | null;
  label: string;
  /** A replay (backtest) date; null: the dataset's as_of. */
  as_of?: string | null;
  outcome_window_days?: number;
  status: RunStatus;
  progress: { done: number; total: number; eta_s: number | null };
  /** Full metrics from GET /runs/:id; only the headline numbers in the list. */
  metrics: EvalMetrics | null;
  error: string | null;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface Reason {
  code: string;
  explanation: string;
}

export interface GroundingIssue {
  kind: string;
  text: string;
  explanation: string;
}

export interface DraftRecommendation {
  angle: string;
  timing: string;
  email: { subject: string; body: string } | null;
  phone_script: string | null;
  objection_handling: string[];
  risk_flags: string[];
  confidence: number;
  rationale?: string;
}

export interface RuleTraceEntry {
  rule_id: string;
  kind: string;
  matched: boolean;
  values: Record<string, unknown>;
  evidence?: { signal: string; activity_index: number; phrase: string; excerpt: string }[];
  error?: string;
}

export interface RuleDecision {
  decision: Decision;
  priority: number;
  recontact_after: string | null;
  reasons: Reason[];
  trace: RuleTraceEntry[];
}

export interface EvalResultRow {
  lead_id: string;
  seq: number;
  decision: Decision;
  gold: Decision | null;
  priority: number;
  reasons: Reason[];
  draft_status: string;
  issue_kinds: string[];
  latency_ms: number;
  cached: boolean;
}

export interface EvalLeadDetail {
  run_id: string;
  lead_id: string;
  seq: number;
  decision: Decision;
  gold: Decision | null;
  latency_ms: number;
  cached: boolean;
  result: {
    decision: RuleDecision;
    recommendation: DraftRecommendation | null;
    draft_status: string;
    risk_flags: string[];
    guardrail_issues: GroundingIssue[];
    provider_error: string | null;
    gold: GoldLabel | null;
    compliance_flag: boolean;
    cost: number | null;
    tokens: { prompt: number; completion: number } | null;
  };
  lead: Lead | null;
}

export interface MetricDelta {
  a: number;
  b: number;
  delta: number;
  interval: Interval | null;
}

export interface RunComparison {
  a: EvalRun;
  b: EvalRun;
  dataset_id: string;
  deltas: Record<HeadlineMetric, MetricDelta>;
  flips: { total: number; by_transition: Record<string, number>; items: { lead_id: string; gold: Decision | null; a: RuleDecision; b: RuleDecision }[] };
  changed_drafts: {
    total: number;
    items: {
      lead_id: string;
      decision: Decision;
      a: { draft: DraftRecommendation | null; status: string; issues: GroundingIssue[] | null };
      b: { draft: DraftRecommendation | null; status: string; issues: GroundingIssue[] | null };
    }[];
  };
}

export interface VersionSummary {
  id: string;
  name: string;
  version: number;
  content_hash: string;
  author: string;
  message: string;
  created_at: string;
}

export interface Gate {
  metric: string;
  status: string;
  value: number | null;
  baseline: number | null;
  message: string;
}

export interface GateReport {
  passed: boolean;
  checked_at: string;
  baseline_release_id: string | null;
  datasets: { dataset: string; run_id: string; baseline_run_id: string | null; passed: boolean; gates: Gate[]; metrics: Record<string, number> }[];
  /** The ruleset version's test scenarios (absent on reports from before they existed). */
  scenarios?: { total: number; passed: number; failed: number; failures: { name: string; lead_id: string; failure: string }[] };
  error?: string;
}

export type ReleaseStatus = 'proposed' | 'production' | 'approved' | 'rejected';

export interface Release {
  id: string;
  number: number;
  status: ReleaseStatus | string;
  ruleset_version_id: string;
  prompt_version_id: string;
  provider: ProviderConfig;
  provider_hash: string;
  description: string;
  proposed_by: string;
  proposed_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_comment: string | null;
  promoted_at: string | null;
  rolled_back_by?: string | null;
  rolled_back_at?: string | null;
  rollback_comment?: string | null;
  gate_results: GateReport | null;
  eval_run_ids: string[] | null;
  ruleset_version?: VersionLabel | null;
  prompt_version?: VersionLabel | null;
}

export interface VersionLabel {
  name: string;
  version: number;
  message: string;
}

export type RecommendationStatus = 'needs_review' | 'approved' | 'edited' | 'rejected' | 'no_action' | 'superseded';

export interface FinalText {
  email: { subject: string; body: string } | null;
  phone_script: string | null;
}

export interface QueueItem {
  id: string;
  lead_id: string;
  decision: Decision;
  priority: number;
  status: RecommendationStatus;
  assigned_to: string | null;
  created_at: string;
  angle: string | null;
  reasons: Reason[];
  release_id?: string;
  release_number?: number | null;
  superseded_by?: string | null;
}

export interface RecommendationDetail {
  id: string;
  release_id: string;
  lead_id: string;
  as_of: string;
  decision: Decision;
  priority: number;
  recontact_after: string | null;
  reasons: Reason[];
  recommendation: DraftRecommendation | null;
  status: RecommendationStatus;
  risk_flags: string[];
  draft_status: string;
  guardrail_issues: GroundingIssue[];
  assigned_to: string | null;
  created_at?: string;
  release_number?: number | null;
  superseded_by?: string | null;
  /** Why this lead is in the caller's queue, in a sentence. */
  assignment_reason?: string;
  lead: Lead;
  /** Read from the stored lead as of the recommendation's as_of. */
  story?: LeadStory;
  reviews: { id: number | string; action: string; original?: FinalText | null; final: FinalText | null; reason: string | null; issues: GroundingIssue[]; actor: string; at?: string; created_at?: string }[];
  outcomes: { id: number | string; outcome: string; note: string | null; actor: string; at?: string; created_at?: string }[];
}

export const OUTCOMES = ['responded', 'reactivated', 'converted', 'no_response', 'declined', 'complained', 'unsubscribed'] as const;

/** Grounding issue kinds a reviewer can never accept (server: WITHHOLDING_KINDS). */
export const BLOCKING_ISSUE_KINDS: readonly string[] = ['pricing_promise', 'prohibited_action', 'followed_injected_instruction'];

export interface DashboardTally {
  recommendations: number;
  reviewed: number;
  approve: number;
  edit: number;
  reject: number;
  approve_rate: number | null;
  edit_rate: number | null;
  reject_rate: number | null;
  outcomes: Record<string, number>;
}

export interface ReviewDashboard {
  total: DashboardTally;
  by_reason: Record<string, DashboardTally>;
  by_angle: Record<string, DashboardTally>;
}

/** The lead's story as of as_of (server/domain/story/types.ts): where contact was lost. */
export interface LeadStory {
  as_of: string;
  lost_after: { kind: string; date: string | null; detail: string };
  also: { kind: string; date: string | null; detail: string }[];
  customer_last_said: { date: string | null; channel: string | null; excerpt: string; activity_index: number } | null;
  undated: number;
  hidden_after_as_of: number;
  sentences: string[];
}

/** Shadow mode (server/modules/shadows): an approved release deciding live requests beside production. */
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
