/**
 * Which past events the record can vouch for. A draft saying "as we discussed on the phone"
 * needs an answered call; "as you mentioned in your email" needs an inbound email. Shared with
 * the template writer so it only refers to events that happened.
 */
import type { Lead } from '../lead.ts';
import { toDay } from './text-utils.ts';

export type PastEvent =
  | 'phone_conversation'
  | 'customer_email'
  | 'customer_message'
  | 'meeting'
  | 'two_way_contact'
  | 'our_email'
  | 'our_call_attempt'
  | 'voicemail'
  | 'quote_sent'
  | 'quote_valid'
  | 'quote_accepted'
  | 'callback_requested'
  | 'customer_contacted_us'
  /** Something agreed with the customer, written in an activity ("agreed", "vereinbart", "dogovoreno"). */
  | 'agreement';

const FAILED_CALL = /^(no_answer|no answer|voicemail|busy|invalid_number|invalid|failed|bounced|not_reached|unreachable|wrong_number)$/i;
const CALLBACK = /\b(call (me )?back|callback|call me|ring me|give me a call|r(ü|u)ckruf|rufen sie (mich )?(an|zur(ü|u)ck)|nazovite|nazvati|javite se)\b/i;

const AGREED = /(agree|agreed|agreement|deal\b|arranged|vereinbar|abgemacht|einverstanden|zugesagt|abgesprochen|dogovor|slož|pristal|pristao)/i;

export function hasPastEvent(lead: Lead, event: PastEvent, asOf?: Date): boolean {
  const acts = lead.activities ?? [];
  const inbound = (channels: string[]) => acts.some((a) => a?.direction === 'inbound' && channels.includes(a.channel ?? ''));
  const answeredCall = acts.some((a) => a?.channel === 'call' && a.direction !== 'internal' && (a.direction === 'inbound' || (a.outcome != null && !FAILED_CALL.test(a.outcome))));
  const meeting = acts.some((a) => a?.channel === 'meeting');
  const quotes = (lead.quotes ?? []).filter((q) => q && (q.sent_at || q.amount != null));
  switch (event) {
    case 'phone_conversation':
      return answeredCall;
    case 'customer_email':
      return inbound(['email']);
    case 'customer_message':
      return inbound(['email', 'sms', 'chat', 'form']) || answeredCall || meeting;
    case 'meeting':
      return meeting;
    case 'two_way_contact':
      return answeredCall || meeting || inbound(['email', 'sms', 'chat']);
    case 'customer_contacted_us':
      return inbound(['email', 'sms', 'chat', 'form', 'call']);
    case 'our_email':
      return acts.some((a) => a?.channel === 'email' && a.direction === 'outbound');
    case 'our_call_attempt':
      return acts.some((a) => a?.channel === 'call' && a.direction === 'outbound');
    case 'voicemail':
      return acts.some((a) => a?.channel === 'call' && /voicemail|mailbox/i.test(a.outcome ?? ''));
    case 'quote_sent':
      return quotes.length > 0;
    case 'quote_valid': {
      if (!asOf) return false;
      return quotes.some((q) => {
        const until = toDay(q.valid_until);
        return q.status !== 'withdrawn' && q.status !== 'expired' && q.status !== 'rejected' && until !== null && until >= asOf;
      });
    }
    case 'quote_accepted':
      return quotes.some((q) => q.status === 'accepted');
    case 'agreement':
      return acts.some((a) => a?.direction !== 'internal' && AGREED.test(a?.text ?? ''));
    case 'callback_requested':
      return acts.some((a) => a?.direction === 'inbound' && CALLBACK.test(a.text ?? '')) || acts.some((a) => /callback/i.test(a?.outcome ?? ''));
  }
}
