/** Plain-text output of `npm run eval`: the metrics table, gate lines and the progress bar. */
import { DECISIONS } from '../../domain/lead.ts';
import { HEADLINE_METRICS, type EvalMetrics } from '../../domain/metrics/eval-metrics.ts';
import type { LanguageMetrics } from '../../domain/metrics/language-metrics.ts';
import type { GateEvaluation } from './gates.ts';
import type { RunProgress } from './runner.ts';

const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(4));
const pad = (s: string, n: number) => s.padEnd(n);

export function formatMetricsTable(m: EvalMetrics, baseline: EvalMetrics | null): string {
  const lines: string[] = [];
  lines.push(`${pad('metric', 28)}${pad('value', 12)}${pad('95% interval', 20)}${baseline ? pad('baseline', 12) + 'delta' : ''}`);
  for (const name of HEADLINE_METRICS) {
    const interval = name === 'dnc_precision' || name === 'dnc_recall' ? m.intervals[name] : name === 'expected_recovered_revenue' ? (m.recovered_revenue?.interval ?? null) : null;
    const digits = name === 'expected_recovered_revenue' ? 0 : 3;
    const iv = interval ? `[${interval[0].toFixed(digits)}, ${interval[1].toFixed(digits)}]` : '';
    const base = baseline ? `${pad(num(baseline[name]), 12)}${m[name] - baseline[name] >= 0 ? '+' : ''}${num(m[name] - baseline[name])}` : '';
    lines.push(`${pad(name, 28)}${pad(num(m[name]), 12)}${pad(iv, 20)}${base}`);
  }
  lines.push('');
  lines.push(`leads ${m.total}, labeled ${m.labeled}, drafts ${m.drafts} (withheld ${m.withheld_drafts}, cached ${m.cached}), provider errors ${m.provider_errors}`);
  lines.push(`decisions: ${DECISIONS.map((d) => `${d} ${m.decision_counts[d]}`).join(', ')}`);
  lines.push(`latency ms p50 ${m.latency_ms.p50} p90 ${m.latency_ms.p90} p99 ${m.latency_ms.p99}; cost per lead ${m.cost_per_lead.toFixed(6)}; tokens per lead ${m.tokens_per_lead.toFixed(1)}`);
  const claims = Object.entries(m.unsupported_claims);
  lines.push(`grounding issues: ${claims.length ? claims.map(([k, v]) => `${k} ${v}`).join(', ') : 'none'}`);
  if (m.outcomes.with_outcome) {
    const o = m.outcomes;
    lines.push(
      `outcomes: ${o.positives} of ${o.with_outcome} reactivated/converted; top 10% captures ${o.top10.captured} (lift ${o.top10.lift.toFixed(2)}), top 20% captures ${o.top20.captured} (lift ${o.top20.lift.toFixed(2)})`,
    );
  }
  // Runs stored before draft quality was measured have no per-reason table.
  if (m.by_reason) lines.push('', ...formatReasonTable(m));
  if (m.recovery && m.recovery.a.leads + m.recovery.b.leads > 0) lines.push(formatRecovery(m));
  // Runs stored before text languages were recorded have no per-language table.
  if (m.by_language) lines.push('', ...formatLanguageTable(m.by_language));
  lines.push('');
  lines.push('confusion (rows gold, columns predicted)');
  lines.push(`${pad('', 20)}${DECISIONS.map((d) => pad(d, 20)).join('')}`);
  for (const g of DECISIONS) lines.push(`${pad(g, 20)}${DECISIONS.map((p) => pad(String(m.confusion[g][p]), 20)).join('')}`);
  return lines.join('\n');
}

const ratio = (v: number | null) => (v === null ? '-' : v.toFixed(3));

/** Draft quality per first reason code: grounding and pricing promises beside story coverage and language match. */
export function formatReasonTable(m: EvalMetrics): string[] {
  const lines = [`draft quality: story_coverage ${ratio(m.story_coverage)}, language_match ${ratio(m.language_match)}`];
  lines.push(`${pad('first reason', 26)}${pad('drafts', 8)}${pad('grounding', 11)}${pad('pricing', 9)}${pad('story_coverage', 20)}${'language_match'}`);
  for (const [code, q] of Object.entries(m.by_reason)) {
    lines.push(`${pad(code, 26)}${pad(String(q.drafts), 8)}${pad(ratio(q.grounding_rate), 11)}${pad(String(q.pricing_promises), 9)}${pad(`${ratio(q.story_coverage)} (${q.story_applicable})`, 20)}${ratio(q.language_match)} (${q.language_checked})`);
  }
  return lines;
}

/** Text understanding per language of the customer texts: dnc precision / recall, false refusals, unread rate. */
export function formatLanguageTable(byLanguage: Record<string, LanguageMetrics>): string[] {
  const lines = ['text understanding by language of the customer texts (false refusals: labeled contact/wait, decided do_not_contact)'];
  lines.push(`${pad('language', 10)}${pad('leads', 7)}${pad('dnc_precision', 15)}${pad('dnc_recall', 12)}${pad('false_refusals', 20)}${'unread'}`);
  for (const [lang, q] of Object.entries(byLanguage)) {
    lines.push(`${pad(lang, 10)}${pad(String(q.leads), 7)}${pad(ratio(q.dnc_precision), 15)}${pad(ratio(q.dnc_recall), 12)}${pad(`${q.false_refusals} (${ratio(q.false_refusal_rate)})`, 20)}${q.unread} (${ratio(q.unread_rate)})`);
  }
  return lines;
}

export function formatGateLines(evaluation: GateEvaluation): string {
  const lines = evaluation.results.map((r) => `${r.status === 'pass' ? 'PASS' : r.status === 'fail' ? 'FAIL' : 'SKIP'}  ${r.message}`);
  lines.push(evaluation.passed ? 'all gates pass' : `FAILED: ${evaluation.failed.join(', ')}`);
  return lines.join('\n');
}

/** A one-line bar redrawn in place on a terminal; on a pipe, a line every 10%. */
export function progressBar(stream: NodeJS.WriteStream, label: string): (p: RunProgress) => void {
  let lastDecile = -1;
  return (p) => {
    const share = p.total ? p.done / p.total : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const eta = p.etaS === null ? '?' : `${p.etaS}s`;
    const text = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} ${(share * 100).toFixed(0)}% eta ${eta}`;
    if (stream.isTTY) {
      stream.write(`\r${text}${p.done >= p.total ? '\n' : ''}`);
    } else {
      const decile = Math.floor(share * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        stream.write(`${text}\n`);
      }
    }
  };
}

const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);

/** Of the leads with an outcome: recovery of those selected (decided contact) against the rest. */
function formatRecovery(m: EvalMetrics): string {
  const r = m.recovery;
  const iv = r.difference_interval ? ` (95% [${pct(r.difference_interval[0])}, ${pct(r.difference_interval[1])}])` : '';
  const c = m.calibration;
  return [
    `recovery: selected ${r.a.recovered}/${r.a.leads} (${pct(r.a.rate)}), not selected ${r.b.recovered}/${r.b.leads} (${pct(r.b.rate)}); difference ${pct(r.difference)}${iv}; lift ${r.lift === null ? 'n/a' : r.lift.toFixed(2)}`,
    `calibration: P(recovered) fitted on ${c.n} outcomes (${c.positives} recovered), ECE ${c.ece.toFixed(4)} (out of fold); expected recovered revenue of the ${m.recovered_revenue.leads} selected ${m.recovered_revenue.expected.toFixed(0)}`,
  ].join('\n');
}
