/**
 * The demo-data generator: streams canonical lead records with gold labels.
 *
 *   for (const lead of generateLeads({ seed: 42, count: 2000, asOf: '2026-11-20' })) ...
 *
 * Per lead: decide the hidden truth, play the story that renders it into CRM data, then label
 * from the truth. Each lead has its own PRNG stream (seed, index), and only a small ring of
 * recent leads is kept for duplicates, so memory stays flat at any count.
 */
import type { Lead } from '../../server/domain/lead';
import { type CustomerTruth, type Story, decideOutcome, decideTruth } from './customer-truth';
import { makeCustomer } from './customer-profile';
import { parseIsoDate } from './dates';
import { Rng, seedFor } from './prng';
import { renderLead } from './render';
import { StoryContext } from './story-context';
import { FOREIGN_MESSAGE_RATE, foreignMessage, mayWriteForeign } from './stories-foreign';
import * as dnc from './stories-dnc';
import { type RememberedLead, duplicate, pickDuplicateSource, resubmittedCustomer } from './stories-duplicate';
import * as nwp from './stories-nwp';
import * as recoverable from './stories-recoverable';
import { REPS_BY_LANG } from './vocab';

export interface GenerateOptions {
  seed: number;
  count: number;
  /** ISO date of the snapshot; nothing in the data happens after it. */
  asOf: string;
  /** Id prefix, default `L-`; ids are the prefix plus a 6-digit 1-based number. */
  idPrefix?: string;
}

export interface GeneratedLead {
  lead: Lead;
  /** The hidden truth the label came from: for statistics and tests, never part of the record. */
  truth: CustomerTruth;
}

type StoryFn = (ctx: StoryContext) => void;

const STORIES: Record<Exclude<Story, 'duplicate'>, StoryFn> = {
  service_date_passed: dnc.serviceDatePassed,
  booked_elsewhere: dnc.bookedElsewhere,
  already_customer: dnc.alreadyCustomer,
  no_longer_needed: dnc.noLongerNeeded,
  asked_not_to_contact: dnc.askedNotToContact,
  invalid_contact: dnc.invalidContact,
  complaint: dnc.complaint,
  legal_dispute: dnc.legalDispute,
  sensitive_circumstances: dnc.sensitiveCircumstances,
  low_intent: nwp.lowIntent,
  insufficient_data: nwp.insufficientData,
  price_gap: nwp.priceGap,
  too_old: nwp.tooOld,
  low_value: nwp.lowValue,
  over_contacted: nwp.overContacted,
  upcoming_service_date: recoverable.upcomingServiceDate,
  quote_no_decision: recoverable.quoteNoDecision,
  engaged_then_silent: recoverable.engagedThenSilent,
  price_objection_open: recoverable.priceObjectionOpen,
  callback_requested: recoverable.callbackRequested,
  re_engaged: recoverable.reEngaged,
  date_postponed: recoverable.datePostponed,
  recently_contacted: recoverable.recentlyContacted,
  too_early: recoverable.tooEarly,
  customer_asked_to_wait: recoverable.customerAskedToWait,
  ambiguous_competitor: recoverable.ambiguousCompetitor,
};

/** How many recent leads a duplicate may copy; bounded so memory does not grow with count. */
const RECENT_LEADS = 64;

export function formatId(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(6, '0')}`;
}

export function* generateLeadsWithTruth(options: GenerateOptions): Generator<GeneratedLead> {
  const asOfMs = parseIsoDate(options.asOf);
  const prefix = options.idPrefix ?? 'L-';
  const recent: RememberedLead[] = [];
  for (let index = 0; index < options.count; index++) {
    const id = formatId(prefix, index + 1);
    const rng = new Rng(seedFor(options.seed, index));
    let truth = decideTruth(rng);
    let source = truth.situation === 'duplicate' ? pickDuplicateSource(rng, recent, asOfMs) : null;
    // Nothing to duplicate yet (the very first leads): this customer is someone new after all.
    while (truth.situation === 'duplicate' && source === null) {
      truth = decideTruth(rng);
      source = truth.situation === 'duplicate' ? pickDuplicateSource(rng, recent, asOfMs) : null;
    }
    if (source) truth.lang = source.lang;
    const customer = source
      ? resubmittedCustomer(rng, source)
      : makeCustomer(rng, truth.lang, { lowValue: truth.situation === 'low_value' });
    const ctx = new StoryContext(rng, truth, customer, rng.pick(REPS_BY_LANG[truth.lang]), asOfMs);
    if (source) duplicate(ctx, source);
    else STORIES[truth.story as Exclude<Story, 'duplicate'>](ctx);
    if (!source && mayWriteForeign(truth.situation) && rng.chance(FOREIGN_MESSAGE_RATE)) foreignMessage(ctx);
    truth.outcome = decideOutcome(rng, truth);
    const lead = renderLead(id, ctx);
    if (!source && !ctx.createdAtHidden) {
      const memory = { id, lang: truth.lang, customer, createdMs: ctx.createdMs, serviceDateMs: ctx.serviceDateMs };
      if (recent.length < RECENT_LEADS) recent.push(memory);
      else recent[index % RECENT_LEADS] = memory;
    }
    yield { lead, truth };
  }
}

/** Streams `count` leads; same options, same leads, byte for byte. */
export function* generateLeads(options: GenerateOptions): Generator<Lead> {
  for (const { lead } of generateLeadsWithTruth(options)) yield lead;
}
