import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FEATURE_CATALOG, computeFeatures, decide, rulesetWarnings, runScenarios, type RuleWarning } from '../../domain/rules/index.ts';
import { describeIssues, IsoDate, Lead } from '../../domain/lead.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { principalOf } from '../auth/plugin.ts';
import { resolveDataset } from '../datasets/service.ts';
import { findVersion, latestOfEachName, latestVersion, listVersions, versionSummary } from '../versions/repository.ts';
import { modelSignalStatus } from '../../pipeline/model-signals.ts';
import { featureSetFor } from './feature-cache.ts';
import { phraseHits } from './phrase-hits.ts';
import { previewRuleset } from './preview.ts';
import { decideLead } from '../../pipeline/decide-lead.ts';
import { suppressedInFeatureSet } from '../privacy/feature-set-suppression.ts';
import { compiledOrThrow, compiledVersion, DEFAULT_RULESET, saveRulesetVersion, validateRulesetFiles } from './service.ts';
import { languageCoverage } from '../../domain/text/coverage.ts';
import { itemsOf, SavedVersionSchema, VersionSummarySchema, VersionWithFilesSchema } from '../../http/response-schemas.ts';
import { CatalogSchema, PreviewSchema, TryResultSchema, ValidationSchema } from './schemas.ts';

const roles = ['manager', 'engineer'] as const;
const Files = z.record(z.string().regex(/^[\w./-]+\.ya?ml$/, 'ruleset files are .yaml paths'), z.string().max(500_000));
const Name = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _');
/** Either draft files (the editor) or a saved version. */
const RulesetSource = z.object({ files: Files.optional(), ruleset_version_id: z.string().max(200).optional() });

export const rulesetRoutes: FastifyPluginAsyncZod = async (app) => {
  async function compiledFrom(source: z.infer<typeof RulesetSource>) {
    if (source.files) return compiledOrThrow(source.files);
    if (source.ruleset_version_id) return (await compiledVersion(app.db, source.ruleset_version_id)).compiled;
    throw new AppError('bad_request', 'Give either "files" (a draft ruleset) or "ruleset_version_id".');
  }

  app.get(
    '/api/rules/catalog',
    {
      config: { roles },
      schema: { tags: ['rules'], summary: 'Features and functions a rule condition may use, and what the engine reads per language', querystring: z.object({ ruleset_version_id: z.string().max(200).optional() }), response: { 200: CatalogSchema } },
    },
    async (request) => {
      // Language coverage and the classifier of a ruleset version (the production default when none is named).
      const versionId = request.query.ruleset_version_id ?? (await latestVersion(app.db, 'ruleset', DEFAULT_RULESET))?.id;
      const compiled = versionId ? (await compiledVersion(app.db, versionId)).compiled : null;
      const calibration = compiled?.intentModel?.calibration;
      return {
        features: FEATURE_CATALOG,
        functions: [
          { name: 'signal("name")', description: 'true when the named signal (phrase list, intent, keyword, unread or model) matched an activity text' },
          { name: 'has(tags, "x") / "x" in tags', description: 'list membership' },
        ],
        intents: compiled?.ruleset.intents?.intents ?? [],
        languages: compiled ? languageCoverage(compiled) : [],
        classifier: calibration
          ? { library: 'wink-naive-bayes-text-classifier', threshold: calibration.threshold, dnc_clear: calibration.dnc_clear, folds: calibration.folds, heldout: calibration.heldout }
          : null,
      };
    },
  );

  app.get('/api/rulesets', { config: { roles }, schema: { tags: ['rules'], response: { 200: itemsOf(VersionSummarySchema) } } }, async () => {
    return { items: (await latestOfEachName(app.db, 'ruleset')).map(versionSummary) };
  });

  app.get('/api/rulesets/:name/versions', { config: { roles }, schema: { tags: ['rules'], params: z.object({ name: Name }), response: { 200: itemsOf(VersionSummarySchema) } } }, async (request) => ({
    items: (await listVersions(app.db, 'ruleset', request.params.name)).map(versionSummary),
  }));

  app.post(
    '/api/rulesets/:name/versions',
    {
      config: { roles },
      schema: { tags: ['rules'], summary: 'Save a new immutable ruleset version', params: z.object({ name: Name }), body: z.object({ files: Files, message: z.string().trim().min(1).max(500) }), response: { 200: SavedVersionSchema, 201: SavedVersionSchema } },
    },
    async (request, reply) => {
      const actor = principalOf(request).actor;
      const { version, created } = await saveRulesetVersion(app.db, request.params.name, request.body.files, actor, request.body.message);
      if (created) await recordAudit(app.db, { actor, action: 'ruleset.save', subject: version.id, details: { hash: version.content_hash, message: version.message } });
      return reply.status(created ? 201 : 200).send({ ...versionSummary(version), created });
    },
  );

  app.get('/api/ruleset-versions/:id', { config: { roles }, schema: { tags: ['rules'], params: z.object({ id: z.string().max(200) }), response: { 200: VersionWithFilesSchema } } }, async (request) => {
    const version = await findVersion(app.db, 'ruleset', request.params.id);
    if (!version) throw new AppError('not_found', `No ruleset version ${request.params.id}.`);
    return { ...versionSummary(version), files: version.files };
  });

  app.post(
    '/api/rulesets/validate',
    {
      config: { roles },
      schema: {
        tags: ['rules'],
        summary: 'Check draft files; errors carry file, rule and line/column. With dataset_id, also warnings from deciding its leads',
        body: z.object({ files: Files, dataset_id: z.string().max(100).optional(), as_of: IsoDate.optional() }),
        response: { 200: ValidationSchema },
      },
    },
    async (request) => {
      const result = validateRulesetFiles(request.body.files);
      if (!result.ok) return { ok: false, errors: result.errors, warnings: [], scenarios: [], rules: [], signals: [], model_signals: [] };
      const { ruleset } = result.compiled;
      let warnings: RuleWarning[] = [];
      if (request.body.dataset_id) {
        const dataset = await resolveDataset(app.db, request.body.dataset_id);
        const set = await featureSetFor(app.db, dataset.id, request.body.as_of ?? dataset.as_of);
        const decisions = set.leads.map((l) => decide(result.compiled, l.features, { trace: 'compact' }));
        warnings = rulesetWarnings(result.compiled, decisions, set.leads.map((l) => l.lead_id));
      }
      return {
        ok: true,
        errors: [],
        warnings,
        scenarios: runScenarios(result.compiled),
        // A model signal whose model is missing is unavailable (never silently false): say so here.
        model_signals: modelSignalStatus(result.compiled, app.config.modelsDir),
        rules: ruleset.rules.map((r) => ({ id: r.id, kind: r.kind, description: r.description ?? '', file: r.file, line: r.line })),
        signals: ruleset.signals.map((s) => s.name),
      };
    },
  );

  app.post(
    '/api/rulesets/preview',
    {
      config: { roles },
      schema: {
        tags: ['rules'],
        summary: 'Decide every lead of a dataset with a draft ruleset; metrics against gold labels and flips against a baseline',
        body: RulesetSource.extend({
          dataset_id: z.string().max(100),
          baseline_version_id: z.string().max(200).optional(),
          as_of: IsoDate.optional(),
          flips_limit: z.number().int().min(0).max(1000).default(100),
        }),
        response: { 200: PreviewSchema },
      },
    },
    async (request) => {
      const body = request.body;
      const compiled = await compiledFrom(body);
      const dataset = await resolveDataset(app.db, body.dataset_id);
      const baselineId = body.baseline_version_id ?? (await latestVersion(app.db, 'ruleset', 'default'))?.id;
      const baseline = baselineId ? (await compiledVersion(app.db, baselineId)).compiled : null;
      const features = await featureSetFor(app.db, dataset.id, body.as_of ?? dataset.as_of);
      const suppressed = await suppressedInFeatureSet(app.db, features);
      const preview = previewRuleset(compiled, features, baseline, { flipsLimit: body.flips_limit, suppressed });
      return { dataset: { id: dataset.id, name: dataset.name, version: dataset.version, as_of: body.as_of ?? dataset.as_of }, baseline_version_id: baselineId ?? null, ...preview };
    },
  );

  app.post(
    '/api/rulesets/try',
    {
      config: { roles },
      schema: {
        tags: ['rules'],
        summary: 'Decide one lead (a record, or a lead of a dataset) and show the full trace',
        body: RulesetSource.extend({
          lead: z.unknown().optional(),
          dataset_id: z.string().max(100).optional(),
          lead_id: z.string().max(200).optional(),
          as_of: IsoDate.optional(),
        }),
        response: { 200: TryResultSchema },
      },
    },
    async (request) => {
      const body = request.body;
      const compiled = await compiledFrom(body);
      if (body.dataset_id && body.lead_id) {
        const dataset = await resolveDataset(app.db, body.dataset_id);
        const set = await featureSetFor(app.db, dataset.id, body.as_of ?? dataset.as_of);
        const at = set.leads.findIndex((l) => l.lead_id === body.lead_id);
        if (at < 0) throw new AppError('not_found', `No lead ${body.lead_id} in dataset ${dataset.name}.`);
        const cached = set.leads[at];
        const suppressed = (await suppressedInFeatureSet(app.db, set))[at];
        return { lead_id: cached.lead_id, as_of: set.asOf, gold: cached.gold, features: cached.features.values, ...decideLead(compiled, cached.features, suppressed) };
      }
      const parsed = Lead.safeParse(body.lead);
      if (!parsed.success) throw new AppError('bad_request', 'Give "lead" (a lead record) or "dataset_id" + "lead_id".', { errors: describeIssues(parsed.error, 'lead') });
      const asOf = body.as_of ?? new Date().toISOString().slice(0, 10);
      const features = computeFeatures(parsed.data, asOf);
      return { lead_id: parsed.data.id, as_of: asOf, gold: parsed.data.label?.decision ?? null, features: features.values, ...decide(compiled, features) };
    },
  );

  app.post(
    '/api/rulesets/phrase-hits',
    {
      config: { roles: [...roles, 'admin'] },
      schema: {
        tags: ['rules'],
        summary: 'How many leads of a dataset each phrase of a signal matches on its own, and which phrases are listed twice',
        body: RulesetSource.extend({ dataset_id: z.string().max(100), signal: z.string().max(100), as_of: IsoDate.optional() }),
        response: {
          200: z.object({
            signal: z.string(),
            leads: z.number().int(),
            signal_hits: z.number().int(),
            hits: z.record(z.string(), z.record(z.string(), z.number().int())),
            duplicates: z.array(z.object({ language: z.string(), phrase: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      const body = request.body;
      const compiled = await compiledFrom(body);
      const signal = compiled.ruleset.signals.find((s) => s.name === body.signal);
      if (!signal) throw new AppError('not_found', `The ruleset has no signal ${body.signal}.`);
      if (signal.kind !== 'phrases') throw new AppError('bad_request', `Signal ${body.signal} is ${signal.kind}-backed: it has no phrases to count.`);
      const dataset = await resolveDataset(app.db, body.dataset_id);
      const features = await featureSetFor(app.db, dataset.id, body.as_of ?? dataset.as_of);
      return phraseHits(signal, features);
    },
  );
};
