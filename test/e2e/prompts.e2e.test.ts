/**
 * The Prompts page in a real browser: a manager adds a sentence to the system section, previews
 * the rendered prompt for a demo lead labelled `contact` (the edit is in it, the CRM block is
 * marked untrusted), runs it with the template provider and reads the draft with its grounding
 * result, then saves the template as version 2.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLeads } from '../helpers/demo-leads.ts';
import { ensureWebBuild } from '../helpers/web-build.ts';
import { startWebApp, type WebTestApp } from '../helpers/web-app.ts';
import { DEMO_LEAD_COUNT, hasChromium, launchBrowser, seedDemo, signedIn } from './rules-prompts-setup.ts';

const MARKER = 'Mention that the rep is happy to answer questions (E2E-MARKER).';

describe.skipIf(!hasChromium)('web UI in a browser: prompts', () => {
  let web: WebTestApp;
  let browser: Browser;
  let leadId: string;

  beforeAll(async () => {
    await ensureWebBuild();
    web = await startWebApp();
    const { datasetId } = await seedDemo(web);
    // A lead labelled `contact` that the rules also decide to contact: it gets a draft.
    for (const lead of demoLeads(DEMO_LEAD_COUNT).filter((l) => l.label?.decision === 'contact')) {
      const r = await web.app.inject({ method: 'POST', url: '/api/prompts/render', headers: web.auth('manager'), payload: { dataset_id: datasetId, lead_id: lead.id } });
      if (r.statusCode === 200 && r.json().drafted) {
        leadId = lead.id;
        break;
      }
    }
    expect(leadId).toBeTruthy();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('edit the system prompt, preview it for a lead, run it with the template provider, save', async () => {
    const { page, errors } = await signedIn(browser, web, web.tokens.manager);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Prompts' }).click();
    await page.getByRole('heading', { name: 'Prompts', exact: true }).waitFor();

    const editor = page.getByRole('region', { name: 'Prompt editor' }).locator('.cm-content');
    await editor.waitFor();
    await editor.getByText('The rep edits and approves everything you write').click();
    await page.keyboard.press('End');
    await page.keyboard.type(` ${MARKER}`);

    await page.getByLabel('Lead id').fill(leadId);
    const preview = page.getByRole('region', { name: 'Prompt preview' });
    await preview.getByRole('button', { name: 'Preview' }).click();
    const system = preview.getByRole('region', { name: 'System message' });
    await expect.poll(() => system.innerText().catch(() => ''), { timeout: 15_000 }).toContain('E2E-MARKER');
    const user = preview.getByRole('region', { name: 'User message' });
    expect(await user.getByRole('group', { name: 'Untrusted CRM data' }).innerText()).toContain('<crm_data>');
    expect(await system.innerText()).not.toContain('<crm_data>\n');
    expect(await preview.innerText()).toContain('a draft would be written');
    expect(await preview.getByRole('list').first().innerText()).toMatch(/\w+: |\w/);

    // Run with the default (template) provider: a draft and its grounding result.
    const run = page.getByRole('region', { name: 'Run on this lead' });
    expect(await run.getByLabel('Provider').inputValue()).toBe('template');
    await run.getByRole('button', { name: 'Run on this lead' }).click();
    const grounding = run.getByRole('region', { name: 'Grounding result' });
    await grounding.waitFor();
    expect(await grounding.innerText()).toMatch(/Grounding: (no issues|\d+ issues?)/);
    const draft = run.getByRole('article', { name: 'Draft' });
    await draft.waitFor();
    const draftText = await draft.innerText();
    expect(draftText).toMatch(/Angle/);
    expect(draftText).toMatch(/Subject:|No email/);
    expect(await run.innerText()).toContain('draft ok');

    // Save the edited template as version 2.
    await page.getByLabel('Version message').fill('Offer to answer questions');
    await page.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Saved as v2');
    const version = await web.app.inject({ method: 'GET', url: '/api/prompts/default/versions', headers: web.auth('manager') });
    const latest = version.json().items[0];
    expect(latest.version).toBe(2);
    const files = (await web.app.inject({ method: 'GET', url: `/api/prompt-versions/${latest.id}`, headers: web.auth('manager') })).json().files;
    expect(files['recontact.md']).toContain(MARKER);

    expect(errors).toEqual([]);
  }, 120_000);
});
