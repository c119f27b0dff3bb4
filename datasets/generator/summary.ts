/**
 * Label statistics of a dataset, computed from the records alone (labels + observable fields),
 * so the README numbers can be reproduced from demo.jsonl without the generator.
 */
import type { Lead } from '../../server/domain/lead';
import { DAY, parseIsoDate } from './dates';

/** Statuses of leads that are in the pipeline but not moving. */
const OPEN_STATUSES = new Set(['quoted', 'contacted', 'negotiating', 'dormant', 'lost']);
/** A lead is dormant when nothing has happened for this long. */
export const DORMANT_AFTER_DAYS = 14;

export interface DatasetSummary {
  total: number;
  decisions: Record<string, number>;
  reasons: Record<string, number>;
  outcomes: Record<string, number>;
  /** `contact.language` as the records have it ("null" when empty or missing). */
  languages: Record<string, number>;
  dormant: number;
  /** Dormant leads whose gold decision is contact or wait. */
  dormantRecoverable: number;
}

function lastTouchMs(lead: Lead): number | null {
  let last: number | null = lead.created_at ? Date.parse(lead.created_at) : null;
  for (const activity of lead.activities ?? []) {
    if (!activity.at) continue;
    const at = Date.parse(activity.at);
    if (last === null || at > last) last = at;
  }
  return last;
}

/** Open status and no activity in the last DORMANT_AFTER_DAYS days (or no dates at all). */
export function isDormant(lead: Lead, asOfMs: number): boolean {
  if (!lead.status || !OPEN_STATUSES.has(lead.status)) return false;
  const last = lastTouchMs(lead);
  return last === null || asOfMs - last >= DORMANT_AFTER_DAYS * DAY;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export function summarize(leads: Iterable<Lead>, asOf: string): DatasetSummary {
  const asOfMs = parseIsoDate(asOf);
  const summary: DatasetSummary = { total: 0, decisions: {}, reasons: {}, outcomes: {}, languages: {}, dormant: 0, dormantRecoverable: 0 };
  for (const lead of leads) {
    summary.total++;
    bump(summary.languages, lead.contact?.language ?? 'null');
    const label = lead.label;
    if (!label) continue;
    bump(summary.decisions, label.decision);
    for (const reason of label.reasons) bump(summary.reasons, reason);
    bump(summary.outcomes, label.outcome ?? 'null');
    if (isDormant(lead, asOfMs)) {
      summary.dormant++;
      if (label.decision === 'contact' || label.decision === 'wait') summary.dormantRecoverable++;
    }
  }
  return summary;
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '0.0%' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** Markdown tables, ready to paste into the README. */
export function formatSummary(s: DatasetSummary): string {
  const lines = ['| decision | leads | share |', '|---|---:|---:|'];
  for (const decision of ['do_not_contact', 'not_worth_pursuing', 'contact', 'wait']) {
    lines.push(`| ${decision} | ${s.decisions[decision] ?? 0} | ${pct(s.decisions[decision] ?? 0, s.total)} |`);
  }
  lines.push(`| **total** | ${s.total} | |`, '');
  lines.push(`Dormant leads (open status, no activity for ${DORMANT_AFTER_DAYS}+ days): ${s.dormant}; ` +
    `of these truly recoverable (contact or wait): ${s.dormantRecoverable} (${pct(s.dormantRecoverable, s.dormant)}).`, '');
  lines.push('| reason | leads |', '|---|---:|');
  for (const [reason, n] of Object.entries(s.reasons).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    lines.push(`| ${reason} | ${n} |`);
  }
  lines.push('', '| outcome | leads |', '|---|---:|');
  for (const [outcome, n] of Object.entries(s.outcomes).sort((a, b) => b[1] - a[1])) lines.push(`| ${outcome} | ${n} |`);
  lines.push('', '| contact.language | leads |', '|---|---:|');
  for (const [language, n] of Object.entries(s.languages).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    lines.push(`| ${language} | ${n} |`);
  }
  return lines.join('\n');
}
