/**
 * The rules engine. Cold path: computeFeatures (features/). Hot path: decide. Both: evaluateLead.
 * A ruleset is a folder of YAML files (rules/default/); its canonical form is the files map.
 */
export { parseRulesetFiles, rulesetToFiles, contentHash, RULESET_FILE } from './parse-files.ts';
export { loadRulesetFromDir, readRulesetFiles } from './load-dir.ts';
export { compileRuleset, checkRulesetExpressions, RulesetCompileError, type CompiledRuleset, type CompiledRule, type CompileOptions } from './compile.ts';
export { decide, signalsFor, textsFor, type DecideOptions } from './decide.ts';
export { labelsOf, textHash, type TextLabel, type TextLabels, type TextReading, type TextUnderstanding } from '../text/understand.ts';
export { evaluateLead } from './evaluate-lead.ts';
export { formatRulesetError, type Ruleset, type RulesetError, type RulesetResult, type RuleDefinition, type SignalDefinition, type ScenarioDefinition } from './types.ts';
export { RULE_KINDS, type RuleKind } from './schema.ts';
export { runScenarios, scenarioSummary, type ScenarioResult } from './scenarios.ts';
export { rulesetWarnings, type RuleWarning } from './rule-warnings.ts';
export type { SignalClassifier, ClassifierRequest, ClassifierAnswer, SignalResult, SignalEvidence } from './signals.ts';
export { computeFeatures, buildDatasetIndex, FEATURE_CATALOG, type Features, type DatasetIndex } from '../features/index.ts';
