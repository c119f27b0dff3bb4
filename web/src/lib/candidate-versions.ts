/** Ruleset and prompt versions for candidate pickers (evaluations, releases): every name, newest version first. */
import { api } from './api.ts';
import type { VersionSummary } from './types.ts';

export async function loadAllVersions(kind: 'ruleset' | 'prompt'): Promise<VersionSummary[]> {
  const base = kind === 'ruleset' ? '/api/rulesets' : '/api/prompts';
  const { items } = await api<{ items: VersionSummary[] }>(base);
  const all = await Promise.all(items.map((v) => api<{ items: VersionSummary[] }>(`${base}/${encodeURIComponent(v.name)}/versions`).then((r) => r.items)));
  return all.flat();
}

export function candidateVersionLabel(v: VersionSummary): string {
  return `${v.name} v${v.version}${v.message ? ` — ${v.message.length > 50 ? `${v.message.slice(0, 49)}…` : v.message}` : ''}`;
}
