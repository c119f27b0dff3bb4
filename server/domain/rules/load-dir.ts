/** loadRulesetFromDir: the only I/O of the rules engine. Reads every file under `dir` as-is. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseRulesetFiles } from './parse-files.ts';
import type { RulesetResult } from './types.ts';

/** Subfolders that live beside a ruleset but are versioned on their own (prompt templates). */
export const NOT_RULESET_DIRS = ['prompts'];

/** Relative path (with `/`) -> file text, for every regular file below `dir` (dotfiles skipped). */
export async function readRulesetFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile() || e.name.startsWith('.')) continue;
    const full = join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
    const rel = relative(dir, full).split(sep).join('/');
    if (NOT_RULESET_DIRS.some((d) => rel.startsWith(`${d}/`)) || rel.split('/').some((part) => part.startsWith('.'))) continue;
    files[rel] = await readFile(full, 'utf8');
  }
  return files;
}

export async function loadRulesetFromDir(dir: string): Promise<RulesetResult> {
  return parseRulesetFiles(await readRulesetFiles(dir));
}
