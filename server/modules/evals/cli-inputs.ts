/**
 * What `npm run eval` takes from the command line, turned into stored things: a .jsonl file into
 * a throwaway dataset version, a rules folder and a prompt file into content versions (an
 * identical stored version is reused, so the same files give the same candidate hash), and a
 * provider id into a provider config.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB, DatasetRow } from '../../db/schema.ts';
import { formatRulesetError, readRulesetFiles } from '../../domain/rules/index.ts';
import { AppError } from '../../http/errors.ts';
import type { ProviderConfig } from '../../providers/provider-config.ts';
import { importRows } from '../datasets/import-service.ts';
import { readJsonl } from '../datasets/import-sources.ts';
import { findDataset } from '../datasets/repository.ts';
import { createDataset, resolveDataset } from '../datasets/service.ts';
import { savePromptVersion, templateOf } from '../prompts/service.ts';
import { onlyRulesetFiles, saveRulesetVersion, validateRulesetFiles } from '../rulesets/service.ts';
import { filesHash, type ContentVersion, type VersionKind } from '../versions/repository.ts';

export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'x';

function looksLikeFile(arg: string): boolean {
  return arg.endsWith('.jsonl') || arg.includes('/') || arg.includes(path.sep);
}

function asOfFor(file: string, explicit: string | undefined): string {
  if (explicit) return explicit;
  const meta = file.replace(/\.jsonl$/, '.meta.json');
  if (meta !== file && fs.existsSync(meta)) {
    const asOf = JSON.parse(fs.readFileSync(meta, 'utf8')).as_of;
    if (typeof asOf === 'string') return asOf;
  }
  // The engine never reads the clock; the command line may, when nothing else says.
  return new Date().toISOString().slice(0, 10);
}

/** A dataset by id or name, or a .jsonl file imported into a new throwaway dataset. */
export async function importDatasetFile(
  db: Kysely<DB>,
  arg: string,
  options: { asOf?: string; actor: string; warn: (message: string) => void },
): Promise<DatasetRow> {
  if (!looksLikeFile(arg)) {
    try {
      return await resolveDataset(db, arg);
    } catch (e) {
      if (e instanceof AppError) throw new CliUsageError(`--dataset: no dataset named "${arg}" (give a name, an id, or a path to a .jsonl file)`);
      throw e;
    }
  }
  if (!fs.existsSync(arg)) throw new CliUsageError(`--dataset: no such file ${arg}`);
  const name = `eval-${slug(path.basename(arg, '.jsonl'))}-${randomBytes(4).toString('hex')}`;
  const created = await createDataset(db, { name, as_of: asOfFor(arg, options.asOf), description: `Imported by npm run eval from ${arg}` }, options.actor);
  const result = await importRows(db, created.id, readJsonl(fs.createReadStream(arg)), { actor: options.actor, format: 'jsonl' });
  for (const r of result.rejected.slice(0, 10)) options.warn(`${arg}:${r.line}: rejected: ${r.errors.join('; ')}`);
  if (result.rejected.length > 10) options.warn(`... and ${result.rejected.length - 10} more rejected lines`);
  if (!result.imported) throw new CliUsageError(`--dataset: ${arg} has no valid lead records`);
  return (await findDataset(db, result.dataset_id))!;
}

async function versionByHash(db: Kysely<DB>, kind: VersionKind, hash: string): Promise<ContentVersion | undefined> {
  return db.selectFrom('content_versions').selectAll().where('kind', '=', kind).where('content_hash', '=', hash).orderBy('created_at').limit(1).executeTakeFirst();
}

export async function rulesetVersionFromDir(db: Kysely<DB>, dir: string, actor: string): Promise<ContentVersion> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new CliUsageError(`--rules: ${dir} is not a folder`);
  const files = onlyRulesetFiles(await readRulesetFiles(dir));
  if (!Object.keys(files).length) throw new CliUsageError(`--rules: ${dir} holds no .yaml ruleset files`);
  const checked = validateRulesetFiles(files);
  if (!checked.ok) throw new CliUsageError(`--rules: ${dir} has errors:\n${checked.errors.map((e) => `  ${formatRulesetError(e)}`).join('\n')}`);
  const existing = await versionByHash(db, 'ruleset', filesHash(files));
  if (existing) return existing;
  return (await saveRulesetVersion(db, `cli-${slug(path.basename(path.resolve(dir)))}`, files, actor, `npm run eval --rules ${dir}`)).version;
}

/** The prompt beside a rules folder (`<dir>/prompts/<one>.md`), used when --prompt is not given. */
export function promptFileInRulesDir(dir: string): string | null {
  const folder = path.join(dir, 'prompts');
  if (!fs.existsSync(folder)) return null;
  const md = fs.readdirSync(folder).filter((f) => f.endsWith('.md'));
  return md.length === 1 ? path.join(folder, md[0]) : null;
}

export async function promptVersionFromFile(db: Kysely<DB>, file: string, actor: string): Promise<ContentVersion> {
  if (!fs.existsSync(file)) throw new CliUsageError(`--prompt: no such file ${file}`);
  const files = { [path.basename(file)]: fs.readFileSync(file, 'utf8') };
  const parsed = templateOf(files);
  if (!parsed.ok) throw new CliUsageError(`--prompt: ${file} has errors:\n${parsed.errors.map((e) => `  ${JSON.stringify(e)}`).join('\n')}`);
  const existing = await versionByHash(db, 'prompt', filesHash(files));
  if (existing) return existing;
  return (await savePromptVersion(db, `cli-${slug(path.basename(file, '.md'))}`, files, actor, `npm run eval --prompt ${file}`)).version;
}

/** `template`, `local:<model folder>`, a promptfoo provider id, or a JSON provider config. */
export function parseProviderId(id: string): ProviderConfig | Record<string, unknown> {
  if (id === 'template') return { type: 'template' };
  if (id.startsWith('local:')) return { type: 'local', model: id.slice('local:'.length) };
  if (id.trim().startsWith('{')) {
    try {
      return JSON.parse(id) as Record<string, unknown>;
    } catch (e) {
      throw new CliUsageError(`--provider: not valid JSON (${(e as Error).message})`);
    }
  }
  return { type: 'promptfoo', id };
}
