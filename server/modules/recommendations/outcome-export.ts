/**
 * Outcomes become gold labels: production teaches the next evaluation. Each reviewed lead is
 * exported as a canonical record whose label says what the customer's answer showed.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { GoldLabel, Lead } from '../../domain/lead.ts';
import type { RecommendationView } from './service.ts';

export function labelFromOutcome(outcome: string, view: RecommendationView): GoldLabel {
  const reasons = view.reasons.map((r) => r.code);
  switch (outcome) {
    case 'reactivated':
    case 'responded':
      return { decision: 'contact', reasons, recontact_after: null, outcome: 'reactivated' };
    case 'converted':
      return { decision: 'contact', reasons, recontact_after: null, outcome: 'converted' };
    case 'no_response':
      return { decision: view.decision, reasons, recontact_after: view.recontact_after, outcome: 'no_response' };
    case 'declined':
      return { decision: 'do_not_contact', reasons: ['no_longer_needed'], recontact_after: null, outcome: 'declined' };
    case 'complained':
      return { decision: 'do_not_contact', reasons: ['complaint'], recontact_after: null, outcome: 'complained' };
    default: // unsubscribed
      return { decision: 'do_not_contact', reasons: ['opted_out'], recontact_after: null, outcome: null };
  }
}

/** One labeled record per lead: its latest recommendation that has an outcome, with the latest outcome. */
export async function* exportLabeledLeads(db: Kysely<DB>): AsyncGenerator<Lead> {
  const rows = await db
    .selectFrom('outcomes as o')
    .innerJoin('recommendations as r', 'r.id', 'o.recommendation_id')
    .select(['r.lead_id', 'r.lead', 'r.output', 'o.outcome', 'o.at'])
    .orderBy('o.at', 'desc')
    .orderBy('o.id', 'desc')
    .execute();
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.lead_id)) continue;
    seen.add(row.lead_id);
    yield { ...(row.lead as Lead), label: labelFromOutcome(row.outcome, row.output as RecommendationView) };
  }
}
