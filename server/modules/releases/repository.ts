/** Releases: immutable bundles (ruleset version + prompt version + provider config) and their status. */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DB, ReleasesTable, ReleaseStatus } from '../../db/schema.ts';
import type { ProviderConfig } from '../../providers/provider-config.ts';
import type { GateReport } from './service.ts';

export type ReleaseRow = Selectable<ReleasesTable>;

export async function findRelease(db: Kysely<DB>, id: string): Promise<ReleaseRow | undefined> {
  return db.selectFrom('releases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findProduction(db: Kysely<DB>): Promise<ReleaseRow | undefined> {
  return db.selectFrom('releases').selectAll().where('status', '=', 'production').executeTakeFirst();
}

export async function listReleases(db: Kysely<DB>): Promise<ReleaseRow[]> {
  return db.selectFrom('releases').selectAll().orderBy('number', 'desc').execute();
}

export async function insertRelease(
  db: Kysely<DB>,
  input: Pick<ReleaseRow, 'ruleset_version_id' | 'prompt_version_id' | 'provider_hash' | 'description' | 'proposed_by'> & { provider: unknown; status: ReleaseStatus },
): Promise<ReleaseRow> {
  const last = await db.selectFrom('releases').select((eb) => eb.fn.max('number').as('n')).executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  return db
    .insertInto('releases')
    .values({ ...input, id: `rel_${number}_${randomBytes(3).toString('hex')}`, number, provider: JSON.stringify(input.provider) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Moves `status` from one of `from` to `to` only if the row is still in an expected state.
 * Returns false when a concurrent transition got there first: the caller answers 409.
 */
export async function transition(
  db: Kysely<DB>,
  id: string,
  from: ReleaseStatus[],
  to: ReleaseStatus,
  extra: Partial<Pick<ReleaseRow, 'decided_by' | 'decided_at' | 'decision_comment' | 'promoted_at' | 'rolled_back_by' | 'rolled_back_at' | 'rollback_comment'>> = {},
): Promise<boolean> {
  const result = await db.updateTable('releases').set({ status: to, ...extra }).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setGateResults(db: Kysely<DB>, id: string, gateResults: unknown, runIds: string[]): Promise<void> {
  await db.updateTable('releases').set({ gate_results: JSON.stringify(gateResults), eval_run_ids: JSON.stringify(runIds) }).where('id', '=', id).execute();
}

export function releaseView(r: ReleaseRow) {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    ruleset_version_id: r.ruleset_version_id,
    prompt_version_id: r.prompt_version_id,
    provider: r.provider as ProviderConfig,
    provider_hash: r.provider_hash,
    description: r.description,
    proposed_by: r.proposed_by,
    proposed_at: r.proposed_at.toISOString(),
    decided_by: r.decided_by,
    decided_at: r.decided_at?.toISOString() ?? null,
    decision_comment: r.decision_comment,
    promoted_at: r.promoted_at?.toISOString() ?? null,
    rolled_back_by: r.rolled_back_by ?? null,
    rolled_back_at: r.rolled_back_at?.toISOString() ?? null,
    rollback_comment: r.rollback_comment ?? null,
    gate_results: r.gate_results as GateReport | null,
    eval_run_ids: r.eval_run_ids,
  };
}

export type ReleaseView = ReturnType<typeof releaseView>;

/** What people call a version: "default v3: lower the far-away threshold", not `rs_default_v3`. */
export async function withVersionLabels<T extends { ruleset_version_id: string; prompt_version_id: string }>(db: Kysely<DB>, views: T[]) {
  const ids = [...new Set(views.flatMap((v) => [v.ruleset_version_id, v.prompt_version_id]))];
  const rows = ids.length ? await db.selectFrom('content_versions').select(['id', 'name', 'version', 'message']).where('id', 'in', ids).execute() : [];
  const label = new Map(rows.map((r) => [r.id, { name: r.name, version: r.version, message: r.message }]));
  return views.map((v) => ({ ...v, ruleset_version: label.get(v.ruleset_version_id) ?? null, prompt_version: label.get(v.prompt_version_id) ?? null }));
}
