/**
 * The YAML shape of a ruleset, validated with zod. A ruleset is a folder of YAML files; each file
 * may hold any of three top-level keys, merged across files:
 *   ruleset:  settings (exactly one file has it)
 *   signals:  named phrase lists (or model-backed signals)
 *   rules:    a list of rules
 */
import { z } from 'zod';
import { DECISIONS, IsoDate, Lead } from '../lead.ts';

const snake = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case (a-z, 0-9, _)');
const template = z.string().min(1).max(500);
const expression = z.string().min(1, 'must not be empty').max(2000);

/** Rule kinds, in the order the engine applies them. */
export const RULE_KINDS = ['hard_block', 'exclusion', 'wait', 'contact', 'priority'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const RuleSpec = z.strictObject({
  id: snake,
  kind: z.enum(RULE_KINDS),
  description: z.string().min(1).max(1000),
  /** CEL condition over features and signal("name"). */
  when: expression,
  /** Reason code reported when the rule decides (required for all kinds but `priority`). */
  reason: snake.optional(),
  /** One line, `{feature}` placeholders filled with the lead's values. */
  explain: template.optional(),
  /** exclusion only: do_not_contact or not_worth_pursuing. */
  decision: z.enum(['do_not_contact', 'not_worth_pursuing']).optional(),
  /** wait only: CEL giving whole days from as_of (int) or an ISO date (string). */
  recontact_after: expression.optional(),
  /** contact / priority only: contribution to the 0-100 priority (may be negative). */
  weight: z.number().min(-100).max(100).optional(),
  enabled: z.boolean().default(true),
});
export type RuleSpec = z.infer<typeof RuleSpec>;

const PhraseLists = z.record(z.string().regex(/^[a-z]{2}$/, 'language code like en, de, hr'), z.array(z.string().min(1).max(200)));

export const SignalSpec = z.strictObject({
  description: z.string().min(1).max(1000),
  /** phrases (lists, optionally with `intents`), model (a classifier passed to the engine), unread (texts the intent classifier could not read, see README). */
  kind: z.enum(['phrases', 'model', 'unread']).default('phrases'),
  /** Which texts count: customer messages (inbound), rep notes / lost_reason / tags (internal), our own messages (outbound). */
  directions: z.array(z.enum(['inbound', 'outbound', 'internal'])).min(1).default(['inbound', 'internal']),
  channels: z.array(z.string()).optional(),
  /** Which parts of the record: an activity's text, the text it quotes, its outcome, lost_reason, tags (default all). */
  sources: z.array(z.enum(['text', 'quoted', 'outcome', 'lost_reason', 'tags'])).min(1).optional(),
  /**
   * phrase (default): anywhere in a sentence. keyword: the phrase opens a short message or tag
   * (at most `max_words` words after it): "STOP", "Unsubscribe me", a "DNC" tag; not "we'll stop by".
   */
  match: z.enum(['phrase', 'keyword']).default('phrase'),
  max_words: z.number().int().min(0).max(20).default(4),
  /**
   * Also match where the ruleset's intent classifier (intents/<lang>.yaml) reads one of these
   * intents in a sentence of a text the signal reads, with a calibrated score at or above the
   * corpus threshold. Phrase lists stay exact overrides; `unless` vetoes a classified sentence too.
   */
  intents: z.array(snake).min(1).optional(),
  /**
   * unread only. any_low_confidence (default): any sentence under the threshold leaves the text
   * unread. possible_dnc: only a sentence whose calibrated P(do-not-contact) is not clearly low.
   * likely_dnc: only a sentence whose top intent is a do-not-contact one (a refusal nobody can confirm).
   * Unsupported languages, no classifier and no known word are unread under every policy.
   */
  policy: z.enum(['any_low_confidence', 'possible_dnc', 'likely_dnc']).optional(),
  /** Per language. A lone `*` stands for up to three words; `word*` is a stem (poruk* = poruka, poruke). */
  phrases: PhraseLists.optional(),
  /** A match is dropped when one of these occurs in the same sentence ("price is not the problem"). */
  unless: PhraseLists.optional(),
  /** Also match words of 5+ letters with two adjacent letters swapped ("contcated"). */
  typo_tolerant: z.boolean().default(true),
  /** Drop matches preceded by a negation ("not too expensive", "nicht zu teuer"). */
  negation_aware: z.boolean().default(true),
  /** model only: free configuration handed to the classifier (labels, threshold, ...). */
  model: z.record(z.string(), z.unknown()).optional(),
});
export type SignalSpec = z.infer<typeof SignalSpec>;

const Outcome = z.strictObject({
  decision: z.enum(DECISIONS),
  reason: snake,
  explain: template,
  /** for decision wait: whole days from as_of. */
  recontact_after_days: z.number().int().min(1).max(3650).optional(),
});

export const RulesetSettings = z.strictObject({
  name: z.string().min(1).max(100),
  description: z.string().max(2000).optional(),
  /** A matched contact rule still needs this total priority to be `contact`. */
  contact_threshold: z.number().min(0).max(100).default(0),
  /** Decision when contact rules matched but their priority is below the threshold. */
  below_threshold: Outcome.optional(),
  /** Decision when no rule of any kind matched. */
  when_nothing_matches: Outcome,
  /** recontact_after used when a wait rule's expression gives null. */
  default_wait_days: z.number().int().min(1).max(3650).default(14),
});
export type RulesetSettings = z.infer<typeof RulesetSettings>;

/**
 * A test scenario: a pinned lead and the decision it must get (optionally the reason). Scenarios
 * live in the ruleset's files (e.g. scenarios.yaml), so they are versioned and diffed with it;
 * the preview runs them on every edit and a release whose scenarios fail does not pass its gates.
 */
export const ScenarioSpec = z.strictObject({
  name: z.string().min(1).max(200),
  /** The date the lead is decided as of (the dataset's as_of when pinned from one). */
  as_of: IsoDate,
  /** The whole lead record (CONTRACTS.md section 1), copied in so the scenario stands alone. */
  lead: Lead,
  expect: z.strictObject({ decision: z.enum(DECISIONS), reason: snake.optional() }),
  /** Where the lead came from, for people: `demo v1 L-000123` or `pasted`. */
  source: z.string().max(200).optional(),
});
export type ScenarioSpec = z.infer<typeof ScenarioSpec>;

export const RulesetFile = z.strictObject({
  ruleset: RulesetSettings.optional(),
  signals: z.record(snake, SignalSpec).optional(),
  rules: z.array(RuleSpec).optional(),
  scenarios: z.array(ScenarioSpec).optional(),
});
