/** The roles of CONTRACTS.md section 5. A route lists the roles that may call it. */
import { z } from 'zod';

export const ROLES = ['admin', 'manager', 'engineer', 'rep'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export interface Principal {
  /** `token:<id>` or `admin-env` for WORKBENCH_ADMIN_TOKEN; what the audit log records as actor. */
  actor: string;
  name: string;
  role: Role;
}

export const ANY_ROLE: readonly Role[] = ROLES;
