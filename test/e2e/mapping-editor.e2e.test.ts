/**
 * The mapping editor in a real browser: a manager builds a mapping for a two-file export the
 * product has never seen (leads + activities keyed by "Lead No"), resolves the ambiguous date
 * format it is asked about, previews the leads as canonical records with production's decisions,
 * saves the mapping and imports both files into a dataset.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { hasChromium, launchBrowser, signedIn } from '../helpers/browser.ts';
import { ensureWebBuild } from '../helpers/web-build.ts';
import { startWebApp, type WebTestApp } from '../helpers/web-app.ts';

const LEADS = [
  'Lead No,Full Name,E-Mail Address,Mobile,Created On,Do Not Email,Moving Date,From City',
  'A-1,Ana Horvat,ana@example.org,+385 91 555 0101,2026-10-01 09:00,No,05/03/2027,Zagreb',
  'A-2,Jonas Weber,jonas@example.de,+49 151 5550 2222,2026-09-14 16:30,Yes,11/12/2026,Munich',
  'A-3,Broken Date,broken@example.org,,2026-09-31 10:00,No,07/08/2027,Vienna',
  'A-4,Sara Lind,sara@example.se,+46 70 555 0404,2026-10-03 11:15,No,02/01/2027,Graz',
  '',
].join('\n');
const ACTIVITIES = [
  'Lead No,Activity Date,Type,Notes,Owner',
  'A-1,2026-10-01 09:30,Phone,"Wants a quote for a 2-bedroom flat, flexible by a week.",marko',
  'A-1,2026-10-02 08:00,Mail,Quote sent: 2450 EUR.,marko',
  'A-2,2026-09-15 10:00,Phone,Please never call me again.,lena',
  'A-9,2026-09-16 10:00,Phone,A lead that is not in the leads file.,lena',
  '',
].join('\n');

describe.skipIf(!hasChromium)('web UI in a browser: mapping editor', () => {
  let web: WebTestApp;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    web = await startWebApp();
    await bootstrap(web.database.db, { seedDemo: false });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('a manager maps an unseen two-file export, previews leads and decisions, saves and imports', async () => {
    const created = await web.app.inject({ method: 'POST', url: '/api/datasets', headers: web.auth('manager'), payload: { name: 'acme', as_of: '2026-11-20' } });
    expect(created.statusCode).toBe(201);
    const { page, errors } = await signedIn(browser, web.url, web.tokens.manager);
    await page.getByRole('link', { name: 'New CSV mapping' }).click();
    await page.getByRole('heading', { name: 'New CSV mapping' }).waitFor();

    await page.locator('input[name="file-leads"]').setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(LEADS) });
    const leads = page.getByRole('region', { name: 'Columns of leads' });
    await leads.waitFor();
    // Suggested from the headers and values; the record id is the manager's call.
    expect(await leads.getByLabel('Field for E-Mail Address').inputValue()).toBe('contact.email');
    expect(await leads.getByLabel('Field for Do Not Email').inputValue()).toBe('consent.email');
    expect(await leads.getByLabel('Values for Do Not Email').inputValue()).toMatch(/Yes = false/);
    expect(await leads.getByLabel('Field for Moving Date').inputValue()).toBe('service.date');
    await leads.getByLabel('Field for Lead No').selectOption('id');
    // 05/03/2027 could be 5 March or 3 May: the editor asks instead of guessing.
    const pending = page.getByRole('status', { name: 'Still to decide' });
    await expect.poll(() => pending.innerText()).toMatch(/date format of "Moving Date"/);
    await leads.getByLabel('Date format for Moving Date').selectOption('DD/MM/YYYY');

    await page.getByLabel('Other file (CSV)').setInputFiles({ name: 'activities.csv', mimeType: 'text/csv', buffer: Buffer.from(ACTIVITIES) });
    const acts = page.getByRole('region', { name: 'Columns of activities' });
    await acts.waitFor();
    expect(await acts.getByLabel('Field for Activity Date').inputValue()).toBe('at');
    expect(await acts.getByLabel('Field for Notes').inputValue()).toBe('text');
    await acts.getByLabel('Field for Lead No').selectOption('lead_id');
    await acts.getByLabel('Field for Type').selectOption('channel');
    await acts.getByLabel('Values for Type').fill('Phone = call\nMail = email');
    await acts.getByLabel('Field for Owner').selectOption('author');
    await acts.getByLabel('Direction of activities').selectOption('outbound');

    // Live preview: canonical records with activities joined, decided by the production release.
    const preview = page.getByRole('region', { name: 'Mapping preview' });
    // The preview follows every change; wait for the one with the last choices (both activities of A-1 as calls/emails).
    const A1 = /A-1\s+Ana Horvat\s+ana@example.org\s+2\s+0\s+(contact|wait|do_not_contact|not_worth_pursuing)/;
    await expect.poll(async () => ((await preview.count()) ? preview.innerText() : ''), { timeout: 30_000 }).toMatch(A1);
    const text = await preview.innerText();
    expect(text).toMatch(/A-2\s+Jonas Weber[^\n]*\s(contact|wait|do_not_contact|not_worth_pursuing)\n[a-z_]+/);
    expect(text).toMatch(/rejected[\s\S]*"2026-09-31 10:00" is not a real date/);

    await page.getByLabel('Mapping name').fill('acme-crm');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText('Saved acme-crm as version 1.').waitFor();

    await page.getByRole('button', { name: 'Import with this mapping' }).click();
    const result = page.getByRole('region', { name: 'Import result' });
    await result.waitFor({ timeout: 20_000 });
    const resultText = await result.innerText();
    expect(resultText).toMatch(/Imported 3 leads/);
    expect(resultText).toMatch(/leads line 4: column "Created On": "2026-09-31 10:00" is not a real date/);
    expect(resultText).toMatch(/activities line 5: no lead "A-9"/);
    expect(errors).toEqual([]);

    // What was saved and imported, read back through the API.
    const saved = await web.app.inject({ method: 'GET', url: '/api/mappings/acme-crm', headers: web.auth('manager') });
    expect(saved.json().content).toMatch(/format: DD\/MM\/YYYY/);
    const lead = (await web.app.inject({ method: 'GET', url: '/api/datasets/acme/leads/A-1', headers: web.auth('manager') })).json().lead;
    expect(lead).toMatchObject({ contact: { name: 'Ana Horvat', email: 'ana@example.org' }, service: { date: '2027-03-05', origin: 'Zagreb' } });
    expect(lead.activities).toEqual([
      expect.objectContaining({ at: '2026-10-01T09:30:00Z', channel: 'call', direction: 'outbound', author: 'marko' }),
      expect.objectContaining({ at: '2026-10-02T08:00:00Z', channel: 'email', text: 'Quote sent: 2450 EUR.' }),
    ]);
  }, 120_000);
});
