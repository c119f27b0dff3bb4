/**
 * Builds a Candidate (compiled ruleset + prompt template + provider runtime) from stored versions
 * or drafts. One runtime per provider config, so its concurrency limit holds across requests.
 */
import { describeIssues } from '../../domain/lead.ts';
import { AppError } from '../../http/errors.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CompiledRuleset } from '../../domain/rules/index.ts';
import type { PromptTemplate } from '../../domain/prompts/prompt-template.ts';
import type { Candidate } from '../../pipeline/candidate.ts';
import { createDraftWriter } from '../../providers/create-writer.ts';
import { isExternal, ProviderConfig, providerConfigHash } from '../../providers/provider-config.ts';
import { ProviderRuntime } from '../../providers/runtime.ts';
import { signalPreparer } from '../../pipeline/model-signals.ts';
import { compiledPromptVersion } from '../prompts/service.ts';
import { compiledVersion } from '../rulesets/service.ts';
import { getSettings } from '../settings/service.ts';
import { dbResultCache } from './db-result-cache.ts';

export interface CandidateEnv {
  db: Kysely<DB>;
  modelsDir: string;
}

// Per database: a runtime's result cache writes to the database it was built for (tests open several).
const runtimesByDb = new WeakMap<Kysely<DB>, Map<string, Promise<ProviderRuntime>>>();

async function runtimeFor(env: CandidateEnv, provider: ProviderConfig): Promise<ProviderRuntime> {
  let runtimes = runtimesByDb.get(env.db);
  if (!runtimes) runtimesByDb.set(env.db, (runtimes = new Map()));
  const hash = providerConfigHash(provider);
  const key = `${hash}:${provider.timeout_ms}:${provider.concurrency}:${provider.retries}:${env.modelsDir}`;
  let runtime = runtimes.get(key);
  if (!runtime) {
    runtime = createDraftWriter(provider, { modelsDir: env.modelsDir }).then(
      (writer) =>
        new ProviderRuntime(writer, {
          timeoutMs: provider.timeout_ms,
          concurrency: provider.concurrency,
          retries: provider.retries,
          configHash: hash,
          cache: dbResultCache(env.db),
        }),
    );
    runtime.catch(() => runtimes!.delete(key));
    runtimes.set(key, runtime);
  }
  return runtime;
}

export interface CandidateSpec {
  ruleset: { versionId: string } | { versionId: string; compiled: CompiledRuleset };
  prompt: { versionId: string } | { versionId: string; template: PromptTemplate };
  provider: unknown;
}

export async function buildCandidate(env: CandidateEnv, spec: CandidateSpec): Promise<Candidate> {
  // A wrong provider from a request is the caller's mistake: a 400 naming each field, not a 500.
  const parsedProvider = ProviderConfig.safeParse(spec.provider);
  if (!parsedProvider.success) {
    throw new AppError('bad_request', 'The provider config is not valid.', { errors: describeIssues(parsedProvider.error, 'provider') });
  }
  const provider = parsedProvider.data;
  const ruleset = 'compiled' in spec.ruleset ? spec.ruleset.compiled : (await compiledVersion(env.db, spec.ruleset.versionId)).compiled;
  const prompt = 'template' in spec.prompt ? spec.prompt.template : (await compiledPromptVersion(env.db, spec.prompt.versionId)).template;
  const settings = await getSettings(env.db);
  return {
    rulesetVersionId: spec.ruleset.versionId,
    promptVersionId: spec.prompt.versionId,
    ruleset,
    prompt,
    provider,
    providerHash: providerConfigHash(provider),
    runtime: await runtimeFor(env, provider),
    external: isExternal(provider),
    allowExternal: settings.allow_external_processing,
    prepareSignals: signalPreparer(ruleset, env.modelsDir),
  };
}
