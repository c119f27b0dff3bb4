/** Prompt templates as stored versions (files in rules/<name>/prompts/), validated on save. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { parsePromptTemplate, type PromptError, type PromptTemplate } from '../../domain/prompts/prompt-template.ts';
import { AppError } from '../../http/errors.ts';
import { RULES_DIR } from '../../paths.ts';
import { findVersion, latestVersion, saveVersion, type ContentVersion } from '../versions/repository.ts';

export const DEFAULT_PROMPT = 'default';
export const DEFAULT_PROMPT_FILE = 'recontact.md';

/** A prompt version holds exactly one template file. */
export function templateOf(files: Record<string, string>): { ok: true; template: PromptTemplate } | { ok: false; errors: PromptError[] } {
  const names = Object.keys(files);
  if (names.length !== 1 || !names[0].endsWith('.md')) {
    return { ok: false, errors: [{ file: names.join(', ') || '(none)', message: 'a prompt version holds exactly one .md template file' }] };
  }
  return parsePromptTemplate(names[0], files[names[0]]);
}

export function templateOrThrow(files: Record<string, string>): PromptTemplate {
  const parsed = templateOf(files);
  if (!parsed.ok) throw new AppError('bad_request', `The prompt template has ${parsed.errors.length} error(s).`, { errors: parsed.errors });
  return parsed.template;
}

export async function compiledPromptVersion(db: Kysely<DB>, versionId: string): Promise<{ version: ContentVersion; template: PromptTemplate }> {
  const version = await findVersion(db, 'prompt', versionId);
  if (!version) throw new AppError('not_found', `No prompt version ${versionId}.`);
  return { version, template: templateOrThrow(version.files as Record<string, string>) };
}

export async function savePromptVersion(db: Kysely<DB>, name: string, files: Record<string, string>, author: string, message: string) {
  templateOrThrow(files);
  return saveVersion(db, { kind: 'prompt', name, files, author, message });
}

export async function seedDefaultPrompt(db: Kysely<DB>, author: string): Promise<ContentVersion> {
  const existing = await latestVersion(db, 'prompt', DEFAULT_PROMPT);
  if (existing) return existing;
  const text = await fs.readFile(path.join(RULES_DIR, 'default', 'prompts', DEFAULT_PROMPT_FILE), 'utf8');
  return (await savePromptVersion(db, DEFAULT_PROMPT, { [DEFAULT_PROMPT_FILE]: text }, author, 'Default prompt shipped in rules/default/prompts')).version;
}
