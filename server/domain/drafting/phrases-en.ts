/** English phrase templates for the template writer (see phrasebook.ts for the rules). */
import type { Angle } from './angle.ts';
import type { DraftFacts, PhraseBook, ServiceKind } from './phrasebook.ts';

const NOUN: Record<ServiceKind, string> = {
  moving: 'move', office_moving: 'office move', storage: 'storage request', cleaning: 'cleaning request', logistics: 'transport request', other: 'request',
};

export function job(f: DraftFacts): string {
  const route = f.location ? ` in ${f.location}` : f.origin && f.destination ? ` from ${f.origin} to ${f.destination}` : f.destination ? ` to ${f.destination}` : f.origin ? ` from ${f.origin}` : '';
  return `your ${NOUN[f.service]}${route}`;
}

export function datePhrase(f: DraftFacts): string {
  if (!f.serviceDate) return '';
  return f.serviceDate.monthLevel ? `in ${f.serviceDate.text}` : `for ${f.serviceDate.text}`;
}

function quoteLine(f: DraftFacts): string {
  if (!f.quote) return '';
  const when = f.quote.sentDate ? ` on ${f.quote.sentDate}` : '';
  const amount = f.quote.amount ? ` (${f.quote.amount})` : '';
  return `I'm following up on the quote we sent you${when}${amount} for ${job(f)}.`;
}

export const PHRASES_EN: PhraseBook = {
  subject: (f) => job(f).replace(/^your/, 'Your'),
  greeting: (f) => (f.firstName ? `Hello ${f.firstName},` : 'Hello,'),
  opener(angle: Angle, f) {
    const planned = f.serviceDate ? ` It is planned ${datePhrase(f)}.` : '';
    switch (angle) {
      case 'open_quote':
        return f.quote ? `${quoteLine(f)} I hope you have had a chance to look at it.` : `I wanted to check in about ${job(f)}.${planned}`;
      case 'upcoming_date':
        return f.serviceDate ? `${job(f).replace(/^your/, 'Your')} is planned ${datePhrase(f)}, so I wanted to check in and see how your plans are going.` : `I wanted to check in about ${job(f)} and see how your plans are going.`;
      case 'price_objection':
        return `I wanted to check in about ${job(f)}. I understand the price was an important point for you${f.quote ? ', so I am happy to go through the quote with you and explain what it includes' : ''}.`;
      case 'callback':
        return `I'm getting back to you about ${job(f)}.${planned}`;
      case 're_engaged':
        return f.hadConversation ? `I'm picking up where we left off on ${job(f)}.${planned}` : `I wanted to get back in touch about ${job(f)}.${planned}`;
      case 'postponed_date':
        return f.serviceDate ? `I see that ${job(f)} is now planned ${datePhrase(f)}.` : `I understand the timing of ${job(f)} has shifted.`;
      case 'engaged_then_silent':
        return `It has been a little while since we were in touch about ${job(f)}, so I wanted to check how your plans are going.${planned}`;
      case 'wait':
        return `I'm checking back in about ${job(f)} to see how your plans are shaping up.${planned}`;
      default:
        return `I wanted to check in about ${job(f)} and see how your plans are going.${planned}`;
    }
  },
  help: () => 'If anything has changed, such as the date or what needs to be done, just let me know and we can take it from there.',
  question: (angle) =>
    angle === 'callback'
      ? 'When would be a good time for a short call?'
      : angle === 'open_quote'
        ? 'Do you have any questions about it, or is there anything I can help with?'
        : 'Is this still on your list, and is there anything I can help with?',
  signOff: (f) => `Best regards,\n${f.owner ?? '[your name]'}`,
  phoneScript(angle, f, reason) {
    const who = f.owner ? `this is ${f.owner}` : 'this is [your name]';
    const date = f.serviceDate ? ` Is ${f.serviceDate.text} still the timing you have in mind?` : '';
    return [
      `Opening: Hello${f.firstName ? ` ${f.firstName}` : ''}, ${who}. I'm calling about ${job(f)}. Do you have two minutes?`,
      `Reason: ${reason ?? this.opener(angle, f)}`,
      `Ask: How are your plans going?${date}`,
      'Offer: If it helps, I can go through the details with you or send a short summary by email.',
      'Close: Thank them for their time. If they no longer need us, thank them, wish them well, and record it so they are not contacted again.',
    ].join('\n');
  },
};
