/**
 * Bearer tokens. Only a SHA-256 of each token is stored: tokens are 32 random bytes, so a fast
 * hash is enough (no password stretching needed) and lookups stay a single indexed query.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Principal, Role } from './roles.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newTokenSecret(): string {
  return `rk_${randomBytes(32).toString('base64url')}`;
}

/** Owner names compared the way the CRM export spells them inconsistently: trimmed, case-blind, no duplicates. */
export function normalizeOwners(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const n of names.map((x) => x.trim()).filter(Boolean)) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n);
  return [...seen.values()];
}

export async function createToken(db: Kysely<DB>, input: { name: string; role: Role; createdBy: string | null; actsFor?: string[] }) {
  const token = newTokenSecret();
  const id = `tok_${randomBytes(6).toString('hex')}`;
  // A rep created without an explicit owner list acts for the owner spelled like their name (shown and editable on the Tokens page).
  const actsFor = normalizeOwners(input.actsFor ?? (input.role === 'rep' ? [input.name] : []));
  await db
    .insertInto('tokens')
    .values({ id, name: input.name, role: input.role, token_hash: hashToken(token), created_by: input.createdBy, acts_for: JSON.stringify(actsFor) })
    .execute();
  return { id, token, name: input.name, role: input.role, acts_for: actsFor };
}

/** The admin renames a token or changes the CRM owners it acts for; returns false for an unknown or revoked token. */
export async function updateToken(db: Kysely<DB>, id: string, changes: { name?: string; actsFor?: string[] }) {
  forgetTokens();
  const set: { name?: string; acts_for?: string } = {};
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.actsFor !== undefined) set.acts_for = JSON.stringify(normalizeOwners(changes.actsFor));
  if (!Object.keys(set).length) return db.selectFrom('tokens').select(['id', 'name', 'role', 'acts_for']).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return db.updateTable('tokens').set(set).where('id', '=', id).where('revoked_at', 'is', null).returning(['id', 'name', 'role', 'acts_for']).executeTakeFirst();
}

/** Every actor string the audit log and records may hold, with the display name to show for it (revoked tokens included). */
export async function listPeople(db: Kysely<DB>): Promise<{ actor: string; name: string; role: string }[]> {
  const rows = await db.selectFrom('tokens').select(['id', 'name', 'role']).orderBy('created_at').execute();
  // 'system' is the first start's own actor (the seeded release and versions).
  return [{ actor: ADMIN_ENV_ACTOR, name: ADMIN_ENV_NAME, role: 'admin' }, { actor: 'system', name: 'Rekindle (first start)', role: 'admin' }, ...rows.map((r) => ({ actor: `token:${r.id}`, name: r.name, role: r.role }))];
}

/** Actor strings whose display name contains `text` (case-blind), for "filter the audit log by a person". */
export async function actorsNamed(db: Kysely<DB>, text: string): Promise<string[]> {
  const needle = text.trim().toLowerCase();
  return (await listPeople(db)).filter((p) => p.name.toLowerCase().includes(needle) || p.actor.toLowerCase() === needle).map((p) => p.actor);
}

export const ADMIN_ENV_ACTOR = 'admin-env';
export const ADMIN_ENV_NAME = 'admin (WORKBENCH_ADMIN_TOKEN)';

export async function listTokens(db: Kysely<DB>) {
  return db
    .selectFrom('tokens')
    .select(['id', 'name', 'role', 'acts_for', 'created_by', 'created_at', 'revoked_at'])
    .orderBy('created_at')
    .execute();
}

export async function revokeToken(db: Kysely<DB>, id: string): Promise<boolean> {
  const result = await db
    .updateTable('tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  forgetTokens();
  return Number(result.numUpdatedRows) > 0;
}

export async function countTokens(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('tokens').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

function sameSecret(a: string, b: string): boolean {
  const ha = Buffer.from(hashToken(a), 'hex');
  const hb = Buffer.from(hashToken(b), 'hex');
  return timingSafeEqual(ha, hb);
}

/**
 * Principals of recently seen tokens, per database: every API request authenticates, and without
 * this each one pays a round trip for the same row. Entries live at most TOKEN_TTL_MS; a revoke or
 * an update in this process forgets them all at once (`forgetTokens`, also after the change's
 * transaction commits), one in another process on the same database shows here within that
 * second. Only known tokens are kept (an unknown one is looked up every time, so guessing cannot
 * fill the map), and the map is emptied when it grows past TOKEN_CACHE_MAX.
 */
const TOKEN_TTL_MS = 1000;
const TOKEN_CACHE_MAX = 10_000;
const principalsByDb = new WeakMap<Kysely<DB>, Map<string, { at: number; generation: number; principal: Promise<Principal | null> }>>();
let tokenGeneration = 0;

/** After a token changed (revoked, renamed, acts for other owners): no cached principal is used again. */
export function forgetTokens(): void {
  tokenGeneration++;
}

async function lookupPrincipal(db: Kysely<DB>, tokenHash: string): Promise<Principal | null> {
  const row = await db
    .selectFrom('tokens')
    .select(['id', 'name', 'role', 'acts_for'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? { actor: `token:${row.id}`, name: row.name, role: row.role as Role, actsFor: row.acts_for ?? [] } : null;
}

/** Resolves a presented bearer token to who is calling, or null. */
export async function authenticate(
  db: Kysely<DB>,
  presented: string,
  envAdminToken: string | undefined,
): Promise<Principal | null> {
  if (envAdminToken && sameSecret(presented, envAdminToken)) {
    return { actor: ADMIN_ENV_ACTOR, name: ADMIN_ENV_NAME, role: 'admin', actsFor: [] };
  }
  const tokenHash = hashToken(presented);
  let cache = principalsByDb.get(db);
  if (!cache) principalsByDb.set(db, (cache = new Map()));
  const now = Date.now();
  let entry = cache.get(tokenHash);
  if (!entry || entry.generation !== tokenGeneration || now - entry.at >= TOKEN_TTL_MS) {
    // The generation is taken before the query: a lookup that raced a revoke is never used after it.
    const fresh = { at: now, generation: tokenGeneration, principal: lookupPrincipal(db, tokenHash) };
    if (cache.size >= TOKEN_CACHE_MAX) cache.clear();
    cache.set(tokenHash, fresh);
    const forget = () => cache.get(tokenHash) === fresh && cache.delete(tokenHash);
    fresh.principal.then((p) => p || forget(), forget);
    entry = fresh;
  }
  const principal = await entry.principal;
  // Callers may keep and change what they got; each gets its own copy.
  return principal && { ...principal, actsFor: [...principal.actsFor] };
}
