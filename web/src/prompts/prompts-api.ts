/** Shapes of the prompt endpoints (server/modules/prompts/routes.ts) and the calls the page makes. */
import { api } from '../lib/api.ts';
import type { DraftRecommendation, GroundingIssue, Reason } from '../lib/types.ts';
import type { SavedVersion, VersionSummary, VersionWithFiles } from '../lib/versions.ts';

export type Files = Record<string, string>;

export interface PromptVariable {
  name: string;
  description: string;
}
export interface PromptError {
  file: string;
  line?: number;
  message: string;
}
export type { Reason };
export interface RenderResult {
  decision: string;
  reasons: Reason[];
  drafted: boolean;
  prompt: { system: string; user: string; hash: string };
}

export type Provider = { type: 'template' } | { type: 'local'; model: string } | { type: 'promptfoo'; id: string; config?: unknown };

export type GuardrailIssue = GroundingIssue;
export type Draft = DraftRecommendation;
export interface LeadResult {
  lead_id: string;
  as_of: string;
  decision: { decision: string; priority: number; recontact_after: string | null; reasons: Reason[] };
  recommendation: Draft | null;
  draft_status: 'not_needed' | 'ok' | 'withheld' | 'schema_failure' | 'provider_error' | 'refused';
  risk_flags: string[];
  guardrail_issues: GuardrailIssue[];
  provider_error: string | null;
  latency_ms: number;
  tokens: { prompt: number; completion: number } | null;
  cost: number | null;
  cached: boolean;
}

export const PROMPT = 'default';

type Target = { files: Files; dataset_id: string; lead_id: string };

export const promptsApi = {
  variables: () => api<{ items: PromptVariable[] }>('/api/prompts/variables').then((r) => r.items),
  versions: () => api<{ items: VersionSummary[] }>(`/api/prompts/${PROMPT}/versions`).then((r) => r.items),
  version: (id: string) => api<VersionWithFiles>(`/api/prompt-versions/${encodeURIComponent(id)}`),
  save: (files: Files, message: string) => api<SavedVersion>(`/api/prompts/${PROMPT}/versions`, { method: 'POST', json: { files, message } }),
  validate: (files: Files, signal?: AbortSignal) => api<{ ok: boolean; errors: PromptError[] }>('/api/prompts/validate', { method: 'POST', json: { files }, signal }),
  render: (body: Target, signal?: AbortSignal) => api<RenderResult>('/api/prompts/render', { method: 'POST', json: body, signal }),
  run: (body: Target & { provider: Provider }) => api<LeadResult>('/api/prompts/run', { method: 'POST', json: body }),
};
