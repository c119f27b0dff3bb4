/**
 * Edits of a ruleset YAML file made by the form view. The YAML text stays canonical: each edit
 * finds its node with the `yaml` package's Document API (node ranges) and splices only that
 * node's text, so every other byte (comments, blank lines, flow lists, folded descriptions) is
 * kept and the saved version's diff is exactly the edits made.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

export type YamlPath = (string | number)[];

export function readYaml(text: string): Document {
  return parseDocument(text, { uniqueKeys: false });
}

const RESERVED = /^(true|false|null|yes|no|on|off|~|y|n)$/i;

/** `value` as YAML scalar text: plain when YAML reads it back unchanged, else quoted. */
export function renderScalar(value: string | number | boolean | null, flow = false): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  const plainSafe =
    value.length > 0 &&
    value === value.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/: |:$| #|[\n\t\r]/.test(value) &&
    !RESERVED.test(value) &&
    !/^[-+.\d]/.test(value) &&
    !(flow && /[,[\]{}]/.test(value));
  if (plainSafe) return value;
  if (!value.includes('"') && !value.includes('\\')) return JSON.stringify(value);
  if (!/[\n\t\r]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

function nodeAt(doc: Document, path: YamlPath): Node | null {
  const n = doc.getIn(path, true) as Node | undefined;
  return n && typeof n === 'object' && 'range' in n ? n : null;
}

function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}

/** Back over trailing whitespace, so an insertion follows the last visible character. */
function endOfContent(text: string, at: number): number {
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return at;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function columnOf(text: string, at: number): number {
  return at - lineStart(text, at);
}

/** Sets a scalar at `path`; a missing key is added to its (existing) parent map. */
export function setValue(text: string, path: YamlPath, value: string | number | boolean | null): string {
  const doc = readYaml(text);
  const node = nodeAt(doc, path);
  const parent = nodeAt(doc, path.slice(0, -1));
  const inFlow = !!parent && (isMap(parent) || isSeq(parent)) && !!(parent as YAMLMap).flow;
  if (node && isScalar(node) && node.range) {
    const [start, rawEnd] = node.range;
    // A block scalar's range takes in its final line break: keep that.
    const end = node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL' ? endOfContent(text, rawEnd) : rawEnd;
    const rendered = node.type === 'QUOTE_DOUBLE' && typeof value === 'string' ? JSON.stringify(value) : renderScalar(value, inFlow);
    return splice(text, start, end, rendered);
  }
  if (node) throw new Error(`${path.join('.')} is not a single value`);
  const key = String(path[path.length - 1]);
  if (!parent || !isMap(parent) || !parent.range) throw new Error(`cannot add ${path.join('.')}: its parent is missing`);
  return addPair(text, parent, key, renderScalar(value, parent.flow));
}

function addPair(text: string, map: YAMLMap, key: string, rendered: string): string {
  const pairs = map.items as Pair<Node, Node>[];
  if (map.flow) {
    const close = endOfContent(text, map.range![1]) - 1; // the `}`
    return splice(text, close, close, pairs.length ? `, ${key}: ${rendered} ` : ` ${key}: ${rendered} `).replace(/ {2}}/, ' }');
  }
  const last = pairs[pairs.length - 1];
  const firstKey = pairs[0]?.key as Node | undefined;
  const indent = firstKey?.range ? columnOf(text, firstKey.range[0]) : 2;
  const lastNode = (last?.value ?? last?.key) as Node | undefined;
  const at = endOfContent(text, lastNode?.range ? lastNode.range[1] : map.range![1]);
  return splice(text, at, at, `\n${' '.repeat(indent)}${key}: ${rendered}`);
}

/** Removes a key (its whole lines) from a block map; no-op when absent. */
export function removeKey(text: string, path: YamlPath): string {
  const doc = readYaml(text);
  const parent = nodeAt(doc, path.slice(0, -1));
  if (!parent || !isMap(parent)) return text;
  const pair = (parent.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && String(p.key.value) === String(path[path.length - 1]));
  if (!pair || !(pair.key as Node).range) return text;
  if (parent.flow) throw new Error('cannot remove a key from a { } map');
  const from = lineStart(text, (pair.key as Node).range![0]);
  const valueEnd = (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node).range![1];
  const end = endOfContent(text, valueEnd);
  const nl = text.indexOf('\n', end);
  return splice(text, from, nl < 0 ? text.length : nl + 1, '');
}

/** Appends a scalar to the list at `path` (a [ ] list keeps its layout; a missing list is created). */
export function appendToList(text: string, path: YamlPath, value: string): string {
  const doc = readYaml(text);
  const node = nodeAt(doc, path);
  if (!node) {
    const parent = nodeAt(doc, path.slice(0, -1));
    if (!parent || !isMap(parent)) throw new Error(`cannot add ${path.join('.')}: its parent is missing`);
    return addPair(text, parent, String(path[path.length - 1]), `[${renderScalar(value, true)}]`);
  }
  if (!isSeq(node)) throw new Error(`${path.join('.')} is not a list`);
  const seq = node as YAMLSeq<Node>;
  const last = seq.items[seq.items.length - 1];
  // Follow the list's own style: quoted items get a quoted item.
  const item = last && isScalar(last) && last.type === 'QUOTE_DOUBLE' ? JSON.stringify(value) : renderScalar(value, seq.flow);
  if (seq.flow) {
    if (!last?.range) {
      const close = endOfContent(text, seq.range![1]) - 1;
      return splice(text, close, close, item);
    }
    const at = last.range[1];
    return splice(text, at, at, `, ${item}`);
  }
  const indent = last?.range ? columnOf(text, last.range[0]) - 2 : 2;
  const at = endOfContent(text, last?.range?.[1] ?? seq.range![1]);
  return splice(text, at, at, `\n${' '.repeat(indent)}- ${item}`);
}

/** Removes item `index` of the list at `path` (with its comma in a [ ] list). */
export function removeFromList(text: string, path: YamlPath, index: number): string {
  const doc = readYaml(text);
  const node = nodeAt(doc, path);
  if (!node || !isSeq(node)) return text;
  const items = (node as YAMLSeq<Node>).items;
  const item = items[index];
  if (!item?.range) return text;
  if ((node as YAMLSeq).flow) {
    if (items.length === 1) return splice(text, item.range[0], item.range[1], '');
    if (index > 0) {
      const prevEnd = items[index - 1].range![1];
      return splice(text, prevEnd, item.range[1], '');
    }
    return splice(text, item.range[0], items[1].range![0], '');
  }
  const from = lineStart(text, item.range[0]);
  const nl = text.indexOf('\n', endOfContent(text, item.range[1]));
  let to = nl < 0 ? text.length : nl + 1;
  // Items separated by blank lines: take one separator with the item, so no double gap is left.
  const blankBefore = from >= 2 && /\n[ \t]*\n$/.test(text.slice(0, from));
  const blankAfter = /^[ \t]*\n/.exec(text.slice(to));
  if (blankBefore && blankAfter) to += blankAfter[0].length;
  return splice(text, from, to, '');
}

/**
 * Appends a block item (a rule, a scenario) to the top-level list `key`, separated by a blank
 * line like the items before it; creates the list when the file has none.
 */
export function appendBlockItem(text: string, key: string, fields: [string, string | number | boolean][]): string {
  const doc = readYaml(text);
  const seq = nodeAt(doc, [key]);
  const render = (indent: number) => fields.map(([k, v], i) => `${' '.repeat(indent)}${i === 0 ? '- ' : '  '}${k}: ${typeof v === 'string' && v.startsWith('\u0000') ? v.slice(1) : renderScalar(v)}`).join('\n');
  if (seq && isSeq(seq) && !(seq as YAMLSeq).flow && (seq as YAMLSeq<Node>).items.length) {
    const items = (seq as YAMLSeq<Node>).items;
    const first = items[0].range![0];
    const indent = columnOf(text, first) - 2;
    const gap = items.length > 1 && /\n\s*\n/.test(text.slice(endOfContent(text, items[0].range![1]), items[1].range![0])) ? '\n\n' : '\n';
    const at = endOfContent(text, items[items.length - 1].range![1]);
    return splice(text, at, at, `${gap}${render(indent)}`);
  }
  if (seq) throw new Error(`${key}: is not a list of items`);
  const base = endOfContent(text, text.length);
  return `${text.slice(0, base)}${base ? '\n' : ''}${key}:\n${render(2)}\n`;
}

/** A value already written as YAML (e.g. a one-line JSON lead) for appendBlockItem. */
export function rawYaml(text: string): string {
  return `\u0000${text}`;
}
