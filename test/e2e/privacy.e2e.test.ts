/**
 * The Privacy page in a real browser: a manager sees the suppression list's size and imports a
 * DNC list; the admin erases a person through the form and sees the erasure listed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRows } from '../../server/modules/datasets/import-service.ts';
import { createDataset } from '../../server/modules/datasets/service.ts';
import { hasChromium, launchBrowser, signedIn } from '../helpers/browser.ts';
import { demoLeads } from '../helpers/demo-leads.ts';
import { ensureWebBuild } from '../helpers/web-build.ts';
import { startWebApp, type WebTestApp } from '../helpers/web-app.ts';

const BROWSER_TEST_TIMEOUT = 60_000;

describe.skipIf(!hasChromium)('web UI in a browser: privacy', () => {
  let web: WebTestApp;
  let browser: Browser;
  let csvFile: string;
  let datasetId: string;

  beforeAll(async () => {
    await ensureWebBuild();
    web = await startWebApp();
    browser = await launchBrowser();
    const ds = await createDataset(web.database.db, { name: 'crm', as_of: '2026-11-20' }, 'test');
    datasetId = ds.id;
    const lead = { ...demoLeads(1)[0], id: 'E2E-ERASE', contact: { name: 'Erika Gone', email: 'erika.gone@example.org', phone: null } };
    async function* rows() {
      yield { line: 1, ok: true as const, lead };
    }
    await importRows(web.database.db, ds.id, rows(), { actor: 'test', format: 'jsonl' });
    csvFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rekindle-dnc-')), 'dnc.csv');
    fs.writeFileSync(csvFile, 'email,phone\nno.calls@example.org,\n,+49 170 5550100\nbroken,\n');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('a manager sees the list size and imports a DNC list; no erasure form', async () => {
    const { page, errors } = await signedIn(browser, web.url, web.tokens.manager);
    await page.getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { name: 'Suppression list' }).waitFor();
    expect(await page.getByTestId('suppression-total').textContent()).toBe('0');
    await page.locator('#dnc-file').setInputFiles(csvFile);
    await page.getByRole('button', { name: 'Import list' }).click();
    await page.getByText('3 rows read, 2 identifiers added or updated, 1 rows rejected').waitFor();
    await page.getByText('line 4: email: not an email address').waitFor();
    expect(await page.getByTestId('suppression-total').textContent()).toBe('2');
    expect(await page.getByRole('heading', { name: 'Erase a person' }).count()).toBe(0);
    expect(errors).toEqual([]);
  }, BROWSER_TEST_TIMEOUT);

  it('the admin erases a person and sees the erasure listed', async () => {
    const { page, errors } = await signedIn(browser, web.url, web.tokens.admin);
    // The admin's getting-started page links every section too: use the navigation's link.
    await page.getByRole('navigation').getByRole('link', { name: 'Privacy' }).click();
    await page.locator('#erase-email').fill('Erika.Gone@example.org');
    await page.locator('#erase-reason').fill('request by phone, ticket 12');
    await page.getByRole('button', { name: 'Erase' }).click();
    await page.getByRole('button', { name: 'Confirm: erase for good' }).click();
    await page.getByText(/Erased 1 records/).waitFor();
    await page.getByRole('cell', { name: 'request by phone, ticket 12' }).waitFor();
    expect(await page.getByTestId('suppression-total').textContent()).toBe('3');
    const row = await web.database.db.selectFrom('leads').select(['record', 'erased_at']).where('lead_id', '=', 'E2E-ERASE').executeTakeFirstOrThrow();
    expect(JSON.stringify(row.record)).not.toContain('Erika');
    expect(row.erased_at).not.toBeNull();
    expect(errors).toEqual([]);
  }, BROWSER_TEST_TIMEOUT);

  it('the erased lead says so in the dataset', async () => {
    const { page, errors } = await signedIn(browser, web.url, web.tokens.manager);
    await page.goto(`${web.url}/datasets/${datasetId}/leads/E2E-ERASE`);
    await page.getByText(/personal data erased \d{4}-\d{2}-\d{2}/).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).not.toContain('Erika');
    await page.goto(`${web.url}/datasets/${datasetId}`);
    await page.getByText('(1 with personal data erased; kept for metrics)').waitFor();
    expect(errors).toEqual([]);
  }, BROWSER_TEST_TIMEOUT);
});
