/**
 * A backtest over HTTP, on both databases: a run of the backtest fixture replayed as of the demo's
 * as_of decides every lead exactly as a run on the demo itself, leaves out the leads created
 * after that date, and takes its outcome labels from what happened after it (recovery of the
 * selected against the rest, lift, expected revenue, calibration error).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLaterEvents } from '../../datasets/backtest/with-later-events.ts';
import { bootstrap } from '../../server/bootstrap.ts';
import { EvalWorker } from '../../server/modules/evals/worker.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';
import { demoLeads } from '../helpers/demo-leads.ts';

const T = '2026-11-20';

describe.each(DB_TARGETS)('backtests on $kind', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(target);
    await bootstrap(t.database.db, { seedDemo: false });
  }, 120_000);
  afterAll(async () => t?.close());

  async function dataset(name: string, asOf: string, leads: object[]): Promise<string> {
    const id = (await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('engineer'), payload: { name, as_of: asOf } })).json().id;
    const res = await t.app.inject({ method: 'POST', url: `/api/datasets/${id}/import`, headers: { ...t.auth('engineer'), 'content-type': 'application/x-ndjson' }, payload: leads.map((l) => JSON.stringify(l)).join('\n') + '\n' });
    expect(res.json().rejected).toEqual([]);
    return id;
  }

  async function run(body: object) {
    const created = await t.app.inject({ method: 'POST', url: '/api/evals/runs', headers: t.auth('engineer'), payload: body });
    expect(created.statusCode).toBe(201);
    await new EvalWorker({ db: t.database.db, modelsDir: t.config.modelsDir }).drain();
    return (await t.app.inject({ method: 'GET', url: `/api/evals/runs/${created.json().id}`, headers: t.auth('engineer') })).json();
  }

  it('replays as of T: the same decisions as the record as of T, new leads left out, outcomes after T as labels', async () => {
    const demo = demoLeads(400);
    const fixture = withLaterEvents(demo, { asOf: T, newLeads: 20 });
    const demoId = await dataset('bt-demo', T, demo);
    const laterId = await dataset('bt-later', '2027-01-19', fixture);

    const bad = await t.app.inject({ method: 'POST', url: '/api/evals/runs', headers: t.auth('engineer'), payload: { dataset_id: laterId, as_of: '2026-13-01' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/as_of/);

    const replay = await run({ dataset_id: laterId, as_of: T, label: 'backtest' });
    const base = await run({ dataset_id: demoId, label: 'demo' });
    expect(replay).toMatchObject({ status: 'done', as_of: T, outcome_window_days: 60, progress: { done: 400, total: 400 } });
    expect(replay.metrics.decision_counts).toEqual(base.metrics.decision_counts);
    expect(replay.metrics.confusion).toEqual(base.metrics.confusion);
    expect(replay.metrics.compliance_violations).toBe(0);

    // Outcomes after T: of the labeled ones, recovered = reactivated or converted in the fixture.
    const recovered = demo.filter((l) => l.label?.outcome === 'reactivated' || l.label?.outcome === 'converted').length;
    const r = replay.metrics.recovery;
    expect(r.a.recovered + r.b.recovered).toBe(recovered);
    expect(r.a.leads + r.b.leads).toBe(400);
    expect(r.lift).toBeGreaterThan(1);
    expect(replay.metrics.expected_recovered_revenue).toBeGreaterThan(0);
    expect(replay.metrics.calibration_ece).toBeGreaterThanOrEqual(0);
    expect(replay.metrics.calibration.bins).toHaveLength(10);

    // Without a replay date the later export decides with what happened after T: it differs.
    const unreplayed = await run({ dataset_id: laterId, label: 'no replay' });
    expect(unreplayed.progress.total).toBe(420);
    expect(unreplayed.metrics.decision_counts).not.toEqual(base.metrics.decision_counts);
  }, 240_000);

  it('judges a replay by the events dated after T, never by the gold label outcomes of the dataset', async () => {
    // The later export's gold labels contradict its dated events: every lead that came back after T
    // is labeled no_response, every other labeled lead converted. A replay must count the events.
    const fixture = withLaterEvents(demoLeads(200), { asOf: T, newLeads: 0 });
    const cameBack = new Set(fixture.filter((l) => ['reactivated', 'converted'].includes(l.label?.outcome ?? '')).map((l) => l.id));
    const lying = fixture.map((l) => (l.label ? { ...l, label: { ...l.label, outcome: cameBack.has(l.id) ? 'no_response' : 'converted' } } : l));
    const id = await dataset('bt-lying-labels', '2027-01-19', lying);

    const replay = await run({ dataset_id: id, as_of: T, label: 'backtest vs labels' });
    expect(replay.status).toBe('done');
    const r = replay.metrics.recovery;
    expect(cameBack.size).toBeGreaterThan(0);
    expect(r.a.recovered + r.b.recovered).toBe(cameBack.size);
    expect(r.lift).toBeGreaterThan(1);

    // The same dataset without a replay date is judged by its labels: the contradiction shows.
    const plain = await run({ dataset_id: id, label: 'labels' });
    const p = plain.metrics.recovery;
    expect(p.a.recovered + p.b.recovered).toBe(lying.filter((l) => l.label?.outcome === 'converted').length);
    expect(p.a.recovered + p.b.recovered).not.toBe(cameBack.size);
  }, 240_000);
});
