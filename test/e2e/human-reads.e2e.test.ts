/**
 * "Needs a human read" in a real browser (issue 10): a lead whose last customer message is in
 * Finnish is blocked (unread_customer_message) and listed; the manager reads it, picks what it
 * says, and sees the lead decided again.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { hasChromium, launchBrowser, signedIn } from '../helpers/browser.ts';
import { ensureWebBuild } from '../helpers/web-build.ts';
import { startWebApp, type WebTestApp } from '../helpers/web-app.ts';

const lead = {
  id: 'E2E-FI', created_at: '2026-10-01T10:00:00Z', contact: { name: 'Aino Virtanen', email: 'aino@example.fi', language: 'fi' }, consent: { email: true, phone: true },
  service: { type: 'moving', origin: 'Zagreb', destination: 'Helsinki', date: '2026-12-20' },
  quotes: [{ id: 'Q1', sent_at: '2026-10-05T10:00:00Z', amount: 3100, currency: 'EUR', status: 'sent', valid_until: '2026-12-31' }],
  activities: [
    { at: '2026-10-05T10:00:00Z', channel: 'email', direction: 'outbound', text: 'Dear Aino, our quote is attached.' },
    { at: '2026-11-10T08:00:00Z', channel: 'email', direction: 'inbound', text: 'Hei, olemme edelleen kiinnostuneita muutosta joulukuussa. Voitteko soittaa minulle?' },
  ],
  status: 'quoted',
};

describe.skipIf(!hasChromium)('web UI in a browser: needs a human read', () => {
  let web: WebTestApp;
  let browser: Browser;
  beforeAll(async () => {
    await ensureWebBuild();
    web = await startWebApp();
    await bootstrap(web.database.db, { seedDemo: false });
    const ds = await web.app.inject({ method: 'POST', url: '/api/datasets', headers: web.auth('manager'), payload: { name: 'crm', as_of: '2026-11-20' } });
    await web.app.inject({ method: 'POST', url: `/api/datasets/${ds.json().id}/import`, headers: { ...web.auth('manager'), 'content-type': 'application/x-ndjson' }, payload: JSON.stringify(lead) });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('lists the unread message, takes the manager reading and decides the lead again', async () => {
    const { page, errors } = await signedIn(browser, web.url, web.tokens.manager);
    await page.getByRole('link', { name: 'Human read' }).click();
    await page.getByLabel('Dataset').fill('crm');
    await page.getByRole('button', { name: 'Show' }).click();
    const card = page.getByRole('region', { name: 'Lead E2E-FI' });
    await card.getByText('Blocked until read').waitFor();
    const text = await card.textContent();
    expect(text).toContain('olemme edelleen kiinnostuneita');
    expect(text).toContain('Language: fi (not one the rules read)');
    expect(text).toContain('now: do not contact — unread customer message');
    await card.getByLabel('What does the customer say?').selectOption('still_planning');
    await card.getByRole('button', { name: 'Save reading' }).click();
    const status = page.getByRole('status');
    await status.waitFor();
    const said = (await status.textContent()) ?? '';
    expect(said).toContain('Decided again: do not contact →');
    expect(said).not.toContain('→ do not contact');
    await page.getByRole('region', { name: 'Lead E2E-FI' }).getByText('Read by a manager', { exact: true }).waitFor();
    expect(errors).toEqual([]);
  }, 60_000);
});
