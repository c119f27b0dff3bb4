/** The roles of CONTRACTS.md section 5. A route lists the roles that may call it. */
import { z } from 'zod';

export const ROLES = ['admin', 'manager', 'engineer', 'rep'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export interface Principal {
  /** `token:<id>` or `admin-env` for WORKBENCH_ADMIN_TOKEN; what the audit log records as actor. */
  actor: string;
  /** The display name (the token's name): what every page shows for this actor. */
  name: string;
  role: Role;
  /** CRM owner names this person acts for: a rep's queue holds leads owned by these (and unassigned ones). */
  actsFor: string[];
}

export const ANY_ROLE: readonly Role[] = ROLES;
