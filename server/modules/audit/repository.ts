/**
 * The append-only audit log. Writes take `db` or a transaction, so an action and its audit entry
 * commit together; the table's trigger refuses updates and deletes.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { actorsNamed } from '../auth/tokens.ts';

export interface AuditEntryInput {
  actor: string;
  action: string;
  subject: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<DB>, entry: AuditEntryInput): Promise<string> {
  const row = await db
    .insertInto('audit_log')
    .values({ actor: entry.actor, action: entry.action, subject: entry.subject, details: JSON.stringify(entry.details ?? {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export interface AuditQuery {
  subject?: string;
  action?: string;
  actor?: string;
  limit: number;
  offset: number;
}

/** `release` finds release.approve and release.rollback; `release.approve` also finds release.approve_refused. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listAudit(db: Kysely<DB>, query: AuditQuery) {
  let q = db.selectFrom('audit_log');
  if (query.subject) q = q.where('subject', '=', query.subject);
  // The action filter is a prefix: what a person types ("release", "recommendation.rev") finds the family.
  if (query.action) q = q.where('action', 'like', `${escapeLike(query.action.trim())}%`);
  if (query.actor) {
    // A person's display name (any part of it, case-blind) or an exact actor id.
    const actors = await actorsNamed(db, query.actor);
    q = q.where('actor', 'in', actors.length ? actors : [query.actor]);
  }
  const [{ n }] = await q.select((eb) => eb.fn.countAll<string>().as('n')).execute();
  const rows = await q.selectAll().orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute();
  return {
    total: Number(n),
    items: rows.map((r) => ({ id: String(r.id), at: r.at.toISOString(), actor: r.actor, action: r.action, subject: r.subject, details: r.details })),
  };
}
