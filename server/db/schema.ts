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
}

export type EvalRunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface EvalRunsTable {
  id: string;
  dataset_id: string;
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
}

export interface ReviewsTable {
  id: Generated<string>;
  recommendation_id: string;
  action: 'approve' | 'edit' | 'reject';
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
