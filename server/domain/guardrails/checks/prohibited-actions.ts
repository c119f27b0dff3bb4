/**
 * Claims that something was done in a system: a booking made, a date reserved, a status,
 * quote or contract changed, confirmed or cancelled. Drafts never act; humans do, in the CRM.
 * Offers of future actions ("I can reserve a date if you like") are not claims and pass.
 */
import type { GroundingCheck, GroundingContext, GroundingIssue } from '../types.ts';

const DONE = '(booked|reserved|scheduled|confirmed|cancell?ed|updated|changed|renewed|extended|rescheduled|moved|marked|closed|reopened|secured|blocked|held|registered|processed|removed|deleted|upgraded|signed you up|put you down|pencil+ed you in|locked in)';
const THING = '(booking|reservation|move|moving date|date|slot|appointment|contract|order|status|account|quote|offer|crew|truck|team|survey|subscription|deposit|payment)';

const ACTIONS: RegExp[] = [
  new RegExp(`\\b(I|we)(?:'ve| have| had|'ve just| have just| just| already|'ve already| have already)?\\s+(?:gone ahead and\\s+)?${DONE}\\b`, 'i'),
  new RegExp(`\\b(your|the)\\s+(?:\\w+\\s+)?${THING}\\s+(is|was|has been|have been|is now|are now|are)\\s+(?:now\\s+|all\\s+|officially\\s+)?${DONE}\\b`, 'i'),
  new RegExp(`\\b${THING}\\s+(?:has|have)\\s+(?:now\\s+)?been\\s+${DONE}\\b`, 'i'),
  /\b(you are|you're) (now )?(booked|confirmed|registered|all set|scheduled|on (our|the) (calendar|schedule|list))\b/i,
  /\b(marked (you|your lead|this lead|the lead) as|set your status to|removed you from|moved you to)\b/i,
  /\b(we are|we're|I am|I'm) (holding|keeping|reserving|blocking) (a |the |your )?(date|slot|truck|crew|team|spot)\b/i,
  /\b(ich habe|wir haben|habe ich|haben wir)\b[^\n!?]{0,60}\b(gebucht|reserviert|bestätigt|storniert|geändert|aktualisiert|verlängert|eingetragen|vorgemerkt|gelöscht)\b/i,
  /\b(Ihr|Ihre|der|die|das)\s+(Buchung|Reservierung|Termin|Umzug|Auftrag|Vertrag|Status|Angebot)\s+(ist|wurde)\s+(jetzt |nun |bereits )?(gebucht|reserviert|bestätigt|storniert|geändert|aktualisiert|verlängert)\b/i,
  /\b(rezervirao|rezervirala|rezervirali|potvrdio|potvrdila|potvrdili|otkazao|otkazala|otkazali|a[zž]urirao|a[zž]urirala|a[zž]urirali|promijenio|promijenila|promijenili|produ[zž]io|produ[zž]ila|produ[zž]ili|upisao|upisala|upisali) (sam|smo)\b|\b(sam|smo) (vam )?(rezervirali|rezervirao|rezervirala|potvrdili|potvrdio|otkazali|otkazao|a[zž]urirali|produ[zž]ili|upisali)\b/i,
  /\b(rezervacija|termin|selidba|ugovor|narud[zž]ba|status|ponuda)\b[^.\n]{0,15}\b(je|su) (sada |ve[cć] )?(potvr[dđ]en[aio]?|rezerviran[aio]?|otkazan[aio]?|a[zž]uriran[aio]?|produ[zž]en[aio]?|promijenjen[aio]?)\b/i,
];

// Past participles after these are not claims: "once it is confirmed", "if you'd like it booked".
const CONDITIONAL = /\b(if|once|when|whether|as soon as|before|until|wenn|sobald|falls|ako|kad|čim|would you like|do you want|shall I|should I|can I|may I|möchten Sie|želite li)\b[^.\n]*$/i;

export const prohibitedActionCheck: GroundingCheck = {
  id: 'prohibited_actions',
  description: 'no claims that a booking, status, quote or contract was made, changed, confirmed or cancelled',
  run(ctx: GroundingContext): GroundingIssue[] {
    const issues: GroundingIssue[] = [];
    for (const re of ACTIONS) {
      for (const m of ctx.text.matchAll(new RegExp(re.source, 'gi'))) {
        const index = m.index ?? 0;
        const lineStart = Math.max(ctx.text.lastIndexOf('.', index), ctx.text.lastIndexOf('\n', index), ctx.text.lastIndexOf('?', index));
        if (CONDITIONAL.test(ctx.text.slice(lineStart + 1, index))) continue;
        if (/\?/.test(ctx.text.slice(index, ctx.text.indexOf('\n', index) >= 0 ? ctx.text.indexOf('\n', index) : undefined).split(/[.!]/)[0])) continue;
        issues.push({ kind: 'prohibited_action', text: m[0].trim(), explanation: 'Claims an action on a booking, status, quote or contract; drafts never act, the rep does in the CRM.' });
      }
    }
    return dedupe(issues);
  },
};

function dedupe(issues: GroundingIssue[]): GroundingIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.text) ? false : (seen.add(i.text), true)));
}
