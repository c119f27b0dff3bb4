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
  audit_log: AuditLogTable;
  settings: SettingsTable;
}

export type DatasetRow = Selectable<DatasetsTable>;
export type NewLeadRow = Insertable<LeadsTable>;
export type AuditRow = Selectable<AuditLogTable>;
