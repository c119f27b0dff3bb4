/**
 * What an evaluation run stores beside each decision for the outcome metrics, and which leads a
 * replay as of an earlier date holds (those that existed then). Normal runs label a lead with its
 * gold `label.outcome`; a replay (a run with its own as_of) labels it with what happened in the
 * outcome window after as_of, read from the record's dated events.
 */
import { createdByAsOf, leadKnownAsOf } from '../../domain/features/known-as-of.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Lead } from '../../domain/lead.ts';
import { iterateLeads } from '../datasets/repository.ts';
import { outcomeAfter } from '../../domain/metrics/dated-outcomes.ts';
import { averageJobValue, leadValue } from '../../domain/metrics/recovered-revenue.ts';
import type { LeadResult } from '../../pipeline/recommend-lead.ts';

export const DEFAULT_REPLAY_WINDOW_DAYS = 60;

/** A lead created after as_of is not in a replay; without an as_of of its own, every lead is. */
export function replayLeads(leads: Lead[], asOf: string | null | undefined): Lead[] {
  return asOf ? leads.filter((lead) => createdByAsOf(lead, asOf)) : leads;
}

/** Leads of a dataset version that existed at as_of (the same test as the replay itself). */
export async function countLeadsCreatedBy(db: Kysely<DB>, datasetId: string, asOf: string): Promise<number> {
  let n = 0;
  for await (const lead of iterateLeads(db, datasetId)) if (createdByAsOf(lead, asOf)) n++;
  return n;
}

export function outcomeSummary(lead: Lead, result: LeadResult, replay?: { asOf: string; windowDays: number }) {
  const dated = replay ? outcomeAfter(lead, replay.asOf, replay.windowDays) : null;
  return {
    outcome: dated ? dated.outcome : (lead.label?.outcome ?? null),
    outcome_at: dated?.at ?? null,
    top_reason: result.decision.reasons[0]?.code ?? null,
    // Valued as known at the decision (a quote sent after as_of is not there).
    value: leadValue(leadKnownAsOf(lead, result.as_of), averageJobValue()).value,
  };
}
