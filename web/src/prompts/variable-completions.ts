/** Completion of `{{variable}}` names in the prompt template. */
import type { CompleteFn } from '../lib/editor/types.ts';
import type { PromptVariable } from './prompts-api.ts';

export function variableCompletions(source: () => PromptVariable[]): CompleteFn {
  return ({ lineBefore, lineAfter, pos }) => {
    const m = /\{\{\s*(\w*)$/.exec(lineBefore);
    if (!m) return null;
    // The editor may have closed the braces already.
    const close = /^\w*\s*\}\}/.test(lineAfter) ? '' : '}}';
    return {
      from: pos - m[1].length,
      options: source().map((v) => ({ label: v.name, type: 'variable', info: v.description, apply: `${v.name}${close}` })),
      validFor: /^\w*$/,
    };
  };
}
