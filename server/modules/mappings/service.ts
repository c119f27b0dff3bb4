/**
 * CSV mappings come from two places: files shipped in datasets/mappings/ and mappings stored
 * through the API. A stored mapping with the same name wins, so a customer can adjust a shipped
 * one without editing the repository.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { parseMappingYaml, type CsvMapping } from '../../domain/import/csv-mapping.ts';
import { AppError } from '../../http/errors.ts';
import { MAPPINGS_DIR } from '../../paths.ts';

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

async function fileMappingNames(): Promise<string[]> {
  const files = await fs.readdir(MAPPINGS_DIR).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).filter((n) => NAME.test(n));
}

export async function listMappings(db: Kysely<DB>) {
  const stored = await db.selectFrom('mappings').select(['name', 'updated_at']).execute();
  const storedNames = new Set(stored.map((s) => s.name));
  const files = (await fileMappingNames()).filter((n) => !storedNames.has(n));
  return [
    ...stored.map((s) => ({ name: s.name, source: 'stored' as const, updated_at: s.updated_at.toISOString() })),
    ...files.map((name) => ({ name, source: 'file' as const, updated_at: null })),
  ].sort((a, b) => a.name.localeCompare(b.name));
}

export async function getMappingText(db: Kysely<DB>, name: string): Promise<{ content: string; source: 'stored' | 'file' }> {
  if (!NAME.test(name)) throw new AppError('bad_request', `"${name}" is not a mapping name (lower-case letters, digits, - and _).`);
  const stored = await db.selectFrom('mappings').select('content').where('name', '=', name).executeTakeFirst();
  if (stored) return { content: stored.content, source: 'stored' };
  try {
    return { content: await fs.readFile(path.join(MAPPINGS_DIR, `${name}.yaml`), 'utf8'), source: 'file' };
  } catch {
    throw new AppError('not_found', `No CSV mapping named "${name}".`);
  }
}

export async function loadMapping(db: Kysely<DB>, name: string): Promise<CsvMapping> {
  const { content } = await getMappingText(db, name);
  const parsed = parseMappingYaml(content);
  if (!parsed.ok) throw new AppError('unprocessable', `The mapping "${name}" is invalid: ${parsed.errors.join('; ')}`, { errors: parsed.errors });
  return parsed.mapping;
}

/** Stores a mapping and keeps the saved text as its next numbered version (like rules and prompts). */
export async function saveMapping(db: Kysely<DB>, name: string, content: string, actor: string): Promise<CsvMapping & { version: number }> {
  const parsed = parseMappingYaml(content);
  if (!parsed.ok) throw new AppError('bad_request', `The mapping is invalid: ${parsed.errors.join('; ')}`, { errors: parsed.errors });
  if (parsed.mapping.name !== name) {
    throw new AppError('bad_request', `The mapping's name "${parsed.mapping.name}" differs from the URL's "${name}".`);
  }
  const version = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('mappings')
      .values({ name, content, updated_by: actor })
      .onConflict((oc) => oc.column('name').doUpdateSet({ content, updated_by: actor, updated_at: new Date() }))
      .execute();
    // The mappings row is locked by the upsert above, so two saves cannot take the same number.
    const last = await trx.selectFrom('mapping_versions').select((eb) => eb.fn.max('version').as('v')).where('name', '=', name).executeTakeFirst();
    const next = Number(last?.v ?? 0) + 1;
    await trx.insertInto('mapping_versions').values({ name, version: next, content, created_by: actor }).execute();
    return next;
  });
  return { ...parsed.mapping, version };
}

export async function listMappingVersions(db: Kysely<DB>, name: string) {
  const rows = await db.selectFrom('mapping_versions').select(['version', 'content', 'created_by', 'created_at']).where('name', '=', name).orderBy('version', 'desc').execute();
  return rows.map((r) => ({ version: r.version, content: r.content, created_by: r.created_by, created_at: new Date(r.created_at).toISOString() }));
}
