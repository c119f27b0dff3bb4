/**
 * Whose leads a person reviews. Explicit: a token acts for a list of CRM owner names, set by the
 * admin. A rep reviews the leads whose CRM owner is one of those, plus unassigned leads; managers
 * (and admins) review every lead. Refusals never name another person.
 */
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Principal } from '../auth/roles.ts';

const owns = (principal: Principal, owner: string) => principal.actsFor.some((n) => n.toLowerCase() === owner.trim().toLowerCase());

/** Reps are limited to their owners; every other role that may review sees the whole queue. */
export const limitedToOwnLeads = (principal: Principal) => principal.role === 'rep';

export function mayReview(principal: Principal, assignedTo: string | null): boolean {
  return !limitedToOwnLeads(principal) || !assignedTo || owns(principal, assignedTo);
}

/** The queue filter for `mayReview`, in SQL. */
export function reviewableBy(principal: Principal) {
  const owners = principal.actsFor.map((n) => n.trim().toLowerCase());
  return (eb: ExpressionBuilder<DB, 'recommendations'>) =>
    owners.length
      ? eb.or([eb('assigned_to', 'is', null), eb(eb.fn('lower', ['assigned_to']), 'in', owners)])
      : eb('assigned_to', 'is', null);
}

/** One sentence for the review page: why this lead is in the caller's queue. */
export function assignmentReason(principal: Principal, assignedTo: string | null): string {
  if (!assignedTo) return 'The lead has no owner in the CRM, so any rep may review it.';
  if (limitedToOwnLeads(principal)) return `The lead's CRM owner is “${assignedTo}”, and your token acts for ${assignedTo}.`;
  return `The lead's CRM owner is “${assignedTo}”; as ${principal.role} you may review every lead.`;
}

export const NOT_YOURS =
  "This recommendation belongs to another rep: its lead's CRM owner is not one your token acts for. If it should be yours, ask your admin to add that owner to your token.";
