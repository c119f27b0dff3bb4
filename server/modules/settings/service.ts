/** Workspace settings. External processing (lead data to a provider off this machine) is off by default (GDPR). */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';

export const WorkspaceSettings = z.strictObject({
  allow_external_processing: z.boolean().default(false),
  /** Datasets whose gates a release must pass before approval. */
  gating_datasets: z.array(z.string().max(100)).max(10).default(['demo']),
  /** Days recommendation payloads, drafts and evaluation results keep personal data (then: metrics only). */
  retention_days: z.number().int().min(1).max(3650).default(180),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;

const KEY = 'workspace';

export async function getSettings(db: Kysely<DB>): Promise<WorkspaceSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return WorkspaceSettings.parse(row?.value ?? {});
}

export async function updateSettings(db: Kysely<DB>, patch: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
  const next = WorkspaceSettings.parse({ ...(await getSettings(db)), ...patch });
  await db
    .insertInto('settings')
    .values({ key: KEY, value: JSON.stringify(next) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(next) }))
    .execute();
  return next;
}
