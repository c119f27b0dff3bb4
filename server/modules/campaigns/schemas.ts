/** Request and response schemas of the campaign routes. */
import { z } from 'zod';
import { IsoDate } from '../../domain/lead.ts';

export const CreateCampaignBody = z.object({
  dataset_id: z.string().min(1).max(100),
  as_of: IsoDate.optional().describe('Decide as of this date (default: today); only what was known then counts'),
  holdout_pct: z.number().min(0).max(50).optional().describe('Share of the selected leads kept out of the queues as the control group (default 10)'),
});

const Interval = z.tuple([z.number(), z.number()]).nullable();
const GroupTotals = z.object({ key: z.string(), selected: z.number(), held_out: z.number(), queued: z.number(), expected_recovered_revenue: z.number() }).meta({ id: 'CampaignGroupTotals' });

export const CampaignViewSchema = z.object({
  id: z.string(),
  dataset_id: z.string(),
  as_of: z.string(),
  holdout_pct: z.number(),
  release_id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  progress: z.object({ done: z.number(), total: z.number() }),
  selected: z.number(),
  held_out: z.number(),
  queued: z.number(),
  expected_recovered_revenue: z.number().nullable(),
  expected_recovered_revenue_interval: Interval,
  summary: z
    .object({
      recovered_revenue: z.object({ expected: z.number(), interval: Interval, leads: z.number(), fitted_on: z.number(), positives: z.number() }),
      queued_expected_recovered_revenue: z.number(),
      average_job_value: z.number(),
      by_rep: z.array(GroupTotals),
      by_reason: z.array(GroupTotals),
      decisions: z.record(z.string(), z.number()),
    })
    .nullable(),
  error: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
}).meta({ id: 'Campaign' });

export const CreatedCampaignSchema = CampaignViewSchema.extend({ created: z.boolean().describe('false: this campaign already existed (same dataset version, as_of, holdout and release)') }).meta({ id: 'CreatedCampaign' });

export const CampaignLeadSchema = z.object({
  lead_id: z.string(),
  seq: z.number(),
  owner: z.string().nullable(),
  decision: z.string(),
  priority: z.number(),
  reason: z.string().nullable(),
  held_out: z.boolean(),
  recommendation_id: z.string().nullable(),
  value: z.number(),
  value_source: z.string(),
  p_recovered: z.number().nullable(),
}).meta({ id: 'CampaignLead' });

const Group = z.object({ leads: z.number(), recovered: z.number(), rate: z.number().nullable() });
export const RecoverySchema = z.object({
  treated: Group,
  control: Group,
  difference: z.number().nullable(),
  difference_interval: Interval,
  lift: z.number().nullable(),
  recorded_outcomes: z.number(),
  later_dataset_id: z.string().nullable(),
  window_days: z.number(),
}).meta({ id: 'CampaignRecovery' });
