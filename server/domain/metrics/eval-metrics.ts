/**
 * The metrics of an evaluation run (CONTRACTS.md section 6), computed from its per-lead results.
 * Pure: the run loop and the comparison read rows from the database and call these.
 * Every headline metric is a number; a ratio with nothing to count is its vacuous value
 * (precision / recall 1: nothing was wrong; grounding 1 when no drafts), reported with the counts.
 */
import type { Decision } from '../lead.ts';
import { bootstrapCategories, percentileSorted, type BootstrapOptions, type Interval } from './bootstrap.ts';
import { scoreDecisions, type ConfusionMatrix } from './decision-metrics.ts';
import { outcomeRanking, POSITIVE_OUTCOMES, type OutcomeRanking } from './outcome-ranking.ts';
import { calibrationOf, type Calibration, type OutcomeRow } from './calibration.ts';
import { averageJobValue, expectedRecoveredRevenue, type RecoveredRevenue } from './recovered-revenue.ts';
import { compareRecovery, type RecoveryComparison } from './recovery-lift.ts';
import { languageMetrics, type LanguageMetrics } from './language-metrics.ts';

/** What the metrics need of one lead's result (kept small: read back for every lead of a run). */
export interface EvalLeadRow {
  lead_id: string;
  decision: Decision;
  priority: number;
  gold: Decision | null;
  gold_reasons: string[];
  /** label.outcome, when the label carries one. */
  outcome: string | null;
  compliance_flag: boolean;
  /** not_needed | ok | withheld | schema_failure | provider_error | refused */
  draft_status: string;
  /** Kinds of the grounding issues found in the draft (empty when no draft was produced). */
  issue_kinds: string[];
  /** The decision's reason codes (the first names the row in the per-reason table). */
  reasons?: string[];
  /** The shown draft states the story's key fact; null when there is no draft or no key fact. */
  story_covered?: boolean | null;
  /** The shown draft is in the lead's language; null when there is no draft or the language has no drafts. */
  language_match?: boolean | null;
  latency_ms: number;
  cost: number | null;
  tokens: number;
  cached: boolean;
  /** First reason code of the decision and the lead's value, for the recovery model (null on old runs). */
  reason?: string | null;
  value?: number | null;
  /** Language of the lead's customer texts (language-metrics.ts); null on runs stored before it was recorded. */
  text_language?: string | null;
}

export const HEADLINE_METRICS = [
  'dnc_precision',
  'dnc_recall',
  'decision_accuracy',
  'compliance_violations',
  'selection_rate',
  'grounding_rate',
  'pricing_promises',
  'schema_failures',
  'expected_recovered_revenue',
  'calibration_ece',
] as const;
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number];

export interface EvalMetrics extends Record<HeadlineMetric, number> {
  intervals: { dnc_precision: Interval | null; dnc_recall: Interval | null };
  total: number;
  labeled: number;
  decision_counts: Record<Decision, number>;
  /** confusion[gold][predicted] */
  confusion: ConfusionMatrix;
  compliance_violation_ids: string[];
  /** Drafts a writer produced and the schema accepted (shown or withheld). */
  drafts: number;
  grounded_drafts: number;
  withheld_drafts: number;
  provider_errors: number;
  /** Grounding issues by kind, over every produced draft. */
  unsupported_claims: Record<string, number>;
  /** Share of shown drafts with a key story fact that state it (1 when none has one). */
  story_coverage: number;
  /** Share of shown drafts in a supported language that are written in it (1 when none). */
  language_match: number;
  /** Draft quality per first reason code of the decision. */
  by_reason: Record<string, ReasonQuality>;
  latency_ms: { p50: number; p90: number; p99: number };
  cost_per_lead: number;
  tokens_per_lead: number;
  cached: number;
  outcomes: OutcomeRanking;
  /** P(recovered) fitted on the rows with an outcome: reliability diagram and ECE (out of fold). */
  calibration: Calibration;
  /** Expected recovered revenue of the leads decided contact, with its bootstrap interval. */
  recovered_revenue: RecoveredRevenue;
  /** Of the leads with an outcome: recovery of those decided contact (a) against the rest (b). */
  recovery: RecoveryComparison;
  /** Text understanding per language of the leads' customer texts (language-metrics.ts). */
  by_language: Record<string, LanguageMetrics>;
}

export interface ReasonQuality {
  leads: number;
  drafts: number;
  grounding_rate: number;
  pricing_promises: number;
  /** Drafts whose story has a key fact, and the share of them stating it (null when none). */
  story_applicable: number;
  story_coverage: number | null;
  language_checked: number;
  language_match: number | null;
}

/** Categories of a lead for do-not-contact precision / recall over labeled leads. */
export const DNC_TP = 0;
export const DNC_FP = 1;
export const DNC_FN = 2;
export const DNC_OTHER = 3;

export function dncCategory(row: Pick<EvalLeadRow, 'decision' | 'gold'>): number {
  if (!row.gold) return DNC_OTHER;
  const pred = row.decision === 'do_not_contact';
  const gold = row.gold === 'do_not_contact';
  if (pred && gold) return DNC_TP;
  if (pred) return DNC_FP;
  if (gold) return DNC_FN;
  return DNC_OTHER;
}

export const precisionOf = (tp: number, fp: number): number | null => (tp + fp === 0 ? null : tp / (tp + fp));
export const recallOf = (tp: number, fn: number): number | null => (tp + fn === 0 ? null : tp / (tp + fn));

const PRODUCED = new Set(['ok', 'withheld']);

export function computeEvalMetrics(rows: readonly EvalLeadRow[], options: BootstrapOptions = {}): EvalMetrics {
  const scored = scoreDecisions(
    rows.map((r) => ({ lead_id: r.lead_id, decision: r.decision, gold: r.gold, gold_reasons: r.gold_reasons, compliance_flag: r.compliance_flag })),
  );
  let drafts = 0;
  let grounded = 0;
  let withheld = 0;
  let pricing = 0;
  let schema = 0;
  let providerErrors = 0;
  let cost = 0;
  let tokens = 0;
  let cached = 0;
  const claims: Record<string, number> = {};
  const story = { applicable: 0, covered: 0 };
  const language = { checked: 0, matched: 0 };
  const reasons = new Map<string, { leads: number; drafts: number; grounded: number; pricing: number; sa: number; sc: number; lc: number; lm: number }>();
  const categories = new Uint8Array(rows.length);
  const latencies = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    categories[i] = dncCategory(r);
    latencies[i] = r.latency_ms;
    if (PRODUCED.has(r.draft_status)) {
      drafts++;
      if (!r.issue_kinds.length) grounded++;
    }
    if (r.draft_status === 'withheld') withheld++;
    if (r.draft_status === 'schema_failure') schema++;
    if (r.draft_status === 'provider_error') providerErrors++;
    if (r.issue_kinds.includes('pricing_promise')) pricing++;
    for (const kind of r.issue_kinds) claims[kind] = (claims[kind] ?? 0) + 1;
    if (r.story_covered != null) story.applicable++;
    if (r.story_covered) story.covered++;
    if (r.language_match != null) language.checked++;
    if (r.language_match) language.matched++;
    if (r.decision === 'contact' || r.decision === 'wait') {
      const code = r.reasons?.[0] ?? '(none)';
      const q = reasons.get(code) ?? { leads: 0, drafts: 0, grounded: 0, pricing: 0, sa: 0, sc: 0, lc: 0, lm: 0 };
      reasons.set(code, q);
      q.leads++;
      if (PRODUCED.has(r.draft_status)) {
        q.drafts++;
        if (!r.issue_kinds.length) q.grounded++;
      }
      if (r.issue_kinds.includes('pricing_promise')) q.pricing++;
      if (r.story_covered != null) q.sa++;
      if (r.story_covered) q.sc++;
      if (r.language_match != null) q.lc++;
      if (r.language_match) q.lm++;
    }
    cost += r.cost ?? 0;
    tokens += r.tokens;
    if (r.cached) cached++;
  });
  latencies.sort();
  const sortedLatency = Array.from(latencies);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const outcome = recoveryMetrics(rows, options);
  return {
    expected_recovered_revenue: Math.round(outcome.recovered_revenue.expected * 100) / 100,
    calibration_ece: Math.round(outcome.calibration.ece * 10_000) / 10_000,
    ...outcome,
    dnc_precision: scored.dnc_precision ?? 1,
    dnc_recall: scored.dnc_recall ?? 1,
    decision_accuracy: scored.decision_accuracy ?? 0,
    compliance_violations: scored.compliance_violations,
    selection_rate: scored.selection_rate,
    grounding_rate: drafts ? grounded / drafts : 1,
    pricing_promises: pricing,
    schema_failures: schema,
    intervals: {
      dnc_precision: bootstrapCategories(categories, 4, (c) => precisionOf(c[DNC_TP], c[DNC_FP]), options),
      dnc_recall: bootstrapCategories(categories, 4, (c) => recallOf(c[DNC_TP], c[DNC_FN]), options),
    },
    total: scored.total,
    labeled: scored.labeled,
    decision_counts: scored.decision_counts,
    confusion: scored.confusion,
    compliance_violation_ids: scored.compliance_violation_ids,
    drafts,
    grounded_drafts: grounded,
    withheld_drafts: withheld,
    provider_errors: providerErrors,
    unsupported_claims: claims,
    story_coverage: story.applicable ? story.covered / story.applicable : 1,
    language_match: language.checked ? language.matched / language.checked : 1,
    by_reason: Object.fromEntries([...reasons].sort(([a], [b]) => a.localeCompare(b)).map(([code, q]) => [code, {
      leads: q.leads, drafts: q.drafts, grounding_rate: q.drafts ? q.grounded / q.drafts : 1, pricing_promises: q.pricing,
      story_applicable: q.sa, story_coverage: q.sa ? q.sc / q.sa : null, language_checked: q.lc, language_match: q.lc ? q.lm / q.lc : null,
    }])),
    latency_ms: { p50: round(percentileSorted(sortedLatency, 50)), p90: round(percentileSorted(sortedLatency, 90)), p99: round(percentileSorted(sortedLatency, 99)) },
    cost_per_lead: rows.length ? cost / rows.length : 0,
    tokens_per_lead: rows.length ? tokens / rows.length : 0,
    cached,
    outcomes: outcomeRanking(rows),
    by_language: languageMetrics(rows),
  };
}

/** Rows whose outcome is known, as the recovery model sees them. */
export function outcomeRows(rows: readonly EvalLeadRow[]): OutcomeRow[] {
  return rows.filter((r) => r.outcome).map((r) => ({ priority: r.priority, reason: r.reason ?? null, recovered: POSITIVE_OUTCOMES.has(r.outcome!) }));
}

function recoveryMetrics(rows: readonly EvalLeadRow[], options: BootstrapOptions) {
  const known = outcomeRows(rows);
  const average = averageJobValue();
  const selected = rows.filter((r) => r.decision === 'contact').map((r) => ({ priority: r.priority, reason: r.reason ?? null, value: r.value ?? average }));
  return {
    calibration: calibrationOf(known),
    recovered_revenue: expectedRecoveredRevenue(known, selected),
    recovery: compareRecovery(rows.filter((r) => r.outcome).map((r) => ({ inA: r.decision === 'contact', recovered: POSITIVE_OUTCOMES.has(r.outcome!) })), options),
  };
}

/** Just the numbers of CONTRACTS.md section 6, for gates and tables. */
export function headlineMetrics(metrics: Pick<EvalMetrics, HeadlineMetric>): Record<HeadlineMetric, number> {
  return Object.fromEntries(HEADLINE_METRICS.map((m) => [m, metrics[m]])) as Record<HeadlineMetric, number>;
}
