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

export async function createToken(db: Kysely<DB>, input: { name: string; role: Role; createdBy: string | null }) {
  const token = newTokenSecret();
  const id = `tok_${randomBytes(6).toString('hex')}`;
  await db
    .insertInto('tokens')
    .values({ id, name: input.name, role: input.role, token_hash: hashToken(token), created_by: input.createdBy })
    .execute();
  return { id, token, name: input.name, role: input.role };
}

export async function listTokens(db: Kysely<DB>) {
  return db
    .selectFrom('tokens')
    .select(['id', 'name', 'role', 'created_by', 'created_at', 'revoked_at'])
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

/** Resolves a presented bearer token to who is calling, or null. */
export async function authenticate(
  db: Kysely<DB>,
  presented: string,
  envAdminToken: string | undefined,
): Promise<Principal | null> {
  if (envAdminToken && sameSecret(presented, envAdminToken)) {
    return { actor: 'admin-env', name: 'admin (WORKBENCH_ADMIN_TOKEN)', role: 'admin' };
  }
  const row = await db
    .selectFrom('tokens')
    .select(['id', 'name', 'role'])
    .where('token_hash', '=', hashToken(presented))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? { actor: `token:${row.id}`, name: row.name, role: row.role as Role } : null;
}
