/**
 * Stories for customers worth re-contacting now (contact) or later (wait), plus the deliberately
 * ambiguous competitor case. Each also renders hidden truths: a customer who secretly booked
 * elsewhere goes through exactly the same story as one who is still deciding.
 */
import { DAY, startOfDay, startOfNextMonth } from './dates';
import type { StoryContext } from './story-context';
import { daysFromAsOf, firstResponse, intake, loseWith, money, pickStatus, planDate, quoteStep } from './stories-common';

/**
 * Silence of `silence` days after a story of `span` days. Recoverable leads are dormant by
 * construction: an outbound touch in the last two weeks would make them "recently contacted".
 */
function dormantFor(ctx: StoryContext, silence: [number, number], span: [number, number]): void {
  const days = ctx.rng.int(silence[0], silence[1]);
  ctx.begin(days + ctx.rng.int(span[0], span[1]), days, span[0]);
}

/** Contact reasons belong to the truth only when the story is the truth (not a decoy). */
function addReason(ctx: StoryContext, reason: string): void {
  if (!ctx.truth.hidden) ctx.truth.extraReasons.push(reason);
}

export function upcomingServiceDate(ctx: StoryContext): void {
  const { rng } = ctx;
  const inDays = rng.int(7, 60);
  planDate(ctx, daysFromAsOf(ctx, inDays, inDays));
  dormantFor(ctx, [14, 40], [10, 90]);
  intake(ctx, 'full');
  firstResponse(ctx);
  quoteStep(ctx);
  addReason(ctx, 'quote_no_decision');
  if (rng.chance(0.4)) {
    ctx.advance(0.5, 5);
    ctx.customerSays('thanks_considering');
  }
  ctx.unansweredFollowUps(rng.int(0, 2));
  pickStatus(ctx, [['quoted', 60], ['contacted', 15], ['dormant', 15], ['negotiating', 10]]);
}

export function quoteNoDecision(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, rng.chance(0.5) ? null : daysFromAsOf(ctx, 61, 115));
  dormantFor(ctx, [14, 90], [10, 100]);
  intake(ctx);
  firstResponse(ctx);
  quoteStep(ctx);
  const reply = rng.weighted([['none', 45], ['thanks_considering', 30], ['question', 15], ['not_booked_yet', 10]] as const);
  if (reply !== 'none') {
    ctx.advance(0.5, 6);
    ctx.customerSays(reply);
  }
  ctx.unansweredFollowUps(rng.int(0, 2));
  pickStatus(ctx, [['quoted', 70], ['dormant', 20], ['negotiating', 10]]);
}

export function engagedThenSilent(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, rng.chance(0.4) ? null : daysFromAsOf(ctx, 30, 110));
  dormantFor(ctx, [14, 60], [14, 90]);
  intake(ctx);
  firstResponse(ctx, 0.7);
  quoteStep(ctx);
  // Real back-and-forth: two or three questions answered, then nothing.
  const rounds = rng.int(2, 3);
  for (let i = 0; i < rounds; i++) {
    ctx.advance(0.3, 4);
    ctx.customerSays('question', rng.chance(0.8) ? 'email' : 'chat');
    ctx.advance(0.05, 1);
    ctx.repDoes('answer_question', 'email', 'sent');
  }
  if (rng.chance(0.4)) ctx.unansweredFollowUps(1);
  pickStatus(ctx, [['negotiating', 60], ['quoted', 40]]);
}

export function priceObjectionOpen(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, rng.chance(0.3) ? null : daysFromAsOf(ctx, 20, 110));
  dormantFor(ctx, [14, 60], [10, 90]);
  intake(ctx);
  firstResponse(ctx);
  quoteStep(ctx);
  // Close enough to negotiate: the budget is 82-97% of our price.
  const budget = Math.round(((ctx.quoteAmount ?? ctx.customer.price) * rng.real(0.82, 0.97)) / 50) * 50;
  ctx.vars.budget = money(ctx, budget);
  ctx.advance(0.5, 6);
  ctx.customerSays('price_objection', rng.chance(0.75) ? 'email' : 'call', 'replied');
  if (rng.chance(0.4)) {
    ctx.advance(0.1, 2);
    ctx.repDoes('answer_question', 'email', 'sent');
  }
  pickStatus(ctx, [['negotiating', 60], ['quoted', 40]]);
}

export function callbackRequested(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, rng.chance(0.4) ? null : daysFromAsOf(ctx, 20, 110));
  dormantFor(ctx, [14, 45], [5, 90]);
  intake(ctx);
  if (rng.chance(0.5)) quoteStep(ctx);
  ctx.advance(0.5, 6);
  if (rng.chance(0.25)) ctx.repLogsConversation('callback', 'call');
  else ctx.customerSays('callback', rng.pick(['email', 'call', 'sms', 'chat'] as const), 'replied');
  // The rep promises to call back, and then nobody does: that is the whole point of this lead.
  if (rng.chance(0.4)) ctx.repNote('note_callback');
  pickStatus(ctx, [['contacted', 50], ['quoted', 50]]);
}

export function reEngaged(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, rng.chance(0.6) ? null : daysFromAsOf(ctx, 20, 120));
  ctx.begin(rng.int(60, 330), rng.int(2, 40));
  intake(ctx);
  firstResponse(ctx, 0.3);
  quoteStep(ctx);
  ctx.unansweredFollowUps(rng.int(2, 3));
  // Marked lost for silence... and then the customer wrote back, unanswered.
  ctx.advance(30, 200);
  ctx.jumpTo(ctx.limit);
  ctx.customerSays('reengaged', rng.chance(0.8) ? 'email' : 'form', 'replied');
  loseWith(ctx, 'no_response');
  if (rng.chance(0.15)) ctx.status = 'dormant';
}

export function datePostponed(ctx: StoryContext): void {
  const { rng } = ctx;
  const oldDate = rng.chance(0.75) ? daysFromAsOf(ctx, -60, -3) : daysFromAsOf(ctx, 2, 20);
  const newDate = daysFromAsOf(ctx, 20, 100);
  planDate(ctx, oldDate);
  const oldPast = Math.max(0, (ctx.asOfMs - oldDate) / DAY);
  const silence = Math.max(14, Math.min(oldPast + rng.int(-10, 5), 50));
  ctx.begin(Math.max(oldPast + rng.int(20, 80), silence + 15), silence, 15);
  intake(ctx, 'full');
  firstResponse(ctx, 0.6);
  quoteStep(ctx);
  ctx.advance(2, 20);
  // The field keeps the old date; only the text knows the new one.
  ctx.setDateVars(newDate);
  if (rng.chance(0.65)) ctx.customerSays('postponed', rng.chance(0.7) ? 'email' : 'call', 'replied');
  else if (rng.chance(0.5)) ctx.repLogsConversation('postponed', 'call');
  else {
    ctx.repDoes('call_answered', 'call', 'answered');
    ctx.repNote('note_postponed');
  }
  pickStatus(ctx, [['quoted', 50], ['dormant', 30], ['negotiating', 20]]);
}

export function recentlyContacted(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, rng.chance(0.3) ? null : daysFromAsOf(ctx, 14, 120));
  const silence = rng.int(1, 12);
  ctx.begin(silence + rng.int(2, 30), silence);
  intake(ctx);
  firstResponse(ctx, 0.6);
  // Our own last touch (the quote or a follow-up) is exactly `silence` days old.
  if (rng.chance(0.5)) {
    ctx.jumpTo(ctx.limit);
    quoteStep(ctx);
  } else {
    quoteStep(ctx);
    ctx.jumpTo(ctx.limit);
    if (rng.chance(0.5)) ctx.repDoes('follow_up', 'email', 'sent');
    else ctx.repDoes('call_voicemail', 'call', 'voicemail');
  }
  // Give the customer two weeks from our last touch before chasing again.
  ctx.truth.recontactAfterMs = startOfDay(ctx.lastActivityMs()) + 14 * DAY;
  pickStatus(ctx, [['quoted', 60], ['contacted', 40]]);
}

export function tooEarly(ctx: StoryContext): void {
  const { rng } = ctx;
  const date = daysFromAsOf(ctx, 130, 330);
  planDate(ctx, date, rng.chance(0.5) ? 'month' : undefined);
  dormantFor(ctx, [14, 60], [5, 90]);
  intake(ctx, 'full');
  firstResponse(ctx);
  if (rng.chance(0.6)) {
    ctx.advance(0.2, 3);
    ctx.customerSays('too_early', rng.chance(0.7) ? 'email' : 'call', 'replied');
  }
  if (rng.chance(0.6)) quoteStep(ctx);
  // Re-open about three months before the move, when quotes become binding decisions.
  ctx.truth.recontactAfterMs = date - 90 * DAY;
  pickStatus(ctx, [['contacted', 40], ['quoted', 40], ['dormant', 20]]);
}

export function customerAskedToWait(ctx: StoryContext): void {
  const { rng } = ctx;
  const resume = startOfNextMonth(ctx.asOfMs + rng.int(0, 100) * DAY);
  planDate(ctx, rng.chance(0.5) ? null : resume + rng.int(14, 90) * DAY);
  dormantFor(ctx, [14, 80], [5, 90]);
  intake(ctx);
  firstResponse(ctx);
  if (rng.chance(0.7)) quoteStep(ctx);
  ctx.advance(0.5, 10);
  ctx.setDateVars(resume);
  if (rng.chance(0.7)) ctx.customerSays('wait', rng.chance(0.6) ? 'email' : 'call', 'replied');
  else if (rng.chance(0.5)) ctx.repLogsConversation('wait', 'call');
  else {
    ctx.repDoes('call_answered', 'call', 'answered');
    ctx.repNote('note_wait');
  }
  ctx.truth.recontactAfterMs = resume;
  pickStatus(ctx, [['contacted', 35], ['quoted', 45], ['dormant', 20]]);
}

/** "We'll probably go with someone else": the truth is decided elsewhere, 50/50. */
export function ambiguousCompetitor(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, rng.chance(0.4) ? null : daysFromAsOf(ctx, 20, 110));
  dormantFor(ctx, [14, 60], [10, 90]);
  intake(ctx);
  firstResponse(ctx);
  quoteStep(ctx);
  ctx.advance(1, 8);
  ctx.customerSays('ambiguous', rng.chance(0.8) ? 'email' : 'call', 'replied');
  pickStatus(ctx, [['quoted', 70], ['dormant', 30]]);
}
