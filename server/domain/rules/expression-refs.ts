/**
 * Walks a parsed CEL expression for what it reads: feature names, `latest_quote.<field>` and
 * signal("name") calls. Used for the trace ("the values it looked at") and for compile-time
 * checks (unknown quote field, unknown signal, non-literal signal name).
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { FEATURE_NAMES, QUOTE_FIELDS } from '../features/catalog.ts';

export interface ExpressionRefs {
  /** Feature names and dotted paths (`latest_quote.status`), in first-use order. */
  features: string[];
  signals: string[];
  problems: { message: string; start: number }[];
}

const FEATURES = new Set(FEATURE_NAMES);
const QUOTE = new Set<string>(QUOTE_FIELDS);

export function expressionRefs(ast: ASTNode): ExpressionRefs {
  const refs: ExpressionRefs = { features: [], signals: [], problems: [] };
  const add = (list: string[], v: string) => { if (!list.includes(v)) list.push(v); };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { node.forEach(visit); return; }
    const n = node as ASTNode;
    if (typeof n.op !== 'string') return;
    if (n.op === 'id') {
      if (FEATURES.has(n.args as string)) add(refs.features, n.args as string);
      return;
    }
    if (n.op === '.' || n.op === '.?') {
      const [target, field] = n.args as [ASTNode, string];
      if (target.op === 'id' && target.args === 'latest_quote') {
        if (!QUOTE.has(field)) refs.problems.push({ message: `latest_quote has no field "${field}" (fields: ${QUOTE_FIELDS.join(', ')})`, start: n.range.start });
        add(refs.features, `latest_quote.${field}`);
        return;
      }
    }
    if (n.op === 'call') {
      const [name, args] = n.args as [string, ASTNode[]];
      if (name === 'signal') {
        const arg = args[0];
        if (arg?.op === 'value' && typeof arg.args === 'string') add(refs.signals, arg.args);
        else refs.problems.push({ message: 'signal() takes a quoted signal name, e.g. signal("asked_not_to_contact")', start: n.range.start });
      }
    }
    visit(n.args);
  };
  visit(ast);
  return refs;
}

/** Reads a reference (`name` or `latest_quote.field`) from the feature values. */
export function readRef(values: Record<string, unknown>, ref: string): unknown {
  const dot = ref.indexOf('.');
  if (dot < 0) return values[ref];
  const obj = values[ref.slice(0, dot)] as Record<string, unknown> | null | undefined;
  return obj ? obj[ref.slice(dot + 1)] : null;
}
