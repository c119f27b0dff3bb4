/**
 * Gates of a proposed release: the candidate runs on every gating dataset (workspace setting,
 * default `demo`), the current production release runs there too as the baseline (an identical
 * finished run is reused), and evals/gates.yaml decides. The report is stored on the release and
 * audited with the metrics seen; approval requires it to pass.
 */
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { EvalMetrics } from '../../domain/metrics/eval-metrics.ts';
import { AppError } from '../../http/errors.ts';
import { PROJECT_ROOT } from '../../paths.ts';
import { recordAudit } from '../audit/repository.ts';
import { resolveDataset } from '../datasets/service.ts';
import { evaluateGates, loadGatesFile } from '../evals/gates.ts';
import { findIdenticalDoneRun } from '../evals/repository.ts';
import { hasEvalThread } from '../evals/eval-thread-host.ts';
import { resolveCandidate, runCandidateOnDataset } from '../evals/service.ts';
import { getSettings } from '../settings/service.ts';
import { runScenarios, scenarioSummary } from '../../domain/rules/index.ts';
import { compiledVersion } from '../rulesets/service.ts';
import * as repo from './repository.ts';
import type { GateReport } from './service.ts';

export const GATES_FILE = path.join(PROJECT_ROOT, 'evals', 'gates.yaml');

interface GateEnv {
  db: Kysely<DB>;
  modelsDir: string;
}

async function metricsFor(env: GateEnv, datasetId: string, releaseId: string, actor: string): Promise<{ runId: string; metrics: EvalMetrics }> {
  const candidate = await resolveCandidate(env.db, { release_id: releaseId });
  const done = await findIdenticalDoneRun(env.db, datasetId, candidate.candidate_hash);
  if (done?.metrics) return { runId: done.id, metrics: done.metrics as EvalMetrics };
  // In the server, the evaluation thread does the work; this request only waits for it.
  return runCandidateOnDataset(env, { datasetId, release_id: releaseId, label: `gates for ${releaseId}`, actor }, { delegate: hasEvalThread() });
}

export async function runReleaseGates(env: GateEnv, releaseId: string, actor: string): Promise<repo.ReleaseRow> {
  const release = await repo.findRelease(env.db, releaseId);
  if (!release) throw new AppError('not_found', `No release ${releaseId}.`);
  if (release.status !== 'proposed') throw new AppError('conflict', `Release ${release.number} is ${release.status}; gates are checked on proposals.`);
  const gates = loadGatesFile(GATES_FILE);
  const production = await repo.findProduction(env.db);
  const settings = await getSettings(env.db);

  const report: GateReport = { passed: true, checked_at: new Date().toISOString(), baseline_release_id: production?.id ?? null, datasets: [] };
  const runIds: string[] = [];
  try {
    // The ruleset's own scenarios first: a pinned lead decided wrongly fails the release whatever the metrics say.
    const { compiled } = await compiledVersion(env.db, release.ruleset_version_id);
    const results = runScenarios(compiled);
    const failures = results.filter((r) => !r.passed).map((r) => ({ name: r.name, lead_id: r.lead_id, failure: r.failure ?? 'failed' }));
    report.scenarios = { ...scenarioSummary(results), failures };
    if (failures.length) report.passed = false;
    if (!settings.gating_datasets.length) throw new AppError('conflict', 'No gating dataset is configured (settings.gating_datasets).');
    for (const name of settings.gating_datasets) {
      const dataset = await resolveDataset(env.db, name);
      const candidate = await metricsFor(env, dataset.id, release.id, actor);
      const baseline = production ? await metricsFor(env, dataset.id, production.id, actor) : null;
      const evaluation = evaluateGates(candidate.metrics, gates, baseline?.metrics ?? null);
      runIds.push(candidate.runId);
      report.datasets.push({
        dataset: `${dataset.name} v${dataset.version}`,
        run_id: candidate.runId,
        baseline_run_id: baseline?.runId ?? null,
        passed: evaluation.passed,
        gates: evaluation.results,
        metrics: Object.fromEntries(gates.map((g) => [g.metric, candidate.metrics[g.metric]])),
      });
      report.passed &&= evaluation.passed;
    }
  } catch (error) {
    // A gate that could not be checked is a failed gate: never approve on missing evidence.
    report.passed = false;
    report.error = (error as Error).message;
  }
  await repo.setGateResults(env.db, release.id, report, runIds);
  await recordAudit(env.db, { actor, action: 'release.gates', subject: release.id, details: { passed: report.passed, datasets: report.datasets, error: report.error ?? null } });
  return (await repo.findRelease(env.db, release.id))!;
}
