/**
 * Evaluation runs work in the server's worker thread (issue 9, item 3): on the embedded database
 * the thread's queries come back to the main thread's pool. While a run works, the API keeps
 * answering (a generous bound here; bench/eval-latency.ts measures the figures), the run ends
 * with the same metrics an inline run gets, release gates wait for the thread instead of running
 * on the request thread, and a restarted process takes over its dead predecessor's lease at once.
 * The server's thread also works campaigns (every bulk job off the request thread).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../datasets/generator/index.ts';
import { bootstrap } from '../../server/bootstrap.ts';
import { expireDeadLeases } from '../../server/modules/evals/repository.ts';
import { runCandidateOnDataset } from '../../server/modules/evals/service.ts';
import { startInProcessWorker } from '../../server/modules/evals/worker.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';

const LEADS = 800;

describe.each(DB_TARGETS)('evaluation thread on $kind', (target) => {
  let t: TestApp;
  let datasetId = '';
  let thread: { stop(): Promise<void> } | null = null;
  beforeAll(async () => {
    t = await createTestApp(target);
    await bootstrap(t.database.db, { seedDemo: false });
    const ds = await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('manager'), payload: { name: 'thread', as_of: '2026-11-20' } });
    datasetId = ds.json().id;
    const body = [...generateLeads({ seed: 5, count: LEADS, asOf: '2026-11-20' })].map((l) => JSON.stringify(l)).join('\n');
    const imported = await t.app.inject({ method: 'POST', url: `/api/datasets/${datasetId}/import`, headers: { ...t.auth('manager'), 'content-type': 'application/x-ndjson' }, payload: body });
    expect(imported.json().imported).toBe(LEADS);
    thread = startInProcessWorker(t.app, { closeWithApp: false, campaigns: true });
  }, 120_000);
  afterAll(async () => {
    await thread?.stop();
    await t?.close();
  });

  it('works a run off the request thread while the API keeps answering', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/evals/runs', headers: t.auth('engineer'), payload: { dataset_id: datasetId } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const progress = new Set<number>();
    let answeredMidRun = 0;
    let run = created.json();
    const deadline = Date.now() + 180_000;
    while (run.status !== 'done' && run.status !== 'failed' && Date.now() < deadline) {
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      run = (await t.app.inject({ method: 'GET', url: `/api/evals/runs/${id}`, headers: t.auth('manager') })).json();
      progress.add(run.progress.done);
      if (run.progress.done > 0 && run.progress.done < LEADS) answeredMidRun++;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(run.status).toBe('done');
    expect(run.progress).toMatchObject({ done: LEADS, total: LEADS });
    // Progress was visible while it worked, not only at the end.
    expect(progress.size).toBeGreaterThan(3);
    // The API answered while the run was half done (a stalled event loop answered only at the end).
    // How fast it answers is measured by bench/eval-latency.ts, not asserted here.
    expect(answeredMidRun).toBeGreaterThan(3);

    // The thread computes exactly what an inline run computes.
    const inline = await runCandidateOnDataset({ db: t.database.db, modelsDir: t.config.modelsDir }, { datasetId });
    const strip = (m: Record<string, unknown>) => {
      const { latency_ms: _l, cached: _c, ...rest } = m;
      return rest;
    };
    expect(strip(run.metrics)).toEqual(strip(inline.metrics as unknown as Record<string, unknown>));
  }, 240_000);

  it('works a campaign in the thread, woken when it is queued', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/campaigns', headers: t.auth('manager'), payload: { dataset_id: datasetId, as_of: '2026-11-20', holdout_pct: 10 } });
    expect(res.statusCode).toBe(202);
    const id = res.json().id;
    let campaign = res.json();
    const deadline = Date.now() + 180_000;
    while (campaign.status !== 'done' && campaign.status !== 'failed' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      campaign = (await t.app.inject({ method: 'GET', url: `/api/campaigns/${id}`, headers: t.auth('manager') })).json();
    }
    expect(campaign.status).toBe('done');
    expect(campaign.progress).toEqual({ done: LEADS, total: LEADS });
    expect(campaign.selected).toBeGreaterThan(0);
    expect(campaign.queued).toBe(campaign.selected - campaign.held_out);
  }, 240_000);

  it('takes over the lease of a dead predecessor at once', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/evals/runs', headers: t.auth('engineer'), payload: { dataset_id: datasetId } });
    const id = created.json().id;
    // A run claimed by a process of this host that no longer exists, with a lease far in the future.
    await t.database.db
      .updateTable('eval_runs')
      .set({ status: 'running', lease_owner: 'server@thishost#999999-abcdef', lease_expires_at: new Date(Date.now() + 3_600_000) })
      .where('id', '=', id)
      .execute();
    const freed = await expireDeadLeases(t.database.db, { embedded: false, host: 'thishost', isAlive: (pid) => pid !== 999999 });
    expect(freed).toEqual([id]);
    // A live process's lease is left alone.
    await t.database.db.updateTable('eval_runs').set({ lease_owner: `server@thishost#${process.pid}-abcdef`, lease_expires_at: new Date(Date.now() + 3_600_000) }).where('id', '=', id).execute();
    expect(await expireDeadLeases(t.database.db, { embedded: false, host: 'thishost' })).toEqual([]);
    await t.database.db.updateTable('eval_runs').set({ status: 'cancelled' }).where('id', '=', id).execute();
  });
});
