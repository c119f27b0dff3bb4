/**
 * Runs one claimed evaluation run to its end: the dataset index once, then every lead not yet
 * written goes through the shared `recommendLead` with bounded concurrency, and results are
 * written in batches as they finish (the lease is renewed with each batch and by a heartbeat).
 * A crash loses at most the batches in flight; the next claim skips what is already written.
 */
import { currentTextLabels } from '../human-reads/labels.ts';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Decision, Lead } from '../../domain/lead.ts';
import { leadKnownAsOf } from '../../domain/features/known-as-of.ts';
import { hasComplianceFlag } from '../../domain/metrics/decision-metrics.ts';
import { assessDraft, customerLanguageText } from '../../domain/metrics/draft-quality.ts';
import { computeEvalMetrics, type EvalMetrics } from '../../domain/metrics/eval-metrics.ts';
import { buildDatasetIndex } from '../../domain/rules/index.ts';
import type { Candidate } from '../../pipeline/candidate.ts';
import { recommendLead, type LeadResult } from '../../pipeline/recommend-lead.ts';
import { ProviderRuntime } from '../../providers/runtime.ts';
import type { DraftWriter } from '../../providers/types.ts';
import { buildCandidate, type CandidateEnv } from '../candidates/service.ts';
import { dbResultCache } from '../candidates/db-result-cache.ts';
import { findDataset } from '../datasets/repository.ts';
import { cutoffOf, leadSubjects, lookupSuppressions } from '../privacy/suppression-list.ts';
import { loadDatasetLeads } from '../rulesets/feature-cache.ts';
import * as repo from './repository.ts';
import { outcomeSummary, replayLeads } from './replay.ts';
import { textLanguageOf } from '../../domain/metrics/language-metrics.ts';

export const DEFAULT_LEASE_MS = 30_000;
export const DEFAULT_BATCH_SIZE = 200;
/** Leads in flight; the provider runtime's own limit still caps concurrent model calls. */
export const DEFAULT_CONCURRENCY = 16;

export interface RunProgress {
  runId: string;
  done: number;
  total: number;
  /** Leads written by this attempt, and its elapsed time, for the rate and ETA. */
  written: number;
  elapsedMs: number;
  etaS: number | null;
}

export interface ExecuteOptions {
  owner: string;
  leaseMs?: number;
  batchSize?: number;
  concurrency?: number;
  /** Wait this long after each lead in a slot: throttles load on a shared provider. */
  paceMs?: number;
  onProgress?: (p: RunProgress) => void;
  /** Stops taking new leads (graceful shutdown); the run stays claimable. */
  signal?: AbortSignal;
  /** Replaces the provider's writer (benchmarks and tests); cache and limits stay the candidate's. */
  writer?: DraftWriter;
  /**
   * Rows per read of the dataset and of the results. The evaluation thread on the embedded
   * database keeps reads and writes small, so that no single statement holds the server's one
   * connection (and its thread) for long.
   */
  pageSize?: number;
  /**
   * Also write a batch once its results reach this many bytes of JSON (results vary from a few
   * to tens of KB): on the embedded database the insert runs on the server's thread, and its
   * time grows with its bytes, not its row count.
   */
  batchBytes?: number;
}

export type RunOutcome = { status: 'done'; metrics: EvalMetrics } | { status: 'cancelled' | 'lost' | 'stopped' } | { status: 'failed'; error: string };

export interface StoredResult extends LeadResult {
  gold: Lead['label'] | null;
  compliance_flag: boolean;
  summary: repo.ResultSummary;
}

/** A replay (backtest) run: what happened after its as_of is the outcome label. */
export interface ReplayOptions {
  asOf: string;
  windowDays: number;
}

export function toStoredRow(lead: Lead, seq: number, result: LeadResult, replay?: ReplayOptions): repo.NewResult {
  const gold = lead.label ?? null;
  // Draft quality of what a rep would see: the customer-language parts of the shown draft.
  const quality = result.recommendation ? assessDraft(result.story, customerLanguageText(result.recommendation), lead.contact?.language) : null;
  // Consent as known at the decision: an opt-out dated after as_of had not happened yet.
  const complianceFlag = hasComplianceFlag(leadKnownAsOf(lead, result.as_of));
  const stored: StoredResult = {
    ...result,
    gold,
    compliance_flag: complianceFlag,
    summary: {
      ...outcomeSummary(lead, result, replay),
      gold_reasons: gold?.reasons ?? [],
      compliance_flag: complianceFlag,
      draft_status: result.draft_status,
      issue_kinds: result.guardrail_issues.map((i) => i.kind),
      reasons: result.decision.reasons.map((r) => r.code),
      story_kind: result.story.lost_after.kind,
      story_covered: quality?.story_covered ?? null,
      language_match: quality && quality.language_supported ? quality.language_match : null,
      cost: result.cost,
      tokens: result.tokens ? result.tokens.prompt + result.tokens.completion : 0,
      text_language: textLanguageOf(result.decision),
    },
  };
  return {
    lead_id: lead.id,
    seq,
    decision: result.decision.decision,
    gold_decision: (gold?.decision ?? null) as Decision | null,
    priority: Math.round(result.decision.priority ?? 0),
    result: JSON.stringify(stored),
    latency_ms: result.latency_ms,
    cached: result.cached,
  };
}

export async function candidateForRun(env: CandidateEnv, run: repo.EvalRunRow, writer?: DraftWriter): Promise<Candidate> {
  const candidate = await buildCandidate(env, { ruleset: { versionId: run.ruleset_version_id }, prompt: { versionId: run.prompt_version_id }, provider: run.provider });
  if (!writer) return candidate;
  const p = candidate.provider;
  const runtime = new ProviderRuntime(writer, { timeoutMs: p.timeout_ms, concurrency: p.concurrency, retries: p.retries, configHash: candidate.providerHash, cache: dbResultCache(env.db) });
  return { ...candidate, runtime };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Metrics of a run from its stored results (all of them, whichever attempt wrote them). */
export async function metricsOfRun(db: Kysely<DB>, runId: string, pageSize?: number): Promise<EvalMetrics> {
  return computeEvalMetrics(await repo.loadEvalRows(db, runId, pageSize));
}

export async function executeRun(env: CandidateEnv, run: repo.EvalRunRow, options: ExecuteOptions): Promise<RunOutcome> {
  const { db } = env;
  const owner = options.owner;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let lost = false;
  let beat: Promise<unknown> = Promise.resolve();
  const heartbeat = setInterval(() => {
    beat = repo.renewLease(db, run.id, owner, leaseMs).then(
      (owned) => (lost ||= !owned),
      () => undefined,
    );
  }, Math.max(200, Math.floor(leaseMs / 3)));
  heartbeat.unref();
  try {
    const dataset = await findDataset(db, run.dataset_id);
    if (!dataset) throw new Error(`dataset ${run.dataset_id} no longer exists`);
    const candidate = await candidateForRun(env, run, options.writer);
    // A replay as of an earlier date holds only the leads that existed then.
    const asOf = run.as_of ?? dataset.as_of;
    const replay = run.as_of ? { asOf, windowDays: run.outcome_window_days } : undefined;
    const leads = replayLeads(await loadDatasetLeads(db, run.dataset_id, options.pageSize), run.as_of);
    const index = buildDatasetIndex(leads);
    // Refusals known by the end of the dataset's as_of day (a replay never sees the future).
    const suppressed = await lookupSuppressions(db, leadSubjects(leads), cutoffOf(dataset.as_of));
    const done = await repo.doneLeadIds(db, run.id);
    const pending: number[] = [];
    leads.forEach((lead, i) => {
      if (!done.has(lead.id)) pending.push(i);
    });
    const total = leads.length;
    let doneCount = done.size;
    const started = performance.now();
    let written = 0;

    let buffer: repo.NewResult[] = [];
    let bufferBytes = 0;
    let flushChain: Promise<void> = Promise.resolve();
    let inFlight = 0;
    let flushError: unknown = null;
    const flush = () => {
      if (!buffer.length) return;
      const rows = buffer;
      buffer = [];
      bufferBytes = 0;
      inFlight++;
      flushChain = flushChain.then(async () => {
        try {
          if (lost) return;
          const res = await repo.writeResults(db, run.id, owner, leaseMs, rows);
          if (!res.owned) {
            lost = true;
            return;
          }
          doneCount = res.done;
          written += rows.length;
          const elapsedMs = performance.now() - started;
          const rate = written / Math.max(1, elapsedMs);
          options.onProgress?.({ runId: run.id, done: doneCount, total, written, elapsedMs, etaS: rate > 0 ? Math.round((total - doneCount) / rate / 1000) : null });
        } catch (e) {
          flushError ??= e;
          lost = true;
        } finally {
          inFlight--;
        }
      });
    };

    // Managers' readings of texts the engine could not read, as production applies them.
    const textLabels = await currentTextLabels(db);
    let next = 0;
    const slot = async () => {
      while (!lost && !options.signal?.aborted && next < pending.length) {
        const i = pending[next++];
        const lead = leads[i];
        const result = await recommendLead(candidate, lead, asOf, { index, suppressed: suppressed.get(lead.id), textLabels });
        const row = toStoredRow(lead, i + 1, result, replay);
        buffer.push(row);
        bufferBytes += row.result.length;
        if (buffer.length >= batchSize || bufferBytes >= (options.batchBytes ?? Infinity)) {
          flush();
          // Back-pressure: never more than two batches waiting on the database.
          while (inFlight > 2) await flushChain;
        }
        if (options.paceMs) await sleep(options.paceMs);
      }
    };
    const concurrency = Math.max(1, options.concurrency ?? Math.max(DEFAULT_CONCURRENCY, candidate.provider.concurrency));
    await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, pending.length)) }, slot));
    flush();
    await flushChain;
    if (flushError) throw flushError;
    if (options.signal?.aborted && !lost) {
      await repo.releaseLease(db, run.id, owner);
      return { status: 'stopped' };
    }
    if (lost) {
      const now = await repo.findRun(db, run.id);
      return { status: now?.status === 'cancelled' ? 'cancelled' : 'lost' };
    }
    const metrics = await metricsOfRun(db, run.id, options.pageSize);
    if (!(await repo.finishRun(db, run.id, owner, metrics, metrics.total))) {
      const now = await repo.findRun(db, run.id);
      return { status: now?.status === 'cancelled' ? 'cancelled' : 'lost' };
    }
    return { status: 'done', metrics };
  } catch (e) {
    const error = (e as Error).message ?? String(e);
    await repo.failRun(db, run.id, owner, error).catch(() => undefined);
    return { status: 'failed', error };
  } finally {
    clearInterval(heartbeat);
    await beat;
  }
}
