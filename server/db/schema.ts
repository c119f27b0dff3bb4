/** Kysely table types. One interface per table; columns as the database returns them. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface TokensTable {
  id: string;
  name: string;
  role: string;
  token_hash: string;
  created_by: string | null;
  created_at: TimestampDefault;
  revoked_at: Date | null;
  /** CRM owner names this token acts for (a rep sees leads whose owner is one of them). */
  acts_for: ColumnType<string[], string | undefined, string>;
}

export interface DatasetsTable {
  id: string;
  name: string;
  description: string | null;
  as_of: string;
  version: number;
  parent_id: string | null;
  /** Set when an evaluation first uses this version; from then on it never changes. */
  locked_at: Date | null;
  lead_count: Generated<number>;
  /** Leads of this version whose personal data was erased (their id, label and decision-relevant facts stay). */
  erased_leads: Generated<number>;
  created_by: string | null;
  created_at: TimestampDefault;
}

export interface LeadsTable {
  dataset_id: string;
  lead_id: string;
  /** Order of the lead in its dataset (import order), for stable paging. */
  seq: number;
  record: Json;
  status: string | null;
  label_decision: string | null;
  contact_name: string | null;
  email_norm: string | null;
  phone_norm: string | null;
  /** Lower-cased text that the lead browser's search box matches. */
  search_text: string;
  /** Set when the person's data was erased (GDPR); the row keeps what metrics need. */
  erased_at: Generated<Date | null>;
}

export interface MappingsTable {
  name: string;
  content: string;
  updated_by: string | null;
  updated_at: TimestampDefault;
}

export interface ImportStagesTable {
  id: string;
  dataset_id: string;
  mapping: string;
  mapping_content: string;
  status: 'open' | 'committed';
  /** Per uploaded file: `{ rows, rejected, encoding }`. */
  files: Json<Record<string, unknown>>;
  created_by: string;
  created_at: TimestampDefault;
  committed_at: Date | null;
}

/** An embedded-database import's leads before they are moved into `leads` (migration 20261202T0200). */
export interface ImportPendingLeadsTable extends Omit<LeadsTable, 'dataset_id' | 'seq' | 'erased_at'> {
  import_key: string;
  /** The row's place in its import (1, 2, ...): its seq is the dataset's last seq plus this. */
  rel_seq: number;
  created_at: TimestampDefault;
}

export interface ImportStageRowsTable {
  stage_id: string;
  /** `leads` or the name of one of the mapping's other files. */
  file: string;
  line: number;
  part: ColumnType<number, number | undefined, number>;
  lead_id: string | null;
  ok: boolean;
  /** The mapped lead record, activity or quote as JSON text (ok rows). */
  payload: string | null;
  /** When the activity or quote happened (ISO text), for time order within a lead. */
  sort_key: string | null;
  errors: Json<string[]> | null;
}

export interface MappingVersionsTable {
  name: string;
  version: number;
  content: string;
  created_by: string;
  created_at: TimestampDefault;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: TimestampDefault;
  actor: string;
  action: string;
  subject: string | null;
  details: Json;
}

export interface SettingsTable {
  key: string;
  value: Json;
}

export interface DB {
  tokens: TokensTable;
  datasets: DatasetsTable;
  leads: LeadsTable;
  mappings: MappingsTable;
  mapping_versions: MappingVersionsTable;
  import_stages: ImportStagesTable;
  import_stage_rows: ImportStageRowsTable;
  import_pending_leads: ImportPendingLeadsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  content_versions: ContentVersionsTable;
  releases: ReleasesTable;
  eval_runs: EvalRunsTable;
  eval_results: EvalResultsTable;
  provider_cache: ProviderCacheTable;
  recommendations: RecommendationsTable;
  reviews: ReviewsTable;
  outcomes: OutcomesTable;
  privacy_suppressions: PrivacySuppressionsTable;
  privacy_erasures: PrivacyErasuresTable;
  campaigns: CampaignsTable;
  text_labels: TextLabelsTable;
  campaign_chunks: CampaignChunksTable;
  campaign_leads: CampaignLeadsTable;
  shadows: ShadowsTable;
  shadow_decisions: ShadowDecisionsTable;
}

export type DatasetRow = Selectable<DatasetsTable>;
export type NewLeadRow = Insertable<LeadsTable>;
export type AuditRow = Selectable<AuditLogTable>;

export interface ContentVersionsTable {
  id: string;
  kind: 'ruleset' | 'prompt';
  name: string;
  version: number;
  content_hash: string;
  /** relative path -> file text, exactly as authored. */
  files: Json<Record<string, string>>;
  author: string;
  message: string;
  created_at: TimestampDefault;
}

export type ReleaseStatus = 'proposed' | 'approved' | 'rejected' | 'production' | 'retired';

export interface ReleasesTable {
  id: string;
  number: number;
  ruleset_version_id: string;
  prompt_version_id: string;
  provider: Json;
  provider_hash: string;
  status: ReleaseStatus;
  description: string;
  proposed_by: string;
  proposed_at: TimestampDefault;
  decided_by: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  gate_results: Json | null;
  eval_run_ids: ColumnType<string[], string | undefined, string>;
  promoted_at: Date | null;
  /** A rollback to this release: recorded beside the approval (decided_*), never over it. */
  rolled_back_by: ColumnType<string | null, string | null | undefined, string | null>;
  rolled_back_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  rollback_comment: ColumnType<string | null, string | null | undefined, string | null>;
}

export type EvalRunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface EvalRunsTable {
  id: string;
  dataset_id: string;
  /** Replay (backtest) date; null: the dataset's as_of. */
  as_of: string | null;
  /** A replay's outcome window: events up to this many days after as_of are its labels. */
  outcome_window_days: Generated<number>;
  ruleset_version_id: string;
  prompt_version_id: string;
  provider: Json;
  candidate_hash: string;
  release_id: string | null;
  label: string;
  status: EvalRunStatus;
  total: number;
  done_count: number;
  metrics: Json | null;
  error: string | null;
  created_by: string;
  created_at: TimestampDefault;
  started_at: Date | null;
  finished_at: Date | null;
  lease_owner: string | null;
  lease_expires_at: Date | null;
  /** Set when retention stripped the texts of its results (metrics stay). */
  personal_data_removed_at: Generated<Date | null>;
}

export interface EvalResultsTable {
  run_id: string;
  lead_id: string;
  seq: number;
  decision: string;
  gold_decision: string | null;
  priority: number;
  result: Json;
  latency_ms: number;
  cached: boolean;
}

export interface ProviderCacheTable {
  key: string;
  output: Json;
  created_at: TimestampDefault;
}

export interface RecommendationsTable {
  id: string;
  release_id: string;
  lead_id: string;
  as_of: string;
  input_hash: string;
  decision: string;
  priority: number;
  lead: Json;
  output: Json;
  status: string;
  assigned_to: string | null;
  created_by: string;
  created_at: TimestampDefault;
  /** The newer recommendation for the same lead that replaced this one (status `superseded`). */
  superseded_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set when erasure or retention stripped its lead and texts (decision, priority, reason codes stay). */
  personal_data_removed_at: Generated<Date | null>;
}

export interface ReviewsTable {
  id: Generated<string>;
  recommendation_id: string;
  action: 'approve' | 'edit' | 'reject';
  /** The draft as produced, beside the final text the reviewer approved. */
  original: ColumnType<unknown, string | null | undefined, string | null>;
  final: Json | null;
  reason: string | null;
  issues: Json;
  actor: string;
  at: TimestampDefault;
}

export interface OutcomesTable {
  id: Generated<string>;
  recommendation_id: string;
  outcome: string;
  note: string | null;
  actor: string;
  at: TimestampDefault;
}

export type SuppressionReason = 'opted_out' | 'erasure_requested' | 'asked_not_to_contact';

export interface PrivacySuppressionsTable {
  kind: 'email' | 'phone';
  /** Keyed hash (HMAC-SHA256) of the normalised identifier; the identifier itself is never stored. */
  hash: string;
  reason: SuppressionReason;
  source: string;
  effective_at: ColumnType<Date, Date | string, Date | string>;
  created_by: string;
  created_at: TimestampDefault;
}

export interface PrivacyErasuresTable {
  id: string;
  at: TimestampDefault;
  actor: string;
  reason: string;
  identifier_hashes: Json<Record<string, string[]>>;
  records_erased: number;
  counts: Json<Record<string, number>>;
}

export type CampaignStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface CampaignsTable {
  id: string;
  dataset_id: string;
  as_of: string;
  holdout_pct: number;
  /** The production release when the campaign was created: every chunk decides with it. */
  release_id: string;
  status: CampaignStatus;
  total: number;
  done_count: number;
  selected: number;
  held_out: number;
  queued: number;
  expected_recovered_revenue: number | null;
  summary: Json | null;
  error: string | null;
  created_by: string;
  created_at: TimestampDefault;
  started_at: Date | null;
  finished_at: Date | null;
}

/** A slice of a campaign's leads (by dataset seq) that one worker claims with a lease. */
export interface CampaignChunksTable {
  campaign_id: string;
  chunk: number;
  first_seq: number;
  last_seq: number;
  /** Dataset leads in [first_seq, last_seq]. */
  size: number;
  status: 'queued' | 'running' | 'done';
  lease_owner: string | null;
  lease_expires_at: Date | null;
  /** Counts of the chunk's leads, set when it completes (the campaign's are their sums). */
  selected: Generated<number>;
  held_out: Generated<number>;
  queued: Generated<number>;
}

export interface CampaignLeadsTable {
  campaign_id: string;
  lead_id: string;
  seq: number;
  owner: string | null;
  decision: string;
  priority: number;
  reason: string | null;
  /** Decided contact by the release. */
  selected: boolean;
  /** Selected but kept out of the queues: the control group. */
  held_out: boolean;
  recommendation_id: string | null;
  value: number;
  value_source: string;
  /** label.outcome of the lead, for fitting P(recovered). */
  historical_outcome: string | null;
  p_recovered: number | null;
}

/** A manager's reading of a customer text the engine could not read with confidence (issue 10). */
export interface TextLabelsTable {
  lead_id: string;
  /** textHash of the text (server/domain/text/understand.ts); the text itself is not stored. */
  text_hash: string;
  intent: string;
  dataset_id: string | null;
  actor: string;
  created_at: TimestampDefault;
}

export interface ShadowsTable {
  id: string;
  /** An approved release that is not production. */
  release_id: string;
  status: 'active' | 'stopped';
  started_by: string;
  started_at: TimestampDefault;
  stopped_by: string | null;
  stopped_at: Date | null;
}

/** One production request decided by the shadow release as well (never returned to anyone). */
export interface ShadowDecisionsTable {
  shadow_id: string;
  recommendation_id: string;
  lead_id: string;
  production_decision: string;
  shadow_decision: string;
  /** Both results (decision, priority, reasons, trace, draft status, grounding issues). */
  production: Json;
  shadow: Json;
  at: TimestampDefault;
}
