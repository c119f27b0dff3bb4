/**
 * Shadow mode in a real browser: a manager starts shadowing an approved release from the
 * Releases page, 120 production requests are made on the live endpoint, and the page shows the
 * agreement rate, the metric deltas and a flip with both decisions and both traces side by side;
 * the manager stops it. An engineer reads the report but may not start or stop a shadow.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { insertRelease } from '../../server/modules/releases/repository.ts';
import { DEFAULT_PROVIDER, providerConfigHash } from '../../server/providers/provider-config.ts';
import { hasChromium, launchBrowser, signedIn as signInThroughUi } from '../helpers/browser.ts';
import { demoLeads } from '../helpers/demo-leads.ts';
import { startWebApp, type WebTestApp } from '../helpers/web-app.ts';
import { ensureWebBuild } from '../helpers/web-build.ts';

const AS_OF = '2026-11-20';
const REQUESTS = 120;

describe.skipIf(!hasChromium)('web UI in a browser: shadow mode', () => {
  let web: WebTestApp;
  let browser: Browser;
  let releaseNumber: number;

  beforeAll(async () => {
    await ensureWebBuild();
    web = await startWebApp();
    await bootstrap(web.database.db, { seedDemo: false });
    // A stricter candidate (contact only from priority 60), approved but not production.
    const files = (await web.app.inject({ method: 'GET', url: '/api/ruleset-versions/rs_default_v1', headers: web.auth('engineer') })).json().files as Record<string, string>;
    files['ruleset.yaml'] = files['ruleset.yaml'].replace(/contact_threshold: \d+/, 'contact_threshold: 60');
    const saved = await web.app.inject({ method: 'POST', url: '/api/rulesets/default/versions', headers: web.auth('engineer'), payload: { files, message: 'stricter' } });
    expect(saved.statusCode).toBe(201);
    const release = await insertRelease(web.database.db, {
      ruleset_version_id: saved.json().id, prompt_version_id: 'pr_default_v1', provider: DEFAULT_PROVIDER, provider_hash: providerConfigHash(DEFAULT_PROVIDER),
      description: 'stricter contact threshold', proposed_by: 'test', status: 'approved',
    });
    releaseNumber = release.number;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('a manager shadows an approved release, reads agreement, deltas and a flip with both traces, and stops it', async () => {
    const { page, errors } = await signInThroughUi(browser, web.url, web.tokens.manager);
    page.setDefaultTimeout(60_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Releases' }).click();
    const form = page.getByRole('form', { name: 'Start shadowing' });
    await expect.poll(() => form.getByLabel('Approved release').locator('option').count()).toBeGreaterThan(1);
    await form.getByLabel('Approved release').selectOption({ label: `#${releaseNumber} · stricter contact threshold` });
    await form.getByRole('button', { name: 'Start shadowing' }).click();
    await page.getByRole('table', { name: 'Shadows' }).getByRole('button', { name: 'Stop shadowing' }).waitFor();

    // Live production requests, as the CRM makes them.
    const production = (await web.app.inject({ method: 'GET', url: '/api/releases/production', headers: web.auth('rep') })).json().id;
    for (const lead of demoLeads(REQUESTS)) {
      const res = await web.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: web.auth('rep'), payload: { lead, as_of: AS_OF } });
      expect(res.statusCode).toBe(200);
      expect(res.json().release_id).toBe(production);
    }

    const totals = page.getByRole('list', { name: 'Shadow totals' });
    const value = (metric: string) => totals.locator(`[data-metric="${metric}"] .value`).innerText();
    // The page refreshes the report while the shadow runs.
    await expect.poll(() => value('requests'), { timeout: 90_000 }).toBe(String(REQUESTS));
    expect(await value('agreement_rate')).toMatch(/^\d{1,3}\.\d%$/);
    const flips = Number(await value('flipped'));
    expect(flips).toBeGreaterThan(0);
    const agreed = Number((await totals.locator('[data-metric="agreement_rate"] .note').innerText()).replace(/[^\d]/g, ''));
    expect(agreed + flips).toBe(REQUESTS);
    // Stricter: fewer contacts than production.
    expect(await page.getByRole('table', { name: 'Metric deltas' }).locator('[data-metric="contact_rate"] td').nth(3).innerText()).toMatch(/^−/);

    const flip = page.getByRole('region', { name: 'Flips' }).getByRole('article').first();
    // Every flip of a stricter release is away from contact: production contact, the shadow not.
    expect(await flip.locator('[data-side="production"] h4').innerText()).toMatch(/^Production:\s+contact/);
    expect(await flip.locator('[data-side="production"] h4 .decision-contact').count()).toBe(1);
    expect(await flip.locator('[data-side="shadow"] h4 .decision-contact').count()).toBe(0);
    await flip.getByText('Production trace').click();
    await flip.getByText('Shadow trace').click();
    expect(await flip.locator('[data-side="production"] table tbody tr').count()).toBeGreaterThan(0);
    expect(await flip.locator('[data-side="shadow"] table tbody tr').count()).toBeGreaterThan(0);

    await page.getByRole('table', { name: 'Shadows' }).getByRole('button', { name: 'Stop shadowing' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Shadows' }).locator('tbody tr').first().innerText()).toMatch(/stopped/i);
    await page.getByRole('form', { name: 'Start shadowing' }).waitFor();
    expect(errors).toEqual([]);
  }, 240_000);

  it('an engineer reads the report but may not start or stop a shadow', async () => {
    const { page, errors } = await signInThroughUi(browser, web.url, web.tokens.engineer);
    page.setDefaultTimeout(60_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Releases' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Shadow totals' }).locator('[data-metric="requests"] .value').innerText()).toBe(String(REQUESTS));
    expect(await page.getByRole('form', { name: 'Start shadowing' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Stop shadowing' }).count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
