/**
 * The story layer of the template writer: what to say first where we lost the customer, one
 * book per language. Each situation has several openings (the writer picks one seeded by the
 * lead id) so a rep's day does not read as one form letter. The method: reconnect first, no hard
 * sell; own our mistake where we dropped the ball; check a date that moved; answer a price
 * objection without naming or promising a price; ask what would make it work after a quote.
 * Phrases take formatted record facts only, never CRM free text.
 */
import type { LostContactKind } from '../story/types.ts';
import type { DraftFacts } from './phrasebook.ts';

export interface StoryDraftFacts {
  situation: LostContactKind;
  /** Other situations that also hold (a moved date beside a missed callback). */
  also: LostContactKind[];
  /** Formatted date of the situation's event (the ask, the question, the objection...). */
  on: string | null;
  promise: 'call' | 'quote' | null;
  /** The service date after it moved, formatted. */
  movedTo: { text: string; monthLevel: boolean } | null;
  quoteValidUntil: string | null;
}

export type StoryPhrase = (f: DraftFacts, s: StoryDraftFacts) => string;

export interface StoryBook {
  /** Openings for the situations where the story decides the first words. */
  openings: Partial<Record<LostContactKind, StoryPhrase[]>>;
  /** What the message is about, after a story opening: the job and its date. */
  context: StoryPhrase;
  /**
   * The first sentence where the story leads: a short reconnect line per decision angle (wait
   * split by its reason), so that one situation's wording is not every reason's opening.
   */
  reconnect: Record<string, StoryPhrase>;
  /** Secondary lines, one per situation that also holds. */
  dateCheck: StoryPhrase;
  objectionAnswer: StoryPhrase;
  expiredNote: StoryPhrase;
  /** Closing questions per situation (several each); `default` for the rest. */
  questions: Partial<Record<LostContactKind | 'default', StoryPhrase[]>>;
}

/** The reconnect line's key: the angle, and for a wait the reason it waits for. */
export function reconnectKey(angle: string, firstReason: string | undefined): string {
  return angle === 'wait' && firstReason ? `wait:${firstReason}` : angle;
}

/** Situations whose opening comes from the story rather than the decision's angle. */
export const STORY_LED: ReadonlySet<LostContactKind> = new Set([
  'callback_missed', 'promise_unkept', 'question_unanswered', 'price_objection', 'date_moved', 'voicemails_unanswered', 'quote_expired',
]);
