/**
 * compileRuleset: parses and type-checks every CEL expression ONCE per ruleset version, compiles
 * signals to regular expressions and templates to parts. The result is what decide() runs.
 */
import { createHash } from 'node:crypto';
import type { ParseResult } from '@marcbachmann/cel-js';
import { CEL_ENV } from './cel-env.ts';
import { compileToClosure, type Evaluator } from './cel-closure.ts';
import { expressionRefs } from './expression-refs.ts';
import { catalogTypeProblems } from './catalog-types.ts';
import { closestFeatures, syntaxMessage } from './syntax-hints.ts';
import { compileSignal, type CompiledSignal, type SignalClassifier } from './signals.ts';
import { compileTemplate, type CompiledTemplate } from './template.ts';
import { RULE_KINDS, type RuleKind } from './schema.ts';
import type { RuleDefinition, Ruleset, RulesetError, SourceText } from './types.ts';
import type { RuleTraceEntry } from '../decision.ts';
import { intentModelFor, type IntentModel } from '../text/intent-model.ts';
import type { UnreadPolicy } from '../text/understand.ts';

/** The `values` of a compact trace entry for a rule that did not match. */
const EMPTY_VALUES: Record<string, unknown> = Object.freeze({});

export interface CompiledRule {
  id: string;
  kind: RuleKind;
  description: string;
  reason: string | null;
  decision: 'do_not_contact' | 'not_worth_pursuing' | null;
  weight: number;
  file: string;
  line: number;
  /** Fast closure when the expression is in the supported subset, else the cel-js evaluator. */
  condition: Evaluator;
  recontactAfter: Evaluator | null;
  /** The cel-js program itself (reference evaluator, used by the differential test). */
  celCondition: ParseResult;
  engine: 'closure' | 'cel-js';
  explain: CompiledTemplate | null;
  /** Features (and `latest_quote.x` paths) the condition reads, for the trace. */
  featureRefs: string[];
  signalRefs: string[];
  /** Precomputed for the trace (parallel arrays): `latest_quote.amount` -> base latest_quote, field amount. */
  refKeys: string[];
  refBases: string[];
  refFields: (string | null)[];
  /** Trace keys of the signals: `signal("name")`. */
  signalKeys: string[];
  /** The compact trace entry of a lead the rule did not match (shared by all such leads). Frozen. */
  compactUnmatched: Readonly<RuleTraceEntry>;
}

export interface CompileOptions {
  classifier?: SignalClassifier;
  /** 'cel-js' forces the reference interpreter for every expression (tests, debugging). */
  evaluator?: 'fast' | 'cel-js';
}

export interface CompiledRuleset {
  ruleset: Ruleset;
  hash: string;
  /** Enabled rules in execution order: hard_block, exclusion, wait, contact, priority. */
  rules: CompiledRule[];
  signals: CompiledSignal[];
  /** Identifies the signal definitions: features cache signal matches under this key. */
  signalsKey: string;
  fallback: { nothing: CompiledTemplate; belowThreshold: CompiledTemplate | null };
  classifier?: SignalClassifier;
  /** The intent classifier trained on the ruleset's corpus; null when no signal reads intents or there is no corpus. */
  intentModel: IntentModel | null;
  /** Some signal reads intents or unread texts: decide() computes the lead's text understanding. */
  readsText: boolean;
  /** The policy of the ruleset's unread signal (one understanding per lead; see understand.ts). */
  unreadPolicy: UnreadPolicy;
}

export class RulesetCompileError extends Error {
  constructor(readonly errors: RulesetError[]) {
    super(`ruleset has ${errors.length} error(s): ${errors.map((e) => `${e.file}:${e.line ?? '?'} ${e.message}`).join('; ')}`);
  }
}

type Sink = RulesetError[];

function exprError(sink: Sink, src: SourceText, ruleId: string | undefined, start: number, message: string): void {
  sink.push({ file: src.file, rule_id: ruleId, ...src.locate(start), path: src.path, message });
}

function compileExpression(src: SourceText, ruleId: string, sink: Sink, allowed: string[]): ParseResult | null {
  let parsed: ParseResult;
  try {
    parsed = CEL_ENV.parse(src.text);
  } catch (e) {
    const err = e as { summary?: string; message: string; range?: { start: number } };
    const hint = syntaxMessage(src.text, err.summary ?? err.message.split('\n')[0], err.range?.start ?? 0);
    exprError(sink, src, ruleId, hint.start, `CEL syntax: ${hint.message}`);
    return null;
  }
  // check() also caches the types on the AST, so evaluation skips the checker later.
  const checked = parsed.check();
  // CEL sees nullable features as dyn; the catalog knows their real types (and words them for people).
  const typeProblems = catalogTypeProblems(parsed.ast);
  for (const p of typeProblems) exprError(sink, src, ruleId, p.start, `Type: ${p.message}`);
  if (typeProblems.length) return null;
  if (!checked.valid) {
    const err = checked.error as { summary?: string; message: string; range?: { start: number } };
    const text = err.summary ?? err.message.split('\n')[0];
    const unknown = /Unknown variable: (\w+)/.exec(text);
    const near = unknown ? closestFeatures(unknown[1]) : [];
    const hint = unknown ? ` (${unknown[1]} is not a feature${near.length ? `; did you mean ${near.join(' or ')}?` : '; see the field list'})` : '';
    exprError(sink, src, ruleId, err.range?.start ?? 0, `CEL type: ${text}${hint}`);
    return null;
  }
  if (checked.type && !allowed.includes(checked.type)) {
    exprError(sink, src, ruleId, 0, `expression gives ${checked.type}, expected ${allowed.join(' or ')}`);
    return null;
  }
  return parsed;
}

function compileRule(rule: RuleDefinition, signalNames: ReadonlySet<string>, signalIndex: ReadonlyMap<string, number>, sink: Sink): CompiledRule | null {
  const before = sink.length;
  const condition = compileExpression(rule.source.when, rule.id, sink, ['bool', 'dyn']);
  const refs = condition ? expressionRefs(condition.ast) : { features: [], signals: [], problems: [] };
  for (const p of refs.problems) exprError(sink, rule.source.when, rule.id, p.start, p.message);
  for (const name of refs.signals) {
    if (!signalNames.has(name)) exprError(sink, rule.source.when, rule.id, rule.source.when.text.indexOf(name), `unknown signal "${name}" (declare it under signals:)`);
  }
  const recontactAfter = rule.source.recontact_after
    ? compileExpression(rule.source.recontact_after, rule.id, sink, ['int', 'double', 'string', 'dyn'])
    : null;
  let explain: CompiledTemplate | null = null;
  if (rule.source.explain) {
    const t = compileTemplate(rule.source.explain.text, signalNames);
    for (const p of t.problems) exprError(sink, rule.source.explain, rule.id, p.start, p.message);
    explain = t.template;
  }
  if (sink.length > before || !condition) return null;
  const fast = compileToClosure(condition.ast, signalIndex);
  return {
    id: rule.id, kind: rule.kind, description: rule.description, reason: rule.reason ?? null, decision: rule.decision ?? null,
    weight: rule.weight ?? 0, file: rule.file, line: rule.line, explain,
    condition: fast ?? condition, celCondition: condition, engine: fast ? 'closure' : 'cel-js',
    recontactAfter: recontactAfter ? (compileToClosure(recontactAfter.ast, signalIndex) ?? recontactAfter) : null,
    featureRefs: refs.features, signalRefs: refs.signals,
    refKeys: refs.features,
    refBases: refs.features.map((key) => key.split('.')[0]),
    refFields: refs.features.map((key) => (key.includes('.') ? key.slice(key.indexOf('.') + 1) : null)),
    signalKeys: refs.signals.map((name) => `signal("${name}")`),
    compactUnmatched: Object.freeze({ rule_id: rule.id, kind: rule.kind, matched: false, values: EMPTY_VALUES }),
  };
}

function compileAll(ruleset: Ruleset, sink: Sink): CompiledRuleset {
  const signalNames = new Set(ruleset.signals.map((s) => s.name));
  // Index of each signal in `signals` (the order of decide()'s per-lead signal states).
  const signalIndex = new Map(ruleset.signals.map((s, i) => [s.name, i] as const));
  const compiled: CompiledRule[] = [];
  for (const rule of ruleset.rules) {
    if (!rule.enabled) continue;
    const c = compileRule(rule, signalNames, signalIndex, sink);
    if (c) compiled.push(c);
  }
  compiled.sort((a, b) => RULE_KINDS.indexOf(a.kind) - RULE_KINDS.indexOf(b.kind)); // stable: file order within a kind
  const settingsTemplate = (src: SourceText | undefined): CompiledTemplate | null => {
    if (!src) return null;
    const t = compileTemplate(src.text, signalNames);
    for (const p of t.problems) exprError(sink, src, undefined, p.start, p.message);
    return t.template;
  };
  for (const sig of ruleset.signals) {
    for (const intent of sig.intents ?? []) {
      if (!ruleset.intents) sink.push({ file: sig.file, signal: sig.name, line: sig.line, message: `intent "${intent}" needs an intent corpus (intents/<lang>.yaml)` });
      else if (!ruleset.intents.intents.includes(intent)) sink.push({ file: sig.file, signal: sig.name, line: sig.line, message: `unknown intent "${intent}" (the corpus has: ${ruleset.intents.intents.join(', ')})` });
    }
    if (sig.kind === 'unread' && ruleset.signals.some((o) => o.kind === 'unread' && o !== sig && (o.policy ?? 'any_low_confidence') !== (sig.policy ?? 'any_low_confidence'))) {
      sink.push({ file: sig.file, signal: sig.name, line: sig.line, message: 'all unread signals of a ruleset must use the same policy' });
    }
    if (sig.kind === 'unread' && (sig.phrases || sig.intents)) sink.push({ file: sig.file, signal: sig.name, line: sig.line, message: 'an unread signal has no phrases or intents: it matches the texts the intent classifier could not read' });
  }
  const signals = ruleset.signals.map(compileSignal);
  const signalsKey = createHash('sha256').update(JSON.stringify(ruleset.signals.map(({ file: _f, line: _l, ...spec }) => spec))).update(ruleset.intents?.hash ?? '').digest('hex').slice(0, 16);
  const readsText = ruleset.signals.some((sig) => sig.kind === 'unread' || (sig.intents?.length ?? 0) > 0);
  return {
    ruleset, hash: ruleset.hash, rules: compiled, signals, signalsKey, intentModel: null, readsText,
    unreadPolicy: ruleset.signals.find((sig) => sig.kind === 'unread')?.policy ?? 'any_low_confidence',
    fallback: {
      nothing: settingsTemplate(ruleset.settings.source.when_nothing_matches) ?? { parts: [] },
      belowThreshold: settingsTemplate(ruleset.settings.source.below_threshold),
    },
  };
}

/** All expression/template errors of a parsed ruleset (used by parseRulesetFiles). */
export function checkRulesetExpressions(ruleset: Ruleset): RulesetError[] {
  const sink: Sink = [];
  compileAll(ruleset, sink);
  return sink;
}

/** Compile once per ruleset version; throws RulesetCompileError with positions on any error. */
export function compileRuleset(ruleset: Ruleset, options: CompileOptions = {}): CompiledRuleset {
  const sink: Sink = [];
  const compiled = compileAll(ruleset, sink);
  if (sink.length) throw new RulesetCompileError(sink);
  const rules = options.evaluator === 'cel-js'
    ? compiled.rules.map((r) => ({ ...r, condition: r.celCondition, engine: 'cel-js' as const }))
    : compiled.rules;
  // Trained once per corpus hash per process (memoised), only when some signal reads intents.
  const intentModel = compiled.readsText && ruleset.intents ? intentModelFor(ruleset.intents) : null;
  return { ...compiled, rules, classifier: options.classifier, intentModel };
}
