/**
 * The workspace a story writes into: a time cursor that only moves forward and never passes the
 * story's limit (so every activity is <= as_of and dormant leads stay dormant), plus the
 * activities, quotes and fields the story decides.
 */
import type { Activity, Quote } from '../../server/domain/lead';
import type { CustomerTruth } from './customer-truth';
import { DAY, MINUTE, isoDate, isoDateTime, startOfDay } from './dates';
import { CUSTOMER, type Phrases } from './notes-customer';
import { REP } from './notes-rep';
import type { Rng } from './prng';
import { dayText, fill, moneyText, monthGenitive, monthName, sloppy } from './text';
import { REP_LANG, type Lang } from './vocab';
import type { Customer } from './customer-profile';

type Status = 'new' | 'contacted' | 'quoted' | 'negotiating' | 'won' | 'lost' | 'dormant';
type QuoteStatus = 'sent' | 'accepted' | 'rejected' | 'expired' | 'withdrawn';

export class StoryContext {
  /** Time cursor (epoch ms). */
  t = 0;
  createdMs = 0;
  /** No activity may happen after this instant. */
  limit = 0;
  readonly activities: Activity[] = [];
  readonly quotes: Quote[] = [];
  readonly vars: Record<string, string>;
  status: Status = 'contacted';
  lostReason: string | null = null;
  serviceDateMs: number | null = null;
  dateFlexibility: 'exact' | 'week' | 'month' | 'unknown' | null = null;
  /** Set by stories that decide the record must look sparse (no route, no size...). */
  sparse = false;
  createdAtHidden = false;
  /** The service date is only mentioned in text; the field stays empty. */
  dateInTextOnly = false;
  phoneMissing = false;
  emailMissing = false;
  duplicateOf: string | null = null;
  readonly tags: string[] = [];
  /** Latest quote amount, for notes that refer to it. */
  quoteAmount: number | null = null;

  constructor(
    readonly rng: Rng,
    readonly truth: CustomerTruth,
    readonly customer: Customer,
    readonly rep: string,
    readonly asOfMs: number,
  ) {
    this.vars = {
      origin: customer.origin, destination: customer.destination, size: customer.profile.size,
      name: customer.firstName, rep, date: '', month: '', month_gen: '', amount: '', budget: '', competitor: '', quote: 'Q1',
    };
  }

  get lang(): Lang {
    return this.truth.lang;
  }

  /**
   * Starts the timeline `ageDays` before as_of; the last activity is at least `silenceDays` old.
   * The silence gives way where needed so the story keeps `minSpanDays` to play out in.
   */
  begin(ageDays: number, silenceDays: number, minSpanDays = 10): void {
    const span = Math.min(minSpanDays, ageDays - 1);
    const silence = Math.max(0, Math.min(silenceDays, ageDays - Math.max(1, span)));
    this.createdMs = startOfDay(this.asOfMs - ageDays * DAY) + this.rng.int(6 * 60, 22 * 60) * MINUTE;
    this.limit = this.asOfMs - silence * DAY - this.rng.int(60, 600) * MINUTE;
    if (this.limit <= this.createdMs) this.limit = Math.min(this.asOfMs - MINUTE, this.createdMs + 6 * 60 * MINUTE);
    this.t = this.createdMs;
  }

  /** Moves the cursor forward by a gap of [min, max] days; never more than half the remaining room. */
  advance(minDays: number, maxDays: number): void {
    const room = this.limit - this.t;
    if (room <= 0) return;
    const wanted = this.rng.real(minDays, maxDays) * DAY + this.rng.int(5, 240) * MINUTE;
    this.t += Math.max(MINUTE, Math.min(wanted, room / 2));
  }

  /** Jumps forward to `ms` (e.g. "after the move date"), but never past the limit. */
  jumpTo(ms: number): void {
    if (ms > this.t) this.t = Math.max(this.t, Math.min(ms, this.limit));
  }

  lastActivityMs(): number {
    const last = this.activities[this.activities.length - 1];
    return last?.at ? Date.parse(last.at) : this.createdMs;
  }

  private push(activity: Activity): void {
    if (activity.author?.startsWith('rep:')) this.toHours(7, 19);
    else if (activity.author === 'customer') this.toHours(7, 23);
    this.activities.push({ at: isoDateTime(this.t), ...activity });
    // Consecutive entries are minutes apart, but never past the limit (as_of / dormancy).
    this.t = Math.max(this.t, Math.min(this.t + this.rng.int(1, 30) * MINUTE, this.limit));
  }

  /** People act in daytime: an action at night moves to the next morning, if there is room. */
  private toHours(fromHour: number, toHour: number): void {
    const day = startOfDay(this.t);
    const hour = (this.t - day) / (60 * MINUTE);
    if (hour >= fromHour && hour < toHour) return;
    const morning = (hour < fromHour ? day : day + DAY) + this.rng.int(fromHour * 60 + 20, (fromHour + 3) * 60) * MINUTE;
    if (morning <= this.limit) this.t = morning;
  }

  /** The day the {date}/{month} placeholders refer to, so each language can write it its own way. */
  private dateVarMs: number | null = null;

  setDateVars(ms: number): void {
    this.dateVarMs = ms;
    Object.assign(this.vars, this.dateVars(ms, this.lang));
  }

  private dateVars(ms: number, lang: Lang): Record<string, string> {
    return { date: dayText(this.rng, ms, lang), month: monthName(ms, lang), month_gen: monthGenitive(ms, lang) };
  }

  phrase(bank: Phrases, lang: Lang = this.lang): string {
    const template = this.rng.pick(bank[lang]);
    // A German rep's note on an English lead writes "3. März", not "March 3".
    if (lang !== this.lang && this.dateVarMs !== null && /\{(date|month)/.test(template)) {
      return fill(template, { ...this.vars, ...this.dateVars(this.dateVarMs, lang) });
    }
    return fill(template, this.vars);
  }

  /** Something the customer wrote or said. */
  customerSays(key: string, channel: Activity['channel'] = 'email', outcome: string | null = 'replied'): void {
    const text = sloppy(this.rng, this.phrase(CUSTOMER[key]), 0.3);
    // Reps log an inbound call they took as "answered", an email as "replied".
    const logged = channel === 'call' && outcome === 'replied' ? 'answered' : outcome;
    this.push({ channel, direction: 'inbound', author: 'customer', outcome: logged, text });
  }

  /** An outbound touch (call or email) by the rep. Customer-facing emails use the lead's language. */
  repDoes(key: string, channel: 'call' | 'email' | 'sms', outcome: string | null): void {
    const lang = channel === 'call' ? this.noteLang() : this.lang;
    const text = sloppy(this.rng, this.phrase(REP[key], lang), channel === 'call' ? 0.4 : 0.1);
    this.push({ channel, direction: 'outbound', author: `rep:${this.rep}`, outcome, text });
  }

  /** An internal note; reps often write their own language even on foreign leads. */
  repNote(key: string): void {
    const text = sloppy(this.rng, this.phrase(REP[key], this.noteLang()), 0.45);
    this.push({ channel: 'note', direction: 'internal', author: `rep:${this.rep}`, outcome: null, text });
  }

  /** A system event (bounce). */
  system(key: string, channel: 'email' | 'call', outcome: string): void {
    this.push({ channel, direction: 'outbound', author: 'system', outcome, text: this.phrase(REP[key], 'en') });
  }

  private noteLang(): Lang {
    const own = REP_LANG[this.rep] ?? 'en';
    if (own === this.lang) return own;
    return this.rng.chance(0.3) ? own : 'en';
  }

  /** Sends a quote: the quote record plus the outbound email announcing it. */
  sendQuote(status: QuoteStatus = 'sent', amount = this.customer.price): void {
    this.toHours(7, 19);
    const id = `Q${this.quotes.length + 1}`;
    const currency = this.customer.currency;
    const validUntil = this.rng.chance(0.6) ? isoDate(this.t + this.rng.pick([14, 30, 30, 60]) * DAY) : undefined;
    const quote: Quote = { id, sent_at: isoDateTime(this.t), amount, currency, status };
    if (validUntil) quote.valid_until = validUntil;
    else if (this.rng.chance(0.5)) quote.valid_until = null;
    this.quotes.push(quote);
    this.quoteAmount = amount;
    this.vars.quote = id;
    this.vars.amount = moneyText(this.rng, amount, this.lang, currency);
    this.repDoes('quote_sent', 'email', 'sent');
  }

  /** Marks the latest quote with a final status (accepted, rejected, withdrawn...). */
  settleQuote(status: QuoteStatus): void {
    const last = this.quotes[this.quotes.length - 1];
    if (last) last.status = status;
  }

  /** `n` outbound attempts that got nowhere: calls without answer, voicemails, unanswered emails. */
  unansweredFollowUps(n: number, minGap = 2, maxGap = 9): void {
    for (let i = 0; i < n; i++) {
      this.advance(minGap, maxGap);
      const kind = this.rng.int(0, 2);
      if (kind === 0) this.repDoes('call_no_answer', 'call', 'no_answer');
      else if (kind === 1) this.repDoes('call_voicemail', 'call', 'voicemail');
      // Before a quote exists there is nothing to "follow up" on: ask for details instead.
      else this.repDoes(this.quotes.length > 0 ? 'follow_up' : 'first_email', 'email', 'sent');
    }
  }

  /** Irrelevant-but-realistic internal notes sprinkled in. */
  maybeMiscNote(probability = 0.25): void {
    if (this.rng.chance(probability)) this.repNote('note_misc');
  }
}
