import type { ProviderConfig } from '../lib/types.ts';

export function providerText(p: ProviderConfig | null | undefined): string {
  if (!p) return '—';
  if (p.type === 'template') return 'template writer';
  if (p.type === 'local') return `local model ${p.model}`;
  return `${p.id}${p.config && Object.keys(p.config).length ? ` ${JSON.stringify(p.config)}` : ''}`;
}

/** A version as people know it: its message ("lower the far-away threshold"), else name and number; the id stays in the tooltip. */
export function versionText(label: { name: string; version: number; message: string } | null | undefined, id: string): string {
  if (!label) return id;
  return label.message ? `${label.message} (${label.name} v${label.version})` : `${label.name} v${label.version}`;
}
