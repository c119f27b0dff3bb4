/**
 * Stories for customers who must not be contacted. Statuses are often stale on purpose: the
 * CRM says "quoted" while a note says they signed elsewhere.
 */
import { DAY } from './dates';
import type { StoryContext } from './story-context';
import { LOST_REASONS, daysFromAsOf, firstResponse, intake, loseWith, pickStatus, planDate, quoteStep } from './stories-common';
import { makeEmail } from './customer-profile';
import { DNC_TAGS, REFUSAL_LOST_REASONS, SMS_KEYWORDS } from './notes-crm';
import { BAD_EMAIL_DOMAINS, COMPETITORS } from './vocab';

/** The customer's own message; chat gets its own evidence kind (lower case, no apostrophes). */
function customerMessage(ctx: StoryContext, key: string, channels: readonly ('email' | 'sms' | 'chat' | 'call')[]): void {
  const channel = ctx.rng.pick(channels);
  ctx.customerSays(key, channel, channel === 'call' ? 'answered' : 'replied');
  ctx.truth.evidence = channel === 'chat' ? 'chat' : 'customer_message';
}

/** The rep's log of an outbound call (or, now and then, a site visit) with the customer's words in it. */
function conversationLog(ctx: StoryContext, key: string, visitRate = 0.15): void {
  const visit = ctx.rng.chance(visitRate);
  ctx.repLogsConversation(key, visit ? 'meeting' : 'call');
  ctx.truth.evidence = visit ? 'visit_log' : 'call_log';
}

/** Only the lost reason says it: no message, no note. Set after the status so nothing overwrites it. */
function onlyLostReason(ctx: StoryContext, reasons: readonly string[]): void {
  ctx.status = 'lost';
  ctx.lostReason = ctx.rng.pick(reasons);
  ctx.truth.evidence = 'lost_reason';
}

export function serviceDatePassed(ctx: StoryContext): void {
  const { rng } = ctx;
  // When the truth is "postponed" (hidden), the passed date is recent and nobody wrote it down.
  const postponedSecretly = ctx.truth.situation === 'date_postponed';
  const pastDays = postponedSecretly ? rng.int(4, 45) : rng.int(3, 330);
  const date = daysFromAsOf(ctx, -pastDays, -pastDays);
  planDate(ctx, date);
  const age = Math.min(425, pastDays + rng.int(12, 90));
  ctx.begin(age, Math.max(pastDays - rng.int(2, 12), 0));
  if (rng.chance(0.1)) ctx.dateInTextOnly = true;
  intake(ctx, ctx.dateInTextOnly ? 'full' : undefined);
  firstResponse(ctx);
  if (rng.chance(0.85)) quoteStep(ctx);
  ctx.unansweredFollowUps(rng.int(0, 2));
  if (!postponedSecretly && rng.chance(0.3)) {
    ctx.jumpTo(date + rng.int(1, 10) * DAY);
    ctx.customerSays('already_moved', rng.chance(0.7) ? 'email' : 'call');
  }
  pickStatus(ctx, [['quoted', 40], ['contacted', 15], ['dormant', 25], ['lost', 20]]);
  if (ctx.status === 'lost') loseWith(ctx, 'no_response');
}

export function bookedElsewhere(ctx: StoryContext): void {
  const { rng } = ctx;
  const when = rng.weighted([['future', 40], ['past', 35], ['none', 25]] as const);
  const date = when === 'future' ? daysFromAsOf(ctx, 5, 120) : when === 'past' ? daysFromAsOf(ctx, -200, -3) : null;
  planDate(ctx, date);
  if (when === 'past') ctx.truth.extraReasons.push('service_date_passed');
  const pastDays = date !== null && date < ctx.asOfMs ? (ctx.asOfMs - date) / DAY : 0;
  ctx.begin(Math.max(pastDays + rng.int(15, 60), rng.int(20, 300)), Math.max(pastDays, rng.int(3, 150)));
  ctx.vars.competitor = rng.pick(COMPETITORS);
  intake(ctx);
  firstResponse(ctx, 0.6);
  quoteStep(ctx);
  ctx.unansweredFollowUps(rng.int(0, 1));
  ctx.advance(2, 20);
  const how = rng.weighted([['customer', 36], ['note', 14], ['call_log', 24], ['both', 12], ['lost_reason', 10], ['quoted_in_ours', 4]] as const);
  if (how === 'customer' || how === 'both') customerMessage(ctx, 'booked_elsewhere', ['email', 'email', 'sms', 'chat']);
  if (how === 'quoted_in_ours') {
    ctx.repRepliesQuoting('ack_booked', 'booked_elsewhere');
    ctx.truth.evidence = 'quoted_in_ours';
  }
  if (how === 'call_log') conversationLog(ctx, 'booked_elsewhere', 0.2);
  if (how === 'note' || how === 'both') {
    if (how === 'note') ctx.repDoes('call_answered', 'call', 'answered');
    ctx.repNote('note_booked_elsewhere');
    if (how === 'note') ctx.truth.evidence = 'rep_note';
  }
  if (rng.chance(0.4)) ctx.settleQuote('rejected');
  pickStatus(ctx, [['quoted', 35], ['lost', 45], ['dormant', 20]]);
  if (ctx.status === 'lost') loseWith(ctx, rng.chance(0.8) ? 'competitor' : 'other');
  if (how === 'lost_reason') onlyLostReason(ctx, LOST_REASONS.competitor);
}

export function alreadyCustomer(ctx: StoryContext): void {
  const { rng } = ctx;
  const done = rng.chance(0.5);
  const date = done ? daysFromAsOf(ctx, -300, -3) : daysFromAsOf(ctx, 3, 120);
  planDate(ctx, date, rng.chance(0.8) ? 'exact' : null);
  const pastDays = done ? (ctx.asOfMs - date) / DAY : 0;
  ctx.begin(pastDays + rng.int(15, 100), done ? Math.max(0, pastDays - rng.int(2, 20)) : rng.int(1, 60));
  intake(ctx, 'full');
  firstResponse(ctx, 0.8);
  quoteStep(ctx);
  ctx.advance(1, 8);
  ctx.customerSays('thanks_considering');
  ctx.advance(1, 10);
  ctx.settleQuote('accepted');
  ctx.repNote('note_won');
  if (done && rng.chance(0.6)) {
    ctx.jumpTo(date + DAY);
    ctx.repNote('note_job_done');
  }
  // Some reps never move the deal to "won": the accepted quote and the note tell the story.
  pickStatus(ctx, [['won', 85], ['negotiating', 8], ['quoted', 7]]);
}

export function noLongerNeeded(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, rng.chance(0.5) ? daysFromAsOf(ctx, 10, 150) : null);
  ctx.begin(rng.int(20, 380), rng.int(5, 200));
  intake(ctx);
  firstResponse(ctx);
  if (rng.chance(0.75)) quoteStep(ctx);
  ctx.unansweredFollowUps(rng.int(0, 1));
  ctx.advance(2, 30);
  // Cancelled, staying put, or did it themselves: said by the customer, logged on our call, or only the lost reason.
  const how = rng.weighted([['customer', 55], ['call_log', 30], ['lost_reason', 15]] as const);
  if (how === 'customer') customerMessage(ctx, 'not_needed', ['email', 'email', 'email', 'call', 'chat']);
  else if (how === 'call_log') conversationLog(ctx, 'not_needed');
  pickStatus(ctx, [['quoted', 35], ['lost', 40], ['dormant', 25]]);
  if (ctx.status === 'lost') loseWith(ctx, 'not_moving');
  if (how === 'lost_reason') onlyLostReason(ctx, LOST_REASONS.not_moving);
}

export function askedNotToContact(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, rng.chance(0.5) ? daysFromAsOf(ctx, 10, 150) : null);
  ctx.begin(rng.int(15, 400), rng.int(2, 250));
  intake(ctx);
  firstResponse(ctx, 0.3);
  if (rng.chance(0.7)) quoteStep(ctx);
  ctx.unansweredFollowUps(rng.int(1, 3), 1, 5);
  ctx.advance(0.5, 5);
  const how = rng.weighted([['customer', 30], ['chat', 5], ['sms_keyword', 14], ['call_log', 16], ['rep_note', 11], ['tag', 10],
    ['lost_reason', 10], ['quoted_in_ours', 4]] as const);
  if (how === 'customer') {
    customerMessage(ctx, 'dont_contact', ['email', 'sms', 'email']);
    if (rng.chance(0.3)) ctx.repNote('note_dnc');
  } else if (how === 'chat') {
    customerMessage(ctx, 'dont_contact', ['chat']);
  } else if (how === 'sms_keyword') {
    // Our SMS, then the carrier-style keyword reply (sometimes in English whatever the language).
    ctx.repDoes('our_sms', 'sms', 'sent');
    ctx.advance(0.01, 1);
    ctx.customerWrites(rng.pick(SMS_KEYWORDS[rng.chance(0.7) ? ctx.lang : 'en']), 'sms', 'replied');
    ctx.truth.evidence = 'sms_keyword';
  } else if (how === 'call_log') {
    conversationLog(ctx, 'refused', 0.05);
  } else if (how === 'rep_note') {
    ctx.repDoes('call_answered', 'call', 'answered');
    ctx.repNote('note_dnc');
    ctx.truth.evidence = 'rep_note';
  } else if (how === 'quoted_in_ours') {
    ctx.repRepliesQuoting('ack_refusal', 'dont_contact');
    ctx.truth.evidence = 'quoted_in_ours';
  } else if (how === 'tag') {
    ctx.tags.push(rng.pick(DNC_TAGS));
    ctx.truth.evidence = 'tag';
  }
  pickStatus(ctx, [['lost', 40], ['dormant', 30], ['quoted', 30]]);
  if (ctx.status === 'lost') loseWith(ctx, 'other');
  if (how === 'lost_reason') onlyLostReason(ctx, REFUSAL_LOST_REASONS);
}

export function invalidContact(ctx: StoryContext): void {
  const { rng, customer } = ctx;
  planDate(ctx, rng.chance(0.5) ? daysFromAsOf(ctx, 5, 150) : null);
  ctx.begin(rng.int(5, 400), rng.int(1, 200));
  customer.email = makeEmail(rng, customer.firstName, customer.lastName, ctx.lang).replace(/@.*/, `@${rng.pick(BAD_EMAIL_DOMAINS)}`);
  const phone = rng.weighted([['wrong', 55], ['missing', 45]] as const);
  if (phone === 'missing') ctx.phoneMissing = true;
  intake(ctx);
  ctx.advance(0.02, 1);
  ctx.repDoes('first_email', 'email', 'sent');
  ctx.system('bounced', 'email', 'bounced');
  if (phone === 'wrong') {
    ctx.advance(0.1, 3);
    ctx.repDoes('invalid_number', 'call', 'invalid_number');
  }
  if (rng.chance(0.3)) ctx.repNote('note_misc');
  pickStatus(ctx, [['new', 30], ['contacted', 40], ['dormant', 30]]);
}

export function complaint(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, rng.chance(0.5) ? daysFromAsOf(ctx, -60, 120) : null);
  ctx.begin(rng.int(10, 380), rng.int(2, 250));
  intake(ctx);
  // The complaint is often about being chased: several calls in quick succession.
  ctx.unansweredFollowUps(rng.int(2, 4), 0.05, 1);
  if (rng.chance(0.6)) quoteStep(ctx);
  ctx.advance(0.5, 6);
  if (rng.chance(0.78)) customerMessage(ctx, 'complaint', ['email', 'email', 'email', 'email', 'chat']);
  else conversationLog(ctx, 'complaint', 0.1);
  if (rng.chance(0.5)) ctx.repNote('note_complaint');
  pickStatus(ctx, [['lost', 50], ['dormant', 30], ['contacted', 20]]);
  if (ctx.status === 'lost') loseWith(ctx, 'other');
}

export function legalDispute(ctx: StoryContext): void {
  const { rng } = ctx;
  const pastDays = rng.int(20, 330);
  const date = daysFromAsOf(ctx, -pastDays, -pastDays);
  planDate(ctx, date, 'exact');
  ctx.begin(Math.min(425, pastDays + rng.int(15, 80)), Math.max(1, pastDays - rng.int(5, 60)));
  intake(ctx, 'full');
  firstResponse(ctx, 0.8);
  quoteStep(ctx);
  ctx.advance(1, 7);
  ctx.settleQuote('accepted');
  ctx.repNote('note_won');
  ctx.jumpTo(date + rng.int(1, 5) * DAY);
  if (rng.chance(0.8)) customerMessage(ctx, 'legal', ['email']);
  else conversationLog(ctx, 'legal', 0.2);
  if (rng.chance(0.7)) ctx.repNote('note_legal');
  ctx.tags.push('claim');
  pickStatus(ctx, [['won', 50], ['lost', 30], ['dormant', 20]]);
  if (ctx.status === 'lost') loseWith(ctx, 'other');
}

export function sensitiveCircumstances(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, rng.chance(0.6) ? daysFromAsOf(ctx, 10, 150) : null);
  ctx.begin(rng.int(15, 300), rng.int(3, 200));
  intake(ctx);
  firstResponse(ctx);
  if (rng.chance(0.7)) quoteStep(ctx);
  ctx.advance(2, 25);
  const how = rng.weighted([['customer', 50], ['call_log', 28], ['rep_note', 22]] as const);
  if (how === 'customer') customerMessage(ctx, 'sensitive', ['email', 'email', 'call']);
  else if (how === 'call_log') conversationLog(ctx, 'sensitive', 0.1);
  else {
    ctx.repDoes('call_answered', 'call', 'answered');
    ctx.repNote('note_sensitive');
    ctx.truth.evidence = 'rep_note';
  }
  pickStatus(ctx, [['dormant', 40], ['quoted', 40], ['contacted', 20]]);
}
