/**
 * Decision quality against gold labels: the confusion matrix over the four decisions and the
 * metrics of CONTRACTS.md section 6 derived from it. Used by the rules preview and evaluation runs.
 */
import { DECISIONS, type Decision, type Lead } from '../lead.ts';

/** Gold reasons that mean "must never be contacted": missing any of them is a compliance violation. */
export const HARD_BLOCK_REASONS = new Set([
  'opted_out',
  'erasure_requested',
  'no_contact_consent',
  'asked_not_to_contact',
  'complaint',
  'legal_dispute',
  'sensitive_circumstances',
]);

/**
 * A lead whose record itself forbids contact: opted out, erasure requested, or no channel we may
 * use (every consent flag that is set is false). Such a lead must be decided `do_not_contact`
 * whatever its label says.
 */
export function hasComplianceFlag(lead: Pick<Lead, 'consent'>): boolean {
  const c = lead.consent;
  if (!c) return false;
  if (c.opted_out_at || c.erasure_requested_at) return true;
  return c.email === false && c.phone === false;
}

export interface ScoredLead {
  lead_id: string;
  decision: Decision;
  gold: Decision | null;
  gold_reasons: string[];
  compliance_flag: boolean;
}

export type ConfusionMatrix = Record<Decision, Record<Decision, number>>;

export function emptyMatrix(): ConfusionMatrix {
  return Object.fromEntries(DECISIONS.map((g) => [g, Object.fromEntries(DECISIONS.map((p) => [p, 0]))])) as ConfusionMatrix;
}

export interface DecisionMetrics {
  total: number;
  labeled: number;
  decision_counts: Record<Decision, number>;
  /** matrix[gold][predicted] */
  confusion: ConfusionMatrix;
  dnc_precision: number | null;
  dnc_recall: number | null;
  decision_accuracy: number | null;
  selection_rate: number;
  compliance_violations: number;
  compliance_violation_ids: string[];
}

const ratio = (num: number, den: number) => (den === 0 ? null : num / den);

export function scoreDecisions(items: readonly ScoredLead[]): DecisionMetrics {
  const confusion = emptyMatrix();
  const counts = Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>;
  let labeled = 0;
  let correct = 0;
  const violations: string[] = [];
  for (const item of items) {
    counts[item.decision]++;
    if (item.gold) {
      labeled++;
      confusion[item.gold][item.decision]++;
      if (item.gold === item.decision) correct++;
    }
    const mustBlock = item.compliance_flag || item.gold_reasons.some((r) => HARD_BLOCK_REASONS.has(r));
    if (mustBlock && item.decision !== 'do_not_contact') violations.push(item.lead_id);
  }
  const tp = confusion.do_not_contact.do_not_contact;
  const predictedDnc = DECISIONS.reduce((s, g) => s + confusion[g].do_not_contact, 0);
  const goldDnc = DECISIONS.reduce((s, p) => s + confusion.do_not_contact[p], 0);
  return {
    total: items.length,
    labeled,
    decision_counts: counts,
    confusion,
    dnc_precision: ratio(tp, predictedDnc),
    dnc_recall: ratio(tp, goldDnc),
    decision_accuracy: ratio(correct, labeled),
    selection_rate: items.length ? counts.contact / items.length : 0,
    compliance_violations: violations.length,
    compliance_violation_ids: violations,
  };
}

/** Counts of each reason code over decided leads. */
export function reasonCounts(reasonLists: Iterable<readonly string[]>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const list of reasonLists) for (const code of list) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}
