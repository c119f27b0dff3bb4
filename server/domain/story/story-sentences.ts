/**
 * The story in words, for the rep (English, as the workbench is): the "Lost after" line per
 * situation, the dated facts, and the two or three sentences shown at the top of the Review and
 * lead pages. Built from structured facts only; no CRM free text.
 */
import { formatAmount, formatDay, formatMonth } from '../drafting/format.ts';
import type { LeadStory, LostContactKind, StoryFact } from './types.ts';

const day = (iso: string | null | undefined) => (iso ? formatDay('en', iso) : 'an unknown date');
const on = (iso: string | null | undefined) => (iso ? `on ${formatDay('en', iso)}` : '(undated)');

export interface LineParams {
  date: string | null;
  what?: 'call' | 'quote';
  budget?: number | null;
  answered?: boolean;
  to?: string;
  from?: string | null;
  dayCertain?: boolean;
  count?: number;
  sent?: string | null;
}

export function lostContactLine(kind: LostContactKind, p: LineParams): string {
  switch (kind) {
    case 'callback_missed':
      return `asked for a call back ${on(p.date)}; nobody called.`;
    case 'promise_unkept':
      return `we said ${on(p.date)} that we would ${p.what === 'quote' ? 'send a quote' : 'call'}; it did not happen.`;
    case 'question_unanswered':
      return `asked us a question ${on(p.date)}; nobody answered it.`;
    case 'price_objection':
      return `said ${on(p.date)} the price was too high${p.budget ? ` (budget ${formatAmount('en', p.budget, 'EUR')})` : ''}; ${p.answered ? 'the objection is still open' : 'nobody answered that'}.`;
    case 'date_moved': {
      const to = p.to ? (p.dayCertain === false ? formatMonth('en', p.to) : formatDay('en', p.to)) : 'a later date';
      return `told us ${on(p.date)} that the date moved to ${to}${p.from ? ` (was ${day(p.from)})` : ''}.`;
    }
    case 'voicemails_unanswered':
      return `${p.count} calls nobody answered, the last ${on(p.date)}; then we stopped trying.`;
    case 'quote_expired':
      return `the quote${p.sent ? ` sent ${on(p.sent)}` : ''} expired ${on(p.date)} with no decision.`;
    case 'quiet_after_quote':
      return `quote sent ${on(p.date)}; no word from the customer since.`;
    case 'never_reached':
      return `never reached: ${p.count} attempt${p.count === 1 ? '' : 's'} of ours, the last ${on(p.date)}, and no reply.`;
    case 'in_touch':
      return `nothing lost yet: last two-way contact ${on(p.date)}.`;
    case 'went_quiet':
      return p.date ? `last two-way contact ${on(p.date)}; quiet since.` : 'no two-way contact on record.';
  }
}

const CHANNEL: Record<string, string> = { email: 'email', call: 'phone', sms: 'SMS', form: 'web form', meeting: 'meeting', chat: 'chat', note: 'note' };
const by = (channel: string | null) => (channel ? ` (${CHANNEL[channel] ?? channel})` : '');

function quoteText(q: LeadStory['quotes'][number]): string {
  const amount = q.amount !== null ? formatAmount('en', q.amount, q.currency) : 'a quote';
  return `${amount}${q.sent_on ? ` ${on(q.sent_on)}` : ''}`;
}

/** lead.source is free text: only a plain label ("web_form", "partner:agency") is repeated. */
const plainSource = (source: string | null) => (source && /^[\p{L}\d _:.-]{1,40}$/u.test(source) ? source.replace(/_/g, ' ') : null);

export function storySentences(s: Omit<LeadStory, 'facts' | 'sentences'>): string[] {
  const sentences: string[] = [];
  const source = plainSource(s.came_in.source);
  const cameIn = `Came in ${on(s.came_in.date)}${source ? ` via ${source}` : s.came_in.channel ? ` by ${CHANNEL[s.came_in.channel] ?? s.came_in.channel}` : ''}`;
  const sent = s.quotes.filter((q) => q.status !== 'withdrawn' && (q.sent_on || q.amount !== null));
  const latest = sent.at(-1);
  const quoted = latest ? `; quoted ${quoteText(latest)}${latest.expired && latest.valid_until ? `, expired ${on(latest.valid_until)}` : latest.valid_until ? `, valid until ${day(latest.valid_until)}` : ''}` : '; no quote sent';
  sentences.push(`${cameIn}${quoted}.`);
  const also = s.also.length ? ` Also: ${s.also.map((a) => a.detail.replace(/\.$/, '')).join('; ')}.` : '';
  sentences.push(`Lost after: ${s.lost_after.detail}${also}`);
  const heard = s.last_inbound ? `Last heard ${on(s.last_inbound.date)}${by(s.last_inbound.channel)}` : 'Never heard from the customer';
  const ours = s.last_outbound ? `our last touch ${on(s.last_outbound.date)}${by(s.last_outbound.channel)}${s.last_outbound.outcome ? `, ${s.last_outbound.outcome.replace(/_/g, ' ')}` : ''}` : 'no touch of ours on record';
  const undated = s.undated ? ` ${s.undated} undated entr${s.undated === 1 ? 'y is' : 'ies are'} kept; ${s.undated === 1 ? 'its' : 'their'} timing is unknown.` : '';
  sentences.push(`${heard}; ${ours}.${undated}`);
  return sentences;
}

const KIND_OF: Record<string, StoryFact['kind']> = { 'inbound:call': 'customer_called', 'outbound:call': 'we_called' };

export function storyFacts(s: Omit<LeadStory, 'facts' | 'sentences'>, acts: { index: number; date: string | null; direction: string | null; channel: string | null }[]): StoryFact[] {
  const facts: StoryFact[] = [];
  const source = plainSource(s.came_in.source);
  facts.push({ kind: 'came_in', date: s.came_in.date, summary: `Lead created${source ? ` (${source})` : ''}.`, activity_index: null });
  for (const q of s.quotes) facts.push({ kind: 'quoted', date: q.sent_on, summary: `Quote ${q.id ?? ''} ${quoteText(q)} (${q.status ?? 'status unknown'}).`.replace('  ', ' '), activity_index: null });
  for (const a of acts) {
    const kind = KIND_OF[`${a.direction}:${a.channel}`] ?? (a.direction === 'inbound' ? 'customer_wrote' : a.direction === 'outbound' ? 'we_wrote' : 'note');
    facts.push({ kind, date: a.date, summary: `${a.direction ?? 'unknown direction'} ${CHANNEL[a.channel ?? ''] ?? a.channel ?? 'activity'}.`, activity_index: a.index });
  }
  if (s.callback) facts.push({ kind: 'callback_asked', date: s.callback.asked_on, summary: 'The customer asked for a call back.', activity_index: null });
  if (s.question) facts.push({ kind: 'question_asked', date: s.question.asked_on, summary: 'The customer asked a question.', activity_index: null });
  if (s.objection) facts.push({ kind: 'price_objection', date: s.objection.said_on, summary: 'The customer said the price was too high.', activity_index: null });
  if (s.date_moved) facts.push({ kind: 'date_moved', date: s.date_moved.told_on, summary: `The service date moved to ${s.date_moved.to}.`, activity_index: null });
  for (const p of s.unkept_promises) facts.push({ kind: 'promise_made', date: p.date, summary: `We promised ${p.what === 'call' ? 'a call' : 'a quote'}; it did not happen.`, activity_index: p.activity_index });
  for (const q of s.quotes) if (q.expired && q.valid_until) facts.push({ kind: 'quote_expired', date: q.valid_until, summary: `Quote ${q.id ?? ''} expired.`.replace('  ', ' '), activity_index: null });
  // Dated facts in time order (stable), undated at the end.
  return facts.map((f, i) => ({ f, i })).sort((a, b) => (a.f.date === null ? (b.f.date === null ? a.i - b.i : 1) : b.f.date === null ? -1 : a.f.date.localeCompare(b.f.date) || a.i - b.i)).map((x) => x.f);
}
