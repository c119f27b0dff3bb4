/**
 * Type checks of a rule condition against the feature catalog, in words a sales manager acts on.
 *
 * Why: most features are nullable, so the CEL environment declares them `dyn` and CEL's own
 * checker accepts `service_type > 90` (text against a number): the rule would validate, save and
 * silently match nothing. Here every catalog feature has its real type (number, days, date,
 * yes/no, text, list), and a comparison between incompatible types is an error naming the
 * feature and both types, with an example of what to write instead.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { FEATURE_CATALOG } from '../features/catalog.ts';

/** The types a manager sees (the field picker uses the same words). */
export type ValueType = 'number' | 'text' | 'date' | 'yes/no' | 'list' | 'quote' | 'null' | 'unknown';

export interface TypeProblem { message: string; start: number }

const QUOTE_FIELD_TYPES: Record<string, ValueType> = {
  amount: 'number', currency: 'text', status: 'text', age_days: 'number', valid_until: 'date', days_until_expiry: 'number', expired: 'yes/no', open: 'yes/no',
};

export function valueTypeOf(d: { type: string }): ValueType {
  switch (d.type) {
    case 'integer': case 'number': return 'number';
    case 'string': return 'text';
    case 'date': return 'date';
    case 'boolean': return 'yes/no';
    case 'list<string>': return 'list';
    case 'quote': return 'quote';
    // A feature type added later is not checked here until it is named above.
    default: return 'unknown';
  }
}

const BY_NAME = new Map(FEATURE_CATALOG.map((d) => [d.name, d]));

const TYPE_WORDS: Record<ValueType, string> = {
  number: 'a number', text: 'text', date: 'a date', 'yes/no': 'yes/no (true or false)', list: 'a list', quote: 'the latest quote (use one of its fields)', null: 'null', unknown: 'a value',
};

interface Typed { type: ValueType; /** Feature name or path when the node reads one. */ feature?: string; nullable?: boolean; literal?: string }

function literalText(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : typeof v === 'bigint' ? v.toString() : String(v);
}

function exampleFor(feature: string, type: ValueType): string {
  const d = BY_NAME.get(feature);
  const ex = d?.example;
  switch (type) {
    case 'text': return `${feature} == ${JSON.stringify(typeof ex === 'string' ? ex : 'moving')}`;
    case 'number': return `${feature} > ${typeof ex === 'number' ? ex : 30}`;
    case 'date': return `${feature} > "2027-01-01"`;
    case 'yes/no': return d?.nullable ? `${feature} == true` : feature;
    case 'list': return `"vip" in ${feature}`;
    default: return feature;
  }
}

const ORDERING = new Set(['<', '<=', '>', '>=']);

function compatible(a: ValueType, b: ValueType): boolean {
  if (a === 'unknown' || b === 'unknown' || a === 'null' || b === 'null') return true;
  if (a === b) return true;
  // Dates are ISO text: `service_date > "2027-01-01"`.
  return (a === 'date' && b === 'text') || (a === 'text' && b === 'date');
}

/** Problems of one condition, with the character offset in the expression each one starts at. */
export function catalogTypeProblems(ast: ASTNode): TypeProblem[] {
  const problems: TypeProblem[] = [];
  const typeOf = (n: ASTNode): Typed => {
    switch (n.op) {
      case 'value': {
        const v = n.args as unknown;
        const type: ValueType = v === null ? 'null' : typeof v === 'bigint' || typeof v === 'number' ? 'number' : typeof v === 'string' ? 'text' : typeof v === 'boolean' ? 'yes/no' : 'unknown';
        return { type, literal: literalText(v) };
      }
      case 'id': {
        const d = BY_NAME.get(n.args as string);
        return d ? { type: valueTypeOf(d), feature: d.name, nullable: d.nullable } : { type: 'unknown' };
      }
      case '.': case '.?': {
        const [target, field] = n.args as [ASTNode, string];
        if (target.op === 'id' && target.args === 'latest_quote') {
          const t = QUOTE_FIELD_TYPES[field] ?? 'unknown';
          return { type: t, feature: `latest_quote.${field}`, nullable: t !== 'yes/no' };
        }
        return { type: 'unknown' };
      }
      case '&&': case '||': {
        const args = n.args as ASTNode[];
        for (const a of args) needYesNo(a, n.op);
        return { type: 'yes/no' };
      }
      case '!_': needYesNo(n.args as ASTNode, '!'); return { type: 'yes/no' };
      case '-_': return { type: typeOf(n.args as ASTNode).type === 'number' ? 'number' : 'unknown' };
      case '==': case '!=': case '<': case '<=': case '>': case '>=': {
        const [l, r] = n.args as [ASTNode, ASTNode];
        const a = typeOf(l), b = typeOf(r);
        comparison(n, a, b);
        return { type: 'yes/no' };
      }
      case '+': case '-': case '*': case '/': case '%': {
        const [l, r] = n.args as [ASTNode, ASTNode];
        const a = typeOf(l), b = typeOf(r);
        for (const side of [a, b]) {
          if (side.feature && (side.type === 'text' || side.type === 'yes/no' || side.type === 'date') && n.op !== '+') {
            problems.push({ start: n.range.start, message: `${side.feature} is ${TYPE_WORDS[side.type]}: it cannot be used in arithmetic (${n.op}). Use a number feature, e.g. days_until_service_date - 60.` });
          }
        }
        return { type: a.type === 'number' && b.type === 'number' ? 'number' : 'unknown' };
      }
      case 'in': {
        const [l, r] = n.args as [ASTNode, ASTNode];
        typeOf(l);
        typeOf(r);
        return { type: 'yes/no' };
      }
      case 'call': {
        const [name, args] = n.args as [string, ASTNode[]];
        args.forEach(typeOf);
        if (name === 'signal') return { type: 'yes/no' };
        if (name === 'size') return { type: 'number' };
        return { type: 'unknown' };
      }
      default: {
        // Macros, ternaries, lists, other functions: walk children, no claim about the result.
        const visit = (x: unknown) => {
          if (Array.isArray(x)) x.forEach(visit);
          else if (x && typeof x === 'object' && typeof (x as ASTNode).op === 'string') typeOf(x as ASTNode);
        };
        visit(n.args);
        return { type: 'unknown' };
      }
    }
  };

  const needYesNo = (n: ASTNode, op: string) => {
    const t = typeOf(n);
    if (!t.feature) return;
    const word = op === '!' ? 'not (!)' : op === '&&' ? 'and (&&)' : 'or (||)';
    if (t.type !== 'yes/no' && t.type !== 'unknown') {
      problems.push({ start: n.range.start, message: `${t.feature} is ${TYPE_WORDS[t.type]}, not yes/no, so it cannot stand alone in ${word}. Compare it, e.g. ${exampleFor(t.feature, t.type)}.` });
    } else if (t.type === 'yes/no' && t.nullable) {
      problems.push({ start: n.range.start, message: `${t.feature} may be unknown (null), so it cannot stand alone in ${word}. Compare it explicitly: ${t.feature} == true or ${t.feature} == false.` });
    }
  };

  const comparison = (n: ASTNode, a: Typed, b: Typed) => {
    const feature = a.feature ? a : b.feature ? b : null;
    if (!feature) return;
    const other = feature === a ? b : a;
    if (!compatible(a.type, b.type)) {
      const what = other.literal !== undefined ? `${TYPE_WORDS[other.type]} (${other.literal})` : other.feature ? `${other.feature}, which is ${TYPE_WORDS[other.type]}` : TYPE_WORDS[other.type];
      problems.push({
        start: n.range.start,
        message: `${feature.feature} is ${TYPE_WORDS[feature.type]}, but it is compared with ${what}: ${feature.type} and ${other.type} values never match. Compare it with ${TYPE_WORDS[feature.type]}, e.g. ${exampleFor(feature.feature!, feature.type)}.`,
      });
      return;
    }
    if (ORDERING.has(n.op) && (feature.type === 'yes/no' || feature.type === 'list' || feature.type === 'quote')) {
      problems.push({ start: n.range.start, message: `${feature.feature} is ${TYPE_WORDS[feature.type]}: it has no order, so ${n.op} makes no sense. Use == or != (e.g. ${exampleFor(feature.feature!, feature.type)}).` });
    }
  };

  typeOf(ast);
  return problems;
}
