/**
 * Picks the re-contact angle from the decision's reason codes. The order says which situation
 * matters most to the customer: a request of theirs (callback, contact again) comes before our
 * own reasons (an open quote, a date getting close).
 */
import type { RuleDecision } from '../decision.ts';

export const ANGLES = [
  'callback',
  're_engaged',
  'postponed_date',
  'price_objection',
  'upcoming_date',
  'open_quote',
  'engaged_then_silent',
  'wait',
  'general',
] as const;
export type Angle = (typeof ANGLES)[number];

const BY_REASON: [string, Angle][] = [
  ['callback_requested', 'callback'],
  ['re_engaged', 're_engaged'],
  ['date_postponed', 'postponed_date'],
  ['price_objection_open', 'price_objection'],
  ['upcoming_service_date', 'upcoming_date'],
  ['quote_no_decision', 'open_quote'],
  ['engaged_then_silent', 'engaged_then_silent'],
];

export function chooseAngle(decision: Pick<RuleDecision, 'decision' | 'reasons'>): Angle {
  if (decision.decision === 'wait') return 'wait';
  const codes = new Set(decision.reasons.map((r) => r.code));
  return BY_REASON.find(([code]) => codes.has(code))?.[1] ?? 'general';
}

/** One line for the rep (angle field and rationale); English, as the workbench UI is. */
export const ANGLE_SUMMARY: Record<Angle, string> = {
  callback: 'Callback: the customer asked to be contacted again; get back to them and find a good time to talk.',
  re_engaged: 'Re-engaged: the customer was in touch again recently; pick up where the conversation left off.',
  postponed_date: 'Postponed date: the plans moved; check the new timing and offer help when it suits them.',
  price_objection: 'Open price question: the price was a concern; listen, explain what the quote covers, no new figures.',
  upcoming_date: 'Upcoming date: the service date is getting close; check how plans are going and offer help.',
  open_quote: 'Open quote: a quote was sent with no decision; ask whether they had a chance to look at it.',
  engaged_then_silent: 'Engaged, then silent: reconnect gently and ask how their plans are going.',
  wait: 'Wait: not now; check back in later with a gentle note on how plans are going.',
  general: 'Gentle check-in: reconnect and ask how their plans are going.',
};
