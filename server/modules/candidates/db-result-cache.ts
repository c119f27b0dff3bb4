/** The provider result cache, in the database so that it survives restarts and is shared by workers. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ResultCache } from '../../providers/runtime.ts';
import type { ProviderReply } from '../../providers/types.ts';

export function dbResultCache(db: Kysely<DB>): ResultCache {
  return {
    async get(key) {
      const row = await db.selectFrom('provider_cache').select('output').where('key', '=', key).executeTakeFirst();
      return row?.output as ProviderReply | undefined;
    },
    async set(key, value) {
      await db
        .insertInto('provider_cache')
        .values({ key, output: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    },
  };
}
