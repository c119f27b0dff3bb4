/**
 * Campaigns on the demo dataset, on both databases: holdout_pct 10 gives queued == selected -
 * held_out, held out within 5-15% of the selected, the same control group when re-run (and no
 * queue entry twice), expected revenue > 0, and the reps' queues hold exactly the queued leads.
 * Two workers share one campaign by chunks; a chunk whose worker lost its lease is not counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { createToken } from '../../server/modules/auth/tokens.ts';
import { CampaignWorker } from '../../server/modules/campaigns/worker.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';

const AS_OF = '2026-11-20';

describe.each(DB_TARGETS)('campaigns on $kind', (target) => {
  let t: TestApp;
  let datasetId: string;
  beforeAll(async () => {
    t = await createTestApp(target);
    const boot = await bootstrap(t.database.db, { seedDemo: true });
    datasetId = boot.demo!.dataset_id;
  }, 120_000);
  afterAll(async () => t?.close());

  const env = () => ({ db: t.database.db, modelsDir: t.config.modelsDir });
  const get = (url: string, role: 'manager' | 'engineer' | 'rep' | 'admin' = 'manager') => t.app.inject({ method: 'GET', url, headers: t.auth(role) });
  let campaignId: string;

  it('rejects bad input naming the field, and a rep may not start one', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/campaigns', headers: t.auth('manager'), payload: { dataset_id: datasetId, holdout_pct: 80 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json().detail).toMatch(/holdout_pct/);
    expect((await t.app.inject({ method: 'POST', url: '/api/campaigns', headers: t.auth('rep'), payload: { dataset_id: datasetId } })).statusCode).toBe(403);
    const missing = await t.app.inject({ method: 'POST', url: '/api/campaigns', headers: t.auth('manager'), payload: { dataset_id: 'ds_none', as_of: AS_OF } });
    expect(missing.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/campaigns' })).statusCode).toBe(401);
  });

  it('queues the selected leads but the held-out control group, and two workers share it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/campaigns', headers: t.auth('manager'), payload: { dataset_id: datasetId, as_of: AS_OF, holdout_pct: 10 } });
    expect(res.statusCode).toBe(202);
    const created = res.json();
    expect(created).toMatchObject({ id: expect.stringMatching(/^cmp_/), status: 'queued', created: true, holdout_pct: 10, as_of: AS_OF });
    campaignId = created.id;

    const chunks: string[][] = [[], []];
    const workers = [0, 1].map((w) => new CampaignWorker(env(), { campaignId, owner: `w${w}`, onChunk: (c) => chunks[w].push(String(c.chunk)) }));
    await Promise.all(workers.map((w) => w.drain()));
    // Both took part, and no chunk was worked twice.
    expect(chunks[0].length + chunks[1].length).toBe(4);
    expect(new Set([...chunks[0], ...chunks[1]]).size).toBe(4);

    const c = (await get(`/api/campaigns/${campaignId}`)).json();
    expect(c.status).toBe('done');
    expect(c.progress).toEqual({ done: 2000, total: 2000 });
    expect(c.selected).toBeGreaterThan(100);
    expect(c.queued).toBe(c.selected - c.held_out);
    expect(c.held_out / c.selected).toBeGreaterThanOrEqual(0.05);
    expect(c.held_out / c.selected).toBeLessThanOrEqual(0.15);
    expect(c.expected_recovered_revenue).toBeGreaterThan(0);
    const [lo, hi] = c.expected_recovered_revenue_interval;
    expect(lo).toBeLessThanOrEqual(c.expected_recovered_revenue);
    expect(hi).toBeGreaterThanOrEqual(c.expected_recovered_revenue);
    expect(c.summary.by_rep.reduce((s: number, g: { queued: number }) => s + g.queued, 0)).toBe(c.queued);
    expect(c.summary.by_reason.reduce((s: number, g: { selected: number }) => s + g.selected, 0)).toBe(c.selected);
    console.log(`campaign on ${target.kind}: selected ${c.selected}, held out ${c.held_out} (${((100 * c.held_out) / c.selected).toFixed(1)}%), queued ${c.queued}, expected recovered revenue ${c.expected_recovered_revenue} [${lo.toFixed(0)}, ${hi.toFixed(0)}]`);
  }, 120_000);

  it('the reps\' queues hold exactly the queued leads, each recommendation audited', async () => {
    const queuedLeads = (await get(`/api/campaigns/${campaignId}/leads?group=queued&limit=500`)).json().items as { lead_id: string; owner: string | null; recommendation_id: string }[];
    const all = (await get('/api/v1/recommendations?status=needs_review&limit=200')).json();
    expect(all.total).toBe(queuedLeads.length);
    const owners = [...new Set(queuedLeads.map((l) => l.owner).filter((o): o is string => !!o))];
    for (const owner of owners.slice(0, 3)) {
      const { token } = await createToken(t.database.db, { name: owner, role: 'rep', createdBy: 'test' });
      const ids: string[] = [];
      for (let offset = 0; ; offset += 200) {
        const page = (await t.app.inject({ method: 'GET', url: `/api/v1/recommendations?limit=200&offset=${offset}`, headers: { authorization: `Bearer ${token}` } })).json();
        ids.push(...page.items.map((i: { lead_id: string }) => i.lead_id));
        if (page.items.length < 200) break;
      }
      const expected = queuedLeads.filter((l) => l.owner === owner || l.owner === null).map((l) => l.lead_id);
      expect(ids.sort()).toEqual(expected.sort());
    }
    const heldOut = (await get(`/api/campaigns/${campaignId}/leads?group=held_out&limit=500`)).json().items as { lead_id: string; recommendation_id: string | null }[];
    expect(heldOut.every((l) => l.recommendation_id === null)).toBe(true);
    const audit = (await get(`/api/audit?subject=${queuedLeads[0].recommendation_id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'recommendation.create', actor: `campaign:${campaignId}` });
  });

  it('is idempotent: the same request returns the same campaign, a re-run queues nothing twice and holds out the same leads', async () => {
    const before = (await get(`/api/campaigns/${campaignId}`)).json();
    const heldBefore = (await get(`/api/campaigns/${campaignId}/leads?group=held_out&limit=500`)).json().items.map((l: { lead_id: string }) => l.lead_id);
    const again = await t.app.inject({ method: 'POST', url: '/api/campaigns', headers: t.auth('manager'), payload: { dataset_id: datasetId, as_of: AS_OF, holdout_pct: 10 } });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ id: campaignId, created: false });

    const rerun = await t.app.inject({ method: 'POST', url: `/api/campaigns/${campaignId}/run`, headers: t.auth('manager') });
    expect(rerun.statusCode).toBe(202);
    await new CampaignWorker(env(), { campaignId }).drain();
    const after = (await get(`/api/campaigns/${campaignId}`)).json();
    expect(after.status).toBe('done');
    expect({ selected: after.selected, held_out: after.held_out, queued: after.queued }).toEqual({ selected: before.selected, held_out: before.held_out, queued: before.queued });
    const heldAfter = (await get(`/api/campaigns/${campaignId}/leads?group=held_out&limit=500`)).json().items.map((l: { lead_id: string }) => l.lead_id);
    expect(heldAfter).toEqual(heldBefore);
    expect((await get('/api/v1/recommendations?status=needs_review&limit=1')).json().total).toBe(before.queued);
  }, 120_000);

  it('exports the selection as CSV and streams progress as server-sent events', async () => {
    const csv = await get(`/api/campaigns/${campaignId}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\n');
    const c = (await get(`/api/campaigns/${campaignId}`)).json();
    expect(lines[0]).toBe('lead_id,owner,group,decision,priority,reason,value,value_source,p_recovered,expected_value,recommendation_id');
    expect(lines).toHaveLength(c.selected + 1);
    expect(lines.filter((l) => l.split(',')[2] === 'held_out')).toHaveLength(c.held_out);
    const sse = await get(`/api/campaigns/${campaignId}/events`, 'engineer');
    expect(sse.body).toMatch(/event: progress\ndata: .*"status":"done"/);
    expect(sse.body).toMatch(/event: done\n/);
  });

  it('measures treated against control recovery from outcomes recorded on the recommendations', async () => {
    const queued = (await get(`/api/campaigns/${campaignId}/leads?group=queued&limit=20`)).json().items as { recommendation_id: string }[];
    for (const q of queued.slice(0, 10)) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/recommendations/${q.recommendation_id}/outcome`, headers: t.auth('manager'), payload: { outcome: 'reactivated' } });
      expect(res.statusCode).toBeLessThan(300);
    }
    const r = (await get(`/api/campaigns/${campaignId}/recovery`)).json();
    expect(r.treated.recovered).toBe(10);
    expect(r.control.recovered).toBe(0);
    expect(r.difference).toBeGreaterThan(0);
    expect(r.difference_interval).toHaveLength(2);
  });
});
