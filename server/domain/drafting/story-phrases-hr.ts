/** Croatian story lines (formal "Vi") for the template writer (see story-book.ts). */
import { acc, nom, plannedLine } from './phrases-hr.ts';
import type { DraftFacts } from './phrasebook.ts';
import type { StoryBook, StoryDraftFacts } from './story-book.ts';

/** Croatian dates end in a dot ("15. rujna 2026."): inside a sentence they stand as they are. */
const dana = (s: StoryDraftFacts) => (s.on ? ` ${s.on}` : '');
const newDate = (f: DraftFacts, s: StoryDraftFacts) =>
  s.movedTo ? (s.movedTo.monthLevel ? `planirani mjesec za ${acc(f)} je ${s.movedTo.text}` : `novi datum za ${acc(f)} je ${s.movedTo.text}`) : `termin za ${acc(f)} je kasniji.`;
const valid = (s: StoryDraftFacts) => s.quoteValidUntil ?? 'isteka.';
const sentOn = (f: DraftFacts) => (f.quote?.sentDate ? ` ${f.quote.sentDate}` : '');

export const STORY_HR: StoryBook = {
  openings: {
    callback_missed: [
      (_f, s) => `najprije isprika: željeli ste da Vas nazovemo${s.on ? ` (upit od ${s.on.replace(/\.$/, '')})` : ''}, a nitko Vas od nas nije nazvao.`,
      () => 'žao mi je što Vas nismo nazvali kako ste željeli; to je naš propust.',
      (_f, s) => `ispričavam se:${dana(s)} ste htjeli poziv od nas, a on nije stigao.`,
    ],
    promise_unkept: [
      (_f, s) => (s.promise === 'quote' ? 'žao mi je: obećali smo Vam poslati ponudu, a ona nikad nije stigla.' : 'žao mi je: rekli smo da ćemo Vas nazvati, a nismo se javili.'),
      (_f, s) => (s.promise === 'quote' ? 'rekli smo da ćemo Vam poslati ponudu i to nismo učinili. Ispričavam se.' : 'obećali smo da ćemo Vas nazvati i nismo to ispunili. Ispričavam se.'),
    ],
    question_unanswered: [
      (_f, s) => `postavili ste nam pitanje${s.on ? ` (${s.on.replace(/\.$/, '')})` : ''} i ostalo je bez odgovora. Žao mi je zbog čekanja.`,
      () => 'žao mi je što je Vaše pitanje ostalo bez odgovora.',
      () => 'Vaše pitanje zaslužilo je brži odgovor od tišine; ispričavam se u ime tima.',
    ],
    price_objection: [
      (f) => `hvala što ste otvoreno rekli da Vam je cijena za ${acc(f)} problem; radije ću o tome razgovarati s Vama nego to ostaviti otvorenim.`,
      (f) => `razumijem da Vam je cijena za ${acc(f)} bila važna i to je potpuno opravdano.`,
      (f) => `cijena za ${acc(f)} nije Vam sasvim odgovarala i to ne želim ostaviti bez odgovora.`,
    ],
    date_moved: [
      (f, s) => `hvala što ste nam javili da su se planovi promijenili: ${newDate(f, s)}`,
      (f, s) => `razumijem da se vrijeme pomaknulo: ${newDate(f, s)}`,
      (f, s) => `želim s Vama provjeriti novi termin: ${newDate(f, s)}`,
    ],
    voicemails_unanswered: [
      () => 'pokušali smo Vas nekoliko puta dobiti telefonom, pa Vam radije pišem.',
      () => 'nismo se uspjeli čuti telefonom, pa Vam šaljem kratku poruku.',
      () => 'umjesto da Vas ponovno zovem, radije Vam pišem.',
    ],
    quote_expired: [
      (f, s) => `ponuda koju smo Vam poslali${sentOn(f)} vrijedila je do ${valid(s)} Zanima me kako sada stoje stvari.`,
      (f, s) => `prošlo je neko vrijeme od naše ponude za ${acc(f)}, a istekla je ${valid(s)} Kako sada izgledaju Vaši planovi?`,
      (f, s) => `naša ponuda za ${acc(f)} više ne vrijedi (istekla je ${valid(s).replace(/\.$/, '')}); ako je posao još aktualan, ured će rado pripremiti novu pisanu ponudu.`,
    ],
  },
  reconnect: {
    callback: (f) => `javljam se vezano uz ${acc(f)}.`,
    re_engaged: (f) => `drago mi je što se ponovno čujemo vezano uz ${acc(f)}.`,
    postponed_date: (f) => `želim se javiti vezano uz ${acc(f)}.`,
    price_objection: (f) => `vraćam se s Vama na ${acc(f)}.`,
    upcoming_date: (f) => (f.serviceDate ? `${nom(f)} se bliži, pa se želim javiti.` : `pišem Vam vezano uz ${acc(f)}.`),
    open_quote: (f) => (f.quote ? `kratko pitanje o ponudi za ${acc(f)}.` : `kratko pitanje vezano uz ${acc(f)}.`),
    engaged_then_silent: (f) => `prošlo je neko vrijeme otkako smo se čuli vezano uz ${acc(f)}.`,
    general: (f) => `želim provjeriti kako napreduju planovi za ${acc(f)}.`,
    wait: (f) => `ponovno se javljam vezano uz ${acc(f)}.`,
    'wait:recently_contacted': (f) => `kratka provjera vezano uz ${acc(f)}.`,
    'wait:too_early': (f) => `još ima vremena do termina za ${acc(f)}, pa se samo kratko javljam da ostanemo u kontaktu.`,
    'wait:customer_asked_to_wait': (f) => `ponovno se javljam vezano uz ${acc(f)}, u vrijeme koje bi Vam trebalo bolje odgovarati.`,
  },
  context: (f) => `javljam se vezano uz ${acc(f)}.${plannedLine(f)}`,
  dateCheck: (f, s) => `Prema mojim podacima ${newDate(f, s)} Je li to još točno?`,
  objectionAnswer: (f) => `Cijene ne mogu mijenjati e-mailom, ali rado ću s Vama proći što ${f.quote ? 'ponuda' : 'posao'} uključuje i provjeriti odgovara li opseg Vašim potrebama.`,
  expiredNote: (f) => `Ponuda${f.quote?.sentDate ? ` od ${f.quote.sentDate}` : ''} više ne vrijedi, pa bi svaki iznos trebao novu pisanu ponudu iz ureda.`,
  questions: {
    callback_missed: [() => 'Kada Vam odgovara kratak razgovor telefonom? Ovaj put ćemo se sigurno javiti.', () => 'U koje doba dana Vas najlakše dobijem telefonom?'],
    promise_unkept: [() => 'Kako želite da nastavimo: telefonom ili e-mailom?', () => 'Je li Vam to još korisno i kako Vas najlakše dobijemo?'],
    question_unanswered: [() => 'Je li pitanje još otvoreno? Rado ću odgovoriti telefonom ili e-mailom.', () => 'Želite li da Vam odgovorim telefonom ili e-mailom?'],
    price_objection: [() => 'Što bi trebalo biti drukčije da Vam ovo odgovara?', () => 'Koji su Vam dijelovi posla najvažniji, da zajedno pogledamo opseg?'],
    date_moved: [() => 'Vrijedi li novi termin i je li fiksan ili fleksibilan?', () => 'Stoji li novi plan ili je još nešto otvoreno?'],
    quote_expired: [() => 'Je li posao još aktualan i bi li Vam pomogla nova ponuda?', () => 'Kakvo je stanje kod Vas?'],
    quiet_after_quote: [() => 'Što bi trebalo biti drukčije da Vam ovo odgovara?', () => 'Postoji li nešto što bi Vam olakšalo odluku?', () => 'Što Vam još treba da se odlučite?'],
    voicemails_unanswered: [() => 'Odgovara li Vam više e-mail ili postoji dobro vrijeme za poziv?', () => 'Kako Vas najlakše dobijem?'],
  },
};
