/**
 * Rulesets as stored versions: validated on save (file, rule, line/column for every error),
 * compiled once per version and kept compiled by content hash.
 */
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  compileRuleset,
  contentHash,
  parseRulesetFiles,
  readRulesetFiles,
  RULESET_FILE,
  type CompiledRuleset,
  type RulesetError,
} from '../../domain/rules/index.ts';
import { AppError } from '../../http/errors.ts';
import { RULES_DIR } from '../../paths.ts';
import { findVersion, latestVersion, saveVersion, type ContentVersion } from '../versions/repository.ts';

export const DEFAULT_RULESET = 'default';

/** Only the YAML files of a folder make the ruleset; prompts beside it are versioned separately. */
export function onlyRulesetFiles(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([p]) => RULESET_FILE.test(p) && !p.startsWith('prompts/')));
}

export async function readRulesetDir(name: string): Promise<Record<string, string>> {
  return onlyRulesetFiles(await readRulesetFiles(path.join(RULES_DIR, name)));
}

export type ValidationResult = { ok: true; compiled: CompiledRuleset } | { ok: false; errors: RulesetError[] };

const compiledByHash = new Map<string, CompiledRuleset>();
const MAX_COMPILED = 32;

/** Parses and compiles files; compiled rulesets are cached by content hash (the editor re-sends the same draft often). */
export function validateRulesetFiles(files: Record<string, string>): ValidationResult {
  // The content hash is the parsed ruleset's hash: looked up before parsing, so known files (the
  // preview's baseline version, an unchanged draft) skip the YAML parse, a third of a preview.
  const cached = compiledByHash.get(contentHash(files));
  if (cached) return { ok: true, compiled: cached };
  const parsed = parseRulesetFiles(files);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  try {
    const compiled = compileRuleset(parsed.ruleset);
    if (compiledByHash.size >= MAX_COMPILED) compiledByHash.delete(compiledByHash.keys().next().value!);
    compiledByHash.set(parsed.ruleset.hash, compiled);
    return { ok: true, compiled };
  } catch (e) {
    const errors = (e as { errors?: RulesetError[] }).errors;
    if (errors) return { ok: false, errors };
    throw e;
  }
}

export function compiledOrThrow(files: Record<string, string>): CompiledRuleset {
  const result = validateRulesetFiles(files);
  if (!result.ok) {
    throw new AppError('bad_request', `The ruleset has ${result.errors.length} error(s).`, { errors: result.errors });
  }
  return result.compiled;
}

export async function compiledVersion(db: Kysely<DB>, versionId: string): Promise<{ version: ContentVersion; compiled: CompiledRuleset }> {
  const version = await findVersion(db, 'ruleset', versionId);
  if (!version) throw new AppError('not_found', `No ruleset version ${versionId}.`);
  return { version, compiled: compiledOrThrow(version.files as Record<string, string>) };
}

export async function saveRulesetVersion(db: Kysely<DB>, name: string, files: Record<string, string>, author: string, message: string) {
  compiledOrThrow(files);
  return saveVersion(db, { kind: 'ruleset', name, files, author, message });
}

/** First start: the default ruleset from rules/default becomes version 1. */
export async function seedDefaultRuleset(db: Kysely<DB>, author: string): Promise<ContentVersion> {
  const existing = await latestVersion(db, 'ruleset', DEFAULT_RULESET);
  if (existing) return existing;
  const files = await readRulesetDir(DEFAULT_RULESET);
  return (await saveRulesetVersion(db, DEFAULT_RULESET, files, author, 'Default ruleset shipped in rules/default')).version;
}
