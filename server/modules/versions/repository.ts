/**
 * Immutable, content-hashed versions of a set of files (rulesets and prompt templates).
 * Saving content identical to the latest version returns that version instead of a new one,
 * so "save" is idempotent and history only grows with real changes.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ContentVersionsTable, DB } from '../../db/schema.ts';

export type VersionKind = 'ruleset' | 'prompt';
export type ContentVersion = Selectable<ContentVersionsTable>;

/** sha256 over the sorted (path, content) pairs: the same files always give the same hash. */
export function filesHash(files: Readonly<Record<string, string>>): string {
  const h = createHash('sha256');
  for (const path of Object.keys(files).sort()) h.update(path).update('\0').update(files[path]).update('\0');
  return h.digest('hex');
}

const PREFIX: Record<VersionKind, string> = { ruleset: 'rs', prompt: 'pr' };

export async function latestVersion(db: Kysely<DB>, kind: VersionKind, name: string): Promise<ContentVersion | undefined> {
  return db
    .selectFrom('content_versions')
    .selectAll()
    .where('kind', '=', kind)
    .where('name', '=', name)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findVersion(db: Kysely<DB>, kind: VersionKind, id: string): Promise<ContentVersion | undefined> {
  return db.selectFrom('content_versions').selectAll().where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
}

export async function listVersions(db: Kysely<DB>, kind: VersionKind, name?: string) {
  let q = db
    .selectFrom('content_versions')
    .select(['id', 'kind', 'name', 'version', 'content_hash', 'author', 'message', 'created_at'])
    .where('kind', '=', kind);
  if (name) q = q.where('name', '=', name);
  return q.orderBy('name').orderBy('version', 'desc').execute();
}

/** The newest version of every name of a kind (versions are listed newest first per name). */
export async function latestOfEachName(db: Kysely<DB>, kind: VersionKind) {
  const latest = new Map<string, Awaited<ReturnType<typeof listVersions>>[number]>();
  for (const v of await listVersions(db, kind)) if (!latest.has(v.name)) latest.set(v.name, v);
  return [...latest.values()];
}

export async function saveVersion(
  db: Kysely<DB>,
  input: { kind: VersionKind; name: string; files: Record<string, string>; author: string; message: string },
): Promise<{ version: ContentVersion; created: boolean }> {
  const hash = filesHash(input.files);
  const latest = await latestVersion(db, input.kind, input.name);
  if (latest && latest.content_hash === hash) return { version: latest, created: false };
  const number = (latest?.version ?? 0) + 1;
  const version = await db
    .insertInto('content_versions')
    .values({
      id: `${PREFIX[input.kind]}_${input.name}_v${number}`,
      kind: input.kind,
      name: input.name,
      version: number,
      content_hash: hash,
      files: JSON.stringify(input.files),
      author: input.author,
      message: input.message,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { version, created: true };
}

export function versionSummary(v: Pick<ContentVersion, 'id' | 'name' | 'version' | 'content_hash' | 'author' | 'message' | 'created_at'>) {
  return { id: v.id, name: v.name, version: v.version, content_hash: v.content_hash, author: v.author, message: v.message, created_at: v.created_at.toISOString() };
}
