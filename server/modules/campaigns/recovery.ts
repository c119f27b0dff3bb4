/**
 * The recovery a campaign caused: of its selected leads, the treated (queued) against the held-out
 * control. A lead recovered when the outcome recorded on its recommendation is reactivated or
 * converted, or when a later export of the CRM (a dataset version with the events after the
 * campaign's as_of) shows it came back within the window.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Lead } from '../../domain/lead.ts';
import { DEFAULT_OUTCOME_WINDOW_DAYS, isRecovered, outcomeAfter } from '../../domain/metrics/dated-outcomes.ts';
import { compareRecovery, type RecoveryComparison } from '../../domain/metrics/recovery-lift.ts';
import * as repo from './repository.ts';

export interface CampaignRecovery {
  /** a = treated (queued), b = control (held out). */
  comparison: RecoveryComparison;
  /** Where outcomes came from: recorded on recommendations, and read from the later dataset. */
  recorded_outcomes: number;
  later_dataset_id: string | null;
  window_days: number;
}

export async function campaignRecovery(db: Kysely<DB>, campaign: repo.CampaignRow, laterDatasetId: string | null, windowDays = DEFAULT_OUTCOME_WINDOW_DAYS): Promise<CampaignRecovery> {
  // A page of selected leads at a time (with its recorded outcomes and later records): only the
  // small (group, recovered) pairs of a million-lead campaign are kept.
  const items: { inA: boolean; recovered: boolean }[] = [];
  let recordedCount = 0;
  for await (const page of repo.campaignLeadPages(db, campaign.id, true, 1000)) {
    const recIds = page.map((r) => r.recommendation_id).filter((id): id is string => !!id);
    const recorded = new Set<string>();
    if (recIds.length) {
      const rows = await db.selectFrom('outcomes').select(['recommendation_id', 'outcome']).where('recommendation_id', 'in', recIds).execute();
      recordedCount += rows.length;
      for (const r of rows) if (isRecovered(r.outcome)) recorded.add(r.recommendation_id);
    }
    const later = new Map<string, Lead>();
    if (laterDatasetId) {
      const rows = await db.selectFrom('leads').select(['lead_id', 'record']).where('dataset_id', '=', laterDatasetId).where('lead_id', 'in', page.map((r) => r.lead_id)).execute();
      for (const r of rows) later.set(r.lead_id, r.record as Lead);
    }
    for (const r of page) {
      const lead = later.get(r.lead_id);
      const cameBack = lead ? isRecovered(outcomeAfter(lead, campaign.as_of, windowDays).outcome) : false;
      items.push({ inA: !r.held_out, recovered: cameBack || (!!r.recommendation_id && recorded.has(r.recommendation_id)) });
    }
  }
  return { comparison: compareRecovery(items), recorded_outcomes: recordedCount, later_dataset_id: laterDatasetId, window_days: windowDays };
}
