/**
 * The web UI in a real browser (Debian's Chromium via playwright-core) against the real app:
 * sign in with a token, role-filtered navigation, create a dataset, import a CSV through a
 * mapping (preview, then result with rejected lines), open a lead and read its timeline.
 */
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, signedIn as signInThroughUi } from '../helpers/browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../helpers/web-build.ts';
import { startWebApp, type WebTestApp } from '../helpers/web-app.ts';


const MAPPING = [
  'name: tiny',
  'missing_values: ["", "Select"]',
  'id: { column: ID, prefix: "T-" }',
  'fields:',
  '  - { field: contact.name, column: Name }',
  '  - { field: consent.email, column: No Email, values: { "Yes": false, "No": true } }',
  '  - { field: created_at, column: Created, type: datetime, format: "DD/MM/YYYY HH:mm" }',
  '  - { field: quotes.0.amount, column: Quote, type: number, decimal: "," }',
  'activities:',
  '  - { column: Note, text_prefix: "Note: " }',
].join('\n');

// Line 2 imports; lines 3 and 4 are rejected. Line 2's note is markup that must stay text.
const CSV = [
  'ID,Name,No Email,Created,Quote,Note',
  '1,Ana Horvat,Yes,14/08/2026 09:12,"2.450,50",<img src=x onerror=alert(1)> call back later',
  '2,Bo,Maybe,,,',
  '3,Cy,No,31/02/2026 10:00,,',
  '',
].join('\n');

// Each browser test takes about 2 s; the margin is for a loaded CI machine.
const BROWSER_TEST_TIMEOUT = 60_000;

const NAV_ALL = ['Datasets', 'Rules', 'Prompts', 'Evaluations', 'Releases', 'Campaigns', 'Human read', 'Review', 'Audit', 'Privacy'];

describe.skipIf(!hasChromium)('web UI in a browser: datasets', () => {
  let web: WebTestApp;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    web = await startWebApp();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function signedIn(token: string): Promise<Page> {
    const { page, errors } = await signInThroughUi(browser, web.url, token, { timeoutMs: 10_000 });
    expect(errors).toEqual([]);
    return page;
  }


  const navLinks = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();

  it('a manager creates a dataset, imports a CSV through a mapping, and reads a lead timeline', async () => {
    const put = await web.app.inject({ method: 'PUT', url: '/api/mappings/tiny', headers: web.auth('manager'), payload: { content: MAPPING } });
    expect(put.statusCode).toBe(200);

    const page = await signedIn(web.tokens.manager);
    await expect.poll(() => navLinks(page)).toEqual(NAV_ALL);
    expect(await page.getByRole('banner').innerText()).toMatch(/Rekindle[\s\S]*e2e manager[\s\S]*manager/);

    // Create a dataset (the form is open: there are none yet).
    await page.getByRole('heading', { name: 'Datasets', exact: true }).waitFor();
    await page.getByLabel('Name').fill('e2e-csv');
    await page.getByLabel('As of').fill('2026-11-20');
    await page.getByLabel('Description').fill('created by the browser test');
    await page.getByRole('button', { name: 'Create dataset' }).click();
    await page.waitForURL(/\/datasets\/ds_[0-9a-f]+$/);
    const datasetPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: /e2e-csv/ }).waitFor();

    // Choose the CSV and the mapping: the preview maps the first rows without importing.
    await page.getByLabel('File').setInputFiles({ name: 'crm-export.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByLabel('Mapping').selectOption('tiny');
    const preview = page.getByRole('region', { name: 'Mapping preview' });
    await preview.waitFor();
    await expect.poll(() => preview.innerText()).toContain('T-1');
    const previewText = await preview.innerText();
    expect(previewText).toContain('Ana Horvat');
    expect(previewText).toContain('"Maybe" is not one of');
    expect(previewText).toContain('is not a real date');
    expect((await web.app.inject({ method: 'GET', url: `/api/datasets/e2e-csv`, headers: web.auth('manager') })).json().lead_count).toBe(0);

    // Import: the result reports the imported lead and the rejected lines.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const result = page.getByRole('region', { name: 'Import result' });
    await result.waitFor();
    const resultText = await result.innerText();
    expect(resultText).toMatch(/Imported 1 lead, rejected 2 lines/);
    const rejectedRows = await result.locator('tbody tr').allInnerTexts();
    expect(rejectedRows).toHaveLength(2);
    expect(rejectedRows[0]).toMatch(/^3\s+column "No Email"/);
    expect(rejectedRows[1]).toMatch(/^4\s+column "Created"/);
    expect(new URL(page.url()).pathname).toBe(datasetPath); // not locked: same version

    // The lead browser shows the imported lead; open it.
    await page.getByRole('link', { name: 'T-1' }).click();
    await page.waitForURL(/\/leads\/T-1$/);
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.waitFor();
    const items = await timeline.getByRole('listitem').allInnerTexts();
    expect(items[0]).toContain('Lead created');
    expect(items.some((t) => t.includes('Note: <img src=x onerror=alert(1)> call back later'))).toBe(true);
    expect(items.some((t) => /Quote\s.*sent/.test(t))).toBe(true);
    // CRM text is text: the markup in the note never became an element.
    expect(await timeline.locator('img').count()).toBe(0);
    await page.getByText('No email consent: do not email.').waitFor();
    await page.getByRole('heading', { name: 'Ana Horvat' }).waitFor();

    // The audit log (managers may read it) shows the import.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('cell', { name: 'dataset.import' }).waitFor();
    await page.context().close();
  }, BROWSER_TEST_TIMEOUT);

  it('importing JSONL into a locked version creates the next version and moves to it', async () => {
    const created = await web.app.inject({ method: 'POST', url: '/api/datasets', headers: web.auth('engineer'), payload: { name: 'e2e-locked', as_of: '2026-11-20' } });
    const id = created.json().id as string;
    const first = JSON.stringify({ id: 'K-1', contact: { name: 'Kept Lead' }, status: 'dormant' });
    await web.app.inject({ method: 'POST', url: `/api/datasets/${id}/import`, headers: { ...web.auth('engineer'), 'content-type': 'application/x-ndjson' }, payload: first });
    await web.database.db.updateTable('datasets').set({ locked_at: new Date() }).where('id', '=', id).execute();

    const page = await signedIn(web.tokens.engineer);
    await page.goto(`${web.url}/datasets/${id}`);
    await page.getByText('locked', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Import leads' }).click();
    const lines = [JSON.stringify({ id: 'K-2', contact: { name: 'New Lead' }, status: 'new' }), '{ not json'].join('\n');
    await page.getByLabel('File').setInputFiles({ name: 'more.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    await page.waitForURL((url) => url.pathname.startsWith('/datasets/') && !url.pathname.endsWith(id));
    const result = page.getByRole('region', { name: 'Import result' });
    await expect.poll(() => result.innerText()).toMatch(/Version 1 was locked[\s\S]*version 2/);
    expect(await result.innerText()).toMatch(/Imported 1 lead, rejected 1 line\b/);
    await page.getByRole('link', { name: 'K-1' }).waitFor();
    await page.getByRole('link', { name: 'K-2' }).waitFor();
    await page.context().close();
  }, BROWSER_TEST_TIMEOUT);

  it('a rep sees only Review; a wrong token is refused with a readable message', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(web.url);
    await page.locator('input[name="token"]').fill('rk_not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/Not signed in/);
    await context.close();

    const rep = await signedIn(web.tokens.rep);
    await expect.poll(() => navLinks(rep)).toEqual(['Review']);
    expect(new URL(rep.url()).pathname).toBe('/review');
    await rep.goto(`${web.url}/datasets`);
    await rep.getByText('Your role (rep) cannot use this page.').waitFor();
    await rep.context().close();
  }, BROWSER_TEST_TIMEOUT);
});
