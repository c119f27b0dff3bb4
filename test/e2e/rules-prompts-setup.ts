/**
 * Shared setup of the Rules and Prompts browser tests: the default ruleset and prompt as
 * version 1 (the test app skips the first-start seeding), a small `demo` dataset imported
 * from the first demo leads, and a signed-in browser page.
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { seedDefaultPrompt } from '../../server/modules/prompts/service.ts';
import { seedDefaultRuleset } from '../../server/modules/rulesets/service.ts';
import { demoLeads } from '../helpers/demo-leads.ts';
import type { WebTestApp } from '../helpers/web-app.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the browser tests: ${CHROMIUM} is missing (apt-get install -y chromium).`);

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const DEMO_LEAD_COUNT = 200;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Seeds the default ruleset and prompt and imports the first demo leads as dataset `demo`. */
export async function seedDemo(web: WebTestApp): Promise<{ datasetId: string }> {
  await seedDefaultRuleset(web.database.db, 'system');
  await seedDefaultPrompt(web.database.db, 'system');
  const created = await web.app.inject({ method: 'POST', url: '/api/datasets', headers: web.auth('manager'), payload: { name: 'demo', as_of: '2026-11-20' } });
  expect(created.statusCode).toBe(201);
  const datasetId = created.json().id as string;
  const ndjson = demoLeads(DEMO_LEAD_COUNT).map((l) => JSON.stringify(l)).join('\n');
  const imported = await web.app.inject({
    method: 'POST',
    url: `/api/datasets/${datasetId}/import`,
    headers: { ...web.auth('manager'), 'content-type': 'application/x-ndjson' },
    payload: ndjson,
  });
  expect(imported.statusCode).toBe(200);
  expect(imported.json().imported).toBe(DEMO_LEAD_COUNT);
  return { datasetId };
}

export async function signedIn(browser: Browser, web: WebTestApp, token: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(web.url);
  await page.locator('input[name="token"]').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return { page, errors };
}
