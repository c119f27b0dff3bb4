/**
 * About 1% of customers write a message in a language the company does not support (Finnish,
 * Greek, Turkish, Swedish, Romanian, Portuguese). What it says follows their truth; whether
 * anyone has read it decides the label: a message after our last contact is unread, and the
 * gold label is do_not_contact / unread_customer_message (label.ts) until a person reads it.
 */
import { MINUTE } from './dates';
import { UNSUPPORTED_LANGS, UNSUPPORTED_MESSAGES } from './notes-crm';
import type { StoryContext } from './story-context';

export const FOREIGN_MESSAGE_RATE = 0.011;

/** Stories where a message from the customer cannot happen or would make no sense. */
const NO_FOREIGN_MESSAGE = new Set(['invalid_contact', 'duplicate']);

export function mayWriteForeign(situation: string): boolean {
  return !NO_FOREIGN_MESSAGE.has(situation);
}

function gist(ctx: StoryContext): keyof typeof UNSUPPORTED_MESSAGES {
  const { situation, compliance } = ctx.truth;
  if (compliance || ['asked_not_to_contact', 'complaint', 'legal_dispute', 'sensitive_circumstances'].includes(situation)) return 'refusal';
  if (['booked_elsewhere', 'no_longer_needed', 'service_date_passed'].includes(situation)) return 'not_needed';
  return 'positive';
}

export function foreignMessage(ctx: StoryContext): void {
  const { rng, truth } = ctx;
  const lang = rng.pick(UNSUPPORTED_LANGS);
  truth.foreignLang = lang;
  const text = rng.pick(UNSUPPORTED_MESSAGES[gist(ctx)][lang]);
  const channel = rng.pick(['email', 'email', 'sms', 'chat', 'form'] as const);
  // A quarter got our answer ("could you write in English?") while the story still had room; the
  // rest is the customer's last word, after our last contact, possibly right up to as_of.
  const answered = rng.chance(0.25) && ctx.limit - ctx.t > 2 * 24 * 60 * MINUTE;
  if (answered) {
    ctx.advance(0.5, 5);
    ctx.customerWrites(text, channel, channel === 'form' ? null : 'replied');
    ctx.advance(0.05, 1);
    ctx.repDoes('ask_language', 'email', 'sent');
    return;
  }
  ctx.limit = Math.max(ctx.limit, ctx.asOfMs - MINUTE);
  ctx.jumpTo(ctx.lastActivityMs() + rng.int(30, 600) * MINUTE);
  ctx.advance(0.2, 20);
  ctx.customerWrites(text, channel, channel === 'form' ? null : 'replied');
  truth.unreadLast = true;
}
