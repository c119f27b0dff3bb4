/**
 * Shapes of the API responses the UI reads. The lead record mirrors server/domain/lead.ts
 * (CONTRACTS.md section 1): every field but `id` may be missing or null.
 */

export type Role = 'admin' | 'manager' | 'engineer' | 'rep';

export interface Me {
  name: string;
  role: Role;
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
