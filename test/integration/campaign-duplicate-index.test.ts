/**
 * A campaign worker never holds its dataset: it builds the duplicate index over only the leads
 * that share an email or phone with another (chunk-runner.ts). On both databases, that index
 * says of every lead exactly what buildDatasetIndex over all the leads known at as_of says
 * (a lead it lacks is unique: no original, a group of one), on generated leads with duplicates
 * and leads created after as_of.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../datasets/generator/index.ts';
import { bootstrap } from '../../server/bootstrap.ts';
import { createdByAsOf } from '../../server/domain/features/known-as-of.ts';
import { buildDatasetIndex } from '../../server/domain/features/dataset-index.ts';
import type { Lead } from '../../server/domain/lead.ts';
import { duplicateIndexOf } from '../../server/modules/campaigns/chunk-runner.ts';
import { importRows } from '../../server/modules/datasets/import-service.ts';
import { createDataset } from '../../server/modules/datasets/service.ts';
import { DB_TARGETS, openTestDatabase, type TestDatabase } from '../helpers/databases.ts';

const AS_OF = '2026-11-20';
const EARLIER = '2026-10-01';

describe.each(DB_TARGETS)('the campaign duplicate index on $kind', (target) => {
  let database: TestDatabase;
  let datasetId: string;
  const leads = [...generateLeads({ seed: 7, count: 3000, asOf: AS_OF })] as Lead[];
  beforeAll(async () => {
    database = await openTestDatabase(target);
    await bootstrap(database.db, { seedDemo: false });
    datasetId = (await createDataset(database.db, { name: 'dup-index', as_of: AS_OF }, 'test')).id;
    async function* rows() {
      let line = 0;
      for (const lead of leads) yield { line: ++line, ok: true as const, lead };
    }
    await importRows(database.db, datasetId, rows(), { actor: 'test', format: 'jsonl' });
  }, 120_000);
  afterAll(async () => database?.close());

  it.each([AS_OF, EARLIER])('equals the whole-dataset index as of %s', async (asOf) => {
    const known = leads.filter((l) => createdByAsOf(l, asOf));
    const full = buildDatasetIndex(known);
    const small = await duplicateIndexOf(database.db, { id: `cmp_${asOf}`, dataset_id: datasetId, as_of: asOf } as never);
    const unique = { duplicate_of: null, group_size: 1 };
    let duplicates = 0;
    for (const lead of known) {
      const expected = full.duplicates.get(lead.id) ?? unique;
      expect(small.duplicates.get(lead.id) ?? unique, lead.id).toEqual(expected);
      if (expected.duplicate_of) duplicates++;
    }
    // The comparison means something: the generated leads hold duplicates, and the small index is small.
    expect(duplicates).toBeGreaterThan(10);
    expect(small.duplicates.size).toBeLessThan(known.length / 2);
  }, 120_000);
});
