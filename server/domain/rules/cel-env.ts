/**
 * The CEL environment rules are compiled in (@marcbachmann/cel-js: a non-Turing-complete
 * expression language with no eval, no Function, no prototype access).
 *
 * Null handling, explicit and safe:
 * - every FEATURE_CATALOG name is a declared variable; unknown names are compile errors;
 * - a missing fact is `null`; `x == null` / `x != null` test presence (or the has_* features);
 * - comparing null with a number or string (`<`, `<=`, `>`, `>=`) is simply false, never an error,
 *   so `days_until_service_date < 0` is false when there is no date (and so is `>= 0`!);
 * - arithmetic with null gives null (`days_since_last_inbound + 7 > x` is then false);
 * - `&&`, `||`, `!` need real booleans: nullable booleans (consent_email, consent_phone) are
 *   compared explicitly: `consent_email == false`.
 * Integers and doubles mix freely in arithmetic (`latest_quote.amount * 2`, `days + 7`).
 */
import { Environment } from '@marcbachmann/cel-js';
import { FEATURE_CATALOG, type FeatureDefinition } from '../features/catalog.ts';

/** Answers signal("name") for the lead being evaluated; throws when the signal is unavailable. */
export type SignalLookup = (name: string) => boolean;

let currentLookup: SignalLookup | null = null;

const outsideEngine: SignalLookup = (name) => {
  throw new Error(`signal("${name}") evaluated outside the engine`);
};

/** The lookup in force (for the closure evaluator). */
export function currentSignalLookup(): SignalLookup {
  return currentLookup ?? outsideEngine;
}

/** Evaluation is synchronous, so one module-level slot is enough (and allocation-free). */
export function setSignalLookup(lookup: SignalLookup | null): void {
  currentLookup = lookup;
}

function celType(d: FeatureDefinition): string {
  if (d.type === 'boolean' && !d.nullable) return 'bool';
  if (d.type === 'list<string>') return 'list<string>';
  if (d.type === 'quote') return 'map';
  return 'dyn';
}

function buildEnvironment(): Environment {
  const env = new Environment({ unlistedVariablesAreDyn: false, limits: { maxAstNodes: 500, maxDepth: 40 } });
  for (const d of FEATURE_CATALOG) env.registerVariable(d.name, celType(d), { description: d.description });
  env.registerFunction('signal(string): bool', (name: string) => currentSignalLookup()(name));
  for (const op of ['<', '<=', '>', '>=']) {
    for (const t of ['int', 'double', 'string']) {
      env.registerOperator(`null ${op} ${t}`, () => false);
      env.registerOperator(`${t} ${op} null`, () => false);
    }
  }
  for (const op of ['+', '-', '*', '/']) {
    for (const t of ['int', 'double']) {
      env.registerOperator(`null ${op} ${t}: null`, () => null);
      env.registerOperator(`${t} ${op} null: null`, () => null);
    }
  }
  const num = (x: number | bigint) => Number(x);
  const arith: Record<string, (a: number, b: number) => number> = {
    '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b,
  };
  for (const [op, fn] of Object.entries(arith)) {
    env.registerOperator(`double ${op} int: double`, (a: number, b: bigint) => fn(a, num(b)));
    env.registerOperator(`int ${op} double: double`, (a: bigint, b: number) => fn(num(a), b));
  }
  return env;
}

export const CEL_ENV: Environment = buildEnvironment();
