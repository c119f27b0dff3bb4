/** The story of a lead: how it came in, what was quoted, who spoke last, where contact was lost. */

/** Where contact was lost, most pressing first: what we owe the customer comes before what they owe us. */
export const LOST_CONTACT_KINDS = [
  'callback_missed',
  'promise_unkept',
  'question_unanswered',
  'price_objection',
  'date_moved',
  'voicemails_unanswered',
  'quote_expired',
  'quiet_after_quote',
  'went_quiet',
  'never_reached',
  'in_touch',
] as const;
export type LostContactKind = (typeof LOST_CONTACT_KINDS)[number];

/** Kinds whose fact a draft should state (story_coverage); the others have no single fact to name. */
export const KEY_FACT_KINDS: ReadonlySet<LostContactKind> = new Set([
  'callback_missed', 'promise_unkept', 'question_unanswered', 'price_objection', 'date_moved', 'quote_expired',
]);

export type StoryFactKind =
  | 'came_in' | 'quoted' | 'customer_wrote' | 'customer_called' | 'we_wrote' | 'we_called' | 'note'
  | 'callback_asked' | 'question_asked' | 'price_objection' | 'date_moved' | 'promise_made' | 'quote_expired';

export interface StoryFact {
  kind: StoryFactKind;
  /** ISO date (YYYY-MM-DD), or null when the record does not date it. */
  date: string | null;
  /** One short line in English for the rep; never CRM free text. */
  summary: string;
  /** Index in lead.activities, when the fact comes from one. */
  activity_index: number | null;
}

export interface StoryQuote {
  id: string | null;
  sent_on: string | null;
  amount: number | null;
  currency: string | null;
  valid_until: string | null;
  status: string | null;
  expired: boolean;
}

export interface StoryTouch {
  date: string | null;
  channel: string | null;
  outcome: string | null;
  activity_index: number;
}

export interface LostContact {
  kind: LostContactKind;
  /** When it happened (the ask, the objection, the last unanswered call...), or null. */
  date: string | null;
  /** The plain "Lost after" line, in English. */
  detail: string;
}

export interface LeadStory {
  as_of: string;
  came_in: { date: string | null; source: string | null; channel: string | null };
  quotes: StoryQuote[];
  last_inbound: StoryTouch | null;
  last_outbound: StoryTouch | null;
  lost_after: LostContact;
  /** Other situations that also hold (a moved date beside a missed callback): drafts may add a line for each. */
  also: LostContact[];
  /** The customer's last words: for the rep's eyes only (UI), never copied into a customer draft. */
  customer_last_said: { date: string | null; channel: string | null; excerpt: string; activity_index: number } | null;
  callback: { asked_on: string | null } | null;
  question: { asked_on: string | null } | null;
  objection: { said_on: string | null; budget: number | null } | null;
  date_moved: { told_on: string | null; to: string; from: string | null; day_certain: boolean } | null;
  unkept_promises: { date: string | null; what: 'call' | 'quote'; activity_index: number }[];
  unanswered_calls: number;
  /** Undated activities or quotes kept in the story (their timing is unknown). */
  undated: number;
  /** Activities or quotes dated after as_of, left out. */
  hidden_after_as_of: number;
  /** Dated facts in time order, then undated ones. */
  facts: StoryFact[];
  /** Two or three plain sentences for the top of the Review and lead pages. */
  sentences: string[];
}
