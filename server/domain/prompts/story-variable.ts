/**
 * The {{story}} prompt variable: the lead's story as plain lines for a model writer, with what
 * the method asks of the draft in this situation (own our mistake, check the moved date, answer
 * the objection without a price). Built from structured facts only: no CRM free text, no
 * contact details, so it is safe anywhere in a prompt and needs no redaction.
 */
import type { LeadStory, LostContactKind } from '../story/types.ts';

const WHAT_TO_DO: Record<LostContactKind, string> = {
  callback_missed: 'We owe them a call: apologise that nobody called back, then ask when suits them.',
  promise_unkept: 'We did not do what we said: own it plainly, then offer to do it now.',
  question_unanswered: 'Their question went unanswered: apologise for the silence and offer to answer it.',
  price_objection: 'Answer the price objection without naming or promising any price: what the quote covers, what matters to them, what would make it work.',
  date_moved: 'Their date moved: confirm the new date and whether it is fixed.',
  voicemails_unanswered: 'Our calls went unanswered: keep it short and ask how they prefer to be reached.',
  quote_expired: 'The quote expired: ask where things stand; any figure needs a fresh written quote from the office.',
  quiet_after_quote: 'They went quiet after the quote: ask what would make this work for them.',
  went_quiet: 'Reconnect gently and ask how their plans are going; no hard sell.',
  never_reached: 'We never reached them: a short, friendly note asking whether they still need help.',
  in_touch: 'The conversation is live: pick up where it left off.',
};

export function storyForPrompt(story: LeadStory): string {
  return [...story.sentences, `What the draft should do: ${WHAT_TO_DO[story.lost_after.kind]}`].join('\n');
}
