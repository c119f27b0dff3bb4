/**
 * A closure compiler for the common subset of CEL used by rules (identifiers, field access,
 * comparisons, arithmetic, && || ! ?:, `in`, signal(), size() and a few string methods).
 *
 * Why: @marcbachmann/cel-js interprets the AST at ~100-300 ns per expression, which caps decide()
 * below the 200,000 leads/s target with ~35 rules per lead. cel-js still parses and type-checks
 * every expression; this module turns the checked AST into nested JS closures once per ruleset
 * version (no eval, no Function, no property access outside own keys). Anything outside the
 * subset (macros such as exists/has, conversions, map literals) returns null and that expression
 * is evaluated by cel-js itself. A differential test keeps both evaluators in agreement with the
 * engine's documented semantics (null-safe comparisons and arithmetic, CEL's error-absorbing && / ||).
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { currentSignalLookup } from './cel-env.ts';

export type Evaluator = (values: Record<string, unknown>) => unknown;
interface Compiled { fn: Evaluator; isInt: boolean }

/**
 * Signal states of the lead being decided, by index in the ruleset's signal list (1 matched,
 * 0 not matched, anything else: ask the signal lookup, which knows why it is unavailable). Set by
 * decide() next to the signal lookup; null outside it. Evaluation is synchronous: one slot.
 */
let signalStates: ArrayLike<number> | null = null;
export function setSignalStates(states: ArrayLike<number> | null): void {
  signalStates = states;
}
/** Signal name -> index, for the compilation in progress (compileToClosure's argument). */
let signalIndexOf: ReadonlyMap<string, number> | null = null;

class CelRuntimeError extends Error {}
const fail = (msg: string): never => { throw new CelRuntimeError(msg); };
const typeName = (x: unknown) => (x === null ? 'null' : Array.isArray(x) ? 'list' : typeof x);
const isPrim = (x: unknown) => x === null || typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean';

function celEquals(a: unknown, b: unknown): boolean {
  if (isPrim(a) || isPrim(b)) return a === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => celEquals(x, b[i]));
  if (typeof a === 'object' && typeof b === 'object' && a && b) {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && celEquals((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

function compare(op: string, a: unknown, b: unknown): boolean {
  const ta = typeof a, tb = typeof b;
  if ((ta === 'number' && tb === 'number') || (ta === 'string' && tb === 'string')) {
    const x = a as number, y = b as number;
    return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  }
  // Null against a number or string is simply false (see cel-env.ts).
  if ((a === null && (tb === 'number' || tb === 'string')) || (b === null && (ta === 'number' || ta === 'string'))) return false;
  return fail(`no such overload: ${typeName(a)} ${op} ${typeName(b)}`);
}

function arith(op: string, a: unknown, b: unknown, intDiv: boolean): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': if (intDiv) { if (b === 0) fail('division by zero'); return Math.trunc(a / b); } return a / b;
      default: if (b === 0) fail('modulus by zero'); return a % b;
    }
  }
  if ((a === null && typeof b === 'number') || (b === null && typeof a === 'number')) return op === '%' ? fail('no such overload: % with null') : null;
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (op === '+' && Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  return fail(`no such overload: ${typeName(a)} ${op} ${typeName(b)}`);
}

function logical(op: '&&' | '||', l: Evaluator, r: Evaluator): Evaluator {
  const absorbing = op === '||'; // true absorbs for ||, false for &&
  return (v) => {
    let left: unknown;
    try {
      left = l(v);
    } catch (e) {
      // CEL: an error on one side is absorbed when the other side decides the result.
      if (r(v) === absorbing) return absorbing;
      throw e;
    }
    if (left === absorbing) return absorbing;
    const right = r(v);
    if (typeof left !== 'boolean' || typeof right !== 'boolean') {
      if (right === absorbing) return absorbing;
      fail(`Logical operator requires bool operands, got '${typeName(typeof left !== 'boolean' ? left : right)}'`);
    }
    return right;
  };
}

function compileNode(n: ASTNode): Compiled | null {
  switch (n.op) {
    case 'value': {
      const val = n.args;
      if (typeof val === 'bigint') { const num = Number(val); return { fn: () => num, isInt: true }; }
      if (val === null || typeof val === 'string' || typeof val === 'boolean' || typeof val === 'number') return { fn: () => val, isInt: false };
      return null;
    }
    case 'id': {
      const name = n.args;
      // Features are complete objects (missing facts are null, never undefined).
      return { fn: (v) => { const x = v[name]; return x === undefined ? fail(`Unknown variable: ${name}`) : x; }, isInt: false };
    }
    case '.': {
      const [target, field] = n.args;
      const t = compileNode(target);
      if (!t) return null;
      // Never reach the prototype chain ("constructor", "__proto__", ...).
      if (field in Object.prototype || field === '__proto__') return { fn: () => fail(`No such key: ${field}`), isInt: false };
      return {
        fn: (v) => {
          const o = t.fn(v);
          const x = o !== null && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>)[field] : undefined;
          return x === undefined ? fail(`No such key: ${field}`) : x;
        },
        isInt: false,
      };
    }
    case '&&': case '||': {
      const [a, b] = n.args.map(compileNode);
      return a && b ? { fn: logical(n.op, a.fn, b.fn), isInt: false } : null;
    }
    case '!_': {
      const a = compileNode(n.args);
      if (!a) return null;
      return { fn: (v) => { const x = a.fn(v); return typeof x === 'boolean' ? !x : fail(`no such overload: !${typeName(x)}`); }, isInt: false };
    }
    case '-_': {
      const a = compileNode(n.args);
      if (!a) return null;
      return { fn: (v) => { const x = a.fn(v); return typeof x === 'number' ? -x : fail(`no such overload: -${typeName(x)}`); }, isInt: a.isInt };
    }
    case '?:': {
      const [c, a, b] = n.args.map(compileNode);
      if (!c || !a || !b) return null;
      return { fn: (v) => { const x = c.fn(v); return x === true ? a.fn(v) : x === false ? b.fn(v) : fail('ternary condition must be bool'); }, isInt: a.isInt && b.isInt };
    }
    case '==': case '!=': {
      const fused = fusedComparison(n.op, n.args[0], n.args[1]);
      if (fused) return { fn: fused, isInt: false };
      const [a, b] = n.args.map(compileNode);
      if (!a || !b) return null;
      const neg = n.op === '!=';
      return { fn: (v) => celEquals(a.fn(v), b.fn(v)) !== neg, isInt: false };
    }
    case '<': case '<=': case '>': case '>=': {
      const fused = fusedComparison(n.op, n.args[0], n.args[1]);
      if (fused) return { fn: fused, isInt: false };
      const [a, b] = n.args.map(compileNode);
      if (!a || !b) return null;
      const op = n.op;
      return { fn: (v) => compare(op, a.fn(v), b.fn(v)), isInt: false };
    }
    case '+': case '-': case '*': case '/': case '%': {
      const [a, b] = n.args.map(compileNode);
      if (!a || !b) return null;
      const op = n.op, isInt = a.isInt && b.isInt;
      return { fn: (v) => arith(op, a.fn(v), b.fn(v), isInt), isInt };
    }
    case 'in': {
      const [a, b] = n.args.map(compileNode);
      if (!a || !b) return null;
      return {
        fn: (v) => {
          const x = a.fn(v), c = b.fn(v);
          if (Array.isArray(c)) return c.some((e) => celEquals(e, x));
          if (typeof c === 'string' && typeof x === 'string') return c.includes(x);
          if (c && typeof c === 'object') return typeof x === 'string' && Object.hasOwn(c, x);
          return fail(`no such overload: ${typeName(x)} in ${typeName(c)}`);
        },
        isInt: false,
      };
    }
    case 'list': {
      const items = n.args.map(compileNode);
      if (items.some((i) => !i)) return null;
      return { fn: (v) => items.map((i) => i!.fn(v)), isInt: false };
    }
    case 'call': {
      const [name, args] = n.args;
      if (name === 'signal' && args.length === 1 && args[0].op === 'value' && typeof args[0].args === 'string') {
        const signal = args[0].args;
        const idx = signalIndexOf?.get(signal);
        if (idx === undefined) return { fn: () => currentSignalLookup()(signal), isInt: false };
        return {
          fn: () => {
            const states = signalStates;
            if (states !== null) { const st = states[idx]; if (st === 1) return true; if (st === 0) return false; }
            return currentSignalLookup()(signal);
          },
          isInt: false,
        };
      }
      if (name === 'size' && args.length === 1) {
        const a = compileNode(args[0]);
        return a ? { fn: (v) => sizeOf(a.fn(v)), isInt: true } : null;
      }
      return null;
    }
    case 'rcall': {
      const [name, receiver, args] = n.args;
      const r = compileNode(receiver);
      const a = args.map(compileNode);
      if (!r || a.some((x) => !x)) return null;
      if (name === 'size' && a.length === 0) return { fn: (v) => sizeOf(r.fn(v)), isInt: true };
      if ((name === 'contains' || name === 'startsWith' || name === 'endsWith') && a.length === 1) {
        return {
          fn: (v) => {
            const s = r.fn(v), x = a[0]!.fn(v);
            if (typeof s !== 'string' || typeof x !== 'string') return fail(`no such overload: ${typeName(s)}.${name}(${typeName(x)})`);
            return name === 'contains' ? s.includes(x) : name === 'startsWith' ? s.startsWith(x) : s.endsWith(x);
          },
          isInt: false,
        };
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * `feature <op> literal`, the most common shape by far, as ONE closure (no nested calls): the
 * feature is read inline, numbers are compared directly, anything else takes the generic path.
 */
function fusedComparison(op: string, left: ASTNode, right: ASTNode): Evaluator | null {
  if (left.op !== 'id' || right.op !== 'value') return null;
  const name = left.args;
  const raw = right.args;
  if (!(raw === null || typeof raw === 'bigint' || typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean')) return null;
  const lit = typeof raw === 'bigint' ? Number(raw) : raw;
  const read = (v: Record<string, unknown>) => { const x = v[name]; return x === undefined ? fail(`Unknown variable: ${name}`) : x; };
  if (op === '==') return (v) => { const x = read(v); return isPrim(x) ? x === lit : celEquals(x, lit); };
  if (op === '!=') return (v) => { const x = read(v); return isPrim(x) ? x !== lit : !celEquals(x, lit); };
  if (typeof lit === 'number') {
    switch (op) {
      case '<': return (v) => { const x = read(v); return typeof x === 'number' ? x < lit : compare(op, x, lit); };
      case '<=': return (v) => { const x = read(v); return typeof x === 'number' ? x <= lit : compare(op, x, lit); };
      case '>': return (v) => { const x = read(v); return typeof x === 'number' ? x > lit : compare(op, x, lit); };
      default: return (v) => { const x = read(v); return typeof x === 'number' ? x >= lit : compare(op, x, lit); };
    }
  }
  return (v) => compare(op, read(v), lit);
}

function sizeOf(x: unknown): number {
  if (typeof x === 'string') return [...x].length;
  if (Array.isArray(x)) return x.length;
  if (x && typeof x === 'object') return Object.keys(x).length;
  return fail(`no such overload: size(${typeName(x)})`);
}

/** Closure for a type-checked cel-js AST, or null when the expression needs the cel-js evaluator. */
export function compileToClosure(ast: ASTNode, signalIndex?: ReadonlyMap<string, number>): Evaluator | null {
  signalIndexOf = signalIndex ?? null;
  try {
    return compileNode(ast)?.fn ?? null;
  } finally {
    signalIndexOf = null;
  }
}
