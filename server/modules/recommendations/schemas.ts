/** Response schemas of the recommendation routes (CONTRACTS.md section 5: the recommendation). */
import { z } from 'zod';
import {
  DateTime, DraftRecommendationSchema, EmailTextSchema, GroundingIssueSchema, LeadRecordSchema, LeadStorySchema, openObject, ReasonSchema,
} from '../../http/response-schemas.ts';

const Decision = z.enum(['contact', 'wait', 'do_not_contact', 'not_worth_pursuing']);
export const RecommendationStatusSchema = z.enum(['needs_review', 'approved', 'edited', 'rejected', 'no_action', 'superseded']).meta({ id: 'RecommendationStatus' });

/** A recommendation exactly as CONTRACTS.md section 5 describes it, with what the reviewer needs beside it. */
export const RecommendationSchema = z
  .object({
    id: z.string(),
    release_id: z.string(),
    lead_id: z.string(),
    as_of: z.string(),
    decision: Decision,
    priority: z.number(),
    recontact_after: z.string().nullable(),
    reasons: z.array(ReasonSchema),
    recommendation: DraftRecommendationSchema.nullable().describe('null unless decision is contact or wait'),
    status: z.string().describe('needs_review | no_action (a new recommendation); approved | edited | rejected | superseded later'),
    risk_flags: z.array(z.string()).describe('Why there is no draft, or what to check; present even when recommendation is null'),
    draft_status: z.enum(['not_needed', 'ok', 'withheld', 'schema_failure', 'provider_error', 'refused']),
    guardrail_issues: z.array(GroundingIssueSchema),
  })
  .meta({ id: 'Recommendation' });

export const QueueItemSchema = z
  .object({
    id: z.string(),
    lead_id: z.string(),
    decision: Decision,
    priority: z.number(),
    status: RecommendationStatusSchema,
    assigned_to: z.string().nullable(),
    created_at: z.string(),
    angle: z.string().nullable(),
    reasons: z.array(ReasonSchema),
    release_id: z.string(),
    release_number: z.number().nullable(),
    superseded_by: z.string().nullable(),
  })
  .meta({ id: 'QueueItem' });

export const FinalTextSchema = z.object({ email: EmailTextSchema.nullable(), phone_script: z.string().nullable() }).meta({ id: 'FinalText' });

const ReviewEntry = openObject({
  id: z.string(),
  action: z.string(),
  original: FinalTextSchema.nullable().optional(),
  final: FinalTextSchema.nullable(),
  reason: z.string().nullable(),
  issues: z.array(GroundingIssueSchema),
  actor: z.string(),
  at: DateTime,
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;
const OutcomeEntry = openObject({ id: z.string(), outcome: z.string(), note: z.string().nullable(), actor: z.string(), at: DateTime });

export const RecommendationDetailSchema = RecommendationSchema.extend({
  status: RecommendationStatusSchema,
  assigned_to: z.string().nullable(),
  lead: LeadRecordSchema,
  story: LeadStorySchema.describe("Read from the stored lead as of the recommendation's as_of"),
  reviews: z.array(ReviewEntry),
  outcomes: z.array(OutcomeEntry),
  created_at: z.string(),
  release_number: z.number().nullable(),
  superseded_by: z.string().nullable(),
  assignment_reason: z.string().describe("Why this lead is in the caller's queue, in a sentence"),
  personal_data_removed: openObject({ cause: z.string(), at: z.string() }).nullish().describe('Set when erasure or retention stripped the stored recommendation of personal data'),
}).meta({ id: 'RecommendationDetail' });

export type RecommendationStatus = z.infer<typeof RecommendationStatusSchema>;

export const ReviewResultSchema = z
  .object({ id: z.string(), status: z.string(), issues: z.array(GroundingIssueSchema), final: FinalTextSchema.nullable(), original: FinalTextSchema.nullable(), reviewed_by: z.string() })
  .meta({ id: 'ReviewResult' });
