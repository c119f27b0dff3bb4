/**
 * What actually happened to a lead after `as_of`: the label of a backtest. A replay as of T sees
 * nothing after T (leadKnownAsOf); the events within N days after T say how the lead turned out.
 *
 * Read from the record, in this order of precedence over the window (T, T + N days]:
 * - complained: an activity whose outcome is a complaint or dispute;
 * - converted: a quote accepted in the window (`decided_at`, else `sent_at`), or an activity whose
 *   outcome is booked / won / accepted;
 * - declined: an activity whose outcome is declined / unsubscribed, or an opt-out or erasure request
 *   dated in the window;
 * - reactivated: any other inbound activity (the customer wrote or called back);
 * - a gold label whose `outcome_at` falls in the window gives its `outcome` when nothing above did.
 * Nothing in the window: null (no response). Undated events cannot be placed after T and are ignored.
 */
import { dayNumber, normaliseAsOf } from '../features/time.ts';
import type { Lead } from '../lead.ts';
import { POSITIVE_OUTCOMES } from './outcome-ranking.ts';

export const DEFAULT_OUTCOME_WINDOW_DAYS = 60;

export type DatedOutcomeKind = 'complained' | 'converted' | 'declined' | 'reactivated' | 'no_response';

export interface DatedOutcome {
  outcome: DatedOutcomeKind;
  /** The day (YYYY-MM-DD) of the first event of that kind, or null for no_response. */
  at: string | null;
}

const COMPLAINT = /complain|dispute|legal/;
const BOOKED = /booked|won|accepted|converted/;
const DECLINED = /declin|unsubscrib|opted_out|refus|lost/;
const RANK: DatedOutcomeKind[] = ['complained', 'converted', 'declined', 'reactivated'];

export function outcomeAfter(lead: Lead, asOf: string | Date, windowDays = DEFAULT_OUTCOME_WINDOW_DAYS): DatedOutcome {
  const start = normaliseAsOf(asOf).day;
  const end = start + windowDays;
  const first = new Map<DatedOutcomeKind, number>();
  const note = (kind: DatedOutcomeKind, value: string | null | undefined) => {
    const day = dayNumber(value ?? null);
    if (day === null || day <= start || day > end) return;
    const seen = first.get(kind);
    if (seen === undefined || day < seen) first.set(kind, day);
  };
  for (const a of lead.activities ?? []) {
    if (!a) continue;
    const outcome = (a.outcome ?? '').toLowerCase();
    if (COMPLAINT.test(outcome)) note('complained', a.at);
    else if (BOOKED.test(outcome)) note('converted', a.at);
    else if (DECLINED.test(outcome)) note('declined', a.at);
    else if (a.direction === 'inbound') note('reactivated', a.at);
  }
  for (const q of lead.quotes ?? []) {
    if (q?.status === 'accepted') note('converted', ((q as Record<string, unknown>).decided_at as string | undefined) ?? q.sent_at);
  }
  note('declined', lead.consent?.opted_out_at);
  note('declined', lead.consent?.erasure_requested_at);
  for (const kind of RANK) {
    const day = first.get(kind);
    if (day !== undefined) return { outcome: kind, at: new Date(day * 86_400_000).toISOString().slice(0, 10) };
  }
  const label = lead.label as (Lead['label'] & { outcome_at?: unknown }) | null | undefined;
  if (label?.outcome && typeof label.outcome_at === 'string') {
    const day = dayNumber(label.outcome_at);
    if (day !== null && day > start && day <= end) return { outcome: label.outcome as DatedOutcomeKind, at: label.outcome_at.slice(0, 10) };
  }
  return { outcome: 'no_response', at: null };
}

export const isRecovered = (outcome: string | null | undefined): boolean => POSITIVE_OUTCOMES.has(outcome ?? '');
