/**
 * computeFeatures: the cold path. Everything a rule may look at, derived from the lead and
 * `as_of` only (never the clock), so the same inputs always give the same features.
 */
import type { Lead, Quote } from '../lead.ts';
import { activityFacts } from './activity-facts.ts';
import { findBudget, type BudgetMention } from './budget.ts';
import { leadKnownAsOf } from './known-as-of.ts';
import type { FeatureValues, LatestQuote } from './catalog.ts';
import type { DatasetIndex } from './dataset-index.ts';
import { normaliseEmail, normalisePhone } from './dataset-index.ts';
import { effectiveServiceDate, findDateMentions, type DateMention } from './dates-in-notes.ts';
import { prepareTexts, type PreparedText } from './prepared-text.ts';
import { ownWordsOf } from '../text/own-words.ts';
import { dayNumber, isoDateOfDay, normaliseAsOf, parseIsoMs } from './time.ts';

/**
 * Slot where the rules engine memoises signal matches for these features (a symbol key: not part
 * of the JSON, and initialised here so every Features object has the same shape).
 */
export const SIGNAL_CACHE: unique symbol = Symbol('rekindle.signalCache');

export interface Features {
  lead_id: string;
  /** as_of as YYYY-MM-DD. */
  as_of: string;
  /** as_of as a UTC day number (days since 1970-01-01). */
  as_of_day: number;
  /** The values rules see (FEATURE_CATALOG names); plain JSON. */
  values: FeatureValues;
  /** Folded free texts, for signal matching on the hot path. */
  texts: PreparedText[];
  /** Evidence behind derived values, for the trace and the preview. */
  evidence: { date_mentions: DateMention[]; budget: BudgetMention | null };
  /** The lead's own names and places (folded words), which the intent classifier does not read (text/own-words.ts). */
  own_words: ReadonlySet<string>;
  [SIGNAL_CACHE]?: unknown;
}

const RE_ENGAGED_GAP_DAYS = 30;

function latestQuoteOf(quotes: Quote[], asOfDay: number): LatestQuote {
  let latest: Quote | null = null;
  let latestMs = -Infinity;
  for (const q of quotes) {
    if (!q) continue;
    const ms = q.sent_at ? parseIsoMs(q.sent_at) : -Infinity + 1;
    if (latest === null || ms >= latestMs) { latest = q; latestMs = ms; }
  }
  if (!latest) {
    return { amount: null, currency: null, status: null, age_days: null, valid_until: null, days_until_expiry: null, expired: false, open: false };
  }
  const sentDay = dayNumber(latest.sent_at ?? null);
  const validDay = dayNumber(latest.valid_until ?? null);
  const expired = latest.status === 'expired' || (validDay !== null && validDay < asOfDay);
  return {
    amount: latest.amount ?? null,
    currency: latest.currency ?? null,
    status: latest.status ?? null,
    age_days: sentDay === null ? null : asOfDay - sentDay,
    valid_until: validDay === null ? null : isoDateOfDay(validDay),
    days_until_expiry: validDay === null ? null : validDay - asOfDay,
    expired,
    // "Open" = sent and not yet decided (accepted/rejected/withdrawn/expired status closes it).
    open: latest.status === 'sent' || (latest.status == null && sentDay !== null),
  };
}

function completeness(lead: Lead, texts: PreparedText[]): number {
  const c = lead.contact, s = lead.service;
  const checks = [
    !!c?.name, !!(c?.email || c?.phone), !!s?.date, !!s?.origin, !!s?.destination,
    !!(s?.size || s?.volume_m3), !!s?.type, (lead.quotes?.length ?? 0) > 0, texts.some((t) => t.activity_index >= 0 && t.source !== 'outcome'),
  ];
  return Math.round((checks.filter(Boolean).length / checks.length) * 100) / 100;
}

const since = (asOfDay: number, day: number | null) => (day === null ? null : asOfDay - day);

export function computeFeatures(recorded: Lead, asOf: string | Date, index?: DatasetIndex): Features {
  const lead = leadKnownAsOf(recorded, asOf); // nothing dated after as_of exists for a decision
  const { iso, day: asOfDay } = normaliseAsOf(asOf);
  const texts = prepareTexts(lead);
  const facts = activityFacts(lead, texts);
  const language = lead.contact?.language?.toLowerCase().slice(0, 2) ?? null;
  const mentions = findDateMentions(texts, language, !!lead.service?.date);
  const createdDay = dayNumber(lead.created_at ?? null);
  const effective = effectiveServiceDate(lead.service?.date, createdDay, mentions);
  const quotes = lead.quotes ?? [];
  const latestQuote = latestQuoteOf(quotes, asOfDay);
  const budget = findBudget(texts);
  const budgetGap = budget && latestQuote.amount !== null ? latestQuote.amount - budget.amount : null;

  let recontact: DateMention | null = null;
  for (const m of mentions) if (m.kind === 'recontact' && (!recontact || m.said_on >= recontact.said_on)) recontact = m;

  const consent = lead.consent;
  const hasEmail = normaliseEmail(lead.contact?.email) !== null;
  const hasPhone = normalisePhone(lead.contact?.phone) !== null;
  const emailUsable = hasEmail && !facts.emailBounced && consent?.email !== false;
  const phoneUsable = hasPhone && !facts.phoneInvalid && consent?.phone !== false;
  const dup = index?.duplicates.get(lead.id);
  const duplicateOf = lead.duplicate_of ?? dup?.duplicate_of ?? null;
  const status = lead.status ?? null;
  const fieldDay = dayNumber(lead.service?.date ?? null);

  const values: FeatureValues = {
    days_since_created: since(asOfDay, createdDay),
    days_since_last_contact: since(asOfDay, facts.lastContactDay),
    days_since_last_inbound: since(asOfDay, facts.lastInboundDay),
    days_since_last_outbound: since(asOfDay, facts.lastOutboundDay),
    outbound_attempts_since_last_inbound: facts.outboundSinceInbound,
    outbound_attempts_total: facts.outboundTotal,
    inbound_count: facts.inboundCount,
    has_inbound: facts.inboundCount > 0,
    activity_count: lead.activities?.length ?? 0,
    last_activity_direction: facts.lastDirection,
    days_silent_before_last_inbound: facts.silentBeforeLastInbound,
    re_engaged:
      facts.lastInboundDay !== null &&
      ((facts.silentBeforeLastInbound ?? 0) >= RE_ENGAGED_GAP_DAYS || ((status === 'lost' || status === 'dormant') && facts.lastDirection === 'inbound')),
    service_type: lead.service?.type ?? null,
    service_date: effective.date,
    service_date_field: fieldDay === null ? null : isoDateOfDay(fieldDay),
    has_service_date: effective.day !== null,
    days_until_service_date: effective.day === null ? null : effective.day - asOfDay,
    service_date_from_notes: effective.fromNotes !== null,
    date_postponed: effective.fromNotes !== null && (fieldDay === null ? effective.fromNotes.postponed : effective.fromNotes.day > fieldDay),
    date_flexibility: lead.service?.date_flexibility ?? null,
    volume_m3: lead.service?.volume_m3 ?? null,
    value_estimate: lead.value_estimate ?? null,
    has_quote: quotes.length > 0,
    quote_ever_sent: quotes.some((q) => !!q?.sent_at || (q?.status != null && q.status !== 'withdrawn')),
    quote_count: quotes.length,
    quote_accepted: quotes.some((q) => q?.status === 'accepted'),
    latest_quote: latestQuote,
    budget_stated: budget?.amount ?? null,
    budget_gap: budgetGap,
    budget_gap_pct: budget && budgetGap !== null && budget.amount > 0 ? Math.round((budgetGap / budget.amount) * 1000) / 10 : null,
    callback_requested_open: facts.callbackOpen,
    days_since_callback_request: facts.callbackOpen ? since(asOfDay, facts.callbackDay) : null,
    recontact_requested_date: recontact?.date ?? null,
    days_until_recontact_requested: recontact ? recontact.day - asOfDay : null,
    consent_email: consent?.email ?? null,
    consent_phone: consent?.phone ?? null,
    opted_out: !!consent?.opted_out_at,
    erasure_requested: !!consent?.erasure_requested_at,
    has_email: hasEmail,
    has_phone: hasPhone,
    email_bounced: facts.emailBounced,
    phone_invalid: facts.phoneInvalid,
    email_usable: emailUsable,
    phone_usable: phoneUsable,
    usable_channel_count: (emailUsable ? 1 : 0) + (phoneUsable ? 1 : 0),
    channels_with_consent: (hasEmail && consent?.email !== false ? 1 : 0) + (hasPhone && consent?.phone !== false ? 1 : 0),
    status,
    lost_reason: lead.lost_reason ?? null,
    source: lead.source ?? null,
    language,
    tags: (lead.tags ?? []).filter((t): t is string => typeof t === 'string'),
    is_duplicate: duplicateOf !== null,
    duplicate_of: duplicateOf,
    duplicate_group_size: dup?.group_size ?? 1,
    data_completeness: completeness(lead, texts),
  };
  return { lead_id: lead.id, as_of: iso, as_of_day: asOfDay, values, texts, evidence: { date_mentions: mentions, budget }, own_words: ownWordsOf(lead), [SIGNAL_CACHE]: null };
}
