/**
 * The second peer for bench/rules.ts: the SAME rule conditions as one GoRules ZEN decision table
 * (`@gorules/zen-engine`, a Rust engine behind Node bindings), hit policy `collect`.
 *
 * A decision table row is a conjunction of per-column tests, so each CEL condition is rewritten
 * into disjunctive normal form (negations pushed into the comparisons): one row per
 * conjunction, a column per fact, the comparisons on one fact joined with `and` in its cell
 * (`$ != null and $ >= 0 and $ <= 60`), an empty cell for a fact the row does not test. A rule
 * matches when any of its rows does; the output column names the rule. Facts are the same
 * objects as for the json-rules-engine peer (peerFacts: features plus `signal_<name>` booleans). Only the shapes
 * the default ruleset uses are translated; anything else throws.
 */
import { createRequire } from 'node:module';
import type { ASTNode } from '@marcbachmann/cel-js';
import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import type { CompiledRuleset } from '../server/domain/rules/index.ts';

/** One comparison on one fact, as a ZEN unary test on `$` (the column's value). */
interface Test { field: string; test: string }
type Conjunction = Test[];
type Dnf = Conjunction[];

const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };
const MAX_ROWS_PER_RULE = 64;

function field(n: ASTNode): string | null {
  if (n.op === 'id') return n.args;
  if (n.op === '.' && n.args[0].op === 'id') return `${n.args[0].args}.${n.args[1]}`;
  if (n.op === 'call' && n.args[0] === 'signal') return `signal_${n.args[1][0].args as string}`;
  return null;
}
function literal(n: ASTNode): string | undefined {
  if (n.op !== 'value') return undefined;
  const v = typeof n.args === 'bigint' ? Number(n.args) : n.args;
  return v === null ? 'null' : JSON.stringify(v);
}
const NEGATE: Record<string, string> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '==': '!=', '!=': '==' };
const ORDERING = new Set(['<', '<=', '>', '>=']);
const one = (f: string, test: string): Dnf => [[{ field: f, test }]];
/**
 * `fact op literal`, negated or not, with no `not` left: ZEN's cell parser rejects (fails the row
 * on) several shapes with `not (...)` or parentheses next to `and`/`or`, so every test is a plain
 * `$ op literal`. Ordering comparisons keep decide()'s null-safe meaning: a null fact is simply
 * false there and an error in ZEN, so `x < 5` is `$ != null and $ < 5`, and `!(x < 5)` is two
 * rows, `$ == null` or `$ != null and $ >= 5`.
 */
function compare(f: string, op: string, lit: string, negated: boolean): Dnf {
  if (!ORDERING.has(op)) return one(f, `$ ${negated ? NEGATE[op] : op} ${lit}`);
  const notNull = { field: f, test: '$ != null' };
  return negated ? [...one(f, '$ == null'), [notNull, { field: f, test: `$ ${NEGATE[op]} ${lit}` }]] : [[notNull, { field: f, test: `$ ${op} ${lit}` }]];
}
const product = (a: Dnf, b: Dnf): Dnf => a.flatMap((x) => b.map((y) => [...x, ...y]));

/** The condition (negated when `negated`) in disjunctive normal form. */
function dnf(n: ASTNode, negated: boolean): Dnf {
  if (n.op === '&&' || n.op === '||') {
    const parts = n.args.map((c) => dnf(c, negated));
    // a && b is a product of the parts' DNFs; a || b their union; negation swaps the two (De Morgan).
    return (n.op === '&&') !== negated ? parts.reduce(product) : parts.flat();
  }
  if (n.op === '!_') return dnf(n.args, !negated);
  const f = field(n);
  // A bare fact is a boolean: `x` is `$ == true`, `!x` is `$ == false` (a null there is an error in decide(), so no match).
  if (f) return one(f, negated ? '$ == false' : '$ == true');
  if (n.op in FLIP) {
    const [a, b] = n.args as [ASTNode, ASTNode];
    const fa = field(a), lb = literal(b);
    if (fa && lb !== undefined) return compare(fa, n.op, lb, negated);
    const fb = field(b), la = literal(a);
    if (fb && la !== undefined) return compare(fb, FLIP[n.op], la, negated);
  }
  throw new Error(`ZEN peer: cannot translate ${n.op}`);
}

export interface ZenPeer {
  decision: ZenDecision;
  /** Rows in the table (a rule with an `||` has several). */
  rows: number;
  columns: number;
  /** The ids of the rules that matched these facts. */
  matched(facts: Record<string, unknown>): Promise<Set<string>>;
}

/** One decision table holding every rule of the ruleset. */
export function buildZenPeer(compiled: CompiledRuleset): ZenPeer {
  const columns = new Map<string, string>(); // fact path -> column id
  const rows: Record<string, string>[] = [];
  for (const rule of compiled.rules) {
    const conjunctions = dnf(rule.celCondition.ast, false);
    if (conjunctions.length > MAX_ROWS_PER_RULE) throw new Error(`ZEN peer: ${rule.id} needs ${conjunctions.length} rows`);
    for (const conjunction of conjunctions) {
      const cells = new Map<string, string[]>();
      for (const t of conjunction) {
        if (!columns.has(t.field)) columns.set(t.field, `c${columns.size}`);
        const id = columns.get(t.field)!;
        const tests = cells.get(id) ?? [];
        if (!tests.includes(t.test)) cells.set(id, [...tests, t.test]);
      }
      const row: Record<string, string> = { _id: `r${rows.length}`, rule: JSON.stringify(rule.id) };
      for (const [id, tests] of cells) row[id] = tests.join(' and ');
      rows.push(row);
    }
  }
  const inputs = [...columns].map(([f, id]) => ({ id, name: f, field: f }));
  for (const row of rows) for (const { id } of inputs) row[id] ??= '';
  const content = {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 'rules', type: 'decisionTableNode', name: 'rules', position: { x: 300, y: 0 },
        content: { hitPolicy: 'collect', inputs, outputs: [{ id: 'rule', name: 'rule', field: 'rule' }], rules: rows },
      },
      { id: 'response', type: 'outputNode', name: 'Response', position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'request', targetId: 'rules', type: 'edge' },
      { id: 'e2', sourceId: 'rules', targetId: 'response', type: 'edge' },
    ],
  };
  const decision = new ZenEngine().createDecision(content);
  return {
    decision,
    rows: rows.length,
    columns: inputs.length,
    async matched(facts) {
      const { result } = await decision.evaluate(facts);
      return new Set((result as { rule: string }[]).map((r) => r.rule));
    },
  };
}

export const ZEN_VERSION: string = (createRequire(import.meta.url)('@gorules/zen-engine/package.json') as { version: string }).version;
