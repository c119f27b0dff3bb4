/** German story lines (formal "Sie") for the template writer (see story-book.ts). */
import { dat, datePhrase, nom } from './phrases-de.ts';
import type { DraftFacts } from './phrasebook.ts';
import type { StoryBook, StoryDraftFacts } from './story-book.ts';

/** "für Ihren Umzug": the accusative differs from the nominative only for masculine nouns. */
const nomAcc = (f: DraftFacts) => nom(f).replace(/^Ihr (Umzug|Büroumzug|Transport)/, 'Ihren $1');
const am = (s: StoryDraftFacts) => (s.on ? ` am ${s.on}` : '');
const vom = (s: StoryDraftFacts) => (s.on ? ` vom ${s.on}` : '');
const moved = (s: StoryDraftFacts) => (s.movedTo ? (s.movedTo.monthLevel ? `im ${s.movedTo.text}` : `für den ${s.movedTo.text}`) : 'später');
const theDate = (s: StoryDraftFacts) => (s.movedTo ? (s.movedTo.monthLevel ? s.movedTo.text : `der ${s.movedTo.text}`) : 'der neue Termin');
const valid = (s: StoryDraftFacts) => s.quoteValidUntil ?? 'zum Ablaufdatum';
const sentVom = (f: DraftFacts) => (f.quote?.sentDate ? ` vom ${f.quote.sentDate}` : '');

export const STORY_DE: StoryBook = {
  openings: {
    callback_missed: [
      (_f, s) => `zuerst eine Entschuldigung: Sie hatten sich${am(s)} einen Rückruf gewünscht, und niemand von uns hat Sie angerufen.`,
      (_f, s) => `es tut mir leid, dass wir Sie nach Ihrer Bitte${vom(s)} nicht zurückgerufen haben.`,
      (_f, s) => `Sie wollten${am(s)} gern einen Anruf von uns, und der kam nie. Das war unser Fehler, und es tut mir leid.`,
    ],
    promise_unkept: [
      (_f, s) => (s.promise === 'quote' ? `es tut mir leid: Wir hatten Ihnen${am(s)} ein Angebot zugesagt, und es ist nie bei Ihnen angekommen.` : `es tut mir leid: Wir hatten Ihnen${am(s)} einen Anruf zugesagt und uns dann nicht gemeldet.`),
      (_f, s) => (s.promise === 'quote' ? `wir hatten${am(s)} versprochen, Ihnen ein Angebot zu schicken, und das ist nicht passiert. Bitte entschuldigen Sie.` : `wir hatten${am(s)} versprochen, uns telefonisch zu melden, und haben das nicht eingehalten. Bitte entschuldigen Sie.`),
    ],
    question_unanswered: [
      (_f, s) => `Sie hatten uns${am(s)} eine Frage gestellt, und sie blieb unbeantwortet. Das tut mir leid.`,
      (_f, s) => `es tut mir leid, dass Ihre Frage${vom(s)} ohne Antwort geblieben ist.`,
      (_f, s) => `Ihre Frage${vom(s)} hätte längst eine Antwort verdient; entschuldigen Sie bitte die Funkstille.`,
    ],
    price_objection: [
      (f) => `danke, dass Sie offen gesagt haben, dass der Preis für ${nomAcc(f)} ein Thema ist; darüber spreche ich lieber mit Ihnen, als es offen zu lassen.`,
      (f) => `ich verstehe, dass der Preis bei ${dat(f)} für Sie ein wichtiger Punkt war, und das ist völlig berechtigt.`,
      (f) => `der Preis für ${nomAcc(f)} hat für Sie noch nicht ganz gepasst, und das wollte ich nicht unbeantwortet lassen.`,
    ],
    date_moved: [
      (f, s) => `danke für den Hinweis, dass sich Ihre Pläne geändert haben: ${nom(f)} ist jetzt ${moved(s)} geplant.`,
      (f, s) => `wie ich verstehe, hat sich der Zeitplan verschoben: ${nom(f)} ist jetzt ${moved(s)} geplant.`,
      (f, s) => `ich wollte den neuen Zeitplan kurz mit Ihnen abstimmen: ${nom(f)} ist jetzt ${moved(s)} geplant.`,
    ],
    voicemails_unanswered: [
      () => 'ich habe ein paar Mal versucht, Sie telefonisch zu erreichen, und dachte, eine kurze E-Mail passt vielleicht besser.',
      () => 'wir haben uns am Telefon mehrmals verpasst, deshalb schreibe ich Ihnen kurz.',
      () => 'statt Sie noch einmal anzurufen, schreibe ich Ihnen lieber kurz.',
    ],
    quote_expired: [
      (f, s) => `unser Angebot zu ${dat(f)}${sentVom(f)} war bis zum ${valid(s)} gültig, daher wollte ich fragen, wie es bei Ihnen aussieht.`,
      (f, s) => `es ist eine Weile her seit unserem Angebot zu ${dat(f)}, und seine Gültigkeit ist am ${valid(s)} abgelaufen; wie sehen Ihre Pläne jetzt aus?`,
      (f, s) => `unser Angebot zu ${dat(f)} ist seit dem ${valid(s)} nicht mehr gültig; wenn das Thema noch aktuell ist, erstellt das Büro gern ein aktuelles schriftliches Angebot.`,
    ],
  },
  reconnect: {
    callback: (f) => `ich melde mich bei Ihnen zu ${dat(f)}.`,
    re_engaged: (f) => `schön, dass wir zu ${dat(f)} wieder in Kontakt sind.`,
    postponed_date: (f) => `ich wollte mich zu ${dat(f)} bei Ihnen melden.`,
    price_objection: (f) => `ich komme gern noch einmal auf ${nomAcc(f)} zurück.`,
    upcoming_date: (f) => (f.serviceDate ? `da ${nom(f)} bald ansteht, wollte ich mich kurz melden.` : `ich schreibe Ihnen zu ${dat(f)}.`),
    open_quote: (f) => (f.quote ? `eine kurze Nachfrage zum Angebot zu ${dat(f)}.` : `eine kurze Nachfrage zu ${dat(f)}.`),
    engaged_then_silent: (f) => `wir hatten eine Weile keinen Kontakt zu ${dat(f)}.`,
    general: (f) => `ich wollte kurz zu ${dat(f)} nachfragen.`,
    wait: (f) => `ich melde mich noch einmal zu ${dat(f)}.`,
    'wait:recently_contacted': (f) => `eine kurze Rückfrage zu ${dat(f)}.`,
    'wait:too_early': (f) => `bis zu ${dat(f)} ist es noch etwas hin, deshalb nur eine kurze Nachricht, um in Kontakt zu bleiben.`,
    'wait:customer_asked_to_wait': (f) => `ich melde mich zu ${dat(f)} wieder, zu einem Zeitpunkt, der hoffentlich besser zu Ihren Plänen passt.`,
  },
  context: (f) => `ich melde mich zu ${dat(f)}.${f.serviceDate ? ` Geplant ist es ${datePhrase(f)}.` : ''}`,
  dateCheck: (_f, s) => `Nach meinem Stand ist jetzt ${theDate(s)} vorgesehen; stimmt das noch?`,
  objectionAnswer: (f) => `Preise kann ich per E-Mail nicht ändern, aber ich gehe gern mit Ihnen durch, was ${f.quote ? 'das Angebot' : 'der Auftrag'} umfasst, und schaue, ob der Umfang zu Ihrem Bedarf passt.`,
  expiredNote: (f, s) => `Das Angebot${sentVom(f)} ist nicht mehr gültig${s.quoteValidUntil ? ` (seit dem ${s.quoteValidUntil})` : ''}; jeder Betrag bräuchte ein neues schriftliches Angebot vom Büro.`,
  questions: {
    callback_missed: [() => 'Wann passt Ihnen ein kurzes Telefonat? Diesmal sorgen wir dafür, dass es klappt.', () => 'Zu welcher Tageszeit erreiche ich Sie am besten telefonisch?'],
    promise_unkept: [() => 'Wie sollen wir uns melden: telefonisch oder per E-Mail?', () => 'Ist das für Sie noch hilfreich, und wie erreichen wir Sie am besten?'],
    question_unanswered: [() => 'Ist die Frage für Sie noch offen? Ich beantworte sie gern telefonisch oder per E-Mail.', () => 'Soll ich Ihnen die Antwort telefonisch oder per E-Mail geben?'],
    price_objection: [() => 'Was müsste passen, damit es für Sie funktioniert?', () => 'Welche Teile des Auftrags sind Ihnen am wichtigsten, damit wir den Umfang gemeinsam anschauen können?'],
    date_moved: [(_f, s) => `Passt ${theDate(s)} noch, und ist der Termin fest oder flexibel?`, () => 'Steht der neue Zeitplan, oder ist noch etwas offen?'],
    quote_expired: [() => 'Ist das Thema für Sie noch aktuell, und würde Ihnen ein aktuelles Angebot helfen?', () => 'Wie ist der Stand bei Ihnen?'],
    quiet_after_quote: [() => 'Was müsste passen, damit es für Sie funktioniert?', () => 'Gibt es etwas, das Ihnen die Entscheidung leichter machen würde?', () => 'Was bräuchten Sie noch, um sich zu entscheiden?'],
    voicemails_unanswered: [() => 'Passt Ihnen E-Mail besser, oder gibt es eine gute Zeit für einen Anruf?', () => 'Wie erreiche ich Sie am einfachsten?'],
  },
};
