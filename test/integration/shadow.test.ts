/**
 * Shadow mode on both databases: an approved release that is not production shadows the live
 * endpoint; after 100 production requests its report shows agreement, the flips with both traces
 * and the decision-rate deltas. Production answers are unchanged; a production release cannot
 * shadow itself; a stopped shadow records nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { insertRelease } from '../../server/modules/releases/repository.ts';
import { DEFAULT_PROVIDER, providerConfigHash } from '../../server/providers/provider-config.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';
import { demoLeads } from '../helpers/demo-leads.ts';

const AS_OF = '2026-11-20';

describe.each(DB_TARGETS)('shadow mode on $kind', (target) => {
  let t: TestApp;
  let shadowRelease: string;
  let production: string;
  beforeAll(async () => {
    t = await createTestApp(target);
    await bootstrap(t.database.db, { seedDemo: false });
    production = (await t.app.inject({ method: 'GET', url: '/api/releases/production', headers: t.auth('rep') })).json().id;
    // A stricter candidate: contact only from priority 60 (the default threshold is lower).
    const files = (await t.app.inject({ method: 'GET', url: '/api/ruleset-versions/rs_default_v1', headers: t.auth('engineer') })).json().files as Record<string, string>;
    files['ruleset.yaml'] = files['ruleset.yaml'].replace(/contact_threshold: \d+/, 'contact_threshold: 60');
    const saved = await t.app.inject({ method: 'POST', url: '/api/rulesets/default/versions', headers: t.auth('engineer'), payload: { files, message: 'stricter' } });
    expect(saved.statusCode).toBe(201);
    // Set up directly as approved-but-not-production (what a release is after another one was promoted).
    shadowRelease = (await insertRelease(t.database.db, { ruleset_version_id: saved.json().id, prompt_version_id: 'pr_default_v1', provider: DEFAULT_PROVIDER, provider_hash: providerConfigHash(DEFAULT_PROVIDER), description: 'stricter', proposed_by: 'test', status: 'approved' })).id;
  }, 120_000);
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: t.auth('manager') });

  it('refuses the production release and unknown ones', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/shadows', headers: t.auth('manager'), payload: { release_id: production } })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: '/api/shadows', headers: t.auth('manager'), payload: { release_id: 'rel_none' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/shadows', headers: t.auth('engineer'), payload: { release_id: shadowRelease } })).statusCode).toBe(403);
  });

  it('after 100 production requests the report shows agreement, flips with both traces, and deltas', async () => {
    const started = await t.app.inject({ method: 'POST', url: '/api/shadows', headers: t.auth('manager'), payload: { release_id: shadowRelease } });
    expect(started.statusCode).toBe(201);
    const id = started.json().id;
    expect((await t.app.inject({ method: 'POST', url: '/api/shadows', headers: t.auth('manager'), payload: { release_id: shadowRelease } })).statusCode).toBe(409);

    const leads = demoLeads(100);
    const decisions: string[] = [];
    for (const lead of leads) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth('rep'), payload: { lead, as_of: AS_OF } });
      expect(res.statusCode).toBe(200);
      // Production answers, from the production release.
      expect(res.json().release_id).toBe(production);
      decisions.push(res.json().decision);
    }
    await expect.poll(async () => (await get(`/api/shadows/${id}/report`)).json().requests, { timeout: 60_000, interval: 200 }).toBe(100);
    const report = (await get(`/api/shadows/${id}/report`)).json();
    expect(report).toMatchObject({ id, release_id: shadowRelease, status: 'active', requests: 100 });
    expect(report.agreement + report.flipped).toBe(100);
    const prodContact = decisions.filter((d) => d === 'contact').length;
    expect(report.metric_deltas.contact_rate.production).toBeCloseTo(prodContact / 100, 10);
    // Stricter: fewer contacts, and every flip is away from contact.
    expect(report.flipped).toBeGreaterThan(0);
    expect(report.metric_deltas.contact_rate.delta).toBeLessThan(0);
    const flip = report.flips[0];
    expect(flip.production.decision).toBe('contact');
    expect(flip.shadow.decision).not.toBe('contact');
    expect(flip.production.trace.length).toBeGreaterThan(0);
    expect(flip.shadow.trace.length).toBeGreaterThan(0);
    console.log(`shadow on ${target.kind}: 100 requests, agreement ${report.agreement_rate}, flipped ${report.flipped}, contact rate ${report.metric_deltas.contact_rate.production} -> ${report.metric_deltas.contact_rate.shadow}`);

    expect((await t.app.inject({ method: 'POST', url: `/api/shadows/${id}/stop`, headers: t.auth('manager') })).json().status).toBe('stopped');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth('rep'), payload: { lead: leads[0], as_of: AS_OF } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await get(`/api/shadows/${id}/report`)).json().requests).toBe(100);
  }, 180_000);
});
