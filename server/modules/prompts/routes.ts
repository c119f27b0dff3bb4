import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PROMPT_VARIABLES } from '../../domain/prompts/prompt-variables.ts';
import { renderPrompt } from '../../domain/prompts/render-prompt.ts';
import { decide } from '../../domain/rules/index.ts';
import { AppError } from '../../http/errors.ts';
import { recommendLead } from '../../pipeline/recommend-lead.ts';
import { recordAudit } from '../audit/repository.ts';
import { principalOf } from '../auth/plugin.ts';
import { buildCandidate } from '../candidates/service.ts';
import { findLead } from '../datasets/repository.ts';
import { resolveDataset } from '../datasets/service.ts';
import { featureSetFor } from '../rulesets/feature-cache.ts';
import { compiledVersion } from '../rulesets/service.ts';
import { cutoffOf, leadSubjects, lookupSuppressions } from '../privacy/suppression-list.ts';
import { findVersion, latestOfEachName, latestVersion, listVersions, versionSummary } from '../versions/repository.ts';
import { itemsOf, LeadResultSchema, openObject, ReasonSchema, SavedVersionSchema, VersionSummarySchema, VersionWithFilesSchema } from '../../http/response-schemas.ts';
import { compiledPromptVersion, savePromptVersion, templateOf, templateOrThrow } from './service.ts';

const roles = ['manager', 'engineer'] as const;
const Files = z.record(z.string().regex(/^[\w.-]+\.md$/, 'a prompt file is one .md name'), z.string().max(100_000));
const Name = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/);

const LeadTarget = z.object({
  files: Files.optional(),
  prompt_version_id: z.string().max(200).optional(),
  ruleset_version_id: z.string().max(200).optional(),
  dataset_id: z.string().max(100),
  lead_id: z.string().max(200),
});

const PromptError = openObject({ file: z.string(), line: z.number().optional(), message: z.string() }).meta({ id: 'PromptError' });
const RenderResult = z
  .object({
    decision: z.enum(['contact', 'wait', 'do_not_contact', 'not_worth_pursuing']),
    reasons: z.array(ReasonSchema),
    drafted: z.boolean(),
    prompt: z.object({ system: z.string(), user: z.string(), temperature: z.number(), max_tokens: z.number(), hash: z.string() }),
  })
  .meta({ id: 'RenderResult' });

export const promptRoutes: FastifyPluginAsyncZod = async (app) => {
  async function templateFrom(body: z.infer<typeof LeadTarget>) {
    if (body.files) return { versionId: 'draft', template: templateOrThrow(body.files) };
    const id = body.prompt_version_id ?? (await latestVersion(app.db, 'prompt', 'default'))?.id;
    if (!id) throw new AppError('bad_request', 'Give "files" (a draft template) or "prompt_version_id".');
    return { versionId: id, template: (await compiledPromptVersion(app.db, id)).template };
  }

  async function leadContext(body: z.infer<typeof LeadTarget>) {
    const dataset = await resolveDataset(app.db, body.dataset_id);
    const lead = await findLead(app.db, dataset.id, body.lead_id);
    if (!lead) throw new AppError('not_found', `No lead ${body.lead_id} in dataset ${dataset.name}.`);
    const set = await featureSetFor(app.db, dataset.id, dataset.as_of);
    const features = set.leads.find((l) => l.lead_id === lead.id)!.features;
    const rulesetId = body.ruleset_version_id ?? (await latestVersion(app.db, 'ruleset', 'default'))!.id;
    const { compiled } = await compiledVersion(app.db, rulesetId);
    return { dataset, lead, features, rulesetId, compiled };
  }

  app.get('/api/prompts/variables', { config: { roles }, schema: { tags: ['prompts'], response: { 200: itemsOf(z.object({ name: z.string(), description: z.string() })) } } }, async () => ({
    items: Object.entries(PROMPT_VARIABLES).map(([name, description]) => ({ name, description })),
  }));

  app.get('/api/prompts', { config: { roles }, schema: { tags: ['prompts'], response: { 200: itemsOf(VersionSummarySchema) } } }, async () => {
    return { items: (await latestOfEachName(app.db, 'prompt')).map(versionSummary) };
  });

  app.get('/api/prompts/:name/versions', { config: { roles }, schema: { tags: ['prompts'], params: z.object({ name: Name }), response: { 200: itemsOf(VersionSummarySchema) } } }, async (request) => ({
    items: (await listVersions(app.db, 'prompt', request.params.name)).map(versionSummary),
  }));

  app.post(
    '/api/prompts/:name/versions',
    { config: { roles }, schema: { tags: ['prompts'], params: z.object({ name: Name }), body: z.object({ files: Files, message: z.string().trim().min(1).max(500) }), response: { 200: SavedVersionSchema, 201: SavedVersionSchema } } },
    async (request, reply) => {
      const actor = principalOf(request).actor;
      const { version, created } = await savePromptVersion(app.db, request.params.name, request.body.files, actor, request.body.message);
      if (created) await recordAudit(app.db, { actor, action: 'prompt.save', subject: version.id, details: { hash: version.content_hash, message: version.message } });
      return reply.status(created ? 201 : 200).send({ ...versionSummary(version), created });
    },
  );

  app.get('/api/prompt-versions/:id', { config: { roles }, schema: { tags: ['prompts'], params: z.object({ id: z.string().max(200) }), response: { 200: VersionWithFilesSchema } } }, async (request) => {
    const version = await findVersion(app.db, 'prompt', request.params.id);
    if (!version) throw new AppError('not_found', `No prompt version ${request.params.id}.`);
    return { ...versionSummary(version), files: version.files };
  });

  app.post('/api/prompts/validate', { config: { roles }, schema: { tags: ['prompts'], body: z.object({ files: Files }), response: { 200: z.object({ ok: z.boolean(), errors: z.array(PromptError) }) } } }, async (request) => {
    const parsed = templateOf(request.body.files);
    return parsed.ok ? { ok: true, errors: [] } : { ok: false, errors: parsed.errors };
  });

  app.post(
    '/api/prompts/render',
    { config: { roles }, schema: { tags: ['prompts'], summary: 'The exact prompt a provider would get for one lead', body: LeadTarget, response: { 200: RenderResult } } },
    async (request) => {
      const { template } = await templateFrom(request.body);
      const { lead, features, compiled } = await leadContext(request.body);
      const decision = decide(compiled, features);
      const drafted = decision.decision === 'contact' || decision.decision === 'wait';
      return { decision: decision.decision, reasons: decision.reasons, drafted, prompt: renderPrompt(template, lead, features, decision) };
    },
  );

  app.post(
    '/api/prompts/run',
    {
      config: { roles },
      schema: { tags: ['prompts'], summary: 'Run a prompt + provider on one lead: the draft and its grounding result', body: LeadTarget.extend({ provider: z.unknown().default({ type: 'template' }) }), response: { 200: LeadResultSchema } },
    },
    async (request) => {
      const prompt = await templateFrom(request.body);
      const { dataset, lead, features, rulesetId, compiled } = await leadContext(request.body);
      const candidate = await buildCandidate(
        { db: app.db, modelsDir: app.config.modelsDir },
        { ruleset: { versionId: rulesetId, compiled }, prompt, provider: request.body.provider },
      );
      // A person on the suppression list gets no draft here either (the same step as everywhere).
      const suppressed = (await lookupSuppressions(app.db, leadSubjects([lead]), cutoffOf(dataset.as_of))).get(lead.id);
      const result = await recommendLead(candidate, lead, dataset.as_of, { features, suppressed });
      return result;
    },
  );
};
