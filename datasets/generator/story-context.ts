/**
 * The workspace a story writes into: a time cursor that only moves forward and never passes the
 * story's limit (so every activity is <= as_of and dormant leads stay dormant), plus the
 * activities, quotes and fields the story decides.
 */
import type { Activity, Quote } from '../../server/domain/lead';
import type { CustomerTruth } from './customer-truth';
import { DAY, MINUTE, isoDate, isoDateTime, startOfDay } from './dates';
import { CUSTOMER, type Phrases } from './notes-customer';
import { CALL_LOG, CALL_PREFIX, OUR_FOOTERS, OUR_QUOTE_HEADERS, QUOTE_HEADERS, VISIT_PREFIX } from './notes-crm';
import { REP } from './notes-rep';
import type { Rng } from './prng';
import { chatStyle, dayText, fill, moneyText, monthGenitive, monthLocative, monthName, sloppy } from './text';
import { REP_LANG, type Lang, type RepLang } from './vocab';
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
      name: customer.firstName, rep, Rep: `${rep[0].toUpperCase()}${rep.slice(1)} (Kranich & Roda)`, date: '', month: '',
      month_gen: '', month_loc: '', amount: '', budget: '', competitor: '', quote: 'Q1', qdate: '',
    };
  }

  get lang(): Lang {
    return this.truth.lang;
  }

  /**
   * The language of our emails and SMS to this customer: theirs when our reps write it, Croatian
   * for Serbian/Bosnian speakers (the Zagreb office), English for everyone else.
   */
  get facingLang(): RepLang {
    const lang = this.lang;
    if (lang === 'en' || lang === 'de' || lang === 'hr') return lang;
    return lang === 'sr' ? 'hr' : 'en';
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
    return {
      date: dayText(this.rng, ms, lang), month: monthName(ms, lang), month_gen: monthGenitive(ms, lang), month_loc: monthLocative(ms, lang),
    };
  }

  /** A bank without the language: Serbian/Bosnian reads Croatian, everyone else English. */
  phrase(bank: Phrases, lang: Lang = this.lang): string {
    if (!bank[lang]) lang = lang === 'sr' ? 'hr' : 'en';
    const template = this.rng.pick(bank[lang]!);
    // A German rep's note on an English lead writes "3. März", not "March 3".
    if (lang !== this.lang && this.dateVarMs !== null && /\{(date|month)/.test(template)) {
      return fill(template, { ...this.vars, ...this.dateVars(this.dateVarMs, lang) });
    }
    return fill(template, this.vars);
  }

  /** Something the customer wrote or said. */
  customerSays(key: string, channel: Activity['channel'] = 'email', outcome: string | null = 'replied'): void {
    this.customerWrites(sloppy(this.rng, this.phrase(CUSTOMER[key]), 0.3), channel, outcome);
  }

  /**
   * A customer text as it lands in the CRM: chat in lower case without apostrophes, and an email
   * reply often with our earlier email quoted below it (footer and all).
   */
  customerWrites(text: string, channel: Activity['channel'] = 'email', outcome: string | null = 'replied'): void {
    if (channel === 'chat' && this.rng.chance(0.75)) text = chatStyle(this.rng, text);
    else if (channel === 'sms' && this.rng.chance(0.3)) text = chatStyle(this.rng, text);
    if (channel === 'email' && outcome === 'replied' && this.rng.chance(0.35)) text += this.quotedEarlierEmail();
    // Reps log an inbound call they took as "answered", an email as "replied".
    const logged = channel === 'call' && outcome === 'replied' ? 'answered' : outcome;
    this.push({ channel, direction: 'inbound', author: 'customer', outcome: logged, text });
  }

  /** "On 3 Nov 2026 at 10:12, Sarah wrote:" and our last email, each line quoted with "> ". */
  private quotedEarlierEmail(): string {
    let ours: Activity | undefined;
    for (let i = this.activities.length - 1; i >= 0 && !ours; i--) {
      const a = this.activities[i];
      if (a.direction === 'outbound' && a.channel === 'email' && a.author?.startsWith('rep:') && a.text) ours = a;
    }
    if (!ours?.at) return '';
    const at = ours.at;
    const [y, mo, d] = at.slice(0, 10).split('-');
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    this.vars.qdate = this.lang === 'en' ? `${Number(d)} ${months[Number(mo) - 1]} ${y} at ${at.slice(11, 16)}` : `${d}.${mo}.${y} ${at.slice(11, 16)}`;
    const header = fill(this.rng.pick(QUOTE_HEADERS[this.lang]), this.vars);
    const quoted = ours.text!.split('\n').map((line) => `> ${line}`).join('\n');
    return `\n\n${header}\n${quoted}`;
  }

  /**
   * Our reply to a customer email that the CRM never logged (sent mail is logged by BCC): the
   * customer's words exist only quoted below our text.
   */
  repRepliesQuoting(key: string, customerKey: string): void {
    const theirs = sloppy(this.rng, this.phrase(CUSTOMER[customerKey]), 0.3);
    const theirAt = this.t;
    this.advance(0.02, 1);
    const lang = this.facingLang;
    const [y, mo, d] = isoDate(theirAt).split('-');
    this.vars.qdate = `${d}.${mo}.${y} ${isoDateTime(theirAt).slice(11, 16)}`;
    const header = fill(this.rng.pick(OUR_QUOTE_HEADERS[lang]), { ...this.vars, name: this.customer.firstName, email: this.customer.email });
    const ours = sloppy(this.rng, this.phrase(REP[key], lang), 0.1);
    const quoted = theirs.split('\n').map((line) => `> ${line}`).join('\n');
    this.push({ channel: 'email', direction: 'outbound', author: `rep:${this.rep}`, outcome: 'sent', text: `${ours}\n\n${header}\n${quoted}` });
  }

  /** An outbound touch (call, email or SMS) by the rep. Emails and SMS use the customer-facing language. */
  repDoes(key: string, channel: 'call' | 'email' | 'sms', outcome: string | null): void {
    const lang = channel === 'call' ? this.noteLang() : this.facingLang;
    let text = sloppy(this.rng, this.phrase(REP[key], lang), channel === 'call' ? 0.4 : 0.1);
    // Our own chasers often end with an opt-out line: refusal words that are ours, not the customer's.
    const footerRate = key === 'follow_up' || key === 'first_email' ? 0.4 : key === 'quote_sent' ? 0.15 : 0;
    if (channel === 'email' && footerRate > 0 && this.rng.chance(footerRate)) {
      text += `\n\n${this.phrase(OUR_FOOTERS, lang)}`;
    }
    this.push({ channel, direction: 'outbound', author: `rep:${this.rep}`, outcome, text });
  }

  /**
   * The rep's log of an outbound call or a site visit that records what the customer said
   * ("Called: customer said they went with another mover"): where most CRMs keep it.
   */
  repLogsConversation(key: string, channel: 'call' | 'meeting' = 'call'): void {
    const lang = this.noteLang();
    const prefix = this.phrase(channel === 'call' ? CALL_PREFIX : VISIT_PREFIX, lang);
    const text = sloppy(this.rng, `${prefix}${this.phrase(CALL_LOG[key], lang)}`, 0.4);
    const outcome = channel === 'call' ? 'answered' : this.rng.pick(['completed', 'held', null]);
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

  private noteLang(): RepLang {
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
    this.vars.amount = moneyText(this.rng, amount, this.facingLang, currency);
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
      else if (kind === 1 && this.rng.chance(0.25)) this.repDoes('our_sms', 'sms', 'sent');
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
