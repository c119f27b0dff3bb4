/**
 * Response shapes shared by several modules. Fastify serializes every JSON reply with its route's
 * response schema (fastify-type-provider-zod encodes with it, then stringifies), so a field that is
 * not declared here does not leave the server. Open-ended blobs (traces, feature values, stored
 * lead records, metrics that grow) are loose objects: the fields named are typed for the web
 * client, any other field passes through unchanged.
 *
 * The schemas with an `id` become named components of the OpenAPI document (`/docs/json`), which
 * `npm run generate:api-types` turns into web/src/lib/api-types.ts.
 */
import { z } from 'zod';

/**
 * A loose object: the fields named are typed, any other field passes through (the OpenAPI document
 * says `additionalProperties`). Typed for the handler as a plain object, without an index
 * signature, so results typed by TypeScript interfaces (the domain's) type-check against it.
 */
export function openObject<S extends z.ZodRawShape>(shape: S): z.ZodObject<S> {
  return z.looseObject(shape) as unknown as z.ZodObject<S>;
}

/** A timestamp: handlers give ISO strings or Date objects (rows read with selectAll); both leave as ISO 8601. */
export const DateTime = z.union([z.string(), z.date()]).describe('ISO 8601 date-time');

/** `application/problem+json` (CONTRACTS.md section 5); validation errors add `errors`, one line per bad field. */
export const ProblemSchema = openObject({ type: z.string(), title: z.string(), status: z.number(), detail: z.string(), errors: z.array(z.string()).optional() })
  .meta({ id: 'Problem' });

export const ReasonSchema = z.object({ code: z.string(), explanation: z.string() }).meta({ id: 'Reason' });

export const GroundingIssueSchema = z.object({ kind: z.string(), text: z.string(), explanation: z.string() }).meta({ id: 'GroundingIssue' });

export const GroundingResultSchema = z.object({ grounded: z.boolean(), issues: z.array(GroundingIssueSchema) }).meta({ id: 'GroundingResult' });

export const EmailTextSchema = z.object({ subject: z.string(), body: z.string() });

/** The draft a writer produced (server/domain/recommendation.ts), as stored: `rationale` is absent on old rows. */
export const DraftRecommendationSchema = openObject({
    angle: z.string(),
    timing: z.string(),
    email: EmailTextSchema.nullable(),
    phone_script: z.string().nullable(),
    objection_handling: z.array(z.string()),
    risk_flags: z.array(z.string()),
    confidence: z.number(),
    rationale: z.string().optional(),
  })
  .meta({ id: 'DraftRecommendation' });

const nullish = <T extends z.ZodType>(schema: T) => schema.nullish();

/**
 * A stored lead record (CONTRACTS.md section 1). Loose at every level and without the import's
 * checks: a record keeps every field the customer sent, and an erased copy has its personal fields
 * emptied (`personal_data_removed` says so).
 */
export const LeadRecordSchema = openObject({
    id: z.string(),
    personal_data_removed: nullish(openObject({ cause: z.string(), at: z.string() })),
    created_at: nullish(z.string()),
    source: nullish(z.string()),
    contact: nullish(openObject({ name: nullish(z.string()), email: nullish(z.string()), phone: nullish(z.string()), language: nullish(z.string()) })),
    consent: nullish(openObject({ email: nullish(z.boolean()), phone: nullish(z.boolean()), opted_out_at: nullish(z.string()), erasure_requested_at: nullish(z.string()) })),
    service: nullish(
      openObject({
        type: nullish(z.string()),
        origin: nullish(z.string()),
        destination: nullish(z.string()),
        date: nullish(z.string()),
        date_flexibility: nullish(z.string()),
        size: nullish(z.string()),
        volume_m3: nullish(z.number()),
      }),
    ),
    quotes: nullish(
      z.array(
        openObject({ id: nullish(z.string()), sent_at: nullish(z.string()), amount: nullish(z.number()), currency: nullish(z.string()), valid_until: nullish(z.string()), status: nullish(z.string()) }),
      ),
    ),
    activities: nullish(
      z.array(
        openObject({ at: nullish(z.string()), channel: nullish(z.string()), direction: nullish(z.string()), author: nullish(z.string()), outcome: nullish(z.string()), text: nullish(z.string()) }),
      ),
    ),
    status: nullish(z.string()),
    lost_reason: nullish(z.string()),
    owner: nullish(z.string()),
    value_estimate: nullish(z.number()),
    tags: nullish(z.array(z.string())),
    duplicate_of: nullish(z.string()),
    label: nullish(openObject({ decision: z.string(), reasons: z.array(z.string()).optional(), recontact_after: nullish(z.string()), outcome: nullish(z.string()) })),
  })
  .meta({ id: 'LeadRecord' });

const LostContactSchema = openObject({ kind: z.string(), date: z.string().nullable(), detail: z.string() });

/** The lead's story as of a date (server/domain/story/types.ts); loose: the story grows new facts. */
export const LeadStorySchema = openObject({
    as_of: z.string(),
    lost_after: LostContactSchema,
    also: z.array(LostContactSchema),
    customer_last_said: openObject({ date: z.string().nullable(), channel: z.string().nullable(), excerpt: z.string(), activity_index: z.number() }).nullable(),
    undated: z.number(),
    hidden_after_as_of: z.number(),
    sentences: z.array(z.string()),
  })
  .meta({ id: 'LeadStory' });

export const RuleTraceEntrySchema = openObject({
    rule_id: z.string(),
    kind: z.string(),
    matched: z.boolean(),
    values: z.record(z.string(), z.unknown()),
    evidence: z.array(openObject({ signal: z.string(), activity_index: z.number(), phrase: z.string(), excerpt: z.string() })).optional(),
    error: z.string().optional(),
  })
  .meta({ id: 'RuleTraceEntry' });

/** What the rules engine decided (server/domain/decision.ts); loose: signals and texts are open-ended. */
export const RuleDecisionSchema = openObject({
    decision: z.enum(['contact', 'wait', 'do_not_contact', 'not_worth_pursuing']),
    priority: z.number(),
    recontact_after: z.string().nullable(),
    reasons: z.array(ReasonSchema),
    trace: z.array(RuleTraceEntrySchema),
    ruleset_hash: z.string().optional(),
    as_of: z.string().optional(),
    signals: z.record(z.string(), openObject({ matched: z.boolean(), available: z.boolean(), note: z.string().optional() })).optional(),
    texts: openObject({ model: z.unknown(), texts: z.array(z.unknown()), unread: z.array(z.unknown()) }).optional().describe('Which texts were read and why (server/domain/text/understand.ts)'),
  })
  .meta({ id: 'RuleDecision' });

export const VersionSummarySchema = z
  .object({ id: z.string(), name: z.string(), version: z.number(), content_hash: z.string(), author: z.string(), message: z.string(), created_at: z.string() })
  .meta({ id: 'VersionSummary' });

export const SavedVersionSchema = VersionSummarySchema.extend({ created: z.boolean().describe('false: the same files were saved before (that version is returned)') }).meta({ id: 'SavedVersion' });
export const VersionWithFilesSchema = VersionSummarySchema.extend({ files: z.record(z.string(), z.string()) }).meta({ id: 'VersionWithFiles' });

/** What the pipeline produced for one lead (server/pipeline/recommend-lead.ts LeadResult). */
export const LeadResultSchema = openObject({
  lead_id: z.string(),
  as_of: z.string(),
  decision: RuleDecisionSchema,
  story: LeadStorySchema,
  recommendation: DraftRecommendationSchema.nullable(),
  draft_status: z.enum(['not_needed', 'ok', 'withheld', 'schema_failure', 'provider_error', 'refused']),
  risk_flags: z.array(z.string()),
  guardrail_issues: z.array(GroundingIssueSchema),
  provider_error: z.string().nullable(),
  latency_ms: z.number(),
  tokens: z.object({ prompt: z.number(), completion: z.number() }).nullable(),
  cost: z.number().nullable(),
  cached: z.boolean(),
}).meta({ id: 'LeadResult' });

/** `{ total, items }`: every paged list. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), items: z.array(item) });

/** `{ items }`: every unpaged list. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A reply that is not JSON: documents its content type (no schema to serialize with). */
export function nonJson(contentType: string, description: string) {
  return { description, content: { [contentType]: { schema: z.string() } } };
}
