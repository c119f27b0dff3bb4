import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { createToken } from '../../server/modules/auth/tokens.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';
import { demoLeads } from '../helpers/demo-leads.ts';

const AS_OF = '2026-11-20';

describe.each(DB_TARGETS)('release flow on $kind', (target) => {
  let t: TestApp;
  let manager2: { authorization: string };
  let defaultFiles: Record<string, string>;
  let release1: string;

  beforeAll(async () => {
    t = await createTestApp(target);
    await bootstrap(t.database.db, { seedDemo: false });
    manager2 = { authorization: `Bearer ${(await createToken(t.database.db, { name: 'second manager', role: 'manager', createdBy: 'test' })).token}` };
    // A small gating dataset: the first 300 demo leads.
    const ds = await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('manager'), payload: { name: 'gate', as_of: AS_OF } });
    const body = demoLeads(300).map((l) => JSON.stringify(l)).join('\n');
    const imported = await t.app.inject({ method: 'POST', url: `/api/datasets/${ds.json().id}/import`, headers: { ...t.auth('manager'), 'content-type': 'application/x-ndjson' }, payload: body });
    expect(imported.json().imported).toBe(300);
    expect((await t.app.inject({ method: 'PUT', url: '/api/settings', headers: t.auth('admin'), payload: { gating_datasets: ['gate'] } })).statusCode).toBe(200);
    defaultFiles = (await t.app.inject({ method: 'GET', url: '/api/ruleset-versions/rs_default_v1', headers: t.auth('engineer') })).json().files;
    release1 = (await t.app.inject({ method: 'GET', url: '/api/releases/production', headers: t.auth('rep') })).json().id;
  }, 120_000);
  afterAll(async () => t?.close());

  async function saveRuleset(edit: (files: Record<string, string>) => Record<string, string>, message: string) {
    const res = await t.app.inject({ method: 'POST', url: '/api/rulesets/default/versions', headers: t.auth('engineer'), payload: { files: edit({ ...defaultFiles }), message } });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }
  const propose = (rulesetId: string, headers = t.auth('manager')) =>
    t.app.inject({ method: 'POST', url: '/api/releases', headers, payload: { ruleset_version_id: rulesetId, prompt_version_id: 'pr_default_v1', provider: { type: 'template' }, description: 'test' } });
  const approve = (id: string, headers: { authorization: string }) => t.app.inject({ method: 'POST', url: `/api/releases/${id}/approve`, headers, payload: { comment: 'looks good' } });
  const recommendReleaseId = async () =>
    (await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth('rep'), payload: { lead: demoLeads(1)[0], as_of: AS_OF } })).json().release_id;

  it('seeds release 1 in production, serving the endpoint', async () => {
    expect(release1).toMatch(/^rel_1_/);
    expect(await recommendReleaseId()).toBe(release1);
  });

  it('propose -> gates pass -> self-approval refused -> another manager approves -> production -> rollback', async () => {
    const rs = await saveRuleset((f) => ({ ...f, 'ruleset.yaml': f['ruleset.yaml'].replace('contact_threshold: 25', 'contact_threshold: 26') }), 'raise the contact threshold by one');
    const proposed = await propose(rs);
    expect(proposed.statusCode).toBe(201);
    const release = proposed.json();
    expect(release.status).toBe('proposed');
    expect(release.gate_results.passed).toBe(true);
    expect(release.gate_results.datasets[0].gates.map((g: { metric: string }) => g.metric)).toContain('compliance_violations');

    const self = await approve(release.id, t.auth('manager'));
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toMatch(/Four eyes/);
    expect((await approve(release.id, t.auth('engineer'))).statusCode).toBe(403);

    const approved = await approve(release.id, manager2);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'production', decision_comment: 'looks good' });
    const old = await t.app.inject({ method: 'GET', url: `/api/releases/${release1}`, headers: t.auth('manager') });
    expect(old.json().status).toBe('approved');
    expect(await recommendReleaseId()).toBe(release.id);

    const rollback = await t.app.inject({ method: 'POST', url: `/api/releases/${release1}/rollback`, headers: manager2, payload: {} });
    expect(rollback.statusCode).toBe(200);
    expect(await recommendReleaseId()).toBe(release1);
    // The rollback is recorded beside release 1's own approval, not over it.
    expect(rollback.json()).toMatchObject({ status: 'production', decided_by: 'system', rolled_back_by: expect.stringMatching(/^token:/), rolled_back_at: expect.any(String) });

    const audit = await t.app.inject({ method: 'GET', url: `/api/audit?subject=${release.id}`, headers: t.auth('manager') });
    // The refused self-approval is an entry too; the release that left production gets its own.
    expect(audit.json().items.map((i: { action: string }) => i.action).sort()).toEqual(['release.approve', 'release.approve_refused', 'release.gates', 'release.propose', 'release.rolled_back']);
    const after = await t.app.inject({ method: 'GET', url: `/api/releases/${release.id}`, headers: t.auth('manager') });
    expect(after.json()).toMatchObject({ status: 'approved', decision_comment: 'looks good', decided_by: expect.stringMatching(/^token:/) });
    const listed = (await t.app.inject({ method: 'GET', url: '/api/releases', headers: t.auth('manager') })).json().items.find((r: { id: string }) => r.id === release.id);
    expect(listed.ruleset_version).toMatchObject({ message: 'raise the contact threshold by one' });
    const approveEntry = audit.json().items.find((i: { action: string }) => i.action === 'release.approve');
    expect(approveEntry.details.gate_results.passed).toBe(true);
  }, 120_000); // two gate runs over 300 leads: slow on a loaded machine, never a timed assertion

  it('a ruleset that lets opted-out leads through fails its gates and cannot be approved', async () => {
    const rs = await saveRuleset((f) => ({ ...f, 'hard-blocks.yaml': f['hard-blocks.yaml'].replace('when: opted_out\n', 'when: false && opted_out\n').replace('when: signal("unread_customer_message")', 'when: false && signal("unread_customer_message")').replace('when: signal("asked_not_to_contact")\n', 'when: false && signal("asked_not_to_contact")\n') }), 'drop the opt-out block');
    const release = (await propose(rs)).json();
    expect(release.gate_results.passed).toBe(false);
    const gate = release.gate_results.datasets[0].gates.find((g: { metric: string }) => g.metric === 'compliance_violations');
    expect(gate.status).toBe('fail');
    const res = await approve(release.id, manager2);
    expect(res.statusCode).toBe(409);
    const rejected = await t.app.inject({ method: 'POST', url: `/api/releases/${release.id}/reject`, headers: manager2, payload: { comment: 'compliance' } });
    expect(rejected.json().status).toBe('rejected');
  }, 120_000);

  it('serializes concurrent promotions: one wins, the other gets 409, one production', async () => {
    const a = (await propose(await saveRuleset((f) => ({ ...f, 'ruleset.yaml': f['ruleset.yaml'].replace('contact_threshold: 25', 'contact_threshold: 24') }), 'A'))).json();
    const b = (await propose(await saveRuleset((f) => ({ ...f, 'ruleset.yaml': f['ruleset.yaml'].replace('contact_threshold: 25', 'contact_threshold: 23') }), 'B'))).json();
    expect(a.gate_results.passed && b.gate_results.passed).toBe(true);
    const results = await Promise.all([approve(a.id, manager2), approve(b.id, manager2)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(loser.json().detail).toMatch(/Production changed|another promotion/i);
    const all = (await t.app.inject({ method: 'GET', url: '/api/releases', headers: t.auth('manager') })).json().items;
    expect(all.filter((r: { status: string }) => r.status === 'production')).toHaveLength(1);
    // The loser can still go through once its gates are re-checked against the new production.
    const loserId = results[0].statusCode === 409 ? a.id : b.id;
    const regated = await t.app.inject({ method: 'POST', url: `/api/releases/${loserId}/gates`, headers: t.auth('engineer') });
    expect(regated.json().gate_results.passed).toBe(true);
    expect((await approve(loserId, manager2)).statusCode).toBe(200);
  }, 120_000);

  it('refuses to roll back to a release that was never approved', async () => {
    const rejected = (await t.app.inject({ method: 'GET', url: '/api/releases', headers: t.auth('manager') })).json().items.find((r: { status: string }) => r.status === 'rejected');
    const res = await t.app.inject({ method: 'POST', url: `/api/releases/${rejected.id}/rollback`, headers: manager2, payload: {} });
    expect(res.statusCode).toBe(409);
  });
});
