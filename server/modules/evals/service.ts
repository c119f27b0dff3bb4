/**
 * Evaluation runs: what a candidate is (explicit versions, a release's pinned versions, or the
 * defaults), creating a run (which locks its dataset version), cancelling, and running a
 * candidate to completion in-process (the CLI and release gating).
 */
import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { describeIssues } from '../../domain/lead.ts';
import type { EvalMetrics } from '../../domain/metrics/eval-metrics.ts';
import { AppError } from '../../http/errors.ts';
import { DEFAULT_PROVIDER, ProviderConfig, providerConfigHash } from '../../providers/provider-config.ts';
import { recordAudit } from '../audit/repository.ts';
import type { CandidateEnv } from '../candidates/service.ts';
import { findDataset, lockDataset } from '../datasets/repository.ts';
import { DEFAULT_PROMPT } from '../prompts/service.ts';
import { DEFAULT_RULESET } from '../rulesets/service.ts';
import { findVersion, latestVersion } from '../versions/repository.ts';
import * as repo from './repository.ts';
import { executeRun, type ExecuteOptions } from './runner.ts';
import { countLeadsCreatedBy, DEFAULT_REPLAY_WINDOW_DAYS } from './replay.ts';

/** Emitted when a run is queued, so an in-process worker starts at once instead of at its next poll. */
export const runEvents = new EventEmitter();

export interface CandidateInput {
  ruleset_version_id?: string;
  prompt_version_id?: string;
  provider?: unknown;
  release_id?: string;
}

export interface ResolvedCandidate {
  ruleset_version_id: string;
  prompt_version_id: string;
  provider: ProviderConfig;
  release_id: string | null;
  candidate_hash: string;
}

export function candidateHash(rulesetHash: string, promptHash: string, provider: ProviderConfig): string {
  return createHash('sha256').update(`${rulesetHash}\0${promptHash}\0${providerConfigHash(provider)}`).digest('hex');
}

/** A release pins every version; otherwise each part defaults to the latest default version / the template writer. */
export async function resolveCandidate(db: Kysely<DB>, input: CandidateInput): Promise<ResolvedCandidate> {
  let rulesetId = input.ruleset_version_id;
  let promptId = input.prompt_version_id;
  let providerRaw = input.provider;
  if (input.release_id) {
    const release = await db.selectFrom('releases').selectAll().where('id', '=', input.release_id).executeTakeFirst();
    if (!release) throw new AppError('not_found', `No release ${input.release_id}.`);
    rulesetId = release.ruleset_version_id;
    promptId = release.prompt_version_id;
    providerRaw = release.provider;
  }
  const ruleset = rulesetId ? await findVersion(db, 'ruleset', rulesetId) : await latestVersion(db, 'ruleset', DEFAULT_RULESET);
  if (!ruleset) throw new AppError(rulesetId ? 'not_found' : 'conflict', rulesetId ? `No ruleset version ${rulesetId}.` : 'No default ruleset is stored yet.');
  const prompt = promptId ? await findVersion(db, 'prompt', promptId) : await latestVersion(db, 'prompt', DEFAULT_PROMPT);
  if (!prompt) throw new AppError(promptId ? 'not_found' : 'conflict', promptId ? `No prompt version ${promptId}.` : 'No default prompt is stored yet.');
  const parsed = ProviderConfig.safeParse(providerRaw ?? DEFAULT_PROVIDER);
  if (!parsed.success) {
    throw new AppError('bad_request', 'The provider config is not valid.', { errors: describeIssues(parsed.error, 'provider') });
  }
  return {
    ruleset_version_id: ruleset.id,
    prompt_version_id: prompt.id,
    provider: parsed.data,
    release_id: input.release_id ?? null,
    candidate_hash: candidateHash(ruleset.content_hash, prompt.content_hash, parsed.data),
  };
}

export interface CreateRunInput extends CandidateInput {
  dataset_id: string;
  label?: string;
  /** Replay the dataset as of this date (a backtest): outcomes after it are the labels. */
  as_of?: string | null;
  outcome_window_days?: number;
}

/** Queues a run; the dataset version it uses becomes immutable in the same transaction. */
export async function createRun(db: Kysely<DB>, input: CreateRunInput, actor: string, options: { notify?: boolean } = {}): Promise<repo.EvalRunRow> {
  const candidate = await resolveCandidate(db, input);
  const run = await db.transaction().execute(async (trx) => {
    const dataset = await findDataset(trx, input.dataset_id);
    if (!dataset) throw new AppError('not_found', `No dataset ${input.dataset_id}.`);
    await lockDataset(trx, dataset.id);
    const row = await repo.insertRun(trx, {
      dataset_id: dataset.id,
      as_of: input.as_of ?? null,
      outcome_window_days: input.outcome_window_days ?? DEFAULT_REPLAY_WINDOW_DAYS,
      ruleset_version_id: candidate.ruleset_version_id,
      prompt_version_id: candidate.prompt_version_id,
      provider: candidate.provider,
      candidate_hash: candidate.candidate_hash,
      release_id: candidate.release_id,
      label: input.label ?? '',
      total: input.as_of ? await countLeadsCreatedBy(trx, dataset.id, input.as_of) : dataset.lead_count,
      created_by: actor,
    });
    await recordAudit(trx, {
      actor,
      action: 'eval.run.create',
      subject: row.id,
      details: {
        dataset_id: dataset.id,
        ruleset_version_id: row.ruleset_version_id,
        prompt_version_id: row.prompt_version_id,
        provider_hash: providerConfigHash(candidate.provider),
        release_id: row.release_id,
        label: row.label,
        as_of: row.as_of,
      },
    });
    return row;
  });
  if (options.notify !== false) runEvents.emit('queued', run.id);
  return run;
}

export async function cancelRunById(db: Kysely<DB>, id: string, actor: string): Promise<repo.EvalRunRow> {
  return db.transaction().execute(async (trx) => {
    const run = await repo.findRun(trx, id);
    if (!run) throw new AppError('not_found', `No evaluation run ${id}.`);
    const cancelled = await repo.cancelRun(trx, id);
    if (!cancelled) throw new AppError('conflict', `Run ${id} is already ${run.status}.`);
    await recordAudit(trx, { actor, action: 'eval.run.cancel', subject: id, details: { done: run.done_count, total: run.total } });
    return cancelled;
  });
}

export function runView(row: repo.EvalRunRow) {
  const startedMs = row.started_at ? row.started_at.getTime() : null;
  const endMs = row.finished_at ? row.finished_at.getTime() : Date.now();
  const elapsedS = startedMs ? Math.max(0, (endMs - startedMs) / 1000) : null;
  const rate = elapsedS && row.done_count ? row.done_count / elapsedS : null;
  return {
    id: row.id,
    dataset_id: row.dataset_id,
    ruleset_version_id: row.ruleset_version_id,
    prompt_version_id: row.prompt_version_id,
    provider: row.provider as ProviderConfig,
    candidate_hash: row.candidate_hash,
    release_id: row.release_id,
    label: row.label,
    /** Replay date of a backtest (null: the dataset's as_of), and its outcome window. */
    as_of: row.as_of,
    outcome_window_days: row.outcome_window_days,
    status: row.status,
    progress: {
      done: row.done_count,
      total: row.total,
      eta_s: row.status === 'running' && rate ? Math.round((row.total - row.done_count) / rate) : null,
    },
    metrics: (row.metrics as EvalMetrics | null) ?? null,
    error: row.error,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
    started_at: row.started_at?.toISOString() ?? null,
    finished_at: row.finished_at?.toISOString() ?? null,
  };
}

/**
 * `<prefix>@<host>#<pid>-<random>`: the host and pid let a restarted process recognise the leases
 * of its own dead predecessor on the same machine and take them over at once.
 */
export function workerId(prefix: string): string {
  return `${prefix}@${os.hostname()}#${process.pid}-${randomBytes(3).toString('hex')}`;
}

export interface RunToCompletionInput extends CandidateInput {
  datasetId: string;
  label?: string;
  actor?: string;
  as_of?: string | null;
}

/**
 * Creates a run and works it to its end in this process (no worker needed): what `npm run eval`
 * and release gating use. Throws when the run does not finish.
 */
export async function runCandidateOnDataset(
  env: CandidateEnv,
  input: RunToCompletionInput,
  options: WorkOptions = {},
): Promise<{ runId: string; metrics: EvalMetrics }> {
  const run = await createRun(env.db, { ...input, dataset_id: input.datasetId }, input.actor ?? 'system', { notify: options.delegate === true });
  return workRunToCompletion(env, run.id, options);
}

export type WorkOptions = Omit<ExecuteOptions, 'owner'> & {
  owner?: string;
  /** Leave the work to the server's evaluation thread and only wait for the result (the server does this, so a gate check never runs on the request thread). */
  delegate?: boolean;
};

/** Works a queued run here; when a worker got to it first, waits for that worker to finish it. */
export async function workRunToCompletion(
  env: CandidateEnv,
  runId: string,
  options: WorkOptions = {},
): Promise<{ runId: string; metrics: EvalMetrics }> {
  const owner = options.owner ?? workerId('inline');
  for (;;) {
    const claimed = options.delegate ? undefined : await repo.claimRun(env.db, owner, options.leaseMs ?? 30_000, runId);
    if (claimed) {
      const outcome = await executeRun(env, claimed, { ...options, owner });
      if (outcome.status === 'done') return { runId, metrics: outcome.metrics };
      if (outcome.status !== 'lost') throw new Error(`run ${runId} ended ${outcome.status}${'error' in outcome ? `: ${outcome.error}` : ''}`);
    }
    const row = await repo.findRun(env.db, runId);
    if (!row) throw new Error(`run ${runId} does not exist`);
    if (row.status === 'done') return { runId, metrics: row.metrics as EvalMetrics };
    if (row.status === 'failed' || row.status === 'cancelled') throw new Error(`run ${runId} ended ${row.status}${row.error ? `: ${row.error}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
