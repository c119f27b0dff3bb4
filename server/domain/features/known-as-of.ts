/**
 * The lead as it was known at `as_of` (CONTRACTS.md section 2): a dated fact after the as_of day
 * does not exist for that decision, so history can be replayed without leaking the future.
 *
 * - activities with `at` after the as_of day are gone;
 * - quotes with `sent_at` after it are gone; a quote whose status was decided after it (the record
 *   says when in `decided_at`) is as it was then: `sent`;
 * - consent changes dated after it (`opted_out_at`, `erasure_requested_at`) have not happened: null.
 *
 * Undated facts (an activity or quote without a date, the lead's status, tags, lost_reason, the
 * consent flags themselves) are kept: the CRM does not say when they became true, so they count as
 * known at every as_of. The gold label is never touched (it is what a replay is judged against).
 * Granularity is the day, like every feature: a fact dated on the as_of day itself is known.
 *
 * Pure and cheap: when nothing in the record is after as_of (every production call) the same
 * object is returned, nothing is copied.
 */
import type { Lead, Quote } from '../lead.ts';
import { dayNumber, normaliseAsOf } from './time.ts';

/** A quote's extra field saying when its status (accepted, rejected, ...) was decided. */
export const QUOTE_DECIDED_AT = 'decided_at';

const after = (value: unknown, asOfDay: number): boolean => {
  if (typeof value !== 'string') return false;
  const day = dayNumber(value);
  return day !== null && day > asOfDay;
};

function quoteAsOf(quote: Quote, asOfDay: number): Quote | null {
  if (!quote) return quote;
  if (after(quote.sent_at, asOfDay)) return null;
  if (after((quote as Record<string, unknown>)[QUOTE_DECIDED_AT], asOfDay) && quote.status !== 'sent') {
    // Decided later: as of then it was still out with the customer, its decision unknown.
    const { [QUOTE_DECIDED_AT]: _decided, ...rest } = quote as Record<string, unknown>;
    return { ...rest, status: 'sent' } as Quote;
  }
  return quote;
}

/** True when the lead existed at as_of (an undated lead counts as known, like every undated fact). */
export function createdByAsOf(lead: Pick<Lead, 'created_at'>, asOf: string | Date): boolean {
  return !after(lead.created_at, normaliseAsOf(asOf).day);
}

export function leadKnownAsOf(lead: Lead, asOf: string | Date): Lead {
  const asOfDay = normaliseAsOf(asOf).day;
  const acts = lead.activities;
  const quotes = lead.quotes;
  const consent = lead.consent;

  let activities = acts;
  if (acts?.some((a) => a && after(a.at, asOfDay))) activities = acts.filter((a) => !a || !after(a.at, asOfDay));

  let knownQuotes = quotes;
  if (quotes?.length) {
    let changed = false;
    const mapped: Quote[] = [];
    for (const q of quotes) {
      const known = quoteAsOf(q, asOfDay);
      if (known !== q) changed = true;
      if (known !== null) mapped.push(known);
    }
    if (changed) knownQuotes = mapped;
  }

  let knownConsent = consent;
  if (consent && (after(consent.opted_out_at, asOfDay) || after(consent.erasure_requested_at, asOfDay))) {
    knownConsent = {
      ...consent,
      opted_out_at: after(consent.opted_out_at, asOfDay) ? null : consent.opted_out_at,
      erasure_requested_at: after(consent.erasure_requested_at, asOfDay) ? null : consent.erasure_requested_at,
    };
  }

  if (activities === acts && knownQuotes === quotes && knownConsent === consent) return lead;
  return { ...lead, activities, quotes: knownQuotes, consent: knownConsent };
}
