/**
 * Model output -> a validated draft. Models wrap JSON in prose or code fences; we take the first
 * complete JSON object and validate it with the draft schema. Anything else is a schema failure.
 */
import { describeIssues } from '../domain/lead.ts';
import { DraftRecommendation } from '../domain/recommendation.ts';

export type ParsedDraft = { ok: true; draft: DraftRecommendation } | { ok: false; error: string };

function firstJsonObject(text: string): string | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

export function parseDraft(text: string): ParsedDraft {
  const json = firstJsonObject(text);
  if (!json) return { ok: false, error: 'the reply holds no JSON object' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    return { ok: false, error: `the reply's JSON does not parse: ${(e as Error).message}` };
  }
  const parsed = DraftRecommendation.safeParse(value);
  return parsed.success ? { ok: true, draft: parsed.data } : { ok: false, error: describeIssues(parsed.error).slice(0, 5).join('; ') };
}
