/**
 * Stories for customers who may be contacted but are not worth it. None of them has a passed
 * service date: that would make them do_not_contact (precedence), which is a different truth.
 */
import type { StoryContext } from './story-context';
import { daysFromAsOf, firstResponse, intake, loseWith, money, pickStatus, planDate, quoteStep } from './stories-common';

export function lowIntent(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, rng.chance(0.8) ? null : daysFromAsOf(ctx, 60, 200), rng.chance(0.7) ? 'unknown' : undefined);
  ctx.begin(rng.int(16, 330), rng.int(14, 200));
  intake(ctx, rng.chance(0.6) ? 'curious' : 'no_date');
  firstResponse(ctx, 0.4);
  if (rng.chance(0.6)) quoteStep(ctx);
  if (rng.chance(0.45)) {
    ctx.advance(1, 10);
    ctx.customerSays('just_browsing', rng.chance(0.7) ? 'email' : 'call', rng.chance(0.7) ? 'replied' : 'answered');
  }
  ctx.unansweredFollowUps(rng.int(0, 2));
  pickStatus(ctx, [['contacted', 30], ['quoted', 30], ['dormant', 25], ['lost', 15]]);
  if (ctx.status === 'lost') loseWith(ctx, rng.chance(0.5) ? 'no_response' : 'other');
}

export function insufficientData(ctx: StoryContext): void {
  const { rng } = ctx;
  ctx.sparse = true;
  planDate(ctx, null, rng.chance(0.5) ? null : 'unknown');
  ctx.begin(rng.int(15, 400), rng.int(14, 300));
  if (rng.chance(0.5)) ctx.phoneMissing = true;
  else ctx.emailMissing = true;
  intake(ctx, 'sparse');
  const attempts = rng.int(0, 2);
  for (let i = 0; i < attempts; i++) {
    ctx.advance(0.1, 5);
    if (ctx.phoneMissing) ctx.repDoes('first_email', 'email', 'sent');
    else ctx.repDoes('call_no_answer', 'call', 'no_answer');
  }
  pickStatus(ctx, attempts === 0 ? [['new', 80], ['dormant', 20]] : [['new', 20], ['contacted', 60], ['dormant', 20]]);
}

export function priceGap(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, rng.chance(0.6) ? daysFromAsOf(ctx, 15, 160) : null);
  ctx.begin(rng.int(20, 300), rng.int(14, 200));
  intake(ctx);
  firstResponse(ctx);
  quoteStep(ctx);
  // The customer's budget is far below anything we can do (35-65% of the quote).
  const budget = Math.max(50, Math.round(((ctx.quoteAmount ?? ctx.customer.price) * rng.real(0.35, 0.65)) / 50) * 50);
  ctx.vars.budget = money(ctx, budget);
  ctx.advance(1, 10);
  ctx.customerSays('price_objection', rng.chance(0.7) ? 'email' : 'call', rng.chance(0.7) ? 'replied' : 'answered');
  if (rng.chance(0.4)) ctx.repNote('note_price_gap');
  if (rng.chance(0.5)) ctx.settleQuote('rejected');
  pickStatus(ctx, [['lost', 45], ['quoted', 30], ['negotiating', 25]]);
  if (ctx.status === 'lost') loseWith(ctx, 'price');
}

export function tooOld(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, null, rng.chance(0.5) ? null : 'unknown');
  const age = rng.int(330, 720);
  ctx.begin(age, age - rng.int(1, 30));
  // "Very old leads without a date": legacy imports lost created_at, some lost their history too.
  if (rng.chance(0.35)) ctx.createdAtHidden = true;
  if (ctx.createdAtHidden && rng.chance(0.4)) {
    ctx.tags.push('legacy-import');
    pickStatus(ctx, [['dormant', 60], ['contacted', 40]]);
    return;
  }
  if (rng.chance(0.4)) ctx.tags.push('legacy-import');
  intake(ctx, rng.chance(0.5) ? 'no_date' : 'sparse');
  firstResponse(ctx, 0.3);
  if (rng.chance(0.5)) quoteStep(ctx);
  pickStatus(ctx, [['dormant', 50], ['contacted', 25], ['quoted', 25]]);
}

export function lowValue(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, rng.chance(0.5) ? daysFromAsOf(ctx, 10, 90) : null);
  ctx.begin(rng.int(16, 300), rng.int(14, 200));
  intake(ctx);
  firstResponse(ctx, 0.5);
  quoteStep(ctx);
  if (rng.chance(0.4)) ctx.repNote('note_low_value');
  ctx.unansweredFollowUps(rng.int(0, 1));
  pickStatus(ctx, [['quoted', 50], ['dormant', 30], ['contacted', 20]]);
}

export function overContacted(ctx: StoryContext): void {
  const { rng } = ctx;
  planDate(ctx, rng.chance(0.75) ? null : daysFromAsOf(ctx, 30, 150));
  ctx.begin(rng.int(45, 330), rng.int(14, 150), 40);
  intake(ctx);
  ctx.advance(0.02, 1);
  ctx.repDoes('call_no_answer', 'call', 'no_answer');
  quoteStep(ctx);
  // Six or more unanswered chases: another one is spam, not sales.
  ctx.unansweredFollowUps(rng.int(5, 8), 2, 8);
  pickStatus(ctx, [['quoted', 60], ['contacted', 25], ['dormant', 15]]);
}
