/**
 * Staged multi-file imports: the mapped rows of each uploaded file wait in import_stage_rows,
 * keyed by the CRM's record id, and the commit joins them in the database page by page.
 *
 * An upload writes its rows under a name of its own (`<file>#<upload>`, storedName) outside any
 * transaction, then makes them the file's in one short one (the stage's `files` summary names
 * the stored rows): the embedded database's one session is never held for a whole upload, and a
 * failed or replaced upload is simply rows nobody names (deleted after). Every read below takes
 * the stored names from the summary.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface StagedRow {
  file: string;
  line: number;
  part?: number;
  lead_id: string | null;
  ok: boolean;
  payload: unknown;
  sort_key?: string | null;
  errors: string[] | null;
}

export const newStageId = () => `imp_${randomBytes(8).toString('hex')}`;

/** The name an upload's rows are stored under: the file's name and the upload's own id. */
export const storedName = (file: string) => `${file}#${randomBytes(6).toString('hex')}`;

/** A file's summary in import_stages.files; `stored` is absent on stages staged before uploads had their own names. */
export interface FileSummary {
  rows: number;
  rejected: number;
  encoding: unknown;
  stored?: string;
}

/** The stored names of a stage's files: the leads file's, and every other file's by stored name. */
export interface StoredFiles {
  leads: string;
  /** stored name -> the file's name */
  others: Map<string, string>;
}

export function storedFiles(files: Record<string, FileSummary>, leadsFile: string): StoredFiles {
  const others = new Map<string, string>();
  for (const [name, f] of Object.entries(files)) if (name !== leadsFile) others.set(f.stored ?? name, name);
  return { leads: files[leadsFile]?.stored ?? leadsFile, others };
}

export async function insertStage(db: Kysely<DB>, input: { id: string; dataset_id: string; mapping: string; mapping_content: string; created_by: string }) {
  return db.insertInto('import_stages').values({ ...input, status: 'open', files: '{}' }).returningAll().executeTakeFirstOrThrow();
}

export async function findStage(db: Kysely<DB>, id: string) {
  return db.selectFrom('import_stages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the stage row so two uploads or a commit of the same import do not interleave. */
export async function lockStage(db: Kysely<DB>, id: string) {
  return db.selectFrom('import_stages').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setFileSummary(db: Kysely<DB>, id: string, file: string, summary: Record<string, unknown>) {
  await sql`update import_stages set files = jsonb_set(files, ${sql.lit(`{${file}}`)}::text[], ${JSON.stringify(summary)}::jsonb) where id = ${id}`.execute(db);
}

/** Rows staged per file (part 0: one per line read), to check against each file's summary. */
export async function stagedLineCounts(db: Kysely<DB>, stageId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('import_stage_rows').select(['file', (eb) => eb.fn.countAll<string>().as('n')])
    .where('stage_id', '=', stageId).where('part', '=', 0).groupBy('file').execute();
  return new Map(rows.map((r) => [r.file, Number(r.n)]));
}


/**
 * One statement per batch with one array parameter per column (`unnest`), not a VALUES list of
 * 9 parameters a row: the database parses, binds and plans 8 parameters instead of 9,000
 * (measured on the embedded database: the upload's inserts took about half the time).
 */
export async function insertRows(db: Kysely<DB>, stageId: string, rows: StagedRow[]) {
  if (!rows.length) return;
  const files: string[] = [], lines: number[] = [], parts: number[] = [], leadIds: (string | null)[] = [], oks: boolean[] = [];
  const payloads: (string | null)[] = [], sortKeys: (string | null)[] = [], errors: (string | null)[] = [];
  for (const r of rows) {
    files.push(r.file);
    lines.push(r.line);
    parts.push(r.part ?? 0);
    leadIds.push(r.lead_id);
    oks.push(r.ok);
    payloads.push(r.payload === null ? null : JSON.stringify(r.payload));
    sortKeys.push(r.sort_key ?? null);
    errors.push(r.errors ? JSON.stringify(r.errors) : null);
  }
  await sql`
    insert into import_stage_rows (stage_id, file, line, part, lead_id, ok, payload, sort_key, errors)
    select ${stageId}, file, line, part, lead_id, ok, payload, sort_key, errors::jsonb
    from unnest(${files}::text[], ${lines}::int4[], ${parts}::int4[], ${leadIds}::text[], ${oks}::bool[], ${payloads}::text[], ${sortKeys}::text[], ${errors}::text[])
      as t(file, line, part, lead_id, ok, payload, sort_key, errors)`.execute(db);
}

/** The rejected lines of the leads file, in line order (few: they are reported, not imported). */
export async function rejectedLeadRows(db: Kysely<DB>, stageId: string, stored: StoredFiles) {
  return db
    .selectFrom('import_stage_rows')
    .select(['line', 'errors'])
    .where('stage_id', '=', stageId)
    .where('file', '=', stored.leads)
    .where('ok', '=', false)
    .orderBy('line')
    .execute();
}

/**
 * The next page of the leads file's good rows by record id (keyset on lead_id, byte order, then
 * line, so a repeated id at a page boundary is not skipped): an index range scan, so each page
 * costs the same however big the export.
 */
export async function leadPageAfter(db: Kysely<DB>, stageId: string, stored: StoredFiles, after: { id: string; line: number } | null, limit: number) {
  let q = db
    .selectFrom('import_stage_rows')
    .select(['line', 'lead_id', 'payload'])
    .where('stage_id', '=', stageId)
    .where('file', '=', stored.leads)
    .where('ok', '=', true);
  if (after !== null) {
    q = q.where('lead_id', '>=', after.id).where((eb) => eb.or([eb('lead_id', '>', after.id), eb('line', '>', after.line)]));
  }
  return q.orderBy('lead_id').orderBy('line').limit(limit).execute();
}

/** The good activity and quote rows of the leads with ids in (afterId, lastId]: one index range. */
export async function childrenInRange(db: Kysely<DB>, stageId: string, stored: StoredFiles, afterId: string | null, lastId: string) {
  if (!stored.others.size) return [];
  let q = db
    .selectFrom('import_stage_rows')
    .select(['lead_id', 'file', 'line', 'payload', 'sort_key'])
    .where('stage_id', '=', stageId)
    .where('lead_id', '<=', lastId)
    .where('file', 'in', [...stored.others.keys()])
    .where('ok', '=', true);
  if (afterId !== null) q = q.where('lead_id', '>', afterId);
  return (await q.execute()).map((r) => ({ ...r, file: stored.others.get(r.file) ?? r.file }));
}

/** Rows of the other files that no imported lead will carry: their own errors, or a lead that is missing or was rejected. */
export async function unattachedRows(db: Kysely<DB>, stageId: string, stored: StoredFiles) {
  if (!stored.others.size) return [];
  const { rows } = await sql<{ file: string; line: number; lead_id: string | null; ok: boolean; errors: string[] | null; rejected_line: number | null }>`
    select r.file, r.line, r.lead_id, r.ok, r.errors,
           (select min(l.line) from import_stage_rows l where l.stage_id = r.stage_id and l.file = ${stored.leads} and l.lead_id = r.lead_id) as rejected_line
    from import_stage_rows r
    where r.stage_id = ${stageId} and r.file = any(${[...stored.others.keys()]}::text[])
      and (not r.ok or not exists (
        select 1 from import_stage_rows l where l.stage_id = r.stage_id and l.file = ${stored.leads} and l.ok and l.lead_id = r.lead_id))
    order by r.file, r.line, r.part`.execute(db);
  // In the order of the files' names, as before uploads had stored names of their own.
  return rows
    .map((r) => ({ ...r, file: stored.others.get(r.file) ?? r.file }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Marks the stage committed (its rows are deleted after the commit, deleteStageRows). */
export async function finishStage(db: Kysely<DB>, stageId: string) {
  await db.updateTable('import_stages').set({ status: 'committed', committed_at: new Date() }).where('id', '=', stageId).execute();
}

/** The staged rows of a stage (after its commit or discard, or of a failed upload: `file`). */
export async function deleteStageRows(db: Kysely<DB>, stageId: string, file?: string) {
  let q = db.deleteFrom('import_stage_rows').where('stage_id', '=', stageId);
  if (file !== undefined) q = q.where('file', '=', file);
  await q.execute();
}

/** Rows a committed stage still has (its after-commit delete did not run: a crash, a CLI that exited). */
export async function deleteCommittedStageRows(db: Kysely<DB>) {
  await sql`delete from import_stage_rows r using import_stages s where s.id = r.stage_id and s.status = 'committed'`.execute(db);
}

export async function deleteStage(db: Kysely<DB>, stageId: string) {
  await db.deleteFrom('import_stage_rows').where('stage_id', '=', stageId).execute();
  await db.deleteFrom('import_stages').where('id', '=', stageId).execute();
}
