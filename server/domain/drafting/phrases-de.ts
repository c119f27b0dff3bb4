/** German phrase templates (formal "Sie") for the template writer (see phrasebook.ts). */
import type { Angle } from './angle.ts';
import type { DraftFacts, PhraseBook, ServiceKind } from './phrasebook.ts';

// [nominative, dative] with the possessive, so no article grammar is needed at fill time.
const NOUN: Record<ServiceKind, [string, string]> = {
  moving: ['Ihr Umzug', 'Ihrem Umzug'],
  office_moving: ['Ihr Büroumzug', 'Ihrem Büroumzug'],
  storage: ['Ihre Einlagerung', 'Ihrer Einlagerung'],
  cleaning: ['Ihre Reinigung', 'Ihrer Reinigung'],
  logistics: ['Ihr Transport', 'Ihrem Transport'],
  other: ['Ihre Anfrage', 'Ihrer Anfrage'],
};

function route(f: DraftFacts): string {
  if (f.location) return ` in ${f.location}`;
  if (f.origin && f.destination) return ` von ${f.origin} nach ${f.destination}`;
  if (f.destination) return ` nach ${f.destination}`;
  return f.origin ? ` ab ${f.origin}` : '';
}

export const nom = (f: DraftFacts) => `${NOUN[f.service][0]}${route(f)}`;
export const dat = (f: DraftFacts) => `${NOUN[f.service][1]}${route(f)}`;

export function datePhrase(f: DraftFacts): string {
  if (!f.serviceDate) return '';
  return f.serviceDate.monthLevel ? `im ${f.serviceDate.text}` : `für den ${f.serviceDate.text}`;
}

export const PHRASES_DE: PhraseBook = {
  subject: (f) => nom(f),
  greeting: (f) => (f.fullName ? `Guten Tag ${f.fullName},` : 'Guten Tag,'),
  opener(angle: Angle, f) {
    const planned = f.serviceDate ? ` Vorgesehen ist ${f.serviceDate.monthLevel ? '' : 'der '}${f.serviceDate.text}.` : '';
    const quote = f.quote
      ? `ich melde mich wegen des Angebots zu ${dat(f)}${f.quote.sentDate ? `, das wir Ihnen am ${f.quote.sentDate} geschickt haben` : ''}${f.quote.amount ? ` (${f.quote.amount})` : ''}.`
      : '';
    switch (angle) {
      case 'open_quote':
        return quote ? `${quote} Ich hoffe, Sie konnten es sich in Ruhe ansehen.` : `ich wollte kurz nachfragen, wie es mit ${dat(f)} aussieht.${planned}`;
      case 'upcoming_date':
        return f.serviceDate ? `${nom(f)} ist ${datePhrase(f)} geplant, daher wollte ich kurz nachfragen, wie Ihre Planung läuft.` : `ich wollte kurz nachfragen, wie Ihre Planung zu ${dat(f)} läuft.`;
      case 'price_objection':
        return `ich melde mich kurz zu ${dat(f)}. Ich weiß, dass der Preis für Sie ein wichtiger Punkt war${f.quote ? '. Gern gehe ich das Angebot mit Ihnen durch und erkläre, was alles enthalten ist' : ''}.`;
      case 'callback':
        return `ich melde mich bei Ihnen zu ${dat(f)}.${planned}`;
      case 're_engaged':
        return f.hadConversation ? `gern knüpfe ich an unseren letzten Kontakt zu ${dat(f)} an.${planned}` : `ich melde mich noch einmal zu ${dat(f)}.${planned}`;
      case 'postponed_date':
        return f.serviceDate ? `wie ich sehe, ist ${nom(f)} jetzt ${datePhrase(f)} geplant.` : `wie ich verstehe, hat sich der Zeitplan zu ${dat(f)} verschoben.`;
      case 'engaged_then_silent':
        return `wir hatten eine Weile keinen Kontakt zu ${dat(f)}, daher wollte ich fragen, wie Ihre Planung läuft.${planned}`;
      case 'wait':
        return `ich melde mich noch einmal zu ${dat(f)}, um zu hören, wie Ihre Pläne aussehen.${planned}`;
      default:
        return `ich wollte kurz nachfragen, wie Ihre Planung zu ${dat(f)} läuft.${planned}`;
    }
  },
  help: () => 'Falls sich etwas geändert hat, etwa der Termin oder der Umfang, sagen Sie mir einfach Bescheid.',
  question: (angle) =>
    angle === 'callback'
      ? 'Wann passt Ihnen ein kurzes Telefonat?'
      : angle === 'open_quote'
        ? 'Haben Sie Fragen dazu, oder kann ich Ihnen sonst weiterhelfen?'
        : 'Ist das Thema für Sie noch aktuell, und kann ich Ihnen irgendwie helfen?',
  signOff: (f) => `Viele Grüße\n${f.owner ?? '[Ihr Name]'}`,
  phoneScript(angle, f, reason) {
    const who = f.owner ? `hier ist ${f.owner}` : 'hier ist [Ihr Name]';
    const date = f.serviceDate ? ` Passt der ${f.serviceDate.text} noch zeitlich?` : '';
    const opener = reason ?? this.opener(angle, f);
    return [
      `Einstieg: Guten Tag${f.fullName ? ` ${f.fullName}` : ''}, ${who}. Ich rufe wegen Ihres Anliegens an: ${nom(f)}. Haben Sie zwei Minuten?`,
      `Anlass: ${opener.charAt(0).toUpperCase()}${opener.slice(1)}`,
      `Frage: Wie läuft Ihre Planung?${date}`,
      'Angebot: Wenn es hilft, gehe ich die Details gern mit Ihnen durch oder schicke Ihnen eine kurze Zusammenfassung per E-Mail.',
      'Abschluss: Für die Zeit danken. Wenn kein Bedarf mehr besteht, freundlich verabschieden und das festhalten, damit nicht erneut angerufen wird.',
    ].join('\n');
  },
};
