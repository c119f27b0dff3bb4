/**
 * A candidate built from files instead of stored versions, with no database: what the promptfoo
 * provider (evals/providers/rekindle-provider.ts) runs. Same compile, same prompt parser, same
 * writer factory and runtime as `buildCandidate`; only the result cache is left out (promptfoo
 * has its own, and this path has no database to put one in).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parsePromptTemplate } from '../../domain/prompts/prompt-template.ts';
import { compileRuleset, formatRulesetError, loadRulesetFromDir } from '../../domain/rules/index.ts';
import type { Candidate } from '../../pipeline/candidate.ts';
import { createDraftWriter } from '../../providers/create-writer.ts';
import { isExternal, ProviderConfig, providerConfigHash } from '../../providers/provider-config.ts';
import { ProviderRuntime } from '../../providers/runtime.ts';

export interface FileCandidateSpec {
  rulesDir: string;
  promptFile: string;
  provider?: unknown;
  modelsDir?: string;
  /** Lead data may go to an external provider (redacted); off unless said. */
  allowExternal?: boolean;
}

export async function buildFileCandidate(spec: FileCandidateSpec): Promise<Candidate> {
  const loaded = await loadRulesetFromDir(spec.rulesDir);
  if (!loaded.ok) throw new Error(`${spec.rulesDir}: ${loaded.errors.map(formatRulesetError).join('; ')}`);
  const ruleset = compileRuleset(loaded.ruleset);
  const parsed = parsePromptTemplate(path.basename(spec.promptFile), fs.readFileSync(spec.promptFile, 'utf8'));
  if (!parsed.ok) throw new Error(`${spec.promptFile}: ${parsed.errors.map((e) => e.message).join('; ')}`);
  const provider = ProviderConfig.parse(spec.provider ?? { type: 'template' });
  const writer = await createDraftWriter(provider, { modelsDir: spec.modelsDir ?? path.resolve('models') });
  const hash = providerConfigHash(provider);
  return {
    rulesetVersionId: `file:${spec.rulesDir}`,
    promptVersionId: `file:${spec.promptFile}`,
    ruleset,
    prompt: parsed.template,
    provider,
    providerHash: hash,
    runtime: new ProviderRuntime(writer, { timeoutMs: provider.timeout_ms, concurrency: provider.concurrency, retries: provider.retries, configHash: hash }),
    external: isExternal(provider),
    allowExternal: spec.allowExternal ?? false,
  };
}
