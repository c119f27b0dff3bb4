/**
 * The deterministic `template` writer: fills the reviewed phrase templates (en, de, hr by
 * contact.language) from structured facts only. It never quotes CRM free text, never promises
 * prices, never claims actions, and its drafts pass the grounding checker with zero issues
 * (test/unit/drafting). It is the fallback when a model fails and the baseline models beat.
 */
import type { RuleDecision } from '../decision.ts';
import type { Lead } from '../lead.ts';
import { DraftRecommendation } from '../recommendation.ts';
import { hasPastEvent } from '../guardrails/activity-evidence.ts';
import { gazetteerPlacesIn } from '../guardrails/extract-places.ts';
import { DAY_MS, toDay } from '../guardrails/text-utils.ts';
import { ANGLE_SUMMARY, type Angle, chooseAngle } from './angle.ts';
import { type DraftLanguage, displayOwner, formatAmount, formatDay, formatMonth, safeFieldText } from './format.ts';
import type { DraftFacts, PhraseBook } from './phrasebook.ts';
import { serviceKind } from './phrasebook.ts';
import { PHRASES_DE } from './phrases-de.ts';
import { PHRASES_EN } from './phrases-en.ts';
import { PHRASES_HR } from './phrases-hr.ts';
import { computeRiskFlags } from './risk-flags.ts';

const BOOKS: Record<DraftLanguage, PhraseBook> = { en: PHRASES_EN, de: PHRASES_DE, hr: PHRASES_HR };

export function draftLanguage(language: string | null | undefined): DraftLanguage {
  const l = (language ?? '').toLowerCase().slice(0, 2);
  return l === 'de' || l === 'hr' ? l : 'en';
}

function latestSentQuote(lead: Lead) {
  const quotes = (lead.quotes ?? []).filter((q) => q && q.status !== 'withdrawn' && (q.sent_at || q.amount != null));
  return quotes.sort((a, b) => (a.sent_at ?? '').localeCompare(b.sent_at ?? '')).at(-1) ?? null;
}

export function collectDraftFacts(lead: Lead, asOf: Date, notes: string[]): DraftFacts {
  const language = draftLanguage(lead.contact?.language);
  const fullName = safeFieldText(lead.contact?.name);
  if (lead.contact?.name && !fullName) notes.push('Contact name looked unusual and was left out of the draft.');
  const origin = safeFieldText(lead.service?.origin, 40);
  const destination = safeFieldText(lead.service?.destination, 40);
  if ((lead.service?.origin && !origin) || (lead.service?.destination && !destination)) notes.push('Origin or destination text looked unusual and was left out of the draft.');
  const date = toDay(lead.service?.date);
  const serviceDate = date && date >= asOf && lead.service?.date
    ? lead.service.date_flexibility === 'month'
      ? { text: formatMonth(language, lead.service.date), monthLevel: true }
      : { text: formatDay(language, lead.service.date), monthLevel: false }
    : null;
  const q = latestSentQuote(lead);
  const quote = q
    ? {
        sentDate: q.sent_at ? formatDay(language, q.sent_at) : null,
        amount: typeof q.amount === 'number' && q.amount > 0 ? formatAmount(language, q.amount, q.currency) : null,
      }
    : null;
  const service = serviceKind(lead.service?.type);
  // A route only makes sense for a move between two places; local jobs name one place.
  const local = service === 'cleaning' || service === 'storage' || (origin !== null && destination !== null && samePlace(origin, destination));
  return {
    language,
    fullName,
    firstName: fullName ? fullName.split(/\s+/)[0] : null,
    owner: displayOwner(lead.owner),
    service,
    origin: local ? null : origin,
    destination: local ? null : destination,
    location: local ? (destination ?? origin) : null,
    serviceDate,
    quote,
    hadConversation: hasPastEvent(lead, 'two_way_contact'),
  };
}

function timingLine(lead: Lead, decision: RuleDecision, asOf: Date, canCall: boolean, canEmail: boolean): string {
  const channel = canCall && canEmail ? ' Call first; send the email if you cannot reach them.' : canCall ? ' By phone only.' : canEmail ? ' By email only.' : ' No permitted channel on record.';
  if (decision.decision === 'wait') {
    return decision.recontact_after ? `Wait: do not contact before ${decision.recontact_after}.${channel}` : `Wait: no re-contact date set; review again later.${channel}`;
  }
  const date = toDay(lead.service?.date);
  const days = date ? Math.round((date.getTime() - asOf.getTime()) / DAY_MS) : null;
  const when = days !== null && days >= 0 ? ` The service date ${lead.service?.date} is ${days} days away.` : '';
  return `Contact now (priority ${decision.priority}).${when}${channel}`;
}

const OBJECTIONS: Record<'price' | 'timing' | 'elsewhere' | 'not_ready' | 'stop', string> = {
  price: 'Price: ask what matters most to them and what they compared; explain what the job includes. Any change to the price needs a new written quote from the office; agree no figures on the call.',
  timing: 'Timing: if the date has moved, ask for the new date and whether it is fixed or flexible; offer to check back closer to it.',
  elsewhere: 'Already arranged elsewhere: thank them, wish them a good move, and record it so they are not contacted again.',
  not_ready: 'Not ready yet: ask when it would make sense to check back in, and note that date.',
  stop: 'Does not want contact: apologise, say it will be noted, end the conversation, and record the objection.',
};

function objectionsFor(angle: Angle): string[] {
  const first = angle === 'price_objection' || angle === 'open_quote' ? ['price', 'timing'] : ['timing', 'price'];
  return [...first, 'not_ready', 'elsewhere', 'stop'].map((k) => OBJECTIONS[k as keyof typeof OBJECTIONS]);
}

function confidenceFor(decision: RuleDecision, flags: number): number {
  const base = decision.decision === 'contact' ? 0.55 + Math.min(40, Math.max(0, decision.priority)) / 200 : decision.decision === 'wait' ? 0.45 : 0.1;
  return Math.round(Math.min(0.9, Math.max(0.1, base - 0.08 * Math.min(flags, 4))) * 100) / 100;
}

export function writeTemplateDraft(lead: Lead, decision: RuleDecision, opts: { asOf: string }): DraftRecommendation {
  const asOf = toDay(opts.asOf);
  if (!asOf) throw new Error(`writeTemplateDraft: asOf must be an ISO date, got ${JSON.stringify(opts.asOf)}`);
  const notes: string[] = [];
  const facts = collectDraftFacts(lead, asOf, notes);
  const angle = chooseAngle(decision);
  const book = BOOKS[facts.language];
  if (lead.contact?.language && draftDiffers(lead.contact.language, facts.language)) notes.push(`No templates for language '${lead.contact.language}': drafted in English.`);
  const outreach = decision.decision === 'contact' || decision.decision === 'wait';
  const canEmail = outreach && lead.consent?.email !== false && Boolean(lead.contact?.email) && !lead.consent?.opted_out_at;
  const canCall = outreach && lead.consent?.phone !== false && Boolean(lead.contact?.phone) && !lead.consent?.opted_out_at;
  const opener = book.opener(angle, facts);
  // After a comma greeting, German and Croatian letters go on in lower case.
  const body = [book.greeting(facts), '', facts.language === 'en' ? capitalise(opener) : opener, '', book.help(facts), book.question(angle, facts), '', book.signOff(facts)].join('\n');
  const flags = computeRiskFlags(lead, decision, asOf, notes);
  const codes = decision.reasons.map((r) => r.code);
  return DraftRecommendation.parse({
    angle: ANGLE_SUMMARY[angle],
    timing: timingLine(lead, decision, asOf, canCall, canEmail),
    email: canEmail ? { subject: book.subject(facts), body } : null,
    phone_script: canCall ? book.phoneScript(angle, facts) : null,
    objection_handling: objectionsFor(angle),
    risk_flags: flags,
    confidence: confidenceFor(decision, flags.length),
    rationale: `Template draft (${facts.language}). Decision ${decision.decision}${codes.length ? ` for ${codes.join(', ')}` : ''}; angle '${angle}' chosen from the reason codes. Built from the lead's structured fields only; no CRM free text is quoted.`,
  });
}

/** "Wien" and "Vienna" are one place: a move within it names it once. */
function samePlace(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  const pa = gazetteerPlacesIn(a);
  return pa.length > 0 && gazetteerPlacesIn(b).some((p) => pa.includes(p));
}

function draftDiffers(language: string, used: DraftLanguage): boolean {
  return language.toLowerCase().slice(0, 2) !== used;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The text of a draft that reaches a customer or a rep's script, for grounding checks. */
export function draftTextForGrounding(draft: Pick<DraftRecommendation, 'email' | 'phone_script' | 'objection_handling'>): string {
  return [draft.email?.subject, draft.email?.body, draft.phone_script, ...draft.objection_handling].filter(Boolean).join('\n\n');
}
