/**
 * Maps positions inside YAML scalar VALUES (e.g. a CEL error at character 14 of a `when:`) back
 * to line/column in the file, whatever the scalar style (plain, quoted, block `|` / `>`).
 */
import { isScalar, LineCounter, type Document, type Node } from 'yaml';

export interface FilePosition { line: number; column: number }

/** Offset in the file of character `pos` of the scalar's parsed value. */
export function scalarValueOffset(source: string, node: Node, pos: number): number {
  const [start, end] = node.range ?? [0, 0];
  if (!isScalar(node) || typeof node.value !== 'string') return start;
  const value = node.value;
  let s = start;
  // Block scalars start with a header line (`|`, `>-`, ...): content begins on the next line.
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const nl = source.indexOf('\n', start);
    s = nl < 0 ? start : nl + 1;
  } else if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    s = start + 1;
  }
  // Greedy alignment: whitespace runs match any whitespace (folding, indentation), other
  // characters are searched for (skipping escape backslashes and doubled quotes).
  for (let k = 0; k < pos && k < value.length && s < end; k++) {
    const ch = value[k];
    if (/\s/.test(ch)) {
      while (s < end && /\s/.test(source[s])) s++;
      while (k + 1 < pos && /\s/.test(value[k + 1])) k++;
    } else {
      while (s < end && /\s/.test(source[s])) s++;
      const found = source.indexOf(ch, s);
      s = found < 0 || found >= end ? s : found + 1;
    }
  }
  while (s < end && /\s/.test(source[s]) && /\S/.test(value[pos] ?? '')) s++;
  return Math.min(s, end);
}

export function positionOf(lineCounter: LineCounter, offset: number): FilePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** The deepest existing node along `path` (a missing key points at its parent). */
export function nodeAt(doc: Document, path: readonly PropertyKey[]): Node | null {
  for (let len = path.length; len >= 0; len--) {
    const node = doc.getIn(path.slice(0, len) as (string | number)[], true);
    if (node && typeof node === 'object' && 'range' in (node as object)) return node as Node;
  }
  return (doc.contents as Node | null) ?? null;
}
