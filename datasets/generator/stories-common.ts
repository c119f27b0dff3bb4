/**
 * Building blocks shared by all stories: the first inbound contact, date and status helpers.
 */
import { DAY, startOfDay } from './dates';
import { CUSTOMER } from './notes-customer';
import type { StoryContext } from './story-context';
import { moneyText } from './text';

type Status = StoryContext['status'];

/** Sets the service date the customer has in mind and the text variables that mention it. */
export function planDate(ctx: StoryContext, ms: number | null, flexibility?: StoryContext['dateFlexibility']): void {
  ctx.serviceDateMs = ms === null ? null : startOfDay(ms);
  if (ms !== null) ctx.setDateVars(ms);
  ctx.dateFlexibility = flexibility !== undefined ? flexibility
    : ms === null ? ctx.rng.pick(['unknown', null] as const)
      : ctx.rng.weighted([['exact', 55], ['week', 20], ['month', 12], [null, 13]] as const);
}

/** A date `fromDays`..`toDays` days after as_of (negative = before). */
export function daysFromAsOf(ctx: StoryContext, fromDays: number, toDays: number): number {
  return startOfDay(ctx.asOfMs + ctx.rng.int(fromDays, toDays) * DAY);
}

export function pickStatus(ctx: StoryContext, weights: readonly (readonly [Status, number])[]): void {
  ctx.status = ctx.rng.weighted(weights);
}

type IntakeKind = 'full' | 'no_date' | 'sparse' | 'curious' | 'again';

/**
 * The first touch: usually the web form, sometimes a phone call. Occasionally the customer pasted
 * prompt-injection text into the form; it is just data and changes nothing about the truth.
 */
export function intake(ctx: StoryContext, kind?: IntakeKind): void {
  const chosen = kind ?? (ctx.serviceDateMs !== null && ctx.rng.chance(0.8) ? 'full' : 'no_date');
  // Cleaning, storage and office jobs are asked for in their own words.
  const typed = `form_${chosen}_${ctx.customer.profile.type}`;
  const key = CUSTOMER[typed]?.[ctx.lang] ? typed : `form_${chosen}`;
  if (ctx.rng.chance(0.12) && chosen !== 'sparse') {
    ctx.customerSays(key, 'call', 'answered');
  } else {
    ctx.customerSays(key, 'form', null);
  }
  if (ctx.rng.chance(0.012)) {
    const last = ctx.activities[ctx.activities.length - 1];
    last.text = `${last.text}\n\n${ctx.phrase(CUSTOMER_INJECTION)}`;
  } else if (ctx.rng.chance(0.005)) {
    ctx.vars.injection = ctx.phrase(CUSTOMER_INJECTION);
    ctx.repNote('note_injection');
  }
}

const CUSTOMER_INJECTION = CUSTOMER.injection;

/** The rep's first reaction to a new lead: a call (answered or not) or straight to email. */
export function firstResponse(ctx: StoryContext, answeredRate = 0.5): void {
  ctx.advance(0.02, 2);
  // Some answered calls log the customer's words, which can read like a refusal ("not interested in storage").
  if (ctx.rng.chance(answeredRate)) {
    if (ctx.rng.chance(0.1)) ctx.repLogsConversation('positive', 'call');
    else ctx.repDoes('call_answered', 'call', 'answered');
  }
  else if (ctx.rng.chance(0.6)) ctx.repDoes('call_no_answer', 'call', 'no_answer');
  ctx.maybeMiscNote(0.2);
}

/**
 * Quote after the first response, a few hours to a few days later. Now and then a survey changes
 * the volume and a revised quote replaces the first one, which is withdrawn.
 */
export function quoteStep(ctx: StoryContext, amount?: number): void {
  ctx.advance(0.1, 4);
  ctx.sendQuote('sent', amount);
  if (ctx.rng.chance(0.07)) {
    ctx.advance(0.5, 5);
    ctx.settleQuote('withdrawn');
    const revised = Math.round(((amount ?? ctx.customer.price) * ctx.rng.real(0.9, 1.15)) / 10) * 10;
    ctx.sendQuote('sent', revised);
  }
}

/** Lost reasons as reps type them: free text, several languages, sometimes vague. */
export const LOST_REASONS = {
  no_response: ['no response', 'keine Rückmeldung', 'nema odgovora', 'ghosted', 'no reply after quote'],
  competitor: ['went with competitor', 'andere Firma', 'otišli konkurenciji', 'cheaper offer elsewhere', 'competitor'],
  price: ['price', 'too expensive', 'zu teuer', 'preskupo', 'budget'],
  not_moving: ['not moving anymore', 'Umzug abgesagt', 'odustali', 'plans changed', 'did it themselves', 'DIY move',
    'move cancelled', 'selbst umgezogen', 'sami se preselili', 'staying put'],
  other: ['other', 'n/a', '-', 'see notes'],
} as const;

export function loseWith(ctx: StoryContext, kind: keyof typeof LOST_REASONS): void {
  ctx.status = 'lost';
  ctx.lostReason = ctx.rng.chance(0.85) ? ctx.rng.pick(LOST_REASONS[kind]) : null;
}

/** An amount in the customer's currency, written the way this customer would write it. */
export function money(ctx: StoryContext, amount: number): string {
  return moneyText(ctx.rng, amount, ctx.lang, ctx.customer.currency);
}
