/**
 * The CRM conventions real HubSpot / Salesforce / Pipedrive users follow, as phrase banks:
 * - the customer's words recorded in the rep's log of an OUTBOUND call or a site visit
 *   ("Called: customer said they went with another mover"), in the rep's own language;
 * - opt-out keyword replies to one of our SMS ("STOP", "BAJA", "ODJAVA");
 * - a refusal that is only a tag or only the lost reason;
 * - our own outbound texts with refusal-like words ("reply STOP if you'd rather not hear from us");
 * - the header an email client writes above the quoted earlier message in a reply;
 * - customers writing in a language the company does not support (fi, el, tr, sv, ro, pt).
 * Same placeholders as notes-customer.ts.
 */
import type { Phrases } from './notes-customer';
import type { Lang } from './vocab';

/**
 * What the customer said, as the rep logged it on the outbound call or visit itself (no
 * separate note). Clauses without a lead-in: a prefix ("Called:", "Site visit:") is added.
 */
export const CALL_LOG: Record<string, Phrases> = {
  refused: {
    en: ['customer said they do not want any more calls from us', 'she asked to be taken off our list, not interested',
      'he said please don\'t ring this number again', 'very short on the phone, told me to lose his number',
      'wife answered, said they are not interested and we should not call again', 'they want no further contact of any kind',
      'asked that we don\'t email or phone anymore'],
    de: ['Kunde möchte von uns nicht mehr angerufen werden', 'Kundin bittet darum, aus unserer Liste gelöscht zu werden',
      'sagt, wir sollen diese Nummer nicht mehr anrufen, hat aufgelegt', 'will in Zukunft nicht mehr kontaktiert werden, weder Mail noch Telefon'],
    hr: ['kupac kaže da ga više ne zovemo', 'kupac ne želi više nikakve pozive ni mailove',
      'rekla da je maknemo s liste i da je ne kontaktiramo', 'spustio slušalicu, ne zvati više'],
  },
  booked_elsewhere: {
    en: ['customer said they went with another mover', 'they already booked {competitor}, cheaper', 'signed with a different company last week',
      'she said they have a mover sorted already, thanks anyway', 'he went with the other quote'],
    de: ['Kundin sagt, sie haben eine andere Firma genommen', 'hat schon bei {competitor} unterschrieben', 'Umzug ist bereits anderweitig vergeben'],
    hr: ['kaže da su uzeli drugu firmu', 'već su dogovorili s {competitor}', 'odlučili su se za drugu ponudu'],
  },
  not_needed: {
    en: ['they did the move themselves with a rented van', 'move is cancelled, they are staying put', 'buyer pulled out, so no move for now',
      'said the new job fell through and they are staying', 'friends helped them move last weekend, all done', 'landlord extended the lease, no move'],
    de: ['haben den Umzug selbst gemacht, mit Freunden', 'Umzug abgesagt, bleiben in der Wohnung', 'Käufer abgesprungen, kein Umzug',
      'Mietvertrag verlängert, kein Umzug mehr'],
    hr: ['preselili su se sami, kombijem', 'selidba otkazana, ostaju u stanu', 'kupac stana odustao, nema selidbe', 'sami su to riješili s prijateljima'],
  },
  sensitive: {
    en: ['her husband is in hospital for heart surgery, she asked for time', 'customer is starting chemo, everything on hold',
      'his father passed away, not the moment', 'they are separating, very upset on the phone', 'recovering from an operation, asked us to leave it'],
    de: ['Mann liegt nach OP im Krankenhaus, bittet um Zeit', 'Kundin in Chemotherapie, alles auf Eis', 'Todesfall in der Familie, jetzt kein Thema'],
    hr: ['suprug na operaciji srca, traži vremena', 'kupac je na kemoterapiji, sve stoji', 'umrla mu majka, nije trenutak'],
  },
  complaint: {
    en: ['customer furious about the survey no-show, wants to speak to a manager', 'unhappy about how often we rang, very rude',
      'said our crew treated his mother badly on the first visit and he expects an apology'],
    de: ['Kunde sehr verärgert wegen des geplatzten Besichtigungstermins, will den Chef sprechen', 'beschwert sich über zu viele Anrufe'],
    hr: ['kupac ljut jer nitko nije došao na izvid, traži voditelja', 'nezadovoljna brojem poziva, bila je gruba'],
  },
  legal: {
    en: ['customer says his solicitor will write to us about the damage', 'she is taking the broken cabinet to small claims',
      'they have passed it to their legal insurance', 'mentioned Trading Standards and a letter before action'],
    de: ['Kunde sagt, sein Anwalt meldet sich wegen des Schadens', 'Rechtsschutzversicherung ist eingeschaltet'],
    hr: ['kupac kaže da će se javiti odvjetnik zbog štete', 'prijetio tužbom zbog oštećenog ormara'],
  },
  wait: {
    en: ['asked us to ring again in {month}', 'nothing before {month}, call then', 'busy until {month}, happy to talk after'],
    de: ['sollen uns im {month} wieder melden', 'vor {month} nichts, dann nochmal anrufen'],
    hr: ['javiti se u {month_loc}', 'ništa prije {month_gen}, onda nazvati'],
  },
  postponed: {
    en: ['move pushed back to {date}, date field still shows the old one', 'new date is {date}, still wants us'],
    de: ['Umzug verschoben auf {date}, weiterhin Interesse', 'neuer Termin {date}'],
    hr: ['selidba pomaknuta na {date}, i dalje zainteresirani', 'novi datum {date}'],
  },
  callback: {
    en: ['bad moment, asked us to call back Thursday after 5', 'in a meeting, call back next week please'],
    de: ['ungünstig, Rückruf Donnerstag nach 17 Uhr gewünscht', 'im Termin, nächste Woche zurückrufen'],
    hr: ['nezgodno, nazvati u četvrtak poslije 17h', 'na sastanku, nazvati idući tjedan'],
  },
  /** Positive calls whose wording looks like a refusal to a keyword list. */
  positive: {
    en: ['not interested in storage, only the move; wants the packing quote', 'said don\'t send anything by post, email is fine',
      'no need to call before the survey, just confirm by email', 'she is not cancelling, just comparing two quotes'],
    de: ['kein Interesse an Einlagerung, nur Umzug; Angebot mit Packservice gewünscht', 'bitte nichts per Post schicken, Mail reicht'],
    hr: ['ne treba skladište, samo selidba; želi ponudu s pakiranjem', 'ne slati ništa poštom, mail je ok'],
  },
};

/** How the rep starts the log of an outbound call or a visit. */
export const CALL_PREFIX: Phrases = {
  en: ['Called: ', 'Spoke to {name}: ', 'call - ', 'Rang {name}, ', 'Outbound call: ', ''],
  de: ['Angerufen: ', 'Telefonat mit {name}: ', 'Anruf - ', 'Tel.: ', ''],
  hr: ['Nazvao: ', 'Razgovor s {name}: ', 'poziv - ', 'Tel: ', ''],
};
export const VISIT_PREFIX: Phrases = {
  en: ['Site visit: ', 'Survey at the flat - ', 'Home visit, ', 'Meeting on site: '],
  de: ['Besichtigung: ', 'Vor-Ort-Termin: ', 'Hausbesuch - '],
  hr: ['Izvid: ', 'Sastanak na adresi: ', 'Obilazak stana - '],
};

/** Opt-out keyword replies to an SMS, as carriers and CRMs recognise them, per language. */
export const SMS_KEYWORDS: Record<Lang, readonly string[]> = {
  en: ['STOP', 'Stop', 'stop', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPT OUT', 'REMOVE', 'Stop.'],
  de: ['STOP', 'STOPP', 'Stopp', 'ABMELDEN', 'abmelden', 'STOP bitte'],
  hr: ['STOP', 'ODJAVA', 'odjava', 'Stop hvala'],
  sr: ['STOP', 'ODJAVA', 'odjava', 'stop'],
  sl: ['STOP', 'ODJAVA', 'Odjava', 'stop'],
  it: ['STOP', 'ANNULLA', 'CANCELLA', 'DISISCRIVI', 'stop'],
  fr: ['STOP', 'ARRET', 'ARRÊT', 'STOP SMS', 'DESINSCRIRE'],
  es: ['BAJA', 'baja', 'ALTO', 'STOP', 'CANCELAR'],
  pl: ['STOP', 'WYPISZ', 'REZYGNUJĘ', 'stop'],
  cs: ['STOP', 'ODHLASIT', 'odhlásit', 'stop'],
  hu: ['STOP', 'LEIRATKOZAS', 'leiratkozás', 'stop'],
  nl: ['STOP', 'AFMELDEN', 'Afmelden', 'STOPPEN'],
};

/** A do-not-contact flag kept as a tag, with nothing else said anywhere. */
export const DNC_TAGS = ['DNC', 'dnc', 'do not call', 'do-not-contact', 'no marketing', 'NO CALLS', 'unsubscribed', 'opt-out',
  'nicht kontaktieren', 'ne zvati'];

/** A refusal written only into the lost reason. */
export const REFUSAL_LOST_REASONS = ['customer asked not to be contacted', 'DNC', 'do not contact - cust request',
  'wants no further contact', 'asked to be removed from list', 'no more calls per customer', 'Kunde wünscht keinen Kontakt',
  'keine Anrufe mehr (Kd.wunsch)', 'ne želi kontakt', 'traži da ga se ne zove'];

/** Our outbound SMS: a friendly nudge with the usual opt-out line. */
export const OUR_SMS: Phrases = {
  en: ['Hi {name}, Kranich & Roda here: still planning your move? Happy to help. Text STOP and we will not write again.',
    'Kranich & Roda: your quote {quote} is still valid. Questions? Just reply. Text STOP to unsubscribe',
    'Hi {name}, just checking in about your move. Not interested anymore? Reply STOP and we won\'t text again.'],
  de: ['Hallo {name}, hier Kranich & Roda: Ist Ihr Umzug noch aktuell? Abmelden: STOP',
    'Kranich & Roda: Ihr Angebot {quote} gilt noch. Fragen? Einfach antworten. Keine SMS mehr: STOP'],
  hr: ['Pozdrav {name}, Kranich & Roda: je li selidba još aktualna? Za odjavu pošaljite STOP',
    'Kranich & Roda: ponuda {quote} još vrijedi. Pitanja? Samo odgovorite. Odjava: STOP'],
};

/** Footers of our outbound emails: refusal words that are ours, not the customer's. */
export const OUR_FOOTERS: Phrases = {
  en: ['Prefer no more messages from us? Send STOP.', 'Not interested any more? Reply STOP and we won\'t contact you again.',
    'To unsubscribe from these reminders, reply UNSUBSCRIBE.', 'Don\'t want these emails? Let us know and we\'ll remove you from our list.',
    'If your plans have changed or you no longer need us, simply tell us and we will stop following up.'],
  de: ['Wenn Sie keine weiteren Nachrichten wünschen, antworten Sie einfach mit STOP.',
    'Kein Interesse mehr? Eine kurze Antwort genügt, dann melden wir uns nicht mehr.',
    'Abmeldung von diesen Erinnerungen: Antwort mit ABMELDEN.'],
  hr: ['Ako ne želite više primati naše poruke, odgovorite STOP.', 'Ne želite više poruke? Javite nam i više vas nećemo kontaktirati.'],
};

/** The line an email client writes above the quoted earlier message, in the customer's client language. */
export const QUOTE_HEADERS: Record<Lang, readonly string[]> = {
  en: ['On {qdate}, {Rep} <{rep}@kranich-roda.eu> wrote:', '-----Original Message-----\nFrom: {Rep} <{rep}@kranich-roda.eu>\nSent: {qdate}',
    'From: {Rep} <{rep}@kranich-roda.eu>\nDate: {qdate}\nSubject: Your move'],
  de: ['Am {qdate} schrieb {Rep} <{rep}@kranich-roda.eu>:', '-----Ursprüngliche Nachricht-----\nVon: {Rep}\nGesendet: {qdate}'],
  hr: ['{qdate}, {Rep} <{rep}@kranich-roda.eu> je napisao/la:', '-----Izvorna poruka-----\nŠalje: {Rep}\nPoslano: {qdate}'],
  sr: ['{qdate}, {Rep} <{rep}@kranich-roda.eu> je napisao/la:'],
  sl: ['{qdate} je {Rep} <{rep}@kranich-roda.eu> napisal(a):'],
  it: ['Il giorno {qdate} {Rep} <{rep}@kranich-roda.eu> ha scritto:', '-----Messaggio originale-----\nDa: {Rep}\nInviato: {qdate}'],
  fr: ['Le {qdate}, {Rep} <{rep}@kranich-roda.eu> a écrit :', '-----Message d\'origine-----\nDe : {Rep}\nEnvoyé : {qdate}'],
  es: ['El {qdate}, {Rep} <{rep}@kranich-roda.eu> escribió:', '-----Mensaje original-----\nDe: {Rep}\nEnviado: {qdate}'],
  pl: ['W dniu {qdate} {Rep} <{rep}@kranich-roda.eu> napisał(a):'],
  cs: ['Dne {qdate} {Rep} <{rep}@kranich-roda.eu> napsal(a):'],
  hu: ['{qdate} időpontban {Rep} <{rep}@kranich-roda.eu> ezt írta:'],
  nl: ['Op {qdate} schreef {Rep} <{rep}@kranich-roda.eu>:', '-----Oorspronkelijk bericht-----\nVan: {Rep}\nVerzonden: {qdate}'],
};

/** Our reply's header above the customer's email it answers (their message is only logged quoted in ours). */
export const OUR_QUOTE_HEADERS: Phrases = {
  en: ['On {qdate}, {name} <{email}> wrote:', '-----Original Message-----\nFrom: {name} <{email}>\nSent: {qdate}'],
  de: ['Am {qdate} schrieb {name} <{email}>:'],
  hr: ['{qdate}, {name} <{email}> je napisao/la:'],
};

/** Languages the company does not support; a customer's last message in one must be read by a person. */
export const UNSUPPORTED_LANGS = ['fi', 'el', 'tr', 'sv', 'ro', 'pt'] as const;
export type UnsupportedLang = (typeof UNSUPPORTED_LANGS)[number];

/** What such a customer writes, by the gist of their situation. */
export const UNSUPPORTED_MESSAGES: Record<'refusal' | 'not_needed' | 'positive', Record<UnsupportedLang, readonly string[]>> = {
  refusal: {
    fi: ['Älkää enää ottako minuun yhteyttä, kiitos.', 'En ole kiinnostunut. Poistakaa tietoni rekisteristänne.'],
    el: ['Σας παρακαλώ, μη με ξαναπάρετε τηλέφωνο.', 'Δεν ενδιαφέρομαι πλέον, σταματήστε να με καλείτε.'],
    tr: ['Lütfen benimle bir daha iletişime geçmeyin.', 'İlgilenmiyorum, beni artık aramayın.'],
    sv: ['Vänligen kontakta mig inte igen.', 'Jag är inte intresserad längre, sluta ringa mig.'],
    ro: ['Vă rog să nu mă mai contactați.', 'Nu mai sunt interesat, nu mă mai sunați.'],
    pt: ['Por favor, não me contactem mais.', 'Não tenho interesse, deixem de me ligar.'],
  },
  not_needed: {
    fi: ['Muutto peruuntui, emme tarvitse palvelua.', 'Valitsimme jo toisen muuttofirman.'],
    el: ['Η μετακόμιση ακυρώθηκε, δεν τη χρειαζόμαστε πια.', 'Κλείσαμε ήδη με άλλη εταιρεία.'],
    tr: ['Taşınmaktan vazgeçtik, teşekkürler.', 'Başka bir firmayla anlaştık.'],
    sv: ['Flytten blev inställd, vi behöver ingen hjälp längre.', 'Vi har redan bokat en annan flyttfirma.'],
    ro: ['Mutarea s-a anulat, nu mai avem nevoie.', 'Am ales deja altă firmă.'],
    pt: ['A mudança foi cancelada, já não precisamos.', 'Já fechámos com outra empresa.'],
  },
  positive: {
    fi: ['Kiitos tarjouksesta! Voisitteko soittaa ensi viikolla?', 'Sisältyykö pakkaaminen hintaan?'],
    el: ['Ευχαριστώ για την προσφορά. Μπορείτε να με πάρετε τηλέφωνο την επόμενη εβδομάδα;', 'Η τιμή περιλαμβάνει και το πακετάρισμα;'],
    tr: ['Teklif için teşekkürler, gelecek hafta arayabilir misiniz?', 'Fiyata paketleme dahil mi?'],
    sv: ['Tack för offerten! Kan ni ringa mig nästa vecka?', 'Ingår packning i priset?'],
    ro: ['Mulțumesc pentru ofertă. Mă puteți suna săptămâna viitoare?', 'Prețul include și împachetarea?'],
    pt: ['Obrigado pelo orçamento! Podem ligar-me na próxima semana?', 'O preço inclui a embalagem?'],
  },
};
