import type { ProviderConfig } from '../lib/types.ts';

export function providerText(p: ProviderConfig | null | undefined): string {
  if (!p) return '—';
  if (p.type === 'template') return 'template writer';
  if (p.type === 'local') return `local model ${p.model}`;
  return `${p.id}${p.config && Object.keys(p.config).length ? ` ${JSON.stringify(p.config)}` : ''}`;
}
