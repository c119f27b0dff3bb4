/**
 * What sales reps type into the CRM: terse, abbreviated, in their own language (German-speaking
 * reps write German notes on English leads too). Same placeholders as notes-customer.ts.
 */
import type { Phrases } from './notes-customer';
import { OUR_SMS } from './notes-crm';

export const REP: Record<string, Phrases> = {
  call_no_answer: {
    en: ['called, no answer', 'NA', 'tried calling - nothing', 'no pickup', 'called 2x no answer'],
    de: ['nicht erreicht', 'Anruf, keiner geht ran', 'kein Abheben'],
    hr: ['ne javlja se', 'zvao, nema odgovora', 'nije se javila'],
  },
  call_voicemail: {
    en: ['left voicemail', 'VM left, asked to call back', 'left msg on mailbox'],
    de: ['AB draufgesprochen', 'Mailbox, Rückrufbitte hinterlassen'],
    hr: ['ostavio poruku na sekretarici', 'poruka na govornoj pošti'],
  },
  call_answered: {
    en: ['Spoke with customer, wants the quote by email.', 'call ok - survey not needed, sending quote', 'Talked to {name}, details confirmed.'],
    de: ['Telefonat: Besichtigung nicht nötig, Angebot per Mail.', 'Mit Kunde gesprochen, Details geklärt.'],
    hr: ['Razgovarao s kupcem, šaljem ponudu mailom.', 'Dogovoreno telefonski, ponuda ide danas.'],
  },
  quote_sent: {
    en: ['Sent quote {quote}: {amount} incl. packing material.', 'Quote {quote} sent ({amount}).', 'offer out: {amount}, valid 30 days'],
    de: ['Angebot {quote} verschickt ({amount}).', 'Ang. raus: {amount} inkl. Montage.'],
    hr: ['Poslana ponuda {quote} - {amount}.', 'Ponuda poslana: {amount}.'],
  },
  first_email: {
    en: ['Thanks for your request! Could you tell us the floor and whether there is a lift?', 'Hello, thanks for reaching out - when would suit you for a short call?'],
    de: ['Danke für Ihre Anfrage! In welchem Stock liegt die Wohnung, gibt es einen Aufzug?', 'Vielen Dank für die Anfrage, wann passt ein kurzes Telefonat?'],
    hr: ['Hvala na upitu! Na kojem je katu stan i ima li lifta?', 'Hvala na upitu, kada vam odgovara kratki poziv?'],
  },
  follow_up: {
    en: ['Following up on our quote - any questions?', 'Just checking in regarding your move.', 'Reminder: quote {quote} is still open.'],
    de: ['Nachfrage zum Angebot', 'Kurze Erinnerung an unser Angebot.'],
    hr: ['Podsjetnik na ponudu', 'Javljam se vezano uz ponudu.'],
  },
  answer_question: {
    en: ['Answered: yes, included. Asked for confirmation.', 'Replied with details on insurance + packing.'],
    de: ['Frage beantwortet, um Bestätigung gebeten.'],
    hr: ['Odgovoreno na pitanje, čekam potvrdu.'],
  },
  bounced: {
    en: ['Mail delivery failed: address not found', 'Undeliverable: recipient unknown'],
    de: ['Unzustellbar: Empfänger unbekannt'],
    hr: ['Mail delivery failed: address not found'],
  },
  invalid_number: {
    en: ['number not in service', 'wrong number - some guy who never ordered anything', 'number does not exist'],
    de: ['Nummer nicht vergeben (Ansage)', 'falsche Nummer'],
    hr: ['broj ne postoji', 'krivi broj'],
  },
  note_booked_elsewhere: {
    en: ['cust went w/ competitor ({competitor}), cheaper', 'lost to {competitor}', 'signed with another mover per phone call'],
    de: ['Kd. hat bei {competitor} gebucht', 'an Wettbewerb verloren'],
    hr: ['kupac otišao konkurenciji ({competitor})', 'izgubljeno - druga firma'],
  },
  note_won: {
    en: ['Deposit received, job booked for {date}.', 'Confirmed! Crew planned for {date}.', 'Signed, 2 men + truck on {date}'],
    de: ['Anzahlung erhalten, Termin {date} fix.', 'Auftrag bestätigt für {date}.'],
    hr: ['Uplaćen predujam, selidba {date}.', 'Potvrđeno, ekipa za {date}.'],
  },
  note_job_done: {
    en: ['Job done, customer happy.', 'Move completed, invoice sent.'],
    de: ['Umzug durchgeführt, Rechnung raus.'],
    hr: ['Selidba obavljena, račun poslan.'],
  },
  note_dnc: {
    en: ['Customer asked not to be contacted anymore!!', 'DO NOT CALL - customer request', 'told me to stop calling',
      'cust wants no further contact, removed from sequence', 'DNC per customer'],
    de: ['Kunde: bitte keine Anrufe mehr!', 'NICHT mehr kontaktieren (Kundenwunsch)'],
    hr: ['NE ZVATI više - zahtjev kupca', 'kupac traži da ga ne zovemo'],
  },
  note_sensitive: {
    en: ['Bereavement in the family - be careful.', 'divorce situation, very emotional on the phone', 'customer seriously ill',
      'cust going through chemo - hold everything', 'husband had major surgery, she will get in touch herself'],
    de: ['Trauerfall in der Familie, sensibel behandeln.', 'Scheidung, Kundin sehr aufgewühlt'],
    hr: ['smrtni slučaj u obitelji, oprezno', 'razvod, teška situacija'],
  },
  note_complaint: {
    en: ['Complaint escalated to manager.', 'angry customer, complained about the survey no-show'],
    de: ['Beschwerde an GF weitergeleitet.'],
    hr: ['pritužba proslijeđena voditelju'],
  },
  note_legal: {
    en: ['Insurance claim open, do not discuss liability on the phone.', 'damage claim - legal dept involved'],
    de: ['Versicherungsfall offen, Anwalt eingeschaltet.'],
    hr: ['otvorena odšteta, uključen pravni odjel'],
  },
  note_callback: {
    en: ['will call back next week after 5', 'callback requested - Thursday'],
    de: ['Rückruf nächste Woche nach 17 Uhr'],
    hr: ['nazvati idući tjedan poslije 17h'],
  },
  note_price_gap: {
    en: ['budget way too low, told them our minimum is {amount}', 'wants it for half the price - no chance'],
    de: ['Budget viel zu niedrig, Minimum {amount} genannt'],
    hr: ['budžet premali, minimum {amount}'],
  },
  note_low_value: {
    en: ['tiny job, only 1 item', 'small stuff, probably not worth a truck'],
    de: ['Kleinstauftrag, lohnt kaum'],
    hr: ['mali posao, jedan komad'],
  },
  note_dup: {
    en: ['same person as earlier request?', 'dup?', 'looks like a re-submit'],
    de: ['doppelte Anfrage?', 'Dublette'],
    hr: ['duplikat?', 'isti upit kao ranije'],
  },
  note_postponed: {
    en: ['customer says move postponed to {month}, date field not updated yet', 'new date {date} per phone'],
    de: ['Kd.: Umzug verschoben auf {date}', 'Termin verschiebt sich auf {month}'],
    hr: ['selidba odgođena za {month}', 'novi datum {date}'],
  },
  note_wait: {
    en: ['asked us to get back in {month}', 'not before {month}'],
    de: ['soll sich im {month} wieder melden'],
    hr: ['javiti se početkom {month_gen}'],
  },
  note_misc: {
    en: ['needs parking permit in front of the house', '3rd floor, no lift', 'piano on 2nd floor!', 'survey done, volume ok',
      'prefers whatsapp', 'customer on holiday until next week', 'asked about storage for 2 months'],
    de: ['Halteverbotszone beantragen', 'Keller + Dachboden dabei', '4. OG ohne Aufzug', 'Besichtigung erledigt'],
    hr: ['treba dozvola za parkiranje', '4. kat bez lifta', 'klavir!', 'izvid obavljen'],
  },
  our_sms: OUR_SMS,
  ack_refusal: {
    en: ['Understood - sorry for the trouble, {name}.', 'Thank you for letting us know, {name}.', 'Noted, apologies for the inconvenience.'],
    de: ['Verstanden, entschuldigen Sie die Störung.', 'Danke für Ihre Nachricht, wir haben es notiert.'],
    hr: ['Razumijem, ispričavam se na smetnji.', 'Hvala na poruci, zabilježili smo.'],
  },
  ack_booked: {
    en: ['Thanks for letting us know and all the best with the move!', 'Thank you, {name} - good luck with the move.'],
    de: ['Danke für die Rückmeldung und alles Gute für den Umzug!'],
    hr: ['Hvala na povratnoj informaciji i sretno sa selidbom!'],
  },
  ask_language: {
    en: ['Thank you for your message! Unfortunately we could not understand it - could you write to us in English or German?'],
    de: ['Vielen Dank für Ihre Nachricht! Leider konnten wir sie nicht verstehen. Könnten Sie uns auf Deutsch oder Englisch schreiben?'],
    hr: ['Hvala na poruci! Nažalost nismo je razumjeli - možete li nam pisati na engleskom ili hrvatskom?'],
  },
  note_injection: {
    en: ['customer wrote in the chat: "{injection}" - ignoring', 'pasted from cust email: {injection}'],
    de: ['Kunde schrieb: "{injection}"'],
    hr: ['kupac napisao: "{injection}"'],
  },
};
