/**
 * First-start work: migrate, make sure someone can sign in, and load the demo data so every
 * page works out of the box. Each step is idempotent; a restart changes nothing.
 */
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { migrateToLatest } from './db/database.ts';
import type { DB } from './db/schema.ts';
import { IsoDate } from './domain/lead.ts';
import { countTokens, createToken } from './modules/auth/tokens.ts';
import { importRows } from './modules/datasets/import-service.ts';
import { readJsonl } from './modules/datasets/import-sources.ts';
import { deleteAbandonedPendingLeads, findLatestByName } from './modules/datasets/repository.ts';
import { deleteCommittedStageRows } from './modules/imports/repository.ts';
import { createDataset } from './modules/datasets/service.ts';
import { seedDefaultRuleset } from './modules/rulesets/service.ts';
import { seedDefaultPrompt } from './modules/prompts/service.ts';
import { seedDefaultRelease } from './modules/releases/service.ts';
import { DEMO_DATASET_FILE, DEMO_META_FILE } from './paths.ts';

export const SYSTEM_ACTOR = 'system';

const DemoMeta = z.object({ name: z.string(), as_of: IsoDate, description: z.string().optional() });

export interface BootstrapResult {
  migrations: string[];
  /** Created on the very first start when no WORKBENCH_ADMIN_TOKEN is set; shown once. */
  firstAdminToken: string | null;
  demo: { dataset_id: string; imported: number } | null;
}

export async function ensureFirstAdmin(db: Kysely<DB>, envAdminToken: string | undefined): Promise<string | null> {
  if (envAdminToken || (await countTokens(db)) > 0) return null;
  const created = await createToken(db, { name: 'first admin', role: 'admin', createdBy: SYSTEM_ACTOR });
  return created.token;
}

export async function seedDemoDataset(db: Kysely<DB>): Promise<BootstrapResult['demo']> {
  if (!fs.existsSync(DEMO_META_FILE) || !fs.existsSync(DEMO_DATASET_FILE)) return null;
  const meta = DemoMeta.parse(JSON.parse(fs.readFileSync(DEMO_META_FILE, 'utf8')));
  if (await findLatestByName(db, meta.name)) return null;
  const dataset = await createDataset(db, { name: meta.name, as_of: meta.as_of, description: meta.description ?? null }, SYSTEM_ACTOR);
  const result = await importRows(db, dataset.id, readJsonl(fs.createReadStream(DEMO_DATASET_FILE)), { actor: SYSTEM_ACTOR, format: 'jsonl' });
  if (result.rejected.length) {
    throw new Error(`The demo dataset has ${result.rejected.length} invalid rows (first: line ${result.rejected[0].line}: ${result.rejected[0].errors[0]}).`);
  }
  return { dataset_id: result.dataset_id, imported: result.imported };
}

export async function bootstrap(db: Kysely<DB>, options: { adminToken?: string; seedDemo: boolean }): Promise<BootstrapResult> {
  const migrations = await migrateToLatest(db);
  const firstAdminToken = await ensureFirstAdmin(db, options.adminToken);
  // What an import that died (a crash) left in its pending area, and staged rows of committed imports.
  await deleteAbandonedPendingLeads(db);
  await deleteCommittedStageRows(db);
  await seedDefaultRuleset(db, SYSTEM_ACTOR);
  await seedDefaultPrompt(db, SYSTEM_ACTOR);
  await seedDefaultRelease(db, SYSTEM_ACTOR);
  const demo = options.seedDemo ? await seedDemoDataset(db) : null;
  return { migrations, firstAdminToken, demo };
}
