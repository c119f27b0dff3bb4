/**
 * Cues the story reads in folded (lowercase, accent-free) CRM text, in en/de/hr. Free text is
 * data: it is only searched, never quoted into a customer draft.
 */

/** The customer found the price too high, or named a competitor's price or a budget. */
export const PRICE_OBJECTION =
  /too expensive|too pricey|price is too high|too much money|over (our|my) budget|above (our|my) budget|can'?t afford|cannot afford|cheaper (offer|quote|price)|found it cheaper|(another|other) (company|firm|mover) (offered|quoted|charges)|a bit steep|zu teuer|zu hoch|budget|gunstigeres angebot|billigeres angebot|anderes? (unternehmen|firma) bietet|geht da was|preskup|previsok|skupo|budzet|jeftinij[au] ponud|druga firma nam je dala|sniziti|popust/;
/** A customer who booked elsewhere is not objecting to our price (the rules block them anyway). */
export const BOOKED_ELSEWHERE = /signed with|booked (another|with)|went with|go with someone|decided on|entschieden|beauftragt|odlucili smo|izabrali smo|angazirali smo|druga firma$|izgubljeno/;
/** "price is fine" and friends cancel a price cue. */
export const PRICE_OK = /not the problem|not an issue|no problem|price is (fine|ok)|nicht das problem|kein problem|preis (ist ok|passt)|nije problem|cijena je (ok|u redu)/;

/** A question from the customer (a question mark, or a question word at the start in de/hr). */
export const QUESTION = /\?|^(can|could|do|does|is|are|will|would|how|what|when)\b|^(konnen|kann|ist|sind|wie|was|wann|gibt)\b|^(mozete|moze|je li|da li|kako|sto|kada|koliko)\b/;

/** A rep's own promise in a note or message: a call, or a quote/email to send. */
export const PROMISED_CALL = /will call|call (him|her|them|back)|i'?ll call|ring back|ruf\w* .{0,15}(an|zuruck)|melde mich|nazvat cu|nazvati cemo|javit cu se|zovem (ga|je|ih)/;
export const PROMISED_QUOTE = /sending (the |a )?(quote|offer|qoute)|will send|i'?ll send|schicke .{0,20}angebot|sende .{0,20}angebot|angebot folgt|saljem ponudu|poslat cu|poslati cemo/;

/** Call outcomes where nobody picked up. */
export const UNANSWERED_CALL = /^(no_answer|no answer|voicemail|mailbox|busy|not_reached|unreachable)$/;

/** A request to be called (read per sentence, so "not before 5pm. Call me back Thursday." still counts). */
export const CALLBACK_ASK =
  /\b(call me|call (me )?back|callback|give me a call|ring me|phone me|please call|(can|could) (you|someone|somebody) (please )?call|r(u|ue)ckruf|ruf\w* sie mich\b.{0,30}\b(an|zuruck)|zuruckrufen|nazovite|nazovi me|povratni poziv|pozovite)\b/;
export const NEGATED_CALL = /\b(don'?t|do not|never|stop|no more|nicht|keine?n?|nemojte|ne)\s+(\w+\s+){0,2}(call|ring|phone|ruf|anruf|zov|nazov)/;

export function asksForCallback(folded: string): boolean {
  return folded.split(/[.!?;\n]+/).some((sentence) => CALLBACK_ASK.test(sentence) && !NEGATED_CALL.test(sentence));
}
