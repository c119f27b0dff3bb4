/** Response schemas of the release routes. */
import { z } from 'zod';
import { openObject } from '../../http/response-schemas.ts';
import { ProviderConfigSchema } from '../evals/schemas.ts';

const Gate = openObject({ metric: z.string(), status: z.string(), value: z.number().nullable(), baseline: z.number().nullable(), message: z.string() }).meta({ id: 'Gate' });

/** The gates a release passed or failed (releases/service.ts GateReport); loose: gate checks grow. */
export const GateReportSchema = openObject({
  passed: z.boolean(),
  checked_at: z.string(),
  baseline_release_id: z.string().nullable(),
  datasets: z.array(openObject({ dataset: z.string(), run_id: z.string(), baseline_run_id: z.string().nullable(), passed: z.boolean(), gates: z.array(Gate), metrics: z.record(z.string(), z.number()) })),
  scenarios: z.object({ total: z.number(), passed: z.number(), failed: z.number(), failures: z.array(z.object({ name: z.string(), lead_id: z.string(), failure: z.string() })) }).optional(),
  error: z.string().optional(),
}).meta({ id: 'GateReport' });

const VersionLabel = z.object({ name: z.string(), version: z.number(), message: z.string() }).meta({ id: 'VersionLabel' });

export const ReleaseSchema = z
  .object({
    id: z.string(),
    number: z.number(),
    status: z.enum(['proposed', 'approved', 'rejected', 'production', 'retired']),
    ruleset_version_id: z.string(),
    prompt_version_id: z.string(),
    provider: ProviderConfigSchema,
    provider_hash: z.string(),
    description: z.string(),
    proposed_by: z.string(),
    proposed_at: z.string(),
    decided_by: z.string().nullable(),
    decided_at: z.string().nullable(),
    decision_comment: z.string().nullable(),
    promoted_at: z.string().nullable(),
    rolled_back_by: z.string().nullable(),
    rolled_back_at: z.string().nullable(),
    rollback_comment: z.string().nullable(),
    gate_results: GateReportSchema.nullable(),
    eval_run_ids: z.array(z.string()).nullable(),
  })
  .meta({ id: 'Release' });

/** In the list: with what people call its versions ("default v3: ..."). */
export const ReleaseListItemSchema = ReleaseSchema.extend({ ruleset_version: VersionLabel.nullable(), prompt_version: VersionLabel.nullable() }).meta({ id: 'ReleaseListItem' });
