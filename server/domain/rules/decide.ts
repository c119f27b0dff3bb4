/**
 * decide: the hot path. Applies a compiled ruleset to precomputed features, in a fixed order:
 *
 *   1. hard_block  any match -> do_not_contact. Never overridden. A hard block whose condition
 *                  errors FAILS CLOSED: it blocks, and the trace records the error.
 *   2. exclusion   any do_not_contact exclusion -> do_not_contact; else any not_worth_pursuing
 *                  exclusion -> not_worth_pursuing.
 *   3. wait        any match -> wait; recontact_after = the LATEST date any matched wait rule gives
 *                  (at least as_of + 1 day; settings.default_wait_days when its expression is null).
 *   4. contact     matched contact rules and priority modifiers add their weights; the sum is
 *                  capped to 0-100. At or above settings.contact_threshold -> contact, below ->
 *                  settings.below_threshold (e.g. not_worth_pursuing / low_value). Priority
 *                  modifiers alone never make a lead `contact`.
 *   5. nothing matched -> settings.when_nothing_matches (e.g. not_worth_pursuing / low_intent).
 *
 * Every enabled rule is evaluated for every lead, so the trace is complete: matched or not, the
 * values its condition read, signal evidence, errors. Any other evaluation error means "not
 * matched" (recorded as `error`).
 */
import type { RuleDecision, RuleTraceEntry } from '../decision.ts';
import { SIGNAL_CACHE, type Features } from '../features/compute-features.ts';
import { dayNumber, isoDateOfDay } from '../features/time.ts';
import { setSignalLookup } from './cel-env.ts';
import { setSignalStates } from './cel-closure.ts';
import type { CompiledRule, CompiledRuleset } from './compile.ts';
import { explainHits, settingsOutcome, type Hit, type ExplainContext } from './decision-reasons.ts';
import { matchSignals, type SignalClassifier, type SignalResult } from './signals.ts';
import { understandTexts, type TextLabels, type TextUnderstanding } from '../text/understand.ts';

export interface DecideOptions {
  /** Overrides the classifier given to compileRuleset for model-backed signals. */
  classifier?: SignalClassifier;
  /**
   * 'full' (default): every rule with the values it read and its evidence. 'compact': every rule
   * with matched/error, values and evidence only for matched or failed rules (bulk evaluation runs,
   * where the full trace of 100,000 leads is not read; about twice as fast).
   */
  trace?: 'full' | 'compact';
  /**
   * Managers' readings of texts (labelsOf([{ lead_id, text_hash, intent }])): a labelled text is
   * read as that intent, so a lead in the "Needs a human read" list can be decided again.
   */
  text_labels?: TextLabels;
}

type SignalSummary = NonNullable<RuleDecision['signals']>;
interface SignalCacheEntry {
  key: string;
  classifier: SignalClassifier | undefined;
  labels: TextLabels | undefined;
  results: Record<string, SignalResult>;
  /** The text understanding under the default policy (null when no signal reads text). */
  texts: TextUnderstanding | null;
  summary: SignalSummary;
  /** By index in compiled.signals: 1 matched, 0 not matched, 2 ask lookupSignal (see setSignalStates). */
  states: number[];
}
// Signal matches depend on the texts and the signal definitions only: cached on the features
// object (symbol slot), so a preview re-running edited rules over cached features does not re-scan
// the texts. A different ruleset's signals (other signalsKey) or classifier replaces the entry.
function signalEntry(compiled: CompiledRuleset, features: Features, classifier?: SignalClassifier, labels?: TextLabels): SignalCacheEntry {
  const cached = features[SIGNAL_CACHE] as SignalCacheEntry | null | undefined;
  if (cached && cached.key === compiled.signalsKey && cached.classifier === classifier && cached.labels === labels) return cached;
  let understood: TextUnderstanding | null = null;
  const understand = () => (understood ??= understandTexts(features, compiled.intentModel, labels, compiled.unreadPolicy, phraseReaderOf(compiled)));
  const results = matchSignals(compiled.signals, features, classifier, compiled.readsText ? understand : undefined);
  const summary: SignalSummary = {};
  for (const name in results) {
    const r = results[name];
    summary[name] = r.note ? { matched: r.matched, available: r.available, note: r.note } : { matched: r.matched, available: r.available };
  }
  const n = compiled.signals.length;
  const states: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = results[compiled.signals[i].name];
    states.push(r === undefined || !r.available ? 2 : r.matched === true ? 1 : r.matched === false ? 0 : 2);
  }
  const texts = compiled.readsText ? understand() : null;
  const entry = { key: compiled.signalsKey, classifier, labels, results, summary, states, texts };
  features[SIGNAL_CACHE] = entry;
  return entry;
}

// One phrase reader per compiled ruleset: does any phrase list match in a sentence?
const phraseReaders = new WeakMap<CompiledRuleset, (folded: string) => boolean>();
function phraseReaderOf(compiled: CompiledRuleset): (folded: string) => boolean {
  let reader = phraseReaders.get(compiled);
  if (!reader) {
    const regexes = compiled.signals.filter((s) => s.regex && s.definition.match === 'phrase' && s.name !== 'prompt_injection').map((s) => s.regex!);
    const seen = new Map<string, boolean>(); // sentences repeat across leads; the regexes are the cost
    reader = (folded) => {
      let hit = seen.get(folded);
      if (hit === undefined) {
        hit = regexes.some((re) => { re.lastIndex = 0; return re.test(folded); });
        if (seen.size >= 100_000) seen.clear();
        seen.set(folded, hit);
      }
      return hit;
    };
    phraseReaders.set(compiled, reader);
  }
  return reader;
}

/** Signal results for a lead under a ruleset (cached); exported for the preview. */
export function signalsFor(compiled: CompiledRuleset, features: Features, classifier?: SignalClassifier): Record<string, SignalResult> {
  return signalEntry(compiled, features, classifier).results;
}

/** The lead's text understanding under a ruleset (cached with the signals); null when no signal reads text. */
export function textsFor(compiled: CompiledRuleset, features: Features, labels?: TextLabels): TextUnderstanding | null {
  return signalEntry(compiled, features, undefined, labels).texts;
}

let currentSignals: Record<string, SignalResult> = {};
function lookupSignal(name: string): boolean {
  const r = currentSignals[name];
  if (!r) throw new Error(`unknown signal "${name}"`);
  if (!r.available) throw new Error(`signal "${name}" unavailable: ${r.note ?? 'not evaluated'}`);
  return r.matched;
}

function errorText(e: unknown): string {
  const err = e as { summary?: string; message?: string };
  return err?.summary ?? err?.message?.split('\n')[0] ?? String(e);
}

function traceEntry(rule: CompiledRule, values: Record<string, unknown>, signals: Record<string, SignalResult>, matched: boolean, error: string | undefined): RuleTraceEntry {
  const seen: Record<string, unknown> = {};
  const keys = rule.refKeys, fields = rule.refFields, bases = rule.refBases;
  for (let i = 0; i < keys.length; i++) {
    const field = fields[i];
    if (field === null) seen[keys[i]] = values[keys[i]];
    else {
      const obj = values[bases[i]] as Record<string, unknown> | null;
      seen[keys[i]] = obj ? (obj[field] ?? null) : null;
    }
  }
  let evidence: RuleTraceEntry['evidence'];
  for (let i = 0; i < rule.signalRefs.length; i++) {
    const r = signals[rule.signalRefs[i]];
    seen[rule.signalKeys[i]] = r === undefined ? null : r.available ? r.matched : 'unavailable';
    if (r !== undefined && r.evidence.length) {
      if (evidence === undefined) evidence = r.evidence.slice();
      else for (const e of r.evidence) evidence.push(e);
    }
  }
  return evidence === undefined
    ? error === undefined ? { rule_id: rule.id, kind: rule.kind, matched, values: seen } : { rule_id: rule.id, kind: rule.kind, matched, values: seen, error }
    : error === undefined ? { rule_id: rule.id, kind: rule.kind, matched, values: seen, evidence } : { rule_id: rule.id, kind: rule.kind, matched, values: seen, evidence, error };
}

function recontactDay(rule: CompiledRule, values: Record<string, unknown>, asOfDay: number, defaultDays: number): number {
  let day: number | null = null;
  if (rule.recontactAfter) {
    try {
      const v: unknown = rule.recontactAfter(values);
      if (typeof v === 'bigint' || typeof v === 'number') day = Number.isFinite(Number(v)) ? asOfDay + Math.ceil(Number(v)) : null;
      else if (typeof v === 'string') day = dayNumber(v);
    } catch {
      day = null; // a broken date expression still waits, for the default period
    }
  }
  return Math.max(day ?? asOfDay + defaultDays, asOfDay + 1);
}

// Hits of the lead being decided, by kind: reused across calls (decide is synchronous and never
// re-entered while they are in use; explainHits copies what it keeps).
const hard: Hit[] = [], dnc: Hit[] = [], nwp: Hit[] = [], wait: Hit[] = [], contact: Hit[] = [], modifiers: Hit[] = [];

export function decide(compiled: CompiledRuleset, features: Features, options: DecideOptions = {}): RuleDecision {
  const classifier = options.classifier ?? compiled.classifier;
  const { results: signals, summary, states, texts } = signalEntry(compiled, features, classifier, options.text_labels);
  const values = features.values as Record<string, unknown>;
  const asOfDay = features.as_of_day;
  const settings = compiled.ruleset.settings;
  const rules = compiled.rules;
  const compact = options.trace === 'compact';
  const trace: RuleTraceEntry[] = new Array(rules.length);
  hard.length = dnc.length = nwp.length = wait.length = contact.length = modifiers.length = 0;
  let weightSum = 0;

  currentSignals = signals;
  setSignalLookup(lookupSignal);
  setSignalStates(states);
  try {
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      let matched = false;
      let error: string | undefined;
      try {
        const result: unknown = rule.condition(values);
        if (result === true) matched = true;
        else if (result !== false) error = `condition gave ${result === null ? 'null' : typeof result}, expected true or false`;
      } catch (e) {
        error = errorText(e);
      }
      if (error !== undefined && rule.kind === 'hard_block') {
        error += ' (hard block failed closed: lead blocked)';
        hard.push({ rule, error });
      } else if (matched) {
        if (rule.kind === 'hard_block') hard.push({ rule });
        else if (rule.kind === 'exclusion') (rule.decision === 'do_not_contact' ? dnc : nwp).push({ rule });
        else if (rule.kind === 'wait') wait.push({ rule, recontactDay: recontactDay(rule, values, asOfDay, settings.default_wait_days) });
        else {
          (rule.kind === 'contact' ? contact : modifiers).push({ rule });
          weightSum += rule.weight;
        }
      }
      // Compact: an unmatched rule's entry is the same for every lead, so it is shared (frozen).
      trace[i] = compact && !matched && error === undefined ? rule.compactUnmatched : traceEntry(rule, values, signals, matched, error);
    }
  } finally {
    setSignalLookup(null);
    setSignalStates(null);
  }

  const priority = Math.max(0, Math.min(100, Math.round(weightSum)));
  const ctx: ExplainContext = { values, signals, as_of: features.as_of, lead_id: features.lead_id, priority, threshold: settings.contact_threshold };
  let decision: RuleDecision['decision'], reasons: RuleDecision['reasons'], prio = 0, recontact: string | null = null;
  if (hard.length) { decision = 'do_not_contact'; reasons = explainHits(hard, ctx); }
  else if (dnc.length) { decision = 'do_not_contact'; reasons = explainHits(dnc, ctx); }
  else if (nwp.length) { decision = 'not_worth_pursuing'; reasons = explainHits(nwp, ctx); }
  else if (wait.length) {
    let latest = wait[0].recontactDay as number;
    for (const h of wait) if ((h.recontactDay as number) > latest) latest = h.recontactDay as number;
    decision = 'wait'; reasons = explainHits(wait, ctx); prio = priority; recontact = isoDateOfDay(latest);
  } else if (contact.length && (priority >= settings.contact_threshold || !settings.below_threshold)) {
    const reasonHits = [...contact, ...modifiers.filter((h) => h.rule.reason && h.rule.weight > 0)].sort((a, b) => b.rule.weight - a.rule.weight);
    decision = 'contact'; reasons = explainHits(reasonHits, ctx); prio = priority;
  } else {
    const o = contact.length ? settingsOutcome(settings.below_threshold!, compiled.fallback.belowThreshold, ctx, asOfDay, settings.default_wait_days)
      : settingsOutcome(settings.when_nothing_matches, compiled.fallback.nothing, ctx, asOfDay, settings.default_wait_days);
    decision = o.decision; reasons = o.reasons; recontact = o.recontact_after;
    prio = o.decision === 'contact' || o.decision === 'wait' ? priority : 0;
  }
  const out: RuleDecision = { decision, priority: prio, recontact_after: recontact, reasons, trace, ruleset_hash: compiled.hash, as_of: features.as_of, signals: summary };
  if (texts) out.texts = texts;
  return out;
}
