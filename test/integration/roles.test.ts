/**
 * Every role against every route (CONTRACTS.md section 5 plus our own routes): a role that may not
 * do the action gets 403; one that may is never refused with 401/403 (it may still get 400/404
 * for the dummy ids used here). No token: 401 everywhere but /api/health.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const ALL = ['admin', 'manager', 'engineer', 'rep'] as const;
// Admin is a superset of every role: every row that any role may call lists admin too.
const BUILD = ['admin', 'manager', 'engineer'] as const;

const ROUTES: { method: Method; url: string; allowed: readonly string[]; payload?: object }[] = [
  { method: 'GET', url: '/api/me', allowed: ALL },
  { method: 'POST', url: '/api/tokens', allowed: ['admin'], payload: { name: 'x', role: 'rep' } },
  { method: 'GET', url: '/api/tokens', allowed: ['admin'] },
  { method: 'DELETE', url: '/api/tokens/tok_none', allowed: ['admin'] },
  { method: 'PATCH', url: '/api/tokens/tok_none', allowed: ['admin'], payload: { acts_for: ['x'] } },
  { method: 'GET', url: '/api/people', allowed: ALL },
  { method: 'GET', url: '/api/settings', allowed: ['admin', 'manager', 'engineer'] },
  { method: 'PUT', url: '/api/settings', allowed: ['admin'], payload: {} },
  { method: 'GET', url: '/api/audit', allowed: ['manager', 'admin'] },
  { method: 'GET', url: '/api/audit/export.csv', allowed: ['manager', 'admin'] },
  { method: 'GET', url: '/api/audit/dashboard', allowed: ['manager', 'admin'] },
  { method: 'GET', url: '/api/datasets', allowed: BUILD },
  { method: 'POST', url: '/api/datasets', allowed: BUILD, payload: { name: 'roles-x', as_of: '2026-01-01' } },
  { method: 'GET', url: '/api/datasets/none', allowed: BUILD },
  { method: 'POST', url: '/api/datasets/none/import', allowed: BUILD, payload: {} },
  { method: 'GET', url: '/api/datasets/none/leads', allowed: BUILD },
  { method: 'GET', url: '/api/datasets/none/leads/L-1', allowed: BUILD },
  { method: 'GET', url: '/api/mappings', allowed: BUILD },
  { method: 'GET', url: '/api/mappings/xeducation', allowed: BUILD },
  { method: 'PUT', url: '/api/mappings/none', allowed: BUILD, payload: { content: 'x' } },
  { method: 'POST', url: '/api/mappings/xeducation/preview', allowed: BUILD, payload: {} },
  { method: 'POST', url: '/api/datasets/none/imports', allowed: [...BUILD, 'admin'], payload: { mapping: 'hubspot' } },
  { method: 'GET', url: '/api/imports/none', allowed: [...BUILD, 'admin'] },
  { method: 'PUT', url: '/api/imports/none/files/leads', allowed: [...BUILD, 'admin'], payload: {} },
  { method: 'POST', url: '/api/imports/none/commit', allowed: [...BUILD, 'admin'] },
  { method: 'DELETE', url: '/api/imports/none', allowed: [...BUILD, 'admin'] },
  { method: 'POST', url: '/api/mappings/inspect', allowed: [...BUILD, 'admin'], payload: {} },
  { method: 'POST', url: '/api/mappings/draft-preview', allowed: [...BUILD, 'admin'], payload: {} },
  { method: 'GET', url: '/api/mappings/xeducation/versions', allowed: BUILD },
  { method: 'GET', url: '/api/rules/catalog', allowed: BUILD },
  { method: 'GET', url: '/api/rulesets', allowed: BUILD },
  { method: 'GET', url: '/api/rulesets/default/versions', allowed: BUILD },
  { method: 'POST', url: '/api/rulesets/default/versions', allowed: BUILD, payload: { files: {}, message: 'x' } },
  { method: 'GET', url: '/api/ruleset-versions/none', allowed: BUILD },
  { method: 'POST', url: '/api/rulesets/validate', allowed: BUILD, payload: { files: {} } },
  { method: 'POST', url: '/api/rulesets/preview', allowed: BUILD, payload: { dataset_id: 'none' } },
  { method: 'POST', url: '/api/rulesets/try', allowed: BUILD, payload: {} },
  { method: 'POST', url: '/api/rulesets/phrase-hits', allowed: ['admin', ...BUILD], payload: {} },
  { method: 'GET', url: '/api/prompts', allowed: BUILD },
  { method: 'GET', url: '/api/prompts/variables', allowed: BUILD },
  { method: 'POST', url: '/api/prompts/validate', allowed: BUILD, payload: { files: {} } },
  { method: 'GET', url: '/api/prompts/default/versions', allowed: BUILD },
  { method: 'POST', url: '/api/prompts/default/versions', allowed: BUILD, payload: { files: {}, message: 'x' } },
  { method: 'GET', url: '/api/prompt-versions/none', allowed: BUILD },
  { method: 'POST', url: '/api/prompts/render', allowed: BUILD, payload: { dataset_id: 'none', lead_id: 'x' } },
  { method: 'POST', url: '/api/prompts/run', allowed: BUILD, payload: { dataset_id: 'none', lead_id: 'x' } },
  { method: 'GET', url: '/api/evals/runs', allowed: BUILD },
  { method: 'POST', url: '/api/evals/runs', allowed: BUILD, payload: { dataset_id: 'none' } },
  { method: 'GET', url: '/api/evals/runs/none', allowed: BUILD },
  { method: 'POST', url: '/api/evals/runs/none/cancel', allowed: BUILD },
  { method: 'GET', url: '/api/evals/runs/none/results', allowed: BUILD },
  { method: 'GET', url: '/api/evals/runs/none/results/L-1', allowed: BUILD },
  { method: 'GET', url: '/api/evals/runs/none/events', allowed: BUILD },
  { method: 'GET', url: '/api/evals/compare?a=x&b=y', allowed: BUILD },
  { method: 'GET', url: '/api/releases', allowed: BUILD },
  { method: 'GET', url: '/api/releases/production', allowed: ALL },
  { method: 'POST', url: '/api/releases', allowed: BUILD, payload: { ruleset_version_id: 'x', prompt_version_id: 'y' } },
  { method: 'POST', url: '/api/releases/none/gates', allowed: BUILD },
  { method: 'POST', url: '/api/releases/none/approve', allowed: ['admin', 'manager'], payload: {} },
  { method: 'POST', url: '/api/releases/none/reject', allowed: ['admin', 'manager'], payload: { comment: 'x' } },
  { method: 'POST', url: '/api/releases/none/rollback', allowed: ['admin', 'manager'], payload: {} },
  { method: 'POST', url: '/api/v1/recommendations', allowed: ALL, payload: { lead: { id: 'x' } } },
  { method: 'POST', url: '/api/v1/recommendations/batch', allowed: ALL, payload: { leads: [{ id: 'x' }] } },
  { method: 'GET', url: '/api/v1/recommendations', allowed: ['admin', 'rep', 'manager'] },
  { method: 'GET', url: '/api/v1/recommendations/rec_none', allowed: ['admin', 'rep', 'manager'] },
  { method: 'POST', url: '/api/v1/recommendations/rec_none/check', allowed: ['admin', 'rep', 'manager'], payload: {} },
  { method: 'POST', url: '/api/v1/recommendations/rec_none/review', allowed: ['admin', 'rep', 'manager'], payload: { action: 'approve' } },
  { method: 'POST', url: '/api/v1/recommendations/rec_none/outcome', allowed: ['admin', 'rep', 'manager'], payload: { outcome: 'converted' } },
  { method: 'GET', url: '/api/v1/outcomes/export', allowed: BUILD },
  { method: 'POST', url: '/api/v1/grounding', allowed: ALL, payload: { lead: { id: 'x' }, text: 'hello' } },
  { method: 'POST', url: '/api/privacy/erasures', allowed: ['admin'], payload: { lead_id: 'roles-nobody', reason: 'roles test' } },
  { method: 'GET', url: '/api/privacy/erasures', allowed: ['admin'] },
  { method: 'GET', url: '/api/privacy/subjects?lead_id=roles-nobody', allowed: ['admin'] },
  { method: 'GET', url: '/api/privacy/suppressions', allowed: ['manager', 'admin'] },
  { method: 'POST', url: '/api/privacy/suppressions/import', allowed: ['manager', 'admin'], payload: {} },
  { method: 'POST', url: '/api/privacy/suppressions/remove', allowed: ['admin'], payload: { email: 'nobody@example.org', reason: 'x' } },
  { method: 'POST', url: '/api/privacy/retention', allowed: ['admin'] },
  { method: 'GET', url: '/api/human-reads?dataset_id=none', allowed: ['manager', 'admin'] },
  { method: 'POST', url: '/api/human-reads/labels', allowed: ['manager', 'admin'], payload: { dataset_id: 'none', lead_id: 'x', text_hash: 'abcdef12', intent: 'other' } },
  { method: 'POST', url: '/api/human-reads/labels/corpus', allowed: ['manager', 'admin'], payload: { dataset_id: 'none', lead_id: 'x', text_hash: 'abcdef12' } },
  { method: 'POST', url: '/api/campaigns', allowed: ['manager', 'admin'], payload: { dataset_id: 'none' } },
  { method: 'GET', url: '/api/campaigns', allowed: ['manager', 'engineer', 'admin'] },
  { method: 'GET', url: '/api/campaigns/none', allowed: ['manager', 'engineer', 'admin'] },
  { method: 'POST', url: '/api/campaigns/none/run', allowed: ['manager', 'admin'] },
  { method: 'GET', url: '/api/campaigns/none/leads', allowed: ['manager', 'engineer', 'admin'] },
  { method: 'GET', url: '/api/campaigns/none/export.csv', allowed: ['manager', 'engineer', 'admin'] },
  { method: 'GET', url: '/api/campaigns/none/recovery', allowed: ['manager', 'engineer', 'admin'] },
  { method: 'GET', url: '/api/campaigns/none/events', allowed: ['manager', 'engineer', 'admin'] },
  { method: 'GET', url: '/api/models', allowed: ['engineer', 'admin'] },
  { method: 'POST', url: '/api/models/check', allowed: ['engineer', 'admin'], payload: { id: 'none/none' } },
  { method: 'GET', url: '/api/models/servers', allowed: ['engineer', 'admin'] },
  { method: 'POST', url: '/api/shadows', allowed: ['manager', 'admin'], payload: { release_id: 'none' } },
  { method: 'GET', url: '/api/shadows', allowed: ['manager', 'engineer', 'admin'] },
  { method: 'GET', url: '/api/shadows/none/report', allowed: ['manager', 'engineer', 'admin'] },
  { method: 'POST', url: '/api/shadows/none/stop', allowed: ['manager', 'admin'] },
];

describe.each(DB_TARGETS)('roles against routes on $kind', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(target);
  });
  afterAll(async () => t?.close());

  it('has a row for every registered API route', () => {
    const matches = (pattern: string, url: string) => {
      const p = pattern.split('/');
      const u = url.split('?')[0].split('/');
      return p.length === u.length && p.every((seg, i) => seg.startsWith(':') || seg === u[i]);
    };
    const missing = t.app.routeList
      .filter((r) => r.url.startsWith('/api/') && r.url !== '/api/health')
      .filter((r) => !ROUTES.some((row) => row.method === r.method && matches(r.url, row.url)))
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  for (const row of ROUTES) {
    it(`${row.method} ${row.url}: 401 without a token`, async () => {
      const res = await t.app.inject({ method: row.method, url: row.url, payload: row.payload });
      expect(res.statusCode).toBe(401);
    });
    for (const role of ALL) {
      const allowed = row.allowed.includes(role);
      it(`${row.method} ${row.url} as ${role}: ${allowed ? 'not refused' : '403'}`, async () => {
        const res = await t.app.inject({ method: row.method, url: row.url, headers: t.auth(role), payload: row.payload });
        if (allowed) expect([401, 403]).not.toContain(res.statusCode);
        else expect(res.statusCode).toBe(403);
      });
    }
  }

  it('lets admin call every route that any role may call', () => {
    expect(ROUTES.filter((r) => r.allowed.length > 0 && !r.allowed.includes('admin')).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('serves /api/health to anyone', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
