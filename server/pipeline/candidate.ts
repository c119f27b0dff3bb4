/**
 * A candidate is what gets evaluated and released: a compiled ruleset version, a prompt version
 * and a provider config. The same Candidate object serves the rules preview, evaluation runs,
 * the promptfoo provider and the production endpoint.
 */
import type { CompiledRuleset } from '../domain/rules/index.ts';
import type { PromptTemplate } from '../domain/prompts/prompt-template.ts';
import type { ProviderConfig } from '../providers/provider-config.ts';
import type { ProviderRuntime } from '../providers/runtime.ts';
import type { SignalPreparer } from './model-signals.ts';

export interface Candidate {
  rulesetVersionId: string;
  promptVersionId: string;
  ruleset: CompiledRuleset;
  prompt: PromptTemplate;
  provider: ProviderConfig;
  providerHash: string;
  runtime: ProviderRuntime;
  /** Lead data would leave the machine: needs the workspace's consent, and is redacted. */
  external: boolean;
  allowExternal: boolean;
  /** Runs the local classifier for the ruleset's model signals; null when it has none. */
  prepareSignals?: SignalPreparer | null;
}
