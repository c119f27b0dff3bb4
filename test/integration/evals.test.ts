/**
 * Evaluation runs end to end on both databases: metrics of the default candidate on a small
 * labeled dataset, every lead exactly once, the provider cache on a re-run, the HTTP routes
 * (create, list, progress, per-lead table, drill-down, compare, server-sent events, cancel, audit).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasComplianceFlag, scoreDecisions } from '../../server/domain/metrics/decision-metrics.ts';
import { buildDatasetIndex, computeFeatures, decide } from '../../server/domain/rules/index.ts';
import { findDataset } from '../../server/modules/datasets/repository.ts';
import * as repo from '../../server/modules/evals/repository.ts';
import { executeRun, metricsOfRun } from '../../server/modules/evals/runner.ts';
import { createRun, runCandidateOnDataset, workerId } from '../../server/modules/evals/service.ts';
import { EvalWorker } from '../../server/modules/evals/worker.ts';
import { readRulesetDir, saveRulesetVersion, compiledVersion } from '../../server/modules/rulesets/service.ts';
import { latestVersion } from '../../server/modules/versions/repository.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';
import { AS_OF, importDataset, seedDefaults, slowTemplateWriter, smallLeads } from './evals-helpers.ts';

const LEADS = smallLeads(80);

describe.each(DB_TARGETS)('evaluation runs on $kind', (target) => {
  let t: TestApp;
  let datasetId: string;
  let env: { db: TestApp['database']['db']; modelsDir: string };
  let firstRunId: string;

  beforeAll(async () => {
    t = await createTestApp(target);
    env = { db: t.database.db, modelsDir: t.config.modelsDir };
    await seedDefaults(t.database.db);
    datasetId = await importDataset(t.database.db, 'evals-small', LEADS);
  });
  afterAll(async () => t?.close());

  it('runs the default candidate: expected metrics, every lead exactly once, dataset locked', async () => {
    const { runId, metrics } = await runCandidateOnDataset(env, { datasetId, label: 'default' });
    firstRunId = runId;
    const db = t.database.db;

    const ruleset = await latestVersion(db, 'ruleset', 'default');
    const { compiled } = await compiledVersion(db, ruleset!.id);
    const index = buildDatasetIndex(LEADS);
    const decisions = LEADS.map((l) => decide(compiled, computeFeatures(l, AS_OF, index)));
    const expected = scoreDecisions(
      LEADS.map((l, i) => ({ lead_id: l.id, decision: decisions[i].decision, gold: l.label?.decision ?? null, gold_reasons: l.label?.reasons ?? [], compliance_flag: hasComplianceFlag(l) })),
    );
    expect(metrics.total).toBe(80);
    expect(metrics.labeled).toBe(expected.labeled);
    expect(metrics.confusion).toEqual(expected.confusion);
    expect(metrics.dnc_precision).toBeCloseTo(expected.dnc_precision ?? 1, 10);
    expect(metrics.dnc_recall).toBeCloseTo(expected.dnc_recall ?? 1, 10);
    expect(metrics.decision_accuracy).toBeCloseTo(expected.decision_accuracy ?? 0, 10);
    expect(metrics.compliance_violations).toBe(expected.compliance_violations);
    expect(metrics.selection_rate).toBeCloseTo(expected.selection_rate, 10);
    // The template writer always writes a valid draft for contact / wait leads.
    expect(metrics.drafts).toBe(expected.decision_counts.contact + expected.decision_counts.wait);
    expect(metrics.schema_failures).toBe(0);
    expect(metrics.grounding_rate).toBeGreaterThanOrEqual(0);
    expect(metrics.grounding_rate).toBeLessThanOrEqual(1);
    for (const k of ['dnc_precision', 'dnc_recall'] as const) {
      const [lo, hi] = metrics.intervals[k]!;
      expect(lo).toBeLessThanOrEqual(metrics[k] + 1e-9);
      expect(hi).toBeGreaterThanOrEqual(metrics[k] - 1e-9);
    }
    // Deterministic: the same stored results give the same intervals.
    expect((await metricsOfRun(db, runId)).intervals).toEqual(metrics.intervals);

    const { rows } = await sql<{ n: string; d: string }>`select count(*) as n, count(distinct lead_id) as d from eval_results where run_id = ${runId}`.execute(db);
    expect(Number(rows[0].n)).toBe(80);
    expect(Number(rows[0].d)).toBe(80);
    const run = await repo.findRun(db, runId);
    expect(run).toMatchObject({ status: 'done', done_count: 80, total: 80, lease_owner: null });
    expect((await findDataset(db, datasetId))!.locked_at).not.toBeNull();
  });

  it('serves a second run of the same candidate from the provider cache', async () => {
    const db = t.database.db;
    await db.deleteFrom('provider_cache').execute();
    const writer = slowTemplateWriter(40);
    const first = await runCandidateOnDataset(env, { datasetId, label: 'cold' }, { writer });
    const drafted = first.metrics.drafts;
    expect(writer.calls).toBe(drafted);
    expect(first.metrics.cached).toBe(0);

    // The writer is not called again: every draft comes from the cache. (How much faster that
    // is belongs to bench/, not to an assertion that a loaded CI machine can fail.)
    const second = await runCandidateOnDataset(env, { datasetId, label: 'warm' }, { writer });
    expect(writer.calls).toBe(drafted);
    expect(second.metrics.cached).toBe(drafted);
    const cachedFlags = await db.selectFrom('eval_results').select(['cached', 'decision']).where('run_id', '=', second.runId).execute();
    expect(cachedFlags.filter((r) => r.cached).length).toBe(drafted);
    const { latency_ms: _a, cached: _b, ...warm } = second.metrics;
    const { latency_ms: _c, cached: _d, ...cold } = first.metrics;
    expect(warm).toEqual(cold);
  });

  it('creates, lists, works, shows, filters, drills into and streams a run over HTTP', async () => {
    const db = t.database.db;
    const denied = await t.app.inject({ method: 'POST', url: '/api/evals/runs', headers: t.auth('rep'), payload: { dataset_id: datasetId } });
    expect(denied.statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'POST', url: '/api/evals/runs', headers: t.auth('engineer'), payload: { dataset_id: 'nope' } });
    expect(bad.statusCode).toBe(404);

    const created = await t.app.inject({ method: 'POST', url: '/api/evals/runs', headers: t.auth('engineer'), payload: { dataset_id: 'evals-small', label: 'via http' } });
    expect(created.statusCode).toBe(201);
    const run = created.json();
    expect(run).toMatchObject({ status: 'queued', dataset_id: datasetId, label: 'via http', progress: { done: 0, total: 80 } });
    expect(run.provider.type).toBe('template');

    const worker = new EvalWorker(env, { owner: workerId('test') });
    expect(await worker.drain()).toBe(1);

    const shown = (await t.app.inject({ method: 'GET', url: `/api/evals/runs/${run.id}`, headers: t.auth('manager') })).json();
    expect(shown).toMatchObject({ status: 'done', progress: { done: 80, total: 80 } });
    expect(typeof shown.metrics.dnc_precision).toBe('number');

    const list = (await t.app.inject({ method: 'GET', url: `/api/evals/runs?dataset_id=${datasetId}`, headers: t.auth('manager') })).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(run.id);

    const page = (await t.app.inject({ method: 'GET', url: `/api/evals/runs/${run.id}/results?limit=10`, headers: t.auth('manager') })).json();
    expect(page.total).toBe(80);
    expect(page.items).toHaveLength(10);
    const contact = (await t.app.inject({ method: 'GET', url: `/api/evals/runs/${run.id}/results?decision=contact&limit=500`, headers: t.auth('manager') })).json();
    expect(contact.total).toBe(shown.metrics.decision_counts.contact);
    const wrong = (await t.app.inject({ method: 'GET', url: `/api/evals/runs/${run.id}/results?flipped=true&limit=500`, headers: t.auth('manager') })).json();
    const labeledWrong = shown.metrics.labeled - Object.keys(shown.metrics.confusion).reduce((s: number, g: string) => s + shown.metrics.confusion[g][g], 0);
    expect(wrong.total).toBe(labeledWrong);
    const goldDnc = (await t.app.inject({ method: 'GET', url: `/api/evals/runs/${run.id}/results?gold=do_not_contact&limit=1`, headers: t.auth('manager') })).json();
    expect(goldDnc.total).toBe(Object.values(shown.metrics.confusion.do_not_contact as Record<string, number>).reduce((a, b) => a + b, 0));
    const issues = (await t.app.inject({ method: 'GET', url: `/api/evals/runs/${run.id}/results?has_issues=true`, headers: t.auth('manager') })).json();
    expect(issues.total).toBe(shown.metrics.drafts - shown.metrics.grounded_drafts);

    const leadId = contact.items[0].lead_id;
    const drill = (await t.app.inject({ method: 'GET', url: `/api/evals/runs/${run.id}/results/${leadId}`, headers: t.auth('engineer') })).json();
    expect(drill.result.decision.trace.length).toBeGreaterThan(0);
    expect(drill.result.recommendation).not.toBeNull();
    expect(Array.isArray(drill.result.guardrail_issues)).toBe(true);
    expect(drill.lead.id).toBe(leadId);
    expect((await t.app.inject({ method: 'GET', url: `/api/evals/runs/${run.id}/results/NOPE`, headers: t.auth('engineer') })).statusCode).toBe(404);

    // Server-sent events: EventSource sends no headers, so the token may come as ?access_token=.
    const noToken = await t.app.inject({ method: 'GET', url: `/api/evals/runs/${run.id}/events` });
    expect(noToken.statusCode).toBe(401);
    const elsewhere = await t.app.inject({ method: 'GET', url: `/api/evals/runs/${run.id}?access_token=${t.tokens.manager}` });
    expect(elsewhere.statusCode).toBe(401);
    const events = await t.app.inject({ method: 'GET', url: `/api/evals/runs/${run.id}/events?access_token=${t.tokens.manager}` });
    expect(events.statusCode).toBe(200);
    expect(events.headers['content-type']).toContain('text/event-stream');
    expect(events.body).toContain('event: progress\ndata: {"status":"done","done":80,"total":80,"eta_s":null}');
    const done = /event: done\ndata: (.*)\n/.exec(events.body);
    expect(JSON.parse(done![1]).metrics.total).toBe(80);

    const audit = await db.selectFrom('audit_log').select(['action', 'actor']).where('subject', '=', run.id).execute();
    expect(audit.map((a) => a.action)).toContain('eval.run.create');
  });

  it('compares two runs: deltas with intervals, flips with both traces, changed drafts', async () => {
    const db = t.database.db;
    // A ruleset without the opt-out hard block: opted-out leads slip through.
    const files = await readRulesetDir('default');
    const relaxed = { ...files, 'hard-blocks.yaml': files['hard-blocks.yaml'].replace(/when: opted_out\n/, 'when: opted_out && false\n').replace('when: signal("unread_customer_message")', 'when: false && signal("unread_customer_message")').replace('when: signal("asked_not_to_contact")\n', 'when: false && signal("asked_not_to_contact")\n') };
    const { version } = await saveRulesetVersion(db, 'relaxed', relaxed, 'test', 'no opt-out block');
    const optedOut = LEADS.filter((l) => l.consent?.opted_out_at).length;
    expect(optedOut).toBeGreaterThan(0);
    const b = await runCandidateOnDataset(env, { datasetId, ruleset_version_id: version.id, label: 'relaxed' });
    expect(b.metrics.compliance_violations).toBeGreaterThan(0);

    const res = await t.app.inject({ method: 'GET', url: `/api/evals/compare?a=${firstRunId}&b=${b.runId}`, headers: t.auth('manager') });
    expect(res.statusCode).toBe(200);
    const cmp = res.json();
    expect(cmp.deltas.compliance_violations.delta).toBe(b.metrics.compliance_violations - cmp.deltas.compliance_violations.a);
    expect(cmp.deltas.dnc_recall.interval).toHaveLength(2);
    expect(cmp.deltas.dnc_recall.delta).toBeLessThanOrEqual(0);
    expect(cmp.flips.total).toBeGreaterThan(0);
    const flip = cmp.flips.items[0];
    expect(flip.a.decision).toBe('do_not_contact');
    expect(flip.a.trace.length).toBeGreaterThan(0);
    expect(flip.b.trace.length).toBeGreaterThan(0);
    expect(cmp.changed_drafts.total).toBe(0);

    const flipped = (await t.app.inject({ method: 'GET', url: `/api/evals/runs/${b.runId}/results?flipped=true&compare_to=${firstRunId}&limit=500`, headers: t.auth('manager') })).json();
    expect(flipped.total).toBe(cmp.flips.total);

    const other = await importDataset(db, 'evals-other', LEADS.slice(0, 5));
    const c = await runCandidateOnDataset(env, { datasetId: other });
    expect((await t.app.inject({ method: 'GET', url: `/api/evals/compare?a=${firstRunId}&b=${c.runId}`, headers: t.auth('manager') })).statusCode).toBe(400);
  });

  it('cancels a queued run and a running one; a cancelled run is never resumed', async () => {
    const db = t.database.db;
    const queued = await createRun(db, { dataset_id: datasetId, label: 'to cancel' }, 'test');
    const res = await t.app.inject({ method: 'POST', url: `/api/evals/runs/${queued.id}/cancel`, headers: t.auth('manager') });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('cancelled');
    expect((await t.app.inject({ method: 'POST', url: `/api/evals/runs/${queued.id}/cancel`, headers: t.auth('manager') })).statusCode).toBe(409);
    expect(await repo.claimRun(db, 'w', 1000)).toBeUndefined();

    await db.deleteFrom('provider_cache').execute();
    const running = await createRun(db, { dataset_id: datasetId, label: 'cancel while running' }, 'test');
    const claimed = await repo.claimRun(db, 'w1', 5000, running.id);
    const work = executeRun(env, claimed!, { owner: 'w1', writer: slowTemplateWriter(30), batchSize: 5, concurrency: 2, leaseMs: 5000 });
    for (let i = 0; i < 200 && ((await repo.findRun(db, running.id))!.done_count ?? 0) === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const cancel = await t.app.inject({ method: 'POST', url: `/api/evals/runs/${running.id}/cancel`, headers: t.auth('engineer') });
    expect(cancel.statusCode).toBe(200);
    expect((await work).status).toBe('cancelled');
    const after = (await repo.findRun(db, running.id))!;
    expect(after.status).toBe('cancelled');
    expect(after.done_count).toBeLessThan(80);
    const audit = await db.selectFrom('audit_log').select('action').where('subject', '=', running.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['eval.run.create', 'eval.run.cancel']));
  });
});
