/** Small helpers shared by the evaluation pages. */
import { api } from '../lib/api.ts';
import type { Dataset, EvalRun, ProviderConfig } from '../lib/types.ts';

export async function loadDatasetNames(): Promise<Map<string, Dataset>> {
  const { items } = await api<{ items: Dataset[] }>('/api/datasets');
  return new Map(items.map((d) => [d.id, d]));
}

export function datasetName(datasets: Map<string, Dataset> | null, id: string): string {
  const d = datasets?.get(id);
  return d ? `${d.name} v${d.version}` : id;
}

export function providerLabel(p: ProviderConfig | null | undefined): string {
  if (!p) return '—';
  if (p.type === 'template') return 'template writer';
  if (p.type === 'local') return `local: ${p.model}`;
  return p.id;
}

/** `rs_default_v3` → `default v3` when the id follows the usual pattern. */
export function versionName(id: string | null | undefined): string {
  if (!id) return '—';
  const m = /^(?:rs|pr)_(.+)_v(\d+)$/.exec(id);
  return m ? `${m[1]} v${m[2]}` : id;
}

export function runTitle(run: Pick<EvalRun, 'id' | 'label'>): string {
  return run.label ? run.label : run.id;
}

export const ACTIVE = new Set(['queued', 'running']);
