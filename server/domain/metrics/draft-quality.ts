/**
 * Draft quality beside grounding: does the draft state the story's key fact (the missed callback,
 * the unanswered question, the moved date, the open objection...) and is it in the lead's
 * language? Works on any writer's text (template or model), with cues in en/de/hr.
 */
import { draftLanguage } from '../drafting/template-writer.ts';
import { extractDates } from '../guardrails/extract-dates.ts';
import { foldText } from '../features/text.ts';
import { KEY_FACT_KINDS, type LeadStory, type LostContactKind } from '../story/types.ts';
import { detectLanguage, type CheckedLanguage } from './language-check.ts';

type Cues = RegExp[];
/** Every pattern of a kind must match (folded text): e.g. a call word AND an apology word. */
const KEY_FACT_CUES: Partial<Record<LostContactKind, Cues>> = {
  callback_missed: [/\b(call|ring|phone)|ruckruf|anruf|angerufen|zuruckgerufen|telefon|nazv|nazov|poziv/, /sorry|apolog|owe you|on us|should have|never came|did not|didn'?t|entschuldig|leid|fehler|versaum|isprik|ispricav|zao|propust|nismo|nije/],
  promise_unkept: [/sorry|apolog|let it slip|did not|didn'?t|entschuldig|leid|nicht eingehalten|nicht passiert|isprik|ispricav|zao|nismo/],
  question_unanswered: [/question|frage|pitanj/],
  price_objection: [/price|cost|budget|figure|preis|kosten|betrag|cijen|trosk|budzet|iznos/],
  quote_expired: [/valid|expired|ran out|gultig|abgelaufen|vrijed|istek/],
};

export interface DraftQuality {
  story_kind: LostContactKind;
  /** null when the story has no single key fact to state (went quiet, in touch...). */
  story_covered: boolean | null;
  expected_language: CheckedLanguage;
  /** false when the lead's language has no drafts (the draft is English by design). */
  language_supported: boolean;
  detected_language: CheckedLanguage | null;
  language_match: boolean;
}

function statesDate(text: string, iso: string, asOf: Date): boolean {
  const day = new Date(`${iso}T00:00:00Z`).getTime();
  return extractDates(text, asOf).some((m) => m.candidates.some((c) => c.start.getTime() <= day && day <= c.end.getTime()));
}

/** The parts of a draft written in the customer's language (objection handling is rep guidance, in English). */
export function customerLanguageText(draft: { email: { subject: string; body: string } | null; phone_script: string | null }): string {
  return [draft.email?.subject, draft.email?.body, draft.phone_script].filter(Boolean).join('\n\n');
}

export function assessDraft(story: LeadStory, text: string, contactLanguage: string | null | undefined): DraftQuality {
  const kind = story.lost_after.kind;
  const folded = foldText(text);
  let covered: boolean | null = null;
  if (KEY_FACT_KINDS.has(kind)) {
    if (kind === 'date_moved') covered = story.date_moved ? statesDate(text, story.date_moved.to, new Date(`${story.as_of}T00:00:00Z`)) : null;
    else covered = (KEY_FACT_CUES[kind] ?? []).every((re) => re.test(folded));
  }
  const code = (contactLanguage ?? 'en').toLowerCase().slice(0, 2);
  const expected = draftLanguage(contactLanguage);
  const detected = detectLanguage(text).language;
  return { story_kind: kind, story_covered: covered, expected_language: expected, language_supported: !contactLanguage || code === expected, detected_language: detected, language_match: detected === expected };
}
