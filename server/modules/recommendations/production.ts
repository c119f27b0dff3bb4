/**
 * The production candidate: the current production release, built once per release id and
 * reused (the compiled ruleset, the prompt, the provider runtime). A promotion changes the id, so
 * the next request builds the new release; nothing needs invalidating.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { Candidate } from '../../pipeline/candidate.ts';
import { templateWriter } from '../../providers/create-writer.ts';
import { ProviderRuntime } from '../../providers/runtime.ts';
import { buildCandidate } from '../candidates/service.ts';
import { findProduction, type ReleaseRow } from '../releases/repository.ts';

const candidates = new Map<string, Promise<Candidate>>();
const PRODUCTION_TTL_MS = 1000;
// Per database (tests open several in one process).
const productionCache = new WeakMap<Kysely<DB>, { at: number; release: Promise<ReleaseRow | undefined> }>();

/**
 * The production release, re-read at most once a second; a promotion through this process
 * forgets it at once, one through another process (a second server) shows within the second.
 */
export async function currentProduction(db: Kysely<DB>): Promise<ReleaseRow> {
  const now = Date.now();
  let entry = productionCache.get(db);
  if (!entry || now - entry.at > PRODUCTION_TTL_MS) {
    entry = { at: now, release: findProduction(db) };
    productionCache.set(db, entry);
  }
  const release = await entry.release;
  if (!release) throw new AppError('unavailable', 'There is no production release; a manager must approve one.');
  return release;
}

export function forgetProductionCache(db: Kysely<DB>): void {
  productionCache.delete(db);
}

/**
 * The template writer fills reviewed phrases in microseconds, always the same way for the same
 * input: the provider_cache lookup (and insert on a miss) would cost each drafted lead one or two
 * database round trips and store a copy of a draft the recommendation row already holds. Released
 * candidates (the endpoint, campaigns, shadows) therefore call it uncached; evaluation runs keep
 * the cache as before. Model writers keep it everywhere: their answers are worth keeping.
 */
function withoutCacheForTemplate(candidate: Candidate): Candidate {
  if (candidate.provider.type !== 'template') return candidate;
  const p = candidate.provider;
  const runtime = new ProviderRuntime(templateWriter, { timeoutMs: p.timeout_ms, concurrency: p.concurrency, retries: p.retries, configHash: candidate.providerHash });
  return { ...candidate, runtime };
}

export function candidateForRelease(db: Kysely<DB>, modelsDir: string, release: ReleaseRow): Promise<Candidate> {
  let candidate = candidates.get(release.id);
  if (!candidate) {
    candidate = buildCandidate(
      { db, modelsDir },
      { ruleset: { versionId: release.ruleset_version_id }, prompt: { versionId: release.prompt_version_id }, provider: release.provider },
    ).then(withoutCacheForTemplate);
    candidate.catch(() => candidates.delete(release.id));
    candidates.set(release.id, candidate);
  }
  return candidate;
}
