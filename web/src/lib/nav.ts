/** Which pages each role may use (mirrors the server's route roles). Navigation and page guards read this. */
import type { Role } from './types.ts';

export interface NavItem {
  label: string;
  href: string;
  roles: readonly Role[];
}

export const NAV: readonly NavItem[] = [
  { label: 'Start', href: '/start', roles: ['admin'] },
  { label: 'Datasets', href: '/datasets', roles: ['manager', 'engineer'] },
  { label: 'Rules', href: '/rules', roles: ['manager', 'engineer'] },
  { label: 'Prompts', href: '/prompts', roles: ['manager', 'engineer'] },
  { label: 'Evaluations', href: '/evaluations', roles: ['manager', 'engineer'] },
  { label: 'Releases', href: '/releases', roles: ['manager', 'engineer'] },
  { label: 'Campaigns', href: '/campaigns', roles: ['manager', 'engineer'] },
  { label: 'Human read', href: '/human-reads', roles: ['manager'] },
  { label: 'Review', href: '/review', roles: ['manager', 'rep'] },
  { label: 'Audit', href: '/audit', roles: ['manager', 'admin'] },
  { label: 'Models', href: '/models', roles: ['engineer', 'admin'] },
  { label: 'Tokens', href: '/tokens', roles: ['admin'] },
  { label: 'Privacy', href: '/privacy', roles: ['manager', 'admin'] },
];

/** Mirrors the server's one role check: admin may use every page any role may. */
export function mayOpen(role: Role, roles: readonly Role[]): boolean {
  return roles.length > 0 && (role === 'admin' || roles.includes(role));
}

export function navFor(role: Role): NavItem[] {
  return NAV.filter((item) => mayOpen(role, item.roles));
}

export function homeFor(role: Role): string {
  // The admin (the first person on a new install) lands on the getting-started page.
  if (role === 'admin') return '/start';
  return navFor(role)[0]?.href ?? '/';
}
