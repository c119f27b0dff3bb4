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
import { checkGrounding } from '../guardrails/registry.ts';
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
import { buildLeadStory, type LeadStory } from '../story/index.ts';
import { reconnectKey, STORY_LED } from './story-book.ts';
import { pickFor, STORY_BOOKS, storyDraftFacts } from './story-draft.ts';

const BOOKS: Record<DraftLanguage, PhraseBook> = { en: PHRASES_EN, de: PHRASES_DE, hr: PHRASES_HR };

export function draftLanguage(language: string | null | undefined): DraftLanguage {
  const l = (language ?? '').toLowerCase().slice(0, 2);
  return l === 'de' || l === 'hr' ? l : 'en';
}

function latestSentQuote(lead: Lead) {
  const quotes = (lead.quotes ?? []).filter((q) => q && q.status !== 'withdrawn' && (q.sent_at || q.amount != null));
  return quotes.sort((a, b) => (a.sent_at ?? '').localeCompare(b.sent_at ?? '')).at(-1) ?? null;
}

export function collectDraftFacts(lead: Lead, asOf: Date, notes: string[], story?: LeadStory): DraftFacts {
  const language = draftLanguage(lead.contact?.language);
  const fullName = safeFieldText(lead.contact?.name);
  if (lead.contact?.name && !fullName) notes.push('Contact name looked unusual and was left out of the draft.');
  const origin = safeFieldText(lead.service?.origin, 40);
  const destination = safeFieldText(lead.service?.destination, 40);
  if ((lead.service?.origin && !origin) || (lead.service?.destination && !destination)) notes.push('Origin or destination text looked unusual and was left out of the draft.');
  // A date that moved (the story read it from the notes) replaces the field's old date; when the
  // grounding checker cannot read that date back from the record, the draft names no date at all.
  const moved = story?.date_moved && story.date_moved.to >= story.as_of ? story.date_moved : null;
  const movedText = moved ? (moved.day_certain ? formatDay(language, moved.to) : formatMonth(language, moved.to)) : null;
  const date = toDay(lead.service?.date);
  const serviceDate = moved
    ? movedText && datesGrounded(lead, movedText, asOf) ? { text: movedText, monthLevel: !moved.day_certain } : null
    : date && date >= asOf && lead.service?.date
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

/** The opening paragraph and closing question, from the story where it decides them, else from the angle. */
function storyParts(lead: Lead, story: LeadStory, angle: Angle, facts: DraftFacts, book: PhraseBook, firstReason: string | undefined) {
  const storyBook = STORY_BOOKS[facts.language];
  // The moved date as the draft may state it (null when the record cannot back it).
  const s = { ...storyDraftFacts(story, facts.language), movedTo: story.date_moved ? facts.serviceDate : null };
  const openings = storyBook.openings[s.situation];
  const led = STORY_LED.has(s.situation) && openings !== undefined && (s.situation !== 'quote_expired' || facts.quote !== null);
  const sentences: string[] = [];
  // Keyed by the first reason's own angle: the rep's queue shows leads by their first reason.
  const firstAngle = firstReason ? chooseAngle({ decision: angle === 'wait' ? 'wait' : 'contact', reasons: [{ code: firstReason, explanation: '' }] }) : angle;
  const reconnect = storyBook.reconnect[reconnectKey(firstAngle, firstReason)] ?? storyBook.reconnect[firstAngle] ?? storyBook.reconnect.general;
  if (led) {
    // Reconnect first (a line of its own per angle), then where we lost them, owning our part.
    sentences.push(reconnect(facts, s), capitalise(pickFor(lead.id, `open:${s.situation}`, openings)(facts, s)));
  } else if (angle === 'wait') {
    sentences.push(reconnect(facts, s));
    if (facts.serviceDate) sentences.push(capitalise(storyBook.context(facts, s)).replace(/^[^.]*\.\s*/, ''));
  } else {
    sentences.push(book.opener(angle, facts));
  }
  const situations = new Set([s.situation, ...s.also]);
  if (s.situation !== 'date_moved' && situations.has('date_moved') && s.movedTo) sentences.push(storyBook.dateCheck(facts, s));
  if (situations.has('price_objection')) sentences.push(storyBook.objectionAnswer(facts, s));
  if (s.situation !== 'quote_expired' && situations.has('quote_expired') && facts.quote) sentences.push(storyBook.expiredNote(facts, s));
  const questions = storyBook.questions[s.situation];
  const question = questions ? pickFor(lead.id, `ask:${s.situation}`, questions)(facts, s) : book.question(angle, facts);
  // On the phone, "here is a note instead" makes no sense: the reason is what the call is about.
  const phoneReason = led && s.situation !== 'voicemails_unanswered' ? sentences.slice(0, 2).join(' ') : book.opener(angle, facts);
  return { opening: sentences.join(' '), question, phoneReason: capitalise(phoneReason), led };
}

export function writeTemplateDraft(lead: Lead, decision: RuleDecision, opts: { asOf: string; story?: LeadStory }): DraftRecommendation {
  const asOf = toDay(opts.asOf);
  if (!asOf) throw new Error(`writeTemplateDraft: asOf must be an ISO date, got ${JSON.stringify(opts.asOf)}`);
  const notes: string[] = [];
  const story = opts.story ?? buildLeadStory(lead, opts.asOf);
  const facts = collectDraftFacts(lead, asOf, notes, story);
  const angle = chooseAngle(decision);
  const book = BOOKS[facts.language];
  if (lead.contact?.language && draftDiffers(lead.contact.language, facts.language)) notes.push(`No templates for language '${lead.contact.language}': drafted in English.`);
  const outreach = decision.decision === 'contact' || decision.decision === 'wait';
  const canEmail = outreach && lead.consent?.email !== false && Boolean(lead.contact?.email) && !lead.consent?.opted_out_at;
  const canCall = outreach && lead.consent?.phone !== false && Boolean(lead.contact?.phone) && !lead.consent?.opted_out_at;
  const parts = storyParts(lead, story, angle, facts, book, decision.reasons[0]?.code);
  // After a comma greeting, German and Croatian letters go on in lower case.
  const opening = facts.language === 'en' ? capitalise(parts.opening) : parts.opening;
  const body = [book.greeting(facts), '', opening, '', book.help(facts), parts.question, '', book.signOff(facts)].join('\n');
  const flags = computeRiskFlags(lead, decision, asOf, notes);
  const codes = decision.reasons.map((r) => r.code);
  return DraftRecommendation.parse({
    angle: parts.led ? `${STORY_ANGLE[story.lost_after.kind] ?? ANGLE_SUMMARY[angle]}` : ANGLE_SUMMARY[angle],
    timing: timingLine(lead, decision, asOf, canCall, canEmail),
    email: canEmail ? { subject: book.subject(facts), body } : null,
    phone_script: canCall ? book.phoneScript(angle, facts, parts.phoneReason) : null,
    objection_handling: objectionsFor(angle),
    risk_flags: flags,
    confidence: confidenceFor(decision, flags.length),
    rationale: `Template draft (${facts.language}). Decision ${decision.decision}${codes.length ? ` for ${codes.join(', ')}` : ''}; angle '${angle}' from the reason codes, opening from the story (lost after: ${story.lost_after.kind}). Built from the lead's structured fields and its story only; no CRM free text is quoted.`,
  });
}

/** What the rep should do first, where the story decides the opening. English, as the workbench is. */
const STORY_ANGLE: Partial<Record<LeadStory['lost_after']['kind'], string>> = {
  callback_missed: 'Missed callback: apologise that nobody called back, then agree a time and make sure the call happens.',
  promise_unkept: 'Unkept promise: own that we did not follow through, then offer to do it now.',
  question_unanswered: 'Unanswered question: apologise for the silence and offer to answer it now.',
  price_objection: 'Open price objection: acknowledge it, explain what the quote covers, ask what would make it work; no new figures.',
  date_moved: 'Moved date: confirm the new timing and whether it is fixed, then offer help when it suits them.',
  voicemails_unanswered: 'Calls went unanswered: switch to a short written note and ask how they prefer to be reached.',
  quote_expired: 'Expired quote: ask where things stand; any price now needs a fresh written quote.',
};

/** The record supports every date in the text, as the grounding checker reads them. */
function datesGrounded(lead: Lead, text: string, asOf: Date): boolean {
  return !checkGrounding(lead, text, { asOf: asOf.toISOString().slice(0, 10) }).issues.some((i) => i.kind === 'unsupported_date');
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
