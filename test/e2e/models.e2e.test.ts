/**
 * The Models page in a real browser: an engineer sees the models in MODELS_DIR (tiny models built
 * by the test) with task and size, loads one for real, reads the recommended models with their
 * pull command, and the configured private server with whether it answers. A rep has no Models link.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { hasChromium, launchBrowser, signedIn } from '../helpers/browser.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.ts';
import { buildTinyBert, TINY_BERT_ID } from '../helpers/tiny-models/index.ts';
import { ensureWebBuild } from '../helpers/web-build.ts';
import { startWebApp, type WebTestApp } from '../helpers/web-app.ts';

describe.skipIf(!hasChromium)('web UI in a browser: models', () => {
  let web: WebTestApp;
  let browser: Browser;
  let fake: FakeOpenAi;
  const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekindle-models-e2e-'));

  beforeAll(async () => {
    await ensureWebBuild();
    buildTinyBert(modelsDir);
    web = await startWebApp({ env: { MODELS_DIR: modelsDir } });
    await bootstrap(web.database.db, { seedDemo: false });
    fake = await startFakeOpenAi(() => ({ content: '{}' }));
    const ds = await web.app.inject({ method: 'POST', url: '/api/datasets', headers: web.auth('engineer'), payload: { name: 'e2e-models', as_of: '2026-11-20' } });
    await web.app.inject({ method: 'POST', url: `/api/datasets/${ds.json().id}/import`, headers: { ...web.auth('engineer'), 'content-type': 'application/x-ndjson' }, payload: JSON.stringify({ id: 'L-1' }) });
    const run = await web.app.inject({ method: 'POST', url: '/api/evals/runs', headers: web.auth('engineer'), payload: { dataset_id: ds.json().id, provider: { type: 'promptfoo', id: 'openai:chat:qwen', config: { apiBaseUrl: fake.baseUrl } } } });
    expect(run.statusCode).toBeLessThan(300);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await fake?.close();
    await web?.close();
    fs.rmSync(modelsDir, { recursive: true, force: true });
  });

  it('shows local models, loads one, the recommended ones with their pull command, and the private server answering', async () => {
    const { page, errors } = await signedIn(browser, web.url, web.tokens.engineer);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Models' }).click();
    const local = page.getByRole('table', { name: 'Local models' });
    const row = local.getByRole('row', { name: new RegExp(TINY_BERT_ID) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/text classification \(zero-shot\)[\s\S]*KB[\s\S]*complete/);
    await row.getByRole('button', { name: 'Try loading' }).click();
    await row.getByText('loads', { exact: true }).waitFor();
    const recommended = page.getByRole('table', { name: 'Recommended models' });
    expect(await recommended.innerText()).toMatch(/drafting[\s\S]*npm run models:pull -- Xenova\/Qwen1\.5-0\.5B-Chat/);
    expect(await recommended.innerText()).toMatch(/text classification[\s\S]*npm run models:pull -- Xenova\/mobilebert-uncased-mnli/);
    const servers = page.getByRole('table', { name: 'Model servers' });
    await servers.getByText('answers', { exact: true }).waitFor();
    expect(await servers.innerText()).toContain(fake.baseUrl);
    expect(errors).toEqual([]);
  }, 90_000);

  it('gives a rep no Models page', async () => {
    const { page } = await signedIn(browser, web.url, web.tokens.rep);
    const links = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
    expect(links).not.toContain('Models');
  }, 60_000);
});
