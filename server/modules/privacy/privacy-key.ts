/**
 * The workspace's privacy key (32 random bytes) for keyed hashes of identifiers, kept in the
 * settings table (so every server and worker on the database shares it) and created on first use.
 * `on conflict do nothing` + re-read: two processes creating it at once agree on one key.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

const KEY = 'privacy.hmac_key';
const keys = new WeakMap<Kysely<DB>, Promise<Buffer>>();

async function loadOrCreate(db: Kysely<DB>): Promise<Buffer> {
  await db
    .insertInto('settings')
    .values({ key: KEY, value: JSON.stringify({ key: randomBytes(32).toString('base64') }) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirstOrThrow();
  return Buffer.from((row.value as { key: string }).key, 'base64');
}

export function privacyKey(db: Kysely<DB>): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = loadOrCreate(db);
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}
