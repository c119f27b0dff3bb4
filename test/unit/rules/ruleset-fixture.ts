/** Tiny rulesets for unit tests, as files maps (the canonical form). */
import { compileRuleset, parseRulesetFiles, type CompiledRuleset, type CompileOptions } from '../../../server/domain/rules/index.ts';

export const SETTINGS = `ruleset:
  name: test
  contact_threshold: 20
  below_threshold: { decision: not_worth_pursuing, reason: low_value, explain: "Priority {priority} below {threshold}." }
  when_nothing_matches: { decision: not_worth_pursuing, reason: low_intent, explain: "Nothing matched." }
`;

export const SIGNALS = `signals:
  refusal:
    description: asked us to stop
    negation_aware: false
    phrases: { en: ["stop calling"], de: ["nicht mehr anrufen"], hr: ["ne zovite"] }
  price:
    description: price objection
    phrases: { en: ["too expensive"], de: ["zu teuer"], hr: ["preskupo"] }
    unless: { en: ["not the problem"] }
  tone:
    description: model-backed
    kind: model
`;

export function compileFiles(files: Record<string, string>, options?: CompileOptions): CompiledRuleset {
  const parsed = parseRulesetFiles(files);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return compileRuleset(parsed.ruleset, options);
}

export function rulesFile(yamlRules: string): Record<string, string> {
  return { 'ruleset.yaml': SETTINGS, 'signals.yaml': SIGNALS, 'rules.yaml': `rules:\n${yamlRules}` };
}
