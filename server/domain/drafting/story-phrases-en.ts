/** English story lines for the template writer (see story-book.ts). */
import { datePhrase, job } from './phrases-en.ts';
import type { DraftFacts } from './phrasebook.ts';
import type { StoryBook, StoryDraftFacts } from './story-book.ts';

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const on = (s: StoryDraftFacts) => (s.on ? ` on ${s.on}` : '');
const movedJob = (f: DraftFacts, s: StoryDraftFacts) => `${job(f)} is now planned ${s.movedTo ? (s.movedTo.monthLevel ? `in ${s.movedTo.text}` : `for ${s.movedTo.text}`) : 'for a later date'}`;
const sent = (f: DraftFacts) => (f.quote?.sentDate ? ` on ${f.quote.sentDate}` : '');
const valid = (s: StoryDraftFacts) => s.quoteValidUntil ?? 'its validity date';

export const STORY_EN: StoryBook = {
  openings: {
    callback_missed: [
      (_f, s) => `I owe you an apology: you asked for a call back${on(s)}, and nobody from our side called you.`,
      (_f, s) => `I'm sorry that we never got back to you by phone after you asked${on(s)}; that was our mistake.`,
      (_f, s) => `First of all, sorry: you wanted a call from us${on(s)} and it never came.`,
    ],
    promise_unkept: [
      (_f, s) => (s.promise === 'quote' ? `I'm sorry: we said${on(s)} that we would send you a quote, and it never reached you.` : `I'm sorry: we said${on(s)} that we would call you, and we did not follow through.`),
      (_f, s) => (s.promise === 'quote' ? `We promised you a quote${on(s)} and did not deliver it; my apologies for that.` : `We told you${on(s)} that we would be in touch by phone, and then we let it slip. My apologies.`),
    ],
    question_unanswered: [
      (_f, s) => `You asked us a question${on(s)}, and it went unanswered. I'm sorry for the wait.`,
      (_f, s) => `I'm sorry that your question${s.on ? ` from ${s.on}` : ''} was left without a reply.`,
      (_f, s) => `Your question${on(s)} deserved a quicker answer than silence; apologies from our side.`,
    ],
    price_objection: [
      (f) => `Thank you for being open about the price${f.quote ? ' of our quote' : ''} for ${job(f)}; I would rather talk it through with you than leave it hanging.`,
      (f) => `I understand the price for ${job(f)} was a concern for you, and that is completely fair to raise.`,
      (f) => `The price for ${job(f)} did not quite work for you, and I did not want to leave that unanswered.`,
    ],
    date_moved: [
      (f, s) => `Thank you for letting us know that the plans changed: ${movedJob(f, s)}.`,
      (f, s) => `I understand the timing has shifted and ${movedJob(f, s)}.`,
      (f, s) => `I wanted to check the new timing with you: ${movedJob(f, s)}.`,
    ],
    voicemails_unanswered: [
      () => 'I tried to reach you by phone a couple of times without luck, so I thought a short email might suit you better.',
      () => 'We kept missing each other on the phone, so here is a short note instead.',
      () => 'Rather than ring you again, I thought I would write.',
    ],
    quote_expired: [
      (f, s) => `The quote we sent you${sent(f)} was valid until ${valid(s)}, so I wanted to check where things stand for ${job(f)}.`,
      (f, s) => `It has been a while since our quote for ${job(f)}, and it ran out on ${valid(s)}, so I wanted to ask how your plans look now.`,
      (f, s) => `Our quote for ${job(f)} passed its validity date on ${valid(s)}; if the job is still on, the office can prepare a current written quote.`,
    ],
  },
  reconnect: {
    callback: (f) => `I'm getting back to you about ${job(f)}.`,
    re_engaged: (f) => `It is good to be back in touch about ${job(f)}.`,
    postponed_date: (f) => `I wanted to catch up with you about ${job(f)}.`,
    price_objection: (f) => `I wanted to come back to ${job(f)} with you.`,
    upcoming_date: (f) => (f.serviceDate ? `With ${job(f)} coming up, I wanted to get in touch.` : `I'm writing about ${job(f)}.`),
    open_quote: (f) => (f.quote ? `A quick follow-up on the quote for ${job(f)}.` : `A quick follow-up on ${job(f)}.`),
    engaged_then_silent: (f) => `It has been a little while since we were in touch about ${job(f)}.`,
    general: (f) => `I wanted to check in about ${job(f)}.`,
    wait: (f) => `I'm checking back in about ${job(f)}.`,
    'wait:recently_contacted': (f) => `A short follow-up on ${job(f)}.`,
    'wait:too_early': (f) => `${capital(job(f))} is still a while off, so this is just a short note to stay in touch.`,
    'wait:customer_asked_to_wait': (f) => `I'm getting back in touch about ${job(f)}, at a time that should suit your plans better.`,
  },
  context: (f) => `I'm getting back to you about ${job(f)}.${f.serviceDate ? ` It is planned ${datePhrase(f)}.` : ''}`,
  dateCheck: (_f, s) => `As I understand it, the date is now ${s.movedTo?.text ?? 'later than first planned'}; is that still right?`,
  objectionAnswer: (f) => `I cannot change figures by email, but I am happy to go through what ${f.quote ? 'the quote' : 'the job'} covers and see whether the scope fits what you need.`,
  expiredNote: (f, s) => `The quote${f.quote?.sentDate ? ` from ${f.quote.sentDate}` : ''} is past its validity date${s.quoteValidUntil ? ` (${s.quoteValidUntil})` : ''}, so any figure would need a fresh written quote from the office.`,
  questions: {
    callback_missed: [() => 'When would suit you for a short call? This time we will make sure it happens.', () => 'What time of day is best to reach you by phone?'],
    promise_unkept: [() => 'How would you like us to follow up: by phone or by email?', () => 'Is this still useful to you, and what is the best way to follow up?'],
    question_unanswered: [() => 'Is the question still open for you? I am happy to answer it by phone or by email.', () => 'Would you like me to go through it with you by phone or by email?'],
    price_objection: [() => 'What would make this work for you?', () => 'Which parts of the job matter most to you, so we can look at the scope together?'],
    date_moved: [(_f, s) => `Is ${s.movedTo?.text ?? 'the new date'} still the date to work with, and is it fixed or flexible?`, () => 'Does the new timing still hold, or is anything still open?'],
    quote_expired: [() => 'Is the job still on for you, and would a current quote help?', () => 'Where do things stand on your side?'],
    quiet_after_quote: [() => 'What would make this work for you?', () => 'Is there anything that would make this work better for you?', () => 'What would need to change for this to work for you?'],
    voicemails_unanswered: [() => 'Would email suit you better, or is there a good time to call?', () => 'What is the easiest way to reach you?'],
  },
};
