/**
 * The live preview of a draft ruleset over a labeled dataset: what the change does, at once.
 * Counts, selection rate, reasons, per-rule matches, the confusion matrix against gold labels,
 * do-not-contact precision/recall, and the leads whose decision flips against a baseline, with
 * both traces. Runs the same `decide` as evaluations and production.
 */
import type { RuleDecision } from '../../domain/decision.ts';
import { reasonCounts, scoreDecisions, type DecisionMetrics } from '../../domain/metrics/decision-metrics.ts';
import { languageMetrics, textLanguageOf, type LanguageMetrics } from '../../domain/metrics/language-metrics.ts';
import { rulesetWarnings, runScenarios, type CompiledRuleset, type RuleWarning, type ScenarioResult } from '../../domain/rules/index.ts';
import type { SuppressionHit } from '../../domain/privacy/suppression.ts';
import { decideLead } from '../../pipeline/decide-lead.ts';
import type { FeatureSet } from './feature-cache.ts';

export interface LeadFlip {
  lead_id: string;
  gold: string | null;
  before: Pick<RuleDecision, 'decision' | 'priority' | 'reasons' | 'trace'>;
  after: Pick<RuleDecision, 'decision' | 'priority' | 'reasons' | 'trace'>;
}

export interface PreviewResult {
  metrics: DecisionMetrics;
  reason_counts: Record<string, number>;
  rule_matches: Record<string, number>;
  flips: { total: number; by_transition: Record<string, number>; items: LeadFlip[] } | null;
  /** Rules that match no lead, fail on some, or never decide one (on this dataset). */
  warnings: RuleWarning[];
  /** The ruleset's own test scenarios, each passed or failed. */
  scenarios: ScenarioResult[];
  /** decide: the draft over every lead; checks: warnings and scenarios; features: the cached feature set's cost. */
  timing_ms: { decide: number; checks: number; features: number };
  /** Text understanding per language of the leads' customer texts (language-metrics.ts), as evaluation runs report it. */
  by_language: Record<string, LanguageMetrics>;
}

/** Per lead of the feature set (same order): its suppression-list entry, or null. */
export type Suppressed = readonly (SuppressionHit | null)[];
const NONE: Suppressed = [];

// The baseline does not change while a manager edits: its decisions are kept per feature set
// (and per suppression lookup, which is itself cached while the list does not change).
const baselineDecisions = new WeakMap<FeatureSet, WeakMap<CompiledRuleset, { suppressed: Suppressed; decisions: RuleDecision[] }>>();

function decideAll(compiled: CompiledRuleset, features: FeatureSet, suppressed: Suppressed): RuleDecision[] {
  // Compact traces for the bulk pass; the few flipped leads shown get a full trace below.
  return features.leads.map((l, i) => decideLead(compiled, l.features, suppressed[i], { trace: 'compact' }));
}

function baselineFor(baseline: CompiledRuleset, features: FeatureSet, suppressed: Suppressed): RuleDecision[] {
  let byRuleset = baselineDecisions.get(features);
  if (!byRuleset) baselineDecisions.set(features, (byRuleset = new WeakMap()));
  let entry = byRuleset.get(baseline);
  if (!entry || entry.suppressed !== suppressed) byRuleset.set(baseline, (entry = { suppressed, decisions: decideAll(baseline, features, suppressed) }));
  return entry.decisions;
}

export function previewRuleset(
  compiled: CompiledRuleset,
  features: FeatureSet,
  baseline: CompiledRuleset | null,
  options: { flipsLimit: number; suppressed?: Suppressed },
): PreviewResult {
  const started = performance.now();
  const suppressed = options.suppressed ?? NONE;
  const decisions = decideAll(compiled, features, suppressed);
  const decideMs = performance.now() - started;

  const metrics = scoreDecisions(
    features.leads.map((l, i) => ({ lead_id: l.lead_id, decision: decisions[i].decision, gold: l.gold, gold_reasons: l.gold_reasons, compliance_flag: l.compliance_flag })),
  );
  const byLanguage = languageMetrics(features.leads.map((l, i) => ({ text_language: textLanguageOf(decisions[i]), decision: decisions[i].decision, gold: l.gold, reasons: decisions[i].reasons.map((r) => r.code) })));
  const ruleMatches: Record<string, number> = {};
  for (const d of decisions) for (const t of d.trace) if (t.matched) ruleMatches[t.rule_id] = (ruleMatches[t.rule_id] ?? 0) + 1;

  let flips: PreviewResult['flips'] = null;
  if (baseline) {
    const items: LeadFlip[] = [];
    const byTransition: Record<string, number> = {};
    let total = 0;
    const baselineDecided = baselineFor(baseline, features, suppressed);
    features.leads.forEach((l, i) => {
      const before = baselineDecided[i];
      const after = decisions[i];
      if (before.decision === after.decision) return;
      total++;
      const key = `${before.decision}->${after.decision}`;
      byTransition[key] = (byTransition[key] ?? 0) + 1;
      if (items.length < options.flipsLimit) {
        items.push({ lead_id: l.lead_id, gold: l.gold, before: decideLead(baseline, l.features, suppressed[i]), after: decideLead(compiled, l.features, suppressed[i]) });
      }
    });
    flips = { total, by_transition: byTransition, items };
  }
  const checksStarted = performance.now();
  const warnings = rulesetWarnings(compiled, decisions, features.leads.map((l) => l.lead_id));
  const scenarios = runScenarios(compiled);
  const checksMs = performance.now() - checksStarted;
  return {
    metrics,
    warnings,
    scenarios,
    reason_counts: reasonCounts(decisions.map((d) => d.reasons.map((r) => r.code))),
    rule_matches: ruleMatches,
    flips,
    timing_ms: { decide: Math.round(decideMs * 10) / 10, checks: Math.round(checksMs * 10) / 10, features: Math.round(features.computedMs) },
    by_language: byLanguage,
  };
}
