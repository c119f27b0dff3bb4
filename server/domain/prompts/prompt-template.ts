/**
 * Prompt templates: Markdown files with a YAML front matter and two sections, `# system` and
 * `# user`. Placeholders are `{{name}}` from a fixed catalog (prompt-variables.ts); anything else
 * is an error at save time, with its line. CRM free text may only appear in the user section, in
 * the delimited data block the `crm_history` variable renders, never among the instructions.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PROMPT_VARIABLES, UNTRUSTED_VARIABLES } from './prompt-variables.ts';

export const PromptSettings = z
  .strictObject({
    description: z.string().default(''),
    temperature: z.number().min(0).max(2).default(0.2),
    max_tokens: z.number().int().min(64).max(8192).default(900),
  })
  .default({ description: '', temperature: 0.2, max_tokens: 900 });
export type PromptSettings = z.infer<typeof PromptSettings>;

export interface PromptTemplate {
  file: string;
  settings: PromptSettings;
  system: string;
  user: string;
}

export interface PromptError {
  file: string;
  line?: number;
  message: string;
}

const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g;

function lineOf(text: string, index: number, offset: number): number {
  return offset + text.slice(0, index).split('\n').length;
}

export function parsePromptTemplate(file: string, text: string): { ok: true; template: PromptTemplate } | { ok: false; errors: PromptError[] } {
  const errors: PromptError[] = [];
  let body = text;
  let bodyLine = 0;
  let settings: PromptSettings = PromptSettings.parse(undefined);
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (fm) {
    body = text.slice(fm[0].length);
    bodyLine = fm[0].split('\n').length - 1;
    try {
      const parsed = PromptSettings.safeParse(parseYaml(fm[1]) ?? undefined);
      if (parsed.success) settings = parsed.data;
      else errors.push(...parsed.error.issues.map((i) => ({ file, line: 2, message: `front matter ${i.path.join('.')}: ${i.message}` })));
    } catch (e) {
      errors.push({ file, line: 2, message: `front matter is not YAML: ${(e as Error).message}` });
    }
  }

  const sections: Record<string, { text: string; line: number }> = {};
  const heading = /^# (system|user)\s*$/gm;
  const marks = [...body.matchAll(heading)];
  if (!marks.length) errors.push({ file, line: bodyLine + 1, message: 'expected a "# system" and a "# user" section' });
  marks.forEach((m, i) => {
    const start = m.index! + m[0].length + 1;
    const end = i + 1 < marks.length ? marks[i + 1].index! : body.length;
    if (sections[m[1]]) errors.push({ file, line: lineOf(body, m.index!, bodyLine), message: `a second "# ${m[1]}" section` });
    sections[m[1]] = { text: body.slice(start, end).trim(), line: lineOf(body, start, bodyLine) };
  });
  for (const name of ['system', 'user']) {
    if (marks.length && !sections[name]) errors.push({ file, message: `missing the "# ${name}" section` });
  }

  for (const [name, section] of Object.entries(sections)) {
    for (const m of section.text.matchAll(PLACEHOLDER)) {
      const line = lineOf(section.text, m.index!, section.line - 1);
      if (!(m[1] in PROMPT_VARIABLES)) {
        errors.push({ file, line, message: `unknown variable {{${m[1]}}} (known: ${Object.keys(PROMPT_VARIABLES).join(', ')})` });
      } else if (name === 'system' && UNTRUSTED_VARIABLES.has(m[1])) {
        errors.push({ file, line, message: `{{${m[1]}}} holds CRM text and may only be used in the "# user" section, never among the instructions` });
      }
    }
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, template: { file, settings, system: sections.system.text, user: sections.user.text } };
}

/**
 * Fills the placeholders in ONE pass over the template. Values are inserted literally and never
 * scanned again, so a `{{...}}` inside CRM text stays plain text.
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_m, name: string) => values[name] ?? '');
}
