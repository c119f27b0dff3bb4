/**
 * Completion inside rule conditions: feature names from the catalog, signal names from the
 * last validation, and a `signal("…")` snippet. Active on `when:` and `recontact_after:` values,
 * including their continuation lines (`when: >-` blocks).
 */
import type { CompleteFn, PlainCompletion } from '../lib/editor/types.ts';
import type { CatalogFeature } from './rules-api.ts';

const EXPRESSION_KEYS = new Set(['when', 'recontact_after']);
const KEY_LINE = /^(\s*)(?:-\s+)?([A-Za-z_][\w-]*)\s*:/;

/** The key whose value the cursor is in: the key on this line, or the nearest less-indented key above. */
export function keyAtCursor(lineBefore: string, linesAbove: string[]): string | null {
  const own = KEY_LINE.exec(lineBefore);
  if (own) return own[2];
  const cursorIndent = /^\s*/.exec(lineBefore)![0].length;
  for (let i = linesAbove.length - 1; i >= 0; i--) {
    const line = linesAbove[i];
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const m = KEY_LINE.exec(line);
    if (m && /^\s*(?:-\s+)?/.exec(line)![0].length < cursorIndent) return m[2];
  }
  return null;
}

export function whenCompletions(source: () => { features: CatalogFeature[]; signals: string[] }): CompleteFn {
  return ({ lineBefore, linesAbove, pos, explicit }) => {
    const key = keyAtCursor(lineBefore, linesAbove);
    if (!key || !EXPRESSION_KEYS.has(key)) return null;
    const { features, signals } = source();

    // Inside signal("…: signal names only.
    const inSignal = /signal\(\s*"([\w-]*)$/.exec(lineBefore);
    if (inSignal) {
      return {
        from: pos - inSignal[1].length,
        options: signals.map((s) => ({ label: s, type: 'constant', detail: 'signal', apply: s })),
        validFor: /^[\w-]*$/,
      };
    }
    // Inside any other string literal: nothing.
    if ((lineBefore.match(/"/g)?.length ?? 0) % 2 === 1) return null;

    const word = /[A-Za-z_][\w.]*$/.exec(lineBefore);
    if (!word && !explicit) return null;
    const typed = word?.[0] ?? '';
    const options: PlainCompletion[] = features.map((f) => ({
      label: f.name,
      type: 'variable',
      detail: `${f.type}${f.nullable ? ' | null' : ''}`,
      info: `${f.description}${f.example !== undefined ? ` Example: ${JSON.stringify(f.example)}` : ''}`,
    }));
    options.push({ label: 'signal("…")', type: 'function', detail: 'snippet', info: 'True when the named signal matched an activity text.', snippet: 'signal("${name}")', boost: 1 });
    for (const s of signals) options.push({ label: `signal("${s}")`, type: 'function', detail: 'signal', apply: `signal("${s}")` });
    return { from: pos - typed.length, options, validFor: /^[\w.]*$/ };
  };
}
