import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { describeIssues, IsoDate, Lead, type Decision } from '../../domain/lead.ts';
import { buildLeadStory } from '../../domain/story/index.ts';
import { AppError } from '../../http/errors.ts';
import { principalOf } from '../auth/plugin.ts';
import { assignmentReason, limitedToOwnLeads, reviewableBy } from './assignment.ts';
import { exportLabeledLeads } from './outcome-export.ts';
import { TokenBuckets } from './rate-limit.ts';
import { checkFinalText, loadForActor, OUTCOMES, recordOutcome, reviewRecommendation } from './review-service.ts';
import { recommendMany, type RecommendationView } from './service.ts';
import { GroundingResultSchema, itemsOf, nonJson, pageOf } from '../../http/response-schemas.ts';
import { QueueItemSchema, RecommendationDetailSchema, RecommendationSchema, ReviewResultSchema, type RecommendationStatus, type ReviewEntry } from './schemas.ts';

const consumers = ['rep', 'manager', 'engineer'] as const;
const reviewers = ['rep', 'manager'] as const;
const IdParams = z.object({ id: z.string().max(100) });
const Email = z.object({ subject: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(5000) });

/** Names each bad field: `lead.quotes.0.amount: expected number`. */
function validateLeads(values: unknown[], prefix: (i: number) => string): Lead[] {
  const errors: string[] = [];
  const leads = values.map((value, i) => {
    const parsed = Lead.safeParse(value);
    if (!parsed.success) errors.push(...describeIssues(parsed.error, prefix(i)));
    return parsed.data as Lead;
  });
  if (errors.length) throw new AppError('bad_request', errors.slice(0, 20).join('; '), { errors });
  return leads;
}

/** Release numbers people recognise ("release 3") for the release ids of some recommendations. */
async function releaseNumbers(db: Kysely<DB>, ids: string[]): Promise<Map<string, number>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('releases').select(['id', 'number']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}

/** The engine never reads the clock; the endpoint decides "today" when the caller does not say. */
const today = () => new Date().toISOString().slice(0, 10);

export const recommendationRoutes: FastifyPluginAsyncZod = async (app) => {
  const limiter = new TokenBuckets(app.config.rateLimitPerSecond, app.config.rateLimitPerSecond * 2);
  const env = { db: app.db, modelsDir: app.config.modelsDir };

  app.post(
    '/api/v1/recommendations',
    {
      config: { roles: consumers },
      bodyLimit: 1024 * 1024,
      schema: { tags: ['recommendations'], summary: 'Recommendation for one lead from the production release', body: z.object({ lead: z.unknown(), as_of: IsoDate.optional() }), response: { 200: RecommendationSchema } },
    },
    async (request) => {
      const principal = principalOf(request);
      limiter.take(principal.actor);
      if (request.body.lead === undefined) throw new AppError('bad_request', 'body.lead: required (a lead record)', { errors: ['lead: required'] });
      const [lead] = validateLeads([request.body.lead], () => 'lead');
      const [view] = await recommendMany(env, [lead], request.body.as_of ?? today(), principal.actor);
      return view;
    },
  );

  app.post(
    '/api/v1/recommendations/batch',
    {
      config: { roles: consumers },
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags: ['recommendations'],
        summary: 'Recommendations for up to 1000 leads',
        body: z.object({ leads: z.array(z.unknown()).min(1).max(1000, 'at most 1000 leads per batch'), as_of: IsoDate.optional() }),
        response: { 200: itemsOf(RecommendationSchema) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      limiter.take(principal.actor, request.body.leads.length);
      const leads = validateLeads(request.body.leads, (i) => `leads.${i}`);
      return { items: await recommendMany(env, leads, request.body.as_of ?? today(), principal.actor) };
    },
  );

  app.get(
    '/api/v1/recommendations',
    {
      config: { roles: reviewers },
      schema: {
        tags: ['recommendations'],
        summary: 'Review queue: by priority, assigned to the caller or unassigned (reps)',
        querystring: z.object({
          status: z.enum(['needs_review', 'approved', 'edited', 'rejected', 'no_action', 'superseded', 'all']).default('needs_review'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: pageOf(QueueItemSchema) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      let q = app.db.selectFrom('recommendations');
      if (request.query.status !== 'all') q = q.where('status', '=', request.query.status);
      if (limitedToOwnLeads(principal)) q = q.where(reviewableBy(principal));
      const [{ n }] = await q.select((eb) => eb.fn.countAll<string>().as('n')).execute();
      const rows = await q
        .select(['id', 'lead_id', 'release_id', 'decision', 'priority', 'status', 'assigned_to', 'created_at', 'output', 'superseded_by'])
        .orderBy('priority', 'desc')
        .orderBy('created_at', 'desc')
        .limit(request.query.limit)
        .offset(request.query.offset)
        .execute();
      const releases = await releaseNumbers(app.db, rows.map((r) => r.release_id));
      return {
        total: Number(n),
        items: rows.map((r) => {
          const view = r.output as RecommendationView;
          return {
            id: r.id, lead_id: r.lead_id, decision: r.decision as Decision, priority: r.priority, status: r.status as RecommendationStatus, assigned_to: r.assigned_to, created_at: r.created_at.toISOString(),
            angle: view.recommendation?.angle ?? null, reasons: view.reasons,
            release_id: r.release_id, release_number: releases.get(r.release_id) ?? null, superseded_by: r.superseded_by,
          };
        }),
      };
    },
  );

  app.get('/api/v1/recommendations/:id', { config: { roles: reviewers }, schema: { tags: ['recommendations'], params: IdParams, response: { 200: RecommendationDetailSchema } } }, async (request) => {
    const principal = principalOf(request);
    const row = await loadForActor(app.db, request.params.id, principal);
    const [reviews, outcomes, releases] = await Promise.all([
      app.db.selectFrom('reviews').selectAll().where('recommendation_id', '=', row.id).orderBy('id').execute(),
      app.db.selectFrom('outcomes').selectAll().where('recommendation_id', '=', row.id).orderBy('id').execute(),
      releaseNumbers(app.db, [row.release_id]),
    ]);
    const view = row.output as RecommendationView;
    // The story is read from the stored lead (not stored twice: an erasure of the lead erases it too).
    const story = buildLeadStory(row.lead as Lead, view.as_of);
    return {
      ...view, status: row.status as RecommendationStatus, assigned_to: row.assigned_to, lead: row.lead as Lead, story, reviews: reviews as unknown as ReviewEntry[], outcomes,
      created_at: row.created_at.toISOString(), release_number: releases.get(row.release_id) ?? null, superseded_by: row.superseded_by,
      assignment_reason: assignmentReason(principal, row.assigned_to),
    };
  });

  app.post(
    '/api/v1/recommendations/:id/check',
    { config: { roles: reviewers }, schema: { tags: ['recommendations'], summary: 'Guardrail check of a (edited) text before approving it', params: IdParams, body: z.object({ email: Email.nullish(), phone_script: z.string().max(5000).nullish() }), response: { 200: GroundingResultSchema } } },
    async (request) => {
      const row = await loadForActor(app.db, request.params.id, principalOf(request));
      const view = row.output as RecommendationView;
      const issues = checkFinalText(row.lead as Lead, view.as_of, { email: request.body.email ?? null, phone_script: request.body.phone_script ?? null });
      return { grounded: issues.length === 0, issues };
    },
  );

  app.post(
    '/api/v1/recommendations/:id/review',
    {
      config: { roles: reviewers },
      schema: {
        tags: ['recommendations'],
        summary: 'Approve, edit (with the final text) or reject (with a reason)',
        params: IdParams,
        body: z.object({
          action: z.enum(['approve', 'edit', 'reject']),
          email: Email.nullish(),
          phone_script: z.string().trim().min(1).max(5000).nullish(),
          reason: z.string().max(1000).optional(),
          acknowledge_issues: z.boolean().optional(),
        }),
        response: { 200: ReviewResultSchema },
      },
    },
    async (request) => reviewRecommendation(app.db, request.params.id, principalOf(request), request.body),
  );

  app.post(
    '/api/v1/recommendations/:id/outcome',
    { config: { roles: reviewers }, schema: { tags: ['recommendations'], params: IdParams, body: z.object({ outcome: z.enum(OUTCOMES), note: z.string().max(2000).nullish() }), response: { 200: z.object({ id: z.string(), outcome: z.enum(OUTCOMES) }) } } },
    async (request) => recordOutcome(app.db, request.params.id, principalOf(request), request.body.outcome, request.body.note ?? null),
  );

  app.get(
    '/api/v1/outcomes/export',
    { config: { roles: ['manager', 'engineer'] }, schema: { tags: ['recommendations'], summary: 'Leads with outcomes as a labeled JSONL dataset', response: { 200: nonJson('application/x-ndjson', 'One canonical lead record per line, its label from the recorded outcomes') } } },
    async (_request, reply) => {
      const lines: string[] = [];
      for await (const lead of exportLabeledLeads(app.db)) lines.push(JSON.stringify(lead));
      return reply.type('application/x-ndjson').header('content-disposition', 'attachment; filename="outcomes.jsonl"').send(lines.join('\n') + (lines.length ? '\n' : ''));
    },
  );
};
