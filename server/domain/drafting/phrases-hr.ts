/** Croatian phrase templates (formal "Vi") for the template writer (see phrasebook.ts). */
import type { Angle } from './angle.ts';
import type { DraftFacts, PhraseBook, ServiceKind } from './phrasebook.ts';

// [nominative, accusative]; the route goes in brackets so place names need no declension.
const NOUN: Record<ServiceKind, [string, string]> = {
  moving: ['Vaša selidba', 'Vašu selidbu'],
  office_moving: ['Vaša selidba ureda', 'Vašu selidbu ureda'],
  storage: ['Vaše skladištenje', 'Vaše skladištenje'],
  cleaning: ['Vaše čišćenje', 'Vaše čišćenje'],
  logistics: ['Vaš prijevoz', 'Vaš prijevoz'],
  other: ['Vaš upit', 'Vaš upit'],
};

function route(f: DraftFacts): string {
  if (f.location) return ` (${f.location})`;
  if (f.origin && f.destination) return ` (${f.origin} – ${f.destination})`;
  return f.destination || f.origin ? ` (${f.destination ?? f.origin})` : '';
}

export const nom = (f: DraftFacts) => `${NOUN[f.service][0]}${route(f)}`;
export const acc = (f: DraftFacts) => `${NOUN[f.service][1]}${route(f)}`;

export function plannedLine(f: DraftFacts): string {
  if (!f.serviceDate) return '';
  return f.serviceDate.monthLevel ? ` Planirani mjesec je ${f.serviceDate.text}` : ` Planirani datum je ${f.serviceDate.text}`;
}

export const PHRASES_HR: PhraseBook = {
  subject: (f) => nom(f),
  greeting: (f) => (f.fullName ? `Dobar dan, ${f.fullName},` : 'Dobar dan,'),
  opener(angle: Angle, f) {
    const planned = plannedLine(f);
    const quote = f.quote
      ? `javljam se vezano uz ponudu koju smo Vam poslali${f.quote.sentDate ? ` ${f.quote.sentDate}` : ''}${f.quote.amount ? ` (${f.quote.amount})` : ''} za ${acc(f)}.`
      : '';
    switch (angle) {
      case 'open_quote':
        return quote ? `${quote} Nadam se da ste je stigli pogledati.` : `javljam se vezano uz ${acc(f)}.${planned}`;
      case 'upcoming_date':
        return f.serviceDate ? `javljam se vezano uz ${acc(f)}.${planned}, pa Vas želimo pitati kako teku pripreme.` : `javljam se vezano uz ${acc(f)} da čujem kako teku pripreme.`;
      case 'price_objection':
        return `javljam se vezano uz ${acc(f)}. Razumijem da Vam je cijena bila važna${f.quote ? ', pa Vam rado mogu objasniti što sve ponuda uključuje' : ''}.`;
      case 'callback':
        return `javljam se vezano uz ${acc(f)}.${planned}`;
      case 're_engaged':
        return f.hadConversation ? `rado nastavljamo tamo gdje smo stali vezano uz ${acc(f)}.${planned}` : `ponovno se javljam vezano uz ${acc(f)}.${planned}`;
      case 'postponed_date':
        return f.serviceDate ? `vidim da se planovi za ${acc(f)} mijenjaju.${planned}` : `razumijem da se vrijeme za ${acc(f)} promijenilo.`;
      case 'engaged_then_silent':
        return `prošlo je neko vrijeme otkako smo bili u kontaktu vezano uz ${acc(f)}, pa Vas želimo pitati kako teku planovi.`;
      case 'wait':
        return `ponovno se javljam vezano uz ${acc(f)} da čujem kako teku Vaši planovi.`;
      default:
        return `javljam se vezano uz ${acc(f)} da čujem kako teku Vaši planovi.`;
    }
  },
  help: () => 'Ako se nešto promijenilo, primjerice datum ili opseg posla, slobodno mi javite.',
  question: (angle) =>
    angle === 'callback'
      ? 'Kada Vam odgovara kratak razgovor telefonom?'
      : angle === 'open_quote'
        ? 'Imate li pitanja ili Vam mogu još nekako pomoći?'
        : 'Je li ovo još aktualno za Vas i mogu li Vam nekako pomoći?',
  signOff: (f) => `Srdačan pozdrav,\n${f.owner ?? '[Vaše ime]'}`,
  phoneScript(angle, f, reason) {
    const who = f.owner ? `ovdje ${f.owner}` : 'ovdje [Vaše ime]';
    const opener = reason ?? this.opener(angle, f);
    return [
      `Uvod: Dobar dan${f.fullName ? `, ${f.fullName}` : ''}, ${who}. Zovem vezano uz ${acc(f)}. Imate li dvije minute?`,
      `Povod: ${opener.charAt(0).toUpperCase()}${opener.slice(1)}`,
      `Pitanje: Kako teku Vaši planovi?${f.serviceDate ? ' Vrijedi li još planirani termin?' : ''}`,
      'Ponuda: Ako Vam odgovara, mogu s Vama proći detalje ili Vam poslati kratak sažetak e-mailom.',
      'Kraj: Zahvalite na vremenu. Ako više nemaju potrebu, ljubazno se pozdravite i zabilježite to kako se ne bi ponovno javljali.',
    ].join('\n');
  },
};
