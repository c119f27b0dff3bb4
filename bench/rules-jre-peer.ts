/**
 * The peer for bench/rules.ts: the SAME rule conditions run through json-rules-engine. Each CEL
 * condition of the compiled ruleset is translated to json-rules-engine's JSON condition tree
 * (all/any/not, fact + operator + value, `latest_quote.x` as a path, signal("x") as a fact).
 * Only the shapes the default ruleset uses are translated; anything else throws.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { Engine, type TopLevelCondition, type NestedCondition } from 'json-rules-engine';
import type { CompiledRuleset } from '../server/domain/rules/index.ts';

type Cond = NestedCondition;
const OPS: Record<string, string> = { '<': 'lessThan', '<=': 'lessThanInclusive', '>': 'greaterThan', '>=': 'greaterThanInclusive', '==': 'equal', '!=': 'notEqual' };
const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

function fact(n: ASTNode): { fact: string; path?: string } | null {
  if (n.op === 'id') return { fact: n.args };
  if (n.op === '.' && n.args[0].op === 'id') return { fact: n.args[0].args, path: `$.${n.args[1]}` };
  if (n.op === 'call' && n.args[0] === 'signal') return { fact: `signal_${(n.args[1][0].args as string)}` };
  return null;
}
const literal = (n: ASTNode) => (n.op === 'value' ? (typeof n.args === 'bigint' ? Number(n.args) : n.args) : undefined);

function translate(n: ASTNode): Cond {
  if (n.op === '&&' || n.op === '||') {
    const parts = n.args.flatMap((c) => { const t = translate(c); return c.op === n.op ? ((t as { all?: Cond[]; any?: Cond[] })[n.op === '&&' ? 'all' : 'any'] ?? [t]) : [t]; });
    return n.op === '&&' ? { all: parts } : { any: parts };
  }
  if (n.op === '!_') return { not: translate(n.args) };
  const f = fact(n);
  if (f) return { ...f, operator: 'equal', value: true };
  if (n.op in OPS) {
    const [a, b] = n.args as [ASTNode, ASTNode];
    const fa = fact(a), lb = literal(b);
    if (fa && lb !== undefined) return { ...fa, operator: OPS[n.op], value: lb } as Cond;
    const fb = fact(b), la = literal(a);
    if (fb && la !== undefined) return { ...fb, operator: OPS[FLIP[n.op]], value: la } as Cond;
  }
  throw new Error(`json-rules-engine peer: cannot translate ${n.op}`);
}

const top = (c: Cond): TopLevelCondition => ('all' in c || 'any' in c || 'not' in c ? c : { all: [c] }) as TopLevelCondition;

/** One engine holding every rule; run(facts) resolves with the ids of the matched rules. */
export function buildPeerEngine(compiled: CompiledRuleset): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const rule of compiled.rules) {
    engine.addRule({ name: rule.id, conditions: top(translate(rule.celCondition.ast)), event: { type: rule.id } });
  }
  return engine;
}

export function peerFacts(values: Record<string, unknown>, signals: Record<string, { matched: boolean }>): Record<string, unknown> {
  const facts: Record<string, unknown> = { ...values };
  for (const name in signals) facts[`signal_${name}`] = signals[name].matched;
  return facts;
}
