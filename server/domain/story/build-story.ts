/**
 * buildLeadStory: the story of a lead as known on `as_of` (point in time: nothing dated after it
 * exists; undated facts are kept and counted). It reads the lead and its computed features
 * (callback, moved date, budget) through the shared feature code, and the CRM texts through
 * PreparedText, so it sees exactly what the rules see. Pure: no clock, no I/O.
 */
import type { Lead } from '../lead.ts';
import { computeFeatures, type Features } from '../features/index.ts';
import type { PreparedText } from '../features/prepared-text.ts';
import { dayNumber, isoDateOfDay, normaliseAsOf } from '../features/time.ts';
import { asksForCallback, BOOKED_ELSEWHERE, PRICE_OBJECTION, PRICE_OK, PROMISED_CALL, PROMISED_QUOTE, QUESTION, UNANSWERED_CALL } from './cues.ts';
import { leadAsOf } from './point-in-time.ts';
import { lostContactLine, storyFacts, storySentences } from './story-sentences.ts';
import type { LeadStory, LostContact, LostContactKind, StoryQuote, StoryTouch } from './types.ts';
import { LOST_CONTACT_KINDS } from './types.ts';

interface Act {
  index: number;
  day: number | null;
  direction: string | null;
  channel: string | null;
  outcome: string;
  folded: string | null;
  original: string | null;
}

const iso = (day: number | null) => (day === null ? null : isoDateOfDay(day));
const REACHED_CHANNELS = new Set(['email', 'sms', 'chat', 'meeting']);

/** An outbound touch that a customer would have received (not a missed call). */
function reachedThem(a: Act): boolean {
  if (a.direction !== 'outbound') return false;
  if (a.channel === 'call') return !UNANSWERED_CALL.test(a.outcome) && !/invalid|wrong|bounc/.test(a.outcome);
  return REACHED_CHANNELS.has(a.channel ?? '') && !/bounc|undeliver/.test(a.outcome);
}

function timeline(lead: Lead, texts: PreparedText[], originalIndex: number[]): Act[] {
  const folded = new Map(texts.filter((t) => t.activity_index >= 0).map((t) => [t.activity_index, t]));
  const acts = (lead.activities ?? []).flatMap((a, index) =>
    a ? [{ index: originalIndex[index] ?? index, day: dayNumber(a.at ?? null), direction: a.direction ?? null, channel: a.channel ?? null, outcome: (a.outcome ?? '').toLowerCase(),
      folded: folded.get(index)?.folded ?? null, original: folded.get(index)?.original ?? null }] : [],
  );
  // Dated first in time order; undated keep their record order at the end (timing unknown).
  return acts.sort((x, y) => (x.day === null ? (y.day === null ? x.index - y.index : 1) : y.day === null ? -1 : x.day - y.day || x.index - y.index));
}

function storyQuotes(lead: Lead, asOfDay: number): StoryQuote[] {
  return (lead.quotes ?? []).filter(Boolean).map((q) => {
    const valid = dayNumber(q.valid_until ?? null);
    const closed = q.status === 'accepted' || q.status === 'rejected' || q.status === 'withdrawn';
    return {
      id: q.id ?? null, sent_on: iso(dayNumber(q.sent_at ?? null)), amount: q.amount ?? null, currency: q.currency ?? null,
      valid_until: iso(valid), status: q.status ?? null, expired: !closed && (q.status === 'expired' || (valid !== null && valid < asOfDay)),
    };
  }).sort((a, b) => (a.sent_on ?? '').localeCompare(b.sent_on ?? ''));
}

const touch = (a: Act | undefined): StoryTouch | null => (a ? { date: iso(a.day), channel: a.channel, outcome: a.outcome || null, activity_index: a.index } : null);

/** Inbound texts and the rep's notes of what the customer said on a call; never our own emails. */
const customerWords = (a: Act) => a.folded !== null && (a.direction === 'inbound' || a.direction === 'internal' || (a.direction === 'outbound' && (a.channel === 'call' || a.channel === 'meeting')));

export interface StoryOptions {
  /** Features computed for this lead and as_of; reused when nothing in the lead is after as_of. */
  features?: Features;
}

export function buildLeadStory(fullLead: Lead, asOf: string, options: StoryOptions = {}): LeadStory {
  const { iso: asOfIso, day: asOfDay } = normaliseAsOf(asOf);
  const known = leadAsOf(fullLead, asOfDay);
  const lead = known.lead;
  const features = known.lead === fullLead && options.features ? options.features : computeFeatures(lead, asOfIso);
  const v = features.values;
  const acts = timeline(lead, features.texts, known.activityIndex);
  const dated = acts.filter((a) => a.day !== null);
  const quotes = storyQuotes(lead, asOfDay);
  const sentQuotes = quotes.filter((q) => q.status !== 'withdrawn' && (q.sent_on || q.amount !== null));
  const latestQuote = sentQuotes.at(-1) ?? null;
  const latestQuoteDay = dayNumber(latestQuote?.sent_on ?? null);
  const lastOf = (pred: (a: Act) => boolean) => [...dated].reverse().find(pred);
  const lastInbound = lastOf((a) => a.direction === 'inbound');
  const lastOutbound = lastOf((a) => a.direction === 'outbound');
  const after = (day: number | null, pred: (a: Act) => boolean) => day !== null && dated.some((a) => a.day! > day && pred(a));
  const firstInbound = acts.find((a) => a.direction === 'inbound');

  const found: LostContact[] = [];
  const add = (kind: LostContactKind, date: string | null, detail: string) => found.push({ kind, date, detail });

  // A callback the customer asked for that never happened (the rules' own feature).
  // The features decide first; a request they read as negated ("can someone call me") is read again per sentence.
  const askAct = v.callback_requested_open === true ? undefined
    : lastOf((a) => a.direction === 'inbound' && a.folded !== null && asksForCallback(a.folded));
  const ownAsk = askAct && !after(askAct.day, (b) => b.direction === 'outbound' && (b.channel === 'call' || b.channel === 'meeting')) ? askAct : undefined;
  const callbackDay = v.callback_requested_open === true && typeof v.days_since_callback_request === 'number' ? asOfDay - v.days_since_callback_request : (ownAsk?.day ?? null);
  const callback = v.callback_requested_open === true || ownAsk ? { asked_on: iso(callbackDay) } : null;
  if (callback) add('callback_missed', callback.asked_on, lostContactLine('callback_missed', { date: callback.asked_on }));

  // Promises of ours in notes or messages that nothing later kept.
  const unkept: LeadStory['unkept_promises'] = [];
  for (const a of dated) {
    // Only what we told the customer counts (an email sent, a call they answered), not our own to-do notes.
    if (!a.folded || !reachedThem(a)) continue;
    if (PROMISED_CALL.test(a.folded) && !after(a.day, (b) => b.direction === 'outbound' && b.channel === 'call')) unkept.push({ date: iso(a.day), what: 'call', activity_index: a.index });
    else if (PROMISED_QUOTE.test(a.folded) && !(latestQuoteDay !== null && latestQuoteDay >= a.day!) && !after(a.day, (b) => b.direction === 'outbound' && b.channel === 'email')) {
      unkept.push({ date: iso(a.day), what: 'quote', activity_index: a.index });
    }
  }
  const promise = unkept.at(-1);
  if (promise && !callback) add('promise_unkept', promise.date, lostContactLine('promise_unkept', { date: promise.date, what: promise.what }));

  // What the customer said about the price after seeing it (or a budget the quote is above).
  const objectionAct = lastOf((a) => customerWords(a) && (latestQuoteDay === null || a.day! >= latestQuoteDay) && PRICE_OBJECTION.test(a.folded!) && !PRICE_OK.test(a.folded!) && !BOOKED_ELSEWHERE.test(a.folded!));
  const budgetAbove = typeof v.budget_gap === 'number' && v.budget_gap > 0 && features.evidence.budget?.said_on != null && (latestQuoteDay === null || features.evidence.budget.said_on >= latestQuoteDay);
  const objection = objectionAct || budgetAbove
    ? { said_on: iso(objectionAct?.day ?? features.evidence.budget?.said_on ?? null), budget: typeof v.budget_stated === 'number' && budgetAbove ? v.budget_stated : null }
    : null;

  // A question in the customer's last message that nothing of ours answered (the price question is its own kind).
  const questionAct = lastInbound && lastInbound.channel !== 'form' && lastInbound.folded && QUESTION.test(lastInbound.folded.trim()) && lastInbound !== objectionAct
    && !after(lastInbound.day, reachedThem) && !(latestQuoteDay !== null && latestQuoteDay > lastInbound.day!) ? lastInbound : null;
  const question = questionAct && !callback ? { asked_on: iso(questionAct.day) } : null;
  if (question) add('question_unanswered', question.asked_on, lostContactLine('question_unanswered', { date: question.asked_on }));
  if (objection) add('price_objection', objection.said_on, lostContactLine('price_objection', { date: objection.said_on, budget: objection.budget, answered: after(dayNumber(objection.said_on), reachedThem) }));

  // A date that moved (the rules' own reading of the notes).
  const moved = v.date_postponed === true && typeof v.service_date === 'string' ? features.evidence.date_mentions.find((m) => m.date === v.service_date && m.kind === 'service') : undefined;
  const dateMoved = v.date_postponed === true && typeof v.service_date === 'string'
    ? { told_on: iso(moved?.said_on ?? null), to: v.service_date, from: typeof v.service_date_field === 'string' ? v.service_date_field : null, day_certain: moved?.day_certain ?? true }
    : null;
  if (dateMoved) add('date_moved', dateMoved.told_on, lostContactLine('date_moved', { date: dateMoved.told_on, to: dateMoved.to, from: dateMoved.from, dayCertain: dateMoved.day_certain }));

  // A rep who stopped after calls nobody answered.
  const sinceInbound = dated.filter((a) => a.direction === 'outbound' && (lastInbound === undefined || a.day! >= lastInbound.day!));
  const unanswered = sinceInbound.filter((a) => a.channel === 'call' && UNANSWERED_CALL.test(a.outcome));
  const lastTry = sinceInbound.at(-1);
  if (unanswered.length >= 2 && lastTry && unanswered.includes(lastTry) && !sinceInbound.some(reachedThem)) {
    add('voicemails_unanswered', iso(lastTry.day), lostContactLine('voicemails_unanswered', { date: iso(lastTry.day), count: unanswered.length }));
  }

  // A quote that expired or that the customer never answered.
  const heardAfterQuote = latestQuoteDay !== null && lastInbound !== undefined && lastInbound.day! > latestQuoteDay;
  if (latestQuote?.expired && !heardAfterQuote) add('quote_expired', latestQuote.valid_until, lostContactLine('quote_expired', { date: latestQuote.valid_until, sent: latestQuote.sent_on }));
  if (latestQuote && !heardAfterQuote) add('quiet_after_quote', latestQuote.sent_on, lostContactLine('quiet_after_quote', { date: latestQuote.sent_on }));

  const twoWay = lastOf((a) => a.direction === 'inbound' || (a.direction === 'outbound' && a.channel === 'call' && reachedThem(a)));
  if (!lastInbound && dated.some((a) => a.direction === 'outbound')) add('never_reached', iso(lastOutbound?.day ?? null), lostContactLine('never_reached', { date: iso(lastOutbound?.day ?? null), count: dated.filter((a) => a.direction === 'outbound').length }));
  else if (twoWay && asOfDay - twoWay.day! <= 14) add('in_touch', iso(twoWay.day), lostContactLine('in_touch', { date: iso(twoWay.day) }));
  add('went_quiet', iso(twoWay?.day ?? null), lostContactLine('went_quiet', { date: iso(twoWay?.day ?? null) }));

  found.sort((a, b) => LOST_CONTACT_KINDS.indexOf(a.kind) - LOST_CONTACT_KINDS.indexOf(b.kind));
  const [lostAfter, ...others] = found;
  // Only situations that add something: "went quiet" says nothing beside a more specific one.
  const also = others.filter((o) => o.kind !== 'went_quiet' && o.kind !== 'in_touch' && !(o.kind === 'quiet_after_quote' && lostAfter.kind === 'quote_expired'));

  const lastSaid = [...acts].reverse().find((a) => a.direction === 'inbound' && a.original);
  const story: Omit<LeadStory, 'facts' | 'sentences'> = {
    as_of: asOfIso,
    came_in: { date: iso(dayNumber(lead.created_at ?? null) ?? firstInbound?.day ?? null), source: lead.source ?? null, channel: firstInbound?.channel ?? null },
    quotes,
    last_inbound: touch(lastInbound),
    last_outbound: touch(lastOutbound),
    lost_after: lostAfter,
    also,
    customer_last_said: lastSaid ? { date: iso(lastSaid.day), channel: lastSaid.channel, excerpt: excerpt(lastSaid.original!), activity_index: lastSaid.index } : null,
    callback,
    question,
    objection,
    date_moved: dateMoved,
    unkept_promises: unkept,
    unanswered_calls: unanswered.length,
    undated: known.undated,
    hidden_after_as_of: known.hidden,
  };
  const facts = storyFacts(story, acts.map((a) => ({ index: a.index, date: iso(a.day), direction: a.direction, channel: a.channel })));
  return { ...story, facts, sentences: storySentences(story) };
}

function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
