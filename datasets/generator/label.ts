/**
 * Gold label from the hidden truth. Precedence (issue): compliance / hard blocks > an unread
 * customer message > do_not_contact situations > not_worth_pursuing > wait > contact. A lead has one situation, so
 * precedence only matters between a compliance block and that situation.
 */
import type { GoldLabel } from '../../server/domain/lead';
import { CATEGORY_OF, type CustomerTruth } from './customer-truth';
import { isoDate } from './dates';

export function labelFor(truth: CustomerTruth): GoldLabel {
  const category = CATEGORY_OF[truth.situation];
  const situationReasons = [truth.situation, ...truth.extraReasons];
  // A message nobody could read yet (a language we do not support, after our last contact) blocks
  // contact until a person has read it, whatever it says: the generator knows it wrote one.
  const unread = truth.unreadLast ? ['unread_customer_message'] : [];
  if (truth.compliance || truth.unreadLast) {
    // A compliance block hides everything that is not itself a do-not-contact reason: "they would
    // have been a good lead" is irrelevant once they opted out. It is always the first reason.
    const compliance = truth.compliance ? [truth.compliance] : [];
    const reasons = [...compliance, ...unread, ...(category === 'do_not_contact' ? situationReasons : [])];
    return { decision: 'do_not_contact', reasons: unique(reasons), recontact_after: null, outcome: truth.outcome };
  }
  return {
    decision: category,
    reasons: unique(situationReasons),
    recontact_after: category === 'wait' && truth.recontactAfterMs !== null ? isoDate(truth.recontactAfterMs) : null,
    outcome: truth.outcome,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
