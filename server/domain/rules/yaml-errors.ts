/**
 * YAML parse errors in words a manager acts on, on the line that needs the fix. The parser's own
 * wording ("Nested mappings are not allowed in compact mappings", reported on the line ABOVE an
 * extra indent) names its grammar, not the mistake; each common mistake gets a sentence here.
 */
import type { YAMLError } from 'yaml';

export interface YamlProblem { line: number; column: number; message: string }

const indentOf = (line: string) => /^ */.exec(line)![0].length;
const keyOf = (line: string) => /^\s*(?:-\s+)?([\w.-]+):/.exec(line)?.[1];

function nextContentLine(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (lines[i].trim() && !lines[i].trim().startsWith('#')) return i;
  return -1;
}

/** One problem per error (duplicates at the same place dropped), 1-based lines. */
export function describeYamlErrors(source: string, errors: readonly YAMLError[], linePos: (offset: number) => { line: number; col: number }): YamlProblem[] {
  const lines = source.split('\n');
  const out: YamlProblem[] = [];
  const seen = new Set<number>();
  for (const e of errors) {
    const { line, col } = linePos(e.pos[0]);
    if (seen.has(line)) continue;
    seen.add(line);
    out.push(describeOne(lines, e, line, col));
  }
  return out;
}

function describeOne(lines: string[], e: YAMLError, line: number, col: number): YamlProblem {
  const raw = e.message.split('\n')[0];
  const here = lines[line - 1] ?? '';
  switch (e.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      const next = nextContentLine(lines, line);
      if (next >= 0 && indentOf(lines[next]) > indentOf(here) && keyOf(lines[next]) && !/:\s*[|>][-+]?\s*$/.test(here)) {
        return {
          line: next + 1, column: 1,
          message: `YAML: line ${next + 1} (${keyOf(lines[next])}:) is indented further than line ${line} (${keyOf(here) ?? 'the line above'}:). Move it back ${indentOf(lines[next]) - indentOf(here)} space(s) so the two line up.`,
        };
      }
      const value = here.slice(here.indexOf(':') + 1).trim();
      if (/: /.test(value)) {
        return { line, column: col, message: `YAML: the value of ${keyOf(here) ?? 'this line'} contains ": ", which YAML reads as a new key. Put the whole value in double quotes: ${keyOf(here)}: "${value.replace(/"/g, '\\"')}"` };
      }
      return { line, column: col, message: `YAML: line ${line} mixes a key and a nested block. Check the indentation of this line and the next one. (${raw})` };
    }
    case 'MISSING_CHAR': {
      if (/quote/i.test(raw)) {
        for (let i = line - 1; i >= 0; i--) {
          const quotes = (lines[i].match(/(?<!\\)"/g) ?? []).length;
          if (quotes % 2 === 1) return { line: i + 1, column: lines[i].indexOf('"') + 1, message: `YAML: the text that starts with a quote (") on line ${i + 1} is never closed. Add the closing " at the end of that text.` };
        }
      }
      if (/sequence item/i.test(raw)) {
        const prev = lines.slice(0, line - 1).reverse().find((l) => l.trim() && !l.trim().startsWith('#')) ?? '';
        const want = /^\s*- /.test(prev) ? indentOf(prev) + 2 : indentOf(prev);
        return { line, column: 1, message: `YAML: line ${line} (${keyOf(here) ?? 'this line'}) is not lined up with the line above. Indent it by ${want} space(s), like the other keys of this item.` };
      }
      return { line, column: col, message: `YAML: something is missing on line ${line} (${raw}).` };
    }
    case 'TAB_AS_INDENT':
      return { line, column: 1, message: `YAML: line ${line} is indented with a tab. Use spaces only.` };
    case 'DUPLICATE_KEY':
      return { line, column: col, message: `YAML: ${keyOf(here) ?? 'a key'} appears twice in the same block (line ${line}). Keep one of them.` };
    case 'BAD_INDENT':
      if (/flow sequence|flow mapping/i.test(raw)) {
        const open = raw.includes('sequence') ? '[' : '{', close = open === '[' ? ']' : '}';
        for (let i = line - 2; i >= 0; i--) {
          if (lines[i].includes(open)) return { line: i + 1, column: lines[i].indexOf(open) + 1, message: `YAML: the list that starts with ${open} on line ${i + 1} is not closed. Add ${close} after its last item.` };
        }
      }
      return { line, column: col, message: `YAML: the indentation of line ${line} does not fit the block it is in. Line it up with its neighbours. (${raw})` };
    default:
      return { line, column: col, message: `YAML: ${raw}` };
  }
}
