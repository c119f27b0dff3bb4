/**
 * The grounding check registry, after promptfoo's assertion registry: one small module per
 * check kind, listed here; `checkGrounding` runs them all over one draft text.
 */
import type { Lead } from '../lead.ts';
import { amountCheck } from './checks/amounts.ts';
import { dateCheck } from './checks/dates.ts';
import { injectionCheck } from './checks/injection.ts';
import { nameCheck } from './checks/names.ts';
import { pastEventCheck } from './checks/past-events.ts';
import { placeCheck } from './checks/places.ts';
import { pricingPromiseCheck } from './checks/pricing-promises.ts';
import { prohibitedActionCheck } from './checks/prohibited-actions.ts';
import { quantityCheck } from './checks/quantities.ts';
import { unearnedStatusCheck } from './checks/unearned-status.ts';
import { buildRecordFacts } from './record-facts.ts';
import { toDay } from './text-utils.ts';
import type { GroundingCheck, GroundingContext, GroundingOptions, GroundingResult } from './types.ts';

export const GROUNDING_CHECKS: readonly GroundingCheck[] = [
  dateCheck,
  amountCheck,
  placeCheck,
  nameCheck,
  quantityCheck,
  pastEventCheck,
  pricingPromiseCheck,
  unearnedStatusCheck,
  prohibitedActionCheck,
  injectionCheck,
];

export function getGroundingCheck(id: string): GroundingCheck | undefined {
  return GROUNDING_CHECKS.find((c) => c.id === id);
}

/**
 * Without an explicit as-of the latest date in the record is used: the checker, like the
 * engine, never reads the clock, so the same inputs always give the same issues.
 */
export function defaultAsOf(lead: Lead): Date {
  const dates = [lead.created_at, ...(lead.activities ?? []).map((a) => a?.at), ...(lead.quotes ?? []).map((q) => q?.sent_at)]
    .map((d) => toDay(d))
    .filter((d): d is Date => d !== null);
  return dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : new Date(Date.UTC(2000, 0, 1));
}

export function buildGroundingContext(lead: Lead, text: string, opts: GroundingOptions = {}): GroundingContext {
  const asOf = toDay(opts.asOf) ?? defaultAsOf(lead);
  return { lead, text: text ?? '', asOf, facts: buildRecordFacts(lead, asOf), allowedTerms: opts.allowedTerms ?? [] };
}

export function checkGrounding(lead: Lead, text: string, opts: GroundingOptions = {}): GroundingResult {
  const ctx = buildGroundingContext(lead, text, opts);
  const issues = GROUNDING_CHECKS.flatMap((check) => check.run(ctx));
  return { grounded: issues.length === 0, issues };
}
