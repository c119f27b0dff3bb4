/**
 * Shared setup of the Rules and Prompts browser tests: the default ruleset and prompt as
 * version 1 (the test app skips the first-start seeding), a small `demo` dataset imported
 * from the first demo leads, and a signed-in browser page.
 */
import type { Browser } from 'playwright-core';
import { signedIn as signInThroughUi } from '../helpers/browser.ts';
import { expect } from 'vitest';
import { seedDefaultPrompt } from '../../server/modules/prompts/service.ts';
import { seedDefaultRuleset } from '../../server/modules/rulesets/service.ts';
import { demoLeads } from '../helpers/demo-leads.ts';
import type { WebTestApp } from '../helpers/web-app.ts';

export { hasChromium, launchBrowser } from '../helpers/browser.ts';

export const DEMO_LEAD_COUNT = 200;


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

/** Signs in through the UI (the shared helper, with this suite's larger viewport). */
export function signedIn(browser: Browser, web: WebTestApp, token: string) {
  return signInThroughUi(browser, web.url, token, { width: 1500, height: 950 });
}
