import type { Kysely } from 'kysely';
import type { DB, DatasetRow } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/repository.ts';
import * as repo from './repository.ts';

export function datasetView(row: DatasetRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    as_of: row.as_of,
    version: row.version,
    parent_id: row.parent_id,
    locked: row.locked_at !== null,
    lead_count: row.lead_count,
    /** Leads whose personal data was erased: still counted, labeled and usable for metrics. */
    erased_leads: row.erased_leads,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
  };
}

export async function createDataset(
  db: Kysely<DB>,
  input: { name: string; as_of: string; description?: string | null },
  actor: string,
): Promise<DatasetRow> {
  return db.transaction().execute(async (trx) => {
    if (await repo.findLatestByName(trx, input.name)) {
      throw new AppError('conflict', `A dataset named "${input.name}" already exists; import into it or pick another name.`);
    }
    const row = await repo.insertDataset(trx, {
      name: input.name,
      description: input.description ?? null,
      as_of: input.as_of,
      version: 1,
      parent_id: null,
      created_by: actor,
    });
    await recordAudit(trx, { actor, action: 'dataset.create', subject: row.id, details: { name: row.name, as_of: row.as_of } });
    return row;
  });
}

/** Finds a dataset version by id, or the newest version by name (what the CLI's --dataset takes). */
export async function resolveDataset(db: Kysely<DB>, idOrName: string): Promise<DatasetRow> {
  const row = (await repo.findDataset(db, idOrName)) ?? (await repo.findLatestByName(db, idOrName));
  if (!row) throw new AppError('not_found', `No dataset "${idOrName}".`);
  return row;
}
