/**
 * References to past events ("as we discussed on the phone", "following our meeting", "the
 * quote we sent", "your quote is still valid") must be backed by an activity or quote, and
 * pressure claims ("only two slots left", "prices go up next month") are never in a record.
 */
import { type PastEvent, hasPastEvent } from '../activity-evidence.ts';
import type { GroundingCheck, GroundingContext, GroundingIssue } from '../types.ts';

const CLAIMS: [RegExp, PastEvent | 'never', string][] = [
  [/\b(as |like )?(we )?(discussed|talked|spoke|agreed|chatted)\b[^.\n]{0,20}\b(on the phone|by phone|over the phone|on our call|during our call|in our call)|\bour (last |recent |earlier )?(phone call|call|phone conversation|telephone conversation)\b|\bthe (last |recent |earlier )?(phone call|phone conversation|telephone conversation)\b|\bwhen we (spoke|talked)\b|\b(telefonisch besprochen|unserem (Telefonat|Telefongespr(ä|a)ch|Gespr(ä|a)ch)|wie (am Telefon|telefonisch) besprochen)\b|\b(na[sš]eg (telefonskog )?razgovora|razgovarali (smo )?telefonom|kako smo razgovarali)\b/i, 'phone_conversation', 'a phone conversation'],
  [/\b(as (you )?(mentioned|said|wrote|explained) in your (e-?mail|message)|in your (last |recent )?e-?mail|thanks? (you )?for your (e-?mail|reply)|Ihrer? (letzten )?(E-Mail|Nachricht)|Ihre Antwort|(u )?va[sš]em (e-?mailu|mailu|poruci)|hvala (vam )?na (e-?mailu|poruci|odgovoru))\b/i, 'customer_email', 'an email from the customer'],
  [/\b(following|after|since) our (meeting|visit|survey|appointment|site visit)|\b(at|during) (our|the) (meeting|visit|survey|site visit|viewing|inspection)\b|\bwhen we met\b|\b(unserem Treffen|unserer Besichtigung|dem Besichtigungstermin|nakon (na[sš]eg )?sastanka|na sastanku|nakon (na[sš]eg )?(posjeta|obilaska|uvida))\b/i, 'meeting', 'a meeting or visit'],
  [/\b(as (we )?(discussed|agreed)|as per our (conversation|discussion)|you told (us|me)|as you (mentioned|said|told us|explained|asked)|you (mentioned|said) that|wie besprochen|wie vereinbart|Sie (erw(ä|a)hnten|sagten|hatten erw(ä|a)hnt)|kao (što|sto) (smo )?(dogovorili|razgovarali)|kako ste (spomenuli|rekli)|rekli ste (nam|mi)|spomenuli ste)\b/i, 'two_way_contact', 'a conversation or message from the customer'],
  [/\b(thanks? (you )?for (getting back|reaching out|your (message|call|enquiry|inquiry|interest in getting back))|you (got|reached) (back )?in touch|danke für Ihre (Nachricht|Anfrage|R(ü|u)ckmeldung)|hvala (vam )?(što ste se javili|na javljanju))\b/i, 'customer_contacted_us', 'a message from the customer'],
  [/\b(left (you )?a voicemail|my voicemail|(auf )?Ihre Mailbox|ostavi(o|la) poruku)\b/i, 'voicemail', 'a voicemail'],
  [/\b(I|we) (tried|attempted) (to )?(call|reach|ring|phone)(ing)?\b|\bmy (earlier |last )?(call|calls) (went|was)\b/i, 'our_call_attempt', 'a call attempt'],
  [/\b(my|our) (last |previous |earlier )?e-?mail\b|\bthe e-?mail (I|we) sent\b|\bmeine(r)? (letzte[n]? )?E-Mail\b|\bmoj(eg)? (prethodn(og|i) )?e-?mail(a)?\b/i, 'our_email', 'an email we sent'],
  [/\b(the|our|your) (quote|offer|estimate|quotation)\b|\b(unser|Ihr|das) Angebot|\b(na[sš]a|va[sš]a|na[sš]u|va[sš]u) ponud[au]\b|\bponud[ua] (koju|što) smo\b/i, 'quote_sent', 'a quote sent to the customer'],
  [/\b(quote|offer|estimate|price|Angebot|ponuda)\b[^.\n]{0,50}\b(is still valid|still stands|remains valid|ist noch g(ü|u)ltig|gilt noch|je jo[sš] (uvijek )?va[zž]e[cć]a|jo[sš] vrijedi)\b|\bstill valid\b/i, 'quote_valid', 'a quote still valid on the as-of date'],
  [/\byou (accepted|approved|signed)\b|\bSie haben (das Angebot )?(angenommen|akzeptiert)|\bprihvatili ste\b/i, 'quote_accepted', 'an accepted quote'],
  [/\b(you (asked|requested) (us |me )?(to )?(call|ring|phone|get back)|(as|you) requested a call ?back|your call ?back request|Sie baten um (einen )?R(ü|u)ckruf|(tra[zž]ili|zamolili) ste (da vas )?(nazovemo|povratni poziv))\b/i, 'callback_requested', 'a callback request from the customer'],
  [/\b(as (we )?agreed|like we agreed|as (was )?arranged|per our agreement|as promised|wie vereinbart|wie abgesprochen|wie zugesagt|laut (unserer )?Vereinbarung|kao (što|sto) (smo )?(dogovorili|dogovoreno)|kao (što|sto) je dogovoreno|prema dogovoru|po dogovoru|kako smo (se )?dogovorili|kako je dogovoreno)(?![\p{L}])/iu, 'agreement', 'an agreement with the customer'],
  [/\b(only|just|last) (have |has |got )?(a few|\d+|one|two|three) (free |open )?(slots?|dates?|spots?|trucks?|places?|openings?) (left|remaining|available)|\b(almost|nearly) (fully )?booked|\bprices? (will|are going to|is going to) (rise|increase|go up)|\b(last|final) chance\b|\boffer (ends|expires)\b|\bfast ausgebucht\b|\bPreise (steigen|werden steigen)|\bcijene (rastu|[cć]e rasti)|\bskoro (popunjen|rasprodan)/i, 'never', 'urgency or scarcity'],
];

export const pastEventCheck: GroundingCheck = {
  id: 'past_events',
  description: 'references to past calls, emails, meetings, quotes, and pressure claims need record support',
  run(ctx: GroundingContext): GroundingIssue[] {
    const issues: GroundingIssue[] = [];
    for (const [re, event, what] of CLAIMS) {
      const m = ctx.text.match(re);
      if (!m) continue;
      if (event !== 'never' && hasPastEvent(ctx.lead, event, ctx.asOf)) continue;
      issues.push({
        kind: 'unsupported_claim',
        text: m[0].trim(),
        explanation: event === 'never' ? `Claims ${what} that no lead record can support; no pressure tactics.` : `Refers to ${what}, but the lead record has none.`,
      });
    }
    return issues;
  },
};
