/** Shapes of the rules endpoints (server/modules/rulesets/routes.ts) and the calls the page makes. */
import { api } from '../lib/api.ts';
import type { SavedVersion, VersionSummary, VersionWithFiles } from '../lib/versions.ts';
import type { LanguageMetrics } from '../lib/types.ts';

export type Files = Record<string, string>;
export type RuleKind = 'hard_block' | 'exclusion' | 'wait' | 'contact' | 'priority';
export type DecisionCode = 'contact' | 'wait' | 'do_not_contact' | 'not_worth_pursuing';

export interface CatalogFeature {
  name: string;
  type: string;
  nullable: boolean;
  description: string;
  example: unknown;
}
export interface Catalog {
  features: CatalogFeature[];
  functions: { name: string; description: string }[];
}

export interface RulesetError {
  file: string;
  rule_id?: string;
  signal?: string;
  line?: number;
  column?: number;
  path?: string;
  message: string;
}
export interface RuleInfo {
  id: string;
  kind: RuleKind;
  description: string;
  file: string;
  line: number;
}
export interface Validation {
  ok: boolean;
  errors: RulesetError[];
  rules: RuleInfo[];
  signals: string[];
}

export interface Reason {
  code: string;
  explanation: string;
}
export interface TraceEntry {
  rule_id: string;
  kind: RuleKind;
  matched: boolean;
  values: Record<string, unknown>;
  evidence?: { signal: string; activity_index: number; phrase: string; excerpt: string }[];
  error?: string;
}
export interface DecisionSnapshot {
  decision: DecisionCode;
  priority: number;
  reasons: Reason[];
  trace: TraceEntry[];
  recontact_after?: string | null;
}

export interface Metrics {
  total: number;
  labeled: number;
  decision_counts: Record<DecisionCode, number>;
  confusion: Record<DecisionCode, Record<DecisionCode, number>>;
  dnc_precision: number | null;
  dnc_recall: number | null;
  decision_accuracy: number | null;
  selection_rate: number;
  compliance_violations: number;
  compliance_violation_ids: string[];
}
export interface Flip {
  lead_id: string;
  gold: DecisionCode | null;
  before: DecisionSnapshot;
  after: DecisionSnapshot;
}
export interface RuleWarning {
  rule_id: string;
  kind: 'matches_no_lead' | 'fails_on_leads' | 'never_decides';
  file: string;
  line: number;
  message: string;
  lead_ids?: string[];
}
export interface ScenarioResult {
  name: string;
  file: string;
  line: number;
  lead_id: string;
  as_of: string;
  expected: { decision: DecisionCode; reason?: string };
  got: { decision: DecisionCode; reasons: string[] };
  passed: boolean;
  failure?: string;
}
export interface PhraseHits {
  signal: string;
  leads: number;
  signal_hits: number;
  hits: Record<string, Record<string, number>>;
  duplicates: { language: string; phrase: string }[];
}

export interface Preview {
  dataset: { id: string; name: string; version: number; as_of: string };
  warnings: RuleWarning[];
  scenarios: ScenarioResult[];
  baseline_version_id: string | null;
  metrics: Metrics;
  reason_counts: Record<string, number>;
  rule_matches: Record<string, number>;
  flips: { total: number; by_transition: Record<string, number>; items: Flip[] } | null;
  timing_ms: { decide: number; checks?: number; features: number };
  by_language?: Record<string, LanguageMetrics>;
}

export interface TryResult extends DecisionSnapshot {
  lead_id: string;
  as_of: string;
  gold: DecisionCode | null;
  recontact_after: string | null;
  features: Record<string, unknown>;
}

export const RULESET = 'default';

export const rulesApi = {
  catalog: () => api<Catalog>('/api/rules/catalog'),
  versions: () => api<{ items: VersionSummary[] }>(`/api/rulesets/${RULESET}/versions`).then((r) => r.items),
  version: (id: string) => api<VersionWithFiles>(`/api/ruleset-versions/${encodeURIComponent(id)}`),
  save: (files: Files, message: string) => api<SavedVersion>(`/api/rulesets/${RULESET}/versions`, { method: 'POST', json: { files, message } }),
  validate: (files: Files, signal?: AbortSignal) => api<Validation>('/api/rulesets/validate', { method: 'POST', json: { files }, signal }),
  preview: (body: { files?: Files; ruleset_version_id?: string; dataset_id: string; baseline_version_id?: string; flips_limit: number }, signal?: AbortSignal) =>
    api<Preview>('/api/rulesets/preview', { method: 'POST', json: body, signal }),
  tryLead: (body: { files: Files; dataset_id: string; lead_id: string }) => api<TryResult>('/api/rulesets/try', { method: 'POST', json: body }),
  phraseHits: (body: { files: Files; dataset_id: string; signal: string }, signal?: AbortSignal) => api<PhraseHits>('/api/rulesets/phrase-hits', { method: 'POST', json: body, signal }),
  leadRecord: (datasetId: string, leadId: string) =>
    api<{ dataset: { id: string; name: string; version: number; as_of: string }; lead: Record<string, unknown> & { id: string } }>(`/api/datasets/${encodeURIComponent(datasetId)}/leads/${encodeURIComponent(leadId)}`),
};

/** Reason codes of CONTRACTS.md section 2, by the decision they go with (rulesets may add their own). */
export const BASE_REASONS: Record<DecisionCode, string[]> = {
  do_not_contact: ['opted_out', 'erasure_requested', 'no_contact_consent', 'asked_not_to_contact', 'complaint', 'legal_dispute', 'service_date_passed', 'no_longer_needed', 'booked_elsewhere', 'already_customer', 'invalid_contact', 'duplicate', 'sensitive_circumstances', 'unread_customer_message'],
  not_worth_pursuing: ['insufficient_data', 'low_intent', 'price_gap', 'too_old', 'low_value', 'over_contacted'],
  wait: ['recently_contacted', 'too_early', 'customer_asked_to_wait'],
  contact: ['upcoming_service_date', 'quote_no_decision', 'engaged_then_silent', 'price_objection_open', 'callback_requested', 're_engaged', 'date_postponed'],
};

export const KIND_GROUPS: { title: string; kinds: RuleKind[] }[] = [
  { title: 'Hard blocks', kinds: ['hard_block'] },
  { title: 'Exclusions', kinds: ['exclusion'] },
  { title: 'Wait', kinds: ['wait'] },
  { title: 'Contact & priority', kinds: ['contact', 'priority'] },
];

export const KIND_LABEL: Record<RuleKind, string> = {
  hard_block: 'hard block',
  exclusion: 'exclusion',
  wait: 'wait',
  contact: 'contact',
  priority: 'priority',
};

export function percent(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(digits)}%`;
}

/** `{"a":1}` values of a trace entry as `a = 1` text. */
export function showValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return '—';
  if (typeof v === 'string') return JSON.stringify(v);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
