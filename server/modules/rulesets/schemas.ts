/**
 * Response schemas of the rules routes. Rules documents grow (new signal kinds, new checks, new
 * trace details), so the shapes here are loose: the fields the editor reads are typed, any other
 * field a ruleset or the engine adds still reaches it.
 */
import { z } from 'zod';
import { openObject, ReasonSchema, RuleDecisionSchema, RuleTraceEntrySchema } from '../../http/response-schemas.ts';

const Decision = z.enum(['contact', 'wait', 'do_not_contact', 'not_worth_pursuing']);

export const CatalogSchema = openObject({
  features: z.array(openObject({ name: z.string(), type: z.string(), nullable: z.boolean(), description: z.string(), example: z.unknown() })).readonly(),
  functions: z.array(z.object({ name: z.string(), description: z.string() })),
  intents: z.array(z.string()).describe("The ruleset's intents"),
  languages: z.array(z.unknown()).describe('What the engine reads per language (server/domain/text/coverage.ts)'),
  classifier: openObject({ library: z.string(), threshold: z.number() }).nullable(),
}).meta({ id: 'RulesCatalog' });


export const RulesetErrorSchema = openObject({
  file: z.string(), rule_id: z.string().optional(), signal: z.string().optional(), line: z.number().optional(), column: z.number().optional(), path: z.string().optional(), message: z.string(),
}).meta({ id: 'RulesetError' });

export const RuleWarningSchema = openObject({
  rule_id: z.string(), kind: z.enum(['matches_no_lead', 'fails_on_leads', 'never_decides']), file: z.string(), line: z.number(), message: z.string(), lead_ids: z.array(z.string()).optional(),
}).meta({ id: 'RuleWarning' });

export const ScenarioResultSchema = openObject({
  name: z.string(), file: z.string(), line: z.number(), lead_id: z.string(), as_of: z.string(),
  expected: z.object({ decision: Decision, reason: z.string().optional() }),
  got: z.object({ decision: Decision, reasons: z.array(z.string()) }),
  passed: z.boolean(),
  failure: z.string().optional(),
}).meta({ id: 'ScenarioResult' });

export const ValidationSchema = openObject({
  ok: z.boolean(),
  errors: z.array(RulesetErrorSchema),
  warnings: z.array(RuleWarningSchema),
  scenarios: z.array(ScenarioResultSchema),
  rules: z.array(openObject({ id: z.string(), kind: z.string(), description: z.string(), file: z.string(), line: z.number() })),
  signals: z.array(z.string()),
  model_signals: z.array(z.unknown()).describe('Model-backed signals and whether their model is in MODELS_DIR'),
}).meta({ id: 'RulesetValidation' });

const Snapshot = openObject({ decision: Decision, priority: z.number(), reasons: z.array(ReasonSchema), trace: z.array(RuleTraceEntrySchema), recontact_after: z.string().nullish() });

export const DecisionMetricsSchema = openObject({
  total: z.number(),
  labeled: z.number(),
  decision_counts: z.record(z.string(), z.number()),
  confusion: z.record(z.string(), z.record(z.string(), z.number())).describe('confusion[gold][predicted]'),
  dnc_precision: z.number().nullable(),
  dnc_recall: z.number().nullable(),
  decision_accuracy: z.number().nullable(),
  selection_rate: z.number(),
  compliance_violations: z.number(),
  compliance_violation_ids: z.array(z.string()),
}).meta({ id: 'DecisionMetrics' });

export const PreviewSchema = openObject({
  dataset: z.object({ id: z.string(), name: z.string(), version: z.number(), as_of: z.string() }),
  baseline_version_id: z.string().nullable(),
  metrics: DecisionMetricsSchema,
  reason_counts: z.record(z.string(), z.number()),
  rule_matches: z.record(z.string(), z.number()),
  flips: z.object({ total: z.number(), by_transition: z.record(z.string(), z.number()), items: z.array(openObject({ lead_id: z.string(), gold: z.string().nullable(), before: Snapshot, after: Snapshot })) }).nullable(),
  warnings: z.array(RuleWarningSchema),
  scenarios: z.array(ScenarioResultSchema),
  timing_ms: openObject({ decide: z.number(), checks: z.number().optional(), features: z.number() }),
}).meta({ id: 'RulesetPreview' });

export const TryResultSchema = openObject({
  ...RuleDecisionSchema.shape,
  lead_id: z.string(),
  as_of: z.string(),
  gold: z.string().nullable(),
  features: z.record(z.string(), z.unknown()).describe('The feature values the rules read'),
}).meta({ id: 'TryResult' });
