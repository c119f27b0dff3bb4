/** Which pages each role may use (mirrors the server's route roles). Navigation and page guards read this. */
import type { Role } from './types.ts';

export interface NavItem {
  label: string;
  href: string;
  roles: readonly Role[];
}

export const NAV: readonly NavItem[] = [
  { label: 'Datasets', href: '/datasets', roles: ['manager', 'engineer'] },
  { label: 'Rules', href: '/rules', roles: ['manager', 'engineer'] },
  { label: 'Prompts', href: '/prompts', roles: ['manager', 'engineer'] },
  { label: 'Evaluations', href: '/evaluations', roles: ['manager', 'engineer'] },
  { label: 'Releases', href: '/releases', roles: ['manager', 'engineer'] },
  { label: 'Review', href: '/review', roles: ['manager', 'rep'] },
  { label: 'Audit', href: '/audit', roles: ['manager', 'admin'] },
  { label: 'Models', href: '/models', roles: ['engineer', 'admin'] },
  { label: 'Tokens', href: '/tokens', roles: ['admin'] },
];

export function navFor(role: Role): NavItem[] {
  return NAV.filter((item) => item.roles.includes(role));
}

export function homeFor(role: Role): string {
  return navFor(role)[0]?.href ?? '/';
}
