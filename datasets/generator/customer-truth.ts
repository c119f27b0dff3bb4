/**
 * The hidden truth about one customer, decided BEFORE anything observable is rendered. Gold
 * labels are derived from this object only (label.ts), never from the generated text, so they
 * stay correct even where the CRM data is misleading, stale or silent.
 */
import type { UnsupportedLang } from './notes-crm';
import type { Rng } from './prng';
import type { Lang } from './vocab';

/** The customer's real situation. Names equal the CONTRACTS.md reason code they imply. */
export const SITUATIONS = {
  do_not_contact: ['service_date_passed', 'booked_elsewhere', 'already_customer', 'no_longer_needed',
    'asked_not_to_contact', 'invalid_contact', 'duplicate', 'complaint', 'legal_dispute', 'sensitive_circumstances'],
  not_worth_pursuing: ['low_intent', 'insufficient_data', 'price_gap', 'too_old', 'low_value', 'over_contacted'],
  wait: ['recently_contacted', 'too_early', 'customer_asked_to_wait'],
  contact: ['upcoming_service_date', 'quote_no_decision', 'engaged_then_silent', 'price_objection_open',
    'callback_requested', 're_engaged', 'date_postponed'],
} as const;

export type Category = keyof typeof SITUATIONS;
export type Situation = (typeof SITUATIONS)[Category][number];
export type Compliance = 'opted_out' | 'erasure_requested' | 'no_contact_consent';
export type Outcome = 'reactivated' | 'converted' | 'no_response' | 'declined' | 'complained';

/**
 * Where the data shows a do-not-contact situation (the CRM convention the story used): the
 * customer's own message (email, SMS, chat), an SMS opt-out keyword, the rep's log of an outbound
 * call or a site visit, a separate internal note, a tag or the lost reason alone, or the customer's
 * email logged only as quoted below our reply (CRMs that log sent mail by BCC).
 */
export type Evidence = 'customer_message' | 'chat' | 'sms_keyword' | 'call_log' | 'visit_log' | 'rep_note' | 'tag' | 'lost_reason'
  | 'quoted_in_ours';

/** Which story renders the observable record. Usually the situation itself; see HIDDEN_TRUTHS. */
export type Story = Situation | 'ambiguous_competitor';

export const CATEGORY_OF: Record<string, Category> = Object.fromEntries(
  (Object.keys(SITUATIONS) as Category[]).flatMap((category) => SITUATIONS[category].map((s) => [s, category])),
);

/** Share of leads per visible situation (percent of all leads, before compliance overlays). */
const VISIBLE_WEIGHTS: readonly (readonly [Situation, number])[] = [
  ['service_date_passed', 12], ['booked_elsewhere', 5], ['already_customer', 5], ['no_longer_needed', 3.5],
  ['asked_not_to_contact', 3.5], ['invalid_contact', 2.5], ['duplicate', 3], ['complaint', 1.5],
  ['legal_dispute', 0.8], ['sensitive_circumstances', 1.5],
  ['low_intent', 8], ['insufficient_data', 6], ['price_gap', 4.5], ['too_old', 4.5], ['low_value', 3.5],
  ['over_contacted', 3],
  ['upcoming_service_date', 3.1], ['quote_no_decision', 2.5], ['engaged_then_silent', 1.8],
  ['price_objection_open', 1.5], ['callback_requested', 1.3], ['re_engaged', 1.1], ['date_postponed', 1.1],
  ['recently_contacted', 3.8], ['too_early', 1.5], ['customer_asked_to_wait', 1.5],
];

/**
 * Irreducible error: the customer's real situation is not (or not clearly) in the data.
 * [truth, what the data looks like, percent of all leads]. About 4% of leads.
 */
const HIDDEN_TRUTHS: readonly (readonly [Situation, Story, number])[] = [
  // Signed with a competitor and never told us: looks like a quote still open.
  ['booked_elsewhere', 'quote_no_decision', 0.8],
  ['booked_elsewhere', 'upcoming_service_date', 0.6],
  // Plans were cancelled silently.
  ['no_longer_needed', 'engaged_then_silent', 0.6],
  // Was only ever browsing, but asked for a quote like a serious customer.
  ['low_intent', 'quote_no_decision', 0.6],
  // The move slipped; nobody updated the CRM, so the date looks passed.
  ['date_postponed', 'service_date_passed', 0.6],
  // "We'll probably go with someone else, not sure yet": could go either way.
  ['booked_elsewhere', 'ambiguous_competitor', 0.45],
  ['quote_no_decision', 'ambiguous_competitor', 0.45],
];

export interface CustomerTruth {
  situation: Situation;
  story: Story;
  /** True when the data does not reveal the situation: a perfect rule set still gets it wrong. */
  hidden: boolean;
  /** A compliance block, rendered into `consent`; overrides every other decision. */
  compliance: Compliance | null;
  lang: Lang;
  /** Extra reason codes of the same decision, e.g. a passed date of someone who booked elsewhere. */
  extraReasons: string[];
  /** For wait situations: the first day it is appropriate to reach out again (epoch ms). */
  recontactAfterMs: number | null;
  /** How the customer would react if contacted now; null when the truth does not say. */
  outcome: Outcome | null;
  /** Where the data shows a do-not-contact situation, when the story renders one. */
  evidence: Evidence | null;
  /** The customer wrote a message in a language the company does not support (fi, el, ...). */
  foreignLang: UnsupportedLang | null;
  /** ... and that message came after our last contact: nobody has read it yet. */
  unreadLast: boolean;
}

/** The company's three languages stay the majority; the neighbours' and expats' languages ~2% each. */
const LANG_WEIGHTS: readonly (readonly [Lang, number])[] = [
  ['en', 46], ['de', 23], ['hr', 13],
  ['sr', 2], ['sl', 2], ['it', 2], ['fr', 2], ['es', 2], ['pl', 2], ['cs', 2], ['hu', 2], ['nl', 2],
];

/** Base rate of a compliance block on top of any situation (on refusals it is much higher). */
const COMPLIANCE_RATE = 0.05;
const REFUSAL_OPT_OUT_RATE = 0.35;

export function decideTruth(rng: Rng): CustomerTruth {
  const lang = rng.weighted(LANG_WEIGHTS);
  const hiddenTotal = HIDDEN_TRUTHS.reduce((sum, [, , w]) => sum + w, 0);
  const visibleTotal = VISIBLE_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  let situation: Situation;
  let story: Story;
  let hidden = false;
  if (rng.next() * (hiddenTotal + visibleTotal) < hiddenTotal) {
    const [truth, looksLike] = rng.weighted(HIDDEN_TRUTHS.map((h) => [[h[0], h[1]] as const, h[2]] as const));
    situation = truth;
    story = looksLike;
    hidden = true;
  } else {
    situation = rng.weighted(VISIBLE_WEIGHTS);
    story = situation;
  }
  return {
    situation,
    story,
    hidden,
    compliance: decideCompliance(rng, situation),
    lang,
    extraReasons: [],
    recontactAfterMs: null,
    outcome: null,
    evidence: null,
    foreignLang: null,
    unreadLast: false,
  };
}

function decideCompliance(rng: Rng, situation: Situation): Compliance | null {
  // Duplicates mirror another record's contact; keep their consent plain so the pair is comparable.
  if (situation === 'duplicate') return null;
  const refusal = situation === 'asked_not_to_contact' || situation === 'complaint';
  if (refusal && rng.chance(REFUSAL_OPT_OUT_RATE)) return rng.chance(0.8) ? 'opted_out' : 'erasure_requested';
  if (!rng.chance(COMPLIANCE_RATE)) return null;
  return rng.weighted<Compliance>([['opted_out', 45], ['no_contact_consent', 35], ['erasure_requested', 20]]);
}

/**
 * How the customer would respond to a re-contact. Contact-worthy leads mostly stay silent; a
 * single-digit share comes back (the practitioners' early numbers).
 */
export function decideOutcome(rng: Rng, truth: CustomerTruth): Outcome | null {
  if (truth.compliance) return rng.chance(0.45) ? 'complained' : null;
  const category = CATEGORY_OF[truth.situation];
  switch (category) {
    case 'contact':
      return rng.weighted<Outcome>([['no_response', 76], ['declined', 13], ['reactivated', 7], ['converted', 4]]);
    case 'wait':
      return rng.weighted<Outcome>([['no_response', 66], ['declined', 16], ['reactivated', 12], ['converted', 6]]);
    case 'not_worth_pursuing':
      return rng.weighted<Outcome>([['no_response', 78], ['declined', 19], ['reactivated', 2], ['converted', 1]]);
    default:
      break;
  }
  switch (truth.situation) {
    case 'asked_not_to_contact':
    case 'complaint':
    case 'legal_dispute':
      return rng.chance(0.7) ? 'complained' : 'declined';
    case 'sensitive_circumstances':
      return rng.chance(0.4) ? 'complained' : 'declined';
    case 'booked_elsewhere':
    case 'no_longer_needed':
    case 'service_date_passed':
      return rng.weighted<Outcome>([['declined', 55], ['no_response', 40], ['complained', 5]]);
    default:
      // already a customer, unreachable or a duplicate record: the question does not arise.
      return null;
  }
}
