/**
 * Assembles the canonical record (CONTRACTS.md section 1) from a finished story, adding the
 * noise every real CRM export has: missing or null fields, inconsistent spellings, stale quote
 * statuses, consent recorded in different ways.
 */
import type { Lead, Quote } from '../../server/domain/lead';
import { MINUTE, isoDate, isoDateTime } from './dates';
import { labelFor } from './label';
import { SMS_KEYWORDS } from './notes-crm';
import type { StoryContext } from './story-context';
import { SOURCES, TAGS } from './vocab';

type Consent = NonNullable<Lead['consent']>;

/**
 * Writes a compliance block into the data. The flag is always set (that is what makes it a
 * hard block); sometimes there is also the customer's message that caused it.
 */
function renderConsent(ctx: StoryContext): Consent {
  const { rng, truth } = ctx;
  const consent: Consent = {
    email: ctx.emailMissing ? null : rng.chance(0.8) ? true : null,
    phone: ctx.phoneMissing ? null : rng.chance(0.7) ? true : null,
    opted_out_at: null,
    erasure_requested_at: null,
  };
  if (truth.compliance === 'opted_out' || truth.compliance === 'erasure_requested') {
    const withMessage = truth.compliance === 'erasure_requested' || rng.chance(0.5);
    let at: number;
    if (withMessage) {
      ctx.advance(0.5, 10);
      // (Not after an unread message: our SMS would come after it, and it would no longer be unanswered.)
      if (truth.compliance === 'opted_out' && !truth.unreadLast && rng.chance(0.3)) {
        // The carrier-style opt-out: our SMS, their keyword, and the CRM sets the flag.
        ctx.repDoes('our_sms', 'sms', 'sent');
        ctx.advance(0.01, 1);
        ctx.customerWrites(rng.pick(SMS_KEYWORDS[rng.chance(0.7) ? ctx.lang : 'en']), 'sms', 'replied');
      } else {
        ctx.customerSays(truth.compliance === 'opted_out' ? rng.pick(['unsubscribe', 'dont_contact']) : 'erasure', 'email');
      }
      at = ctx.t;
    } else {
      // Unsubscribed via a newsletter link after our last touch: a flag without any conversation.
      const last = ctx.lastActivityMs();
      at = Math.min(ctx.asOfMs - MINUTE, last + rng.int(10, 600) * MINUTE + rng.next() * Math.max(0, ctx.limit - last));
    }
    if (truth.compliance === 'opted_out') consent.opted_out_at = isoDateTime(at);
    else consent.erasure_requested_at = isoDateTime(at);
  } else if (truth.compliance === 'no_contact_consent') {
    consent.email = false;
    consent.phone = ctx.phoneMissing ? (rng.chance(0.5) ? false : null) : false;
  } else if (rng.chance(0.04)) {
    // One channel refused, the other fine: still contactable, just not by that channel.
    if (!ctx.phoneMissing && !ctx.emailMissing && rng.chance(0.5)) consent.email = false;
    else if (!ctx.emailMissing) consent.phone = false;
  }
  return consent;
}

/**
 * The CRM's language field: usually the customer's, sometimes empty, sometimes the CRM's default
 * (en/de) for a customer who writes another language. For a customer who wrote in a language we
 * do not support it may name that language, or still the one of the form.
 */
function contactLanguage(ctx: StoryContext): string | null {
  const { rng, truth } = ctx;
  if (truth.foreignLang) return rng.weighted<string | null>([[truth.foreignLang, 45], [null, 25], [truth.lang, 30]]);
  if (rng.chance(0.04)) return null;
  // The CRM's default stays on many records of customers who write another language.
  if (!['en', 'de', 'hr'].includes(truth.lang) && rng.chance(0.15)) return rng.chance(0.7) ? 'en' : 'de';
  return truth.lang;
}

function renderName(ctx: StoryContext): string | null {
  const { rng, customer } = ctx;
  if (ctx.truth.compliance === 'erasure_requested' && rng.chance(0.3)) return null;
  if (ctx.sparse && rng.chance(0.4)) return rng.chance(0.5) ? null : customer.firstName.toLowerCase();
  return rng.weighted([
    [`${customer.firstName} ${customer.lastName}`, 75], [`${customer.firstName} ${customer.lastName}`.toLowerCase(), 5],
    [customer.firstName, 9], [`${customer.lastName}, ${customer.firstName}`, 5], [customer.lastName.toUpperCase(), 2], [null, 4],
  ]);
}

/** Quotes whose validity ran out usually got marked expired; some reps never bother. */
function ageQuotes(ctx: StoryContext): Quote[] {
  const asOf = isoDate(ctx.asOfMs);
  for (const quote of ctx.quotes) {
    if (quote.status === 'sent' && quote.valid_until && quote.valid_until < asOf && ctx.rng.chance(0.65)) quote.status = 'expired';
    if (ctx.rng.chance(0.03)) delete quote.currency;
  }
  return ctx.quotes;
}

function pickTags(ctx: StoryContext): string[] {
  const tags = [...ctx.tags];
  const extra = ctx.rng.weighted([[0, 55], [1, 35], [2, 10]]);
  for (let i = 0; i < extra; i++) {
    const tag = ctx.rng.pick(TAGS);
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** Some CRM exports omit null fields instead of writing them: "missing" and "null" both occur. */
function dropNullKeys(record: Record<string, unknown>): void {
  for (const key of Object.keys(record)) if (record[key] === null) delete record[key];
}

export function renderLead(id: string, ctx: StoryContext): Lead {
  const { rng, truth, customer } = ctx;
  const calledUs = ctx.activities.some((a) => a.channel === 'call');
  const phonePresent = !ctx.phoneMissing && (calledUs || truth.story === 'callback_requested' || ctx.emailMissing || rng.chance(0.8));
  // Decided before consent, so a refused channel is never the only one left on a contactable lead.
  ctx.phoneMissing = !phonePresent;
  const consent = renderConsent(ctx);
  const service: NonNullable<Lead['service']> = {
    type: rng.chance(0.02) ? null : customer.profile.type,
    origin: ctx.sparse || rng.chance(0.04) ? null : customer.origin,
    destination: ctx.sparse || rng.chance(0.06) ? null : customer.destination,
    date: ctx.serviceDateMs === null || ctx.dateInTextOnly ? null : isoDate(ctx.serviceDateMs),
    date_flexibility: ctx.dateFlexibility,
    size: ctx.sparse || rng.chance(0.1) ? null : customer.profile.size,
    volume_m3: ctx.sparse || customer.profile.type === 'cleaning' || rng.chance(0.3) ? null : customer.volume,
  };
  const firstChannel = ctx.activities[0]?.channel;
  const source = firstChannel === 'call' && rng.chance(0.8) ? 'phone' : rng.weighted(SOURCES);
  const estimate = ctx.quoteAmount ?? (ctx.sparse ? null : Math.round(customer.price * rng.real(0.8, 1.2) / 100) * 100);
  const lead: Lead = {
    id,
    created_at: ctx.createdAtHidden ? null : isoDateTime(ctx.createdMs),
    source,
    contact: {
      name: renderName(ctx),
      email: ctx.emailMissing ? null : customer.email,
      phone: phonePresent ? customer.phone : null,
      language: contactLanguage(ctx),
    },
    consent,
    service,
    quotes: ageQuotes(ctx),
    activities: ctx.activities,
    status: ctx.status,
    lost_reason: ctx.lostReason,
    owner: rng.chance(0.06) ? null : ctx.rep,
    value_estimate: rng.chance(0.5) ? estimate : null,
    tags: pickTags(ctx),
    duplicate_of: ctx.duplicateOf,
    label: labelFor(truth),
  };
  if (rng.chance(0.15)) {
    dropNullKeys(lead);
    dropNullKeys(lead.contact as Record<string, unknown>);
    dropNullKeys(lead.service as Record<string, unknown>);
    if (lead.tags?.length === 0) delete lead.tags;
    if (lead.quotes?.length === 0) delete lead.quotes;
  }
  return lead;
}
