/** Shared setup of the evaluation tests: small generated datasets, seeded defaults, a slow writer. */
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { generateLeads } from '../../datasets/generator/index.ts';
import type { DB } from '../../server/db/schema.ts';
import { writeTemplateDraft } from '../../server/domain/drafting/index.ts';
import type { Lead } from '../../server/domain/lead.ts';
import type { EvalMetrics } from '../../server/domain/metrics/eval-metrics.ts';
import { importRows } from '../../server/modules/datasets/import-service.ts';
import { createDataset } from '../../server/modules/datasets/service.ts';
import { seedDefaultPrompt } from '../../server/modules/prompts/service.ts';
import { seedDefaultRuleset } from '../../server/modules/rulesets/service.ts';
import type { DraftWriter } from '../../server/providers/types.ts';

export const AS_OF = '2026-11-20';
export const ROOT = path.resolve(__dirname, '../..');

export function smallLeads(count: number, seed = 7): Lead[] {
  return [...generateLeads({ seed, count, asOf: AS_OF })];
}

export async function seedDefaults(db: Kysely<DB>): Promise<void> {
  await seedDefaultRuleset(db, 'test');
  await seedDefaultPrompt(db, 'test');
}

export async function importDataset(db: Kysely<DB>, name: string, leads: Lead[]): Promise<string> {
  const ds = await createDataset(db, { name, as_of: AS_OF }, 'test');
  async function* rows() {
    let line = 0;
    for (const lead of leads) yield { line: ++line, ok: true as const, lead };
  }
  const result = await importRows(db, ds.id, rows(), { actor: 'test', format: 'jsonl' });
  return result.dataset_id;
}

export function writeJsonl(file: string, leads: Lead[]): void {
  fs.writeFileSync(file, leads.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

/** The template writer, answering after a fixed delay (a stand-in for a model). */
export function slowTemplateWriter(delayMs: number): DraftWriter & { calls: number } {
  const writer = {
    calls: 0,
    async call({ lead, decision, features }: Parameters<DraftWriter['call']>[0]) {
      writer.calls++;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return { text: JSON.stringify(writeTemplateDraft(lead, decision, { asOf: features.as_of })) };
    },
  };
  return writer;
}

/** Everything in the metrics that does not depend on timing or on the cache. */
export function stableMetrics(m: EvalMetrics) {
  const { latency_ms: _l, cached: _c, ...rest } = m;
  return rest;
}
