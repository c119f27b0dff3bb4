/**
 * Issue 11 in a real browser: the first sign-in as admin (every section, the getting-started
 * panel); a rep's queue after a newer recommendation superseded an older one; the approved edited
 * text shown with who approved it; a price change refused whatever the rep confirms; the Approve
 * button disabled for the proposer with the reason; every section reachable at 800 px through
 * the menu; tables that fit at 1280 px.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { EvalWorker } from '../../server/modules/evals/worker.ts';
import { PROJECT_ROOT } from '../../server/paths.ts';
import { hasChromium, launchBrowser, signedIn as signInThroughUi } from '../helpers/browser.ts';
import { ensureWebBuild } from '../helpers/web-build.ts';
import { startWebApp, type WebTestApp } from '../helpers/web-app.ts';

const BROWSER_TEST_TIMEOUT = 120_000;
const SECTIONS = ['Datasets', 'Rules', 'Prompts', 'Evaluations', 'Releases', 'Review', 'Audit', 'Tokens'];

interface DemoLead {
  id: string;
  owner?: string | null;
  contact?: { email?: string | null; name?: string | null } | null;
  consent?: { email?: boolean | null } | null;
  label?: { decision: string } | null;
  [k: string]: unknown;
}
const DEMO: DemoLead[] = fs.readFileSync(path.join(PROJECT_ROOT, 'datasets', 'demo.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

/** Tables whose content is wider than their box (cut off, or scrolling sideways). */
async function overflowingTables(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.table-wrap'))
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.querySelector('table')?.getAttribute('aria-label') ?? el.querySelector('th')?.textContent ?? '?'}: ${el.scrollWidth} > ${el.clientWidth}`),
  );
}

describe.skipIf(!hasChromium)('web UI in a browser: first run and the rep\'s day', () => {
  let web: WebTestApp;
  let browser: Browser;
  let worker: EvalWorker;
  let repToken: string;
  const leadId = 'L-FIRST-RUN';
  let older: { id: string };
  let current: { id: string };
  let other: { id: string };

  beforeAll(async () => {
    await ensureWebBuild();
    web = await startWebApp();
    await bootstrap(web.database.db, { seedDemo: false });
    worker = new EvalWorker({ db: web.app.db, modelsDir: web.app.config.modelsDir }, { pollMs: 200 });
    worker.start();

    // A "demo" dataset, as a first start with SEED_DEMO makes it, and an evaluation run of the production candidate on it.
    const ds = await web.app.inject({ method: 'POST', url: '/api/datasets', headers: web.auth('admin'), payload: { name: 'demo', as_of: '2026-11-20' } });
    expect(ds.statusCode).toBe(201);
    const jsonl = DEMO.slice(0, 60).map((l) => JSON.stringify(l)).join('\n');
    await web.app.inject({ method: 'POST', url: `/api/datasets/${ds.json().id}/import`, headers: { ...web.auth('admin'), 'content-type': 'application/x-ndjson' }, payload: jsonl });
    const run = await web.app.inject({ method: 'POST', url: '/api/evals/runs', headers: web.auth('admin'), payload: { dataset_id: ds.json().id, label: 'production candidate on the demo leads, first look before the team starts reviewing' } });
    expect(run.statusCode).toBeLessThan(300);

    // A rep token that acts for the CRM owner "marko"; two recommendations for one of marko's leads (the newer supersedes the older), one for another lead.
    const rep = await web.app.inject({ method: 'POST', url: '/api/tokens', headers: web.auth('admin'), payload: { name: 'Marko Horvat', role: 'rep', acts_for: ['marko'] } });
    repToken = rep.json().token;
    const base = DEMO.find((l) => l.label?.decision === 'contact' && l.consent?.email === true && l.contact?.email && l.contact?.name)!;
    const recommend = async (id: string) => {
      const res = await web.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: web.auth('manager'), payload: { lead: { ...base, id, owner: 'marko' }, as_of: '2026-11-20' } });
      expect(res.json().recommendation?.email).toBeTruthy();
      return res.json();
    };
    older = await recommend(leadId);
    current = await recommend(leadId);
    other = await recommend('L-FIRST-RUN-2');

    // A proposal by the manager who will sign in (the four-eyes rule disables their Approve).
    const prod = (await web.app.inject({ method: 'GET', url: '/api/releases/production', headers: web.auth('manager') })).json();
    const proposed = await web.app.inject({
      method: 'POST', url: '/api/releases', headers: web.auth('manager'),
      payload: { ruleset_version_id: prod.ruleset_version_id, prompt_version_id: prod.prompt_version_id, provider: { type: 'template' }, description: 'own proposal', run_gates: false },
    });
    expect(proposed.statusCode).toBe(201);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await web?.close();
  });

  it('the first sign-in as admin shows every section and the getting-started panel', async () => {
    const { page, errors } = await signInThroughUi(browser, web.url, web.tokens.admin, { width: 1280, height: 800 });
    await page.waitForURL(/\/start$/);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of SECTIONS) await nav.getByRole('link', { name, exact: true }).waitFor();
    const panel = page.getByRole('region', { name: 'Getting started' });
    await panel.getByRole('link', { name: 'demo' }).waitFor();
    await panel.getByRole('link', { name: 'Release #1' }).waitFor();
    expect(await panel.innerText()).toMatch(/Create your team's tokens[\s\S]*rep[\s\S]*manager[\s\S]*engineer[\s\S]*admin/);

    // Every workbench page opens for the admin (no "Your role cannot use this page").
    for (const name of SECTIONS) {
      await nav.getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.locator('main').innerText(), name).not.toMatch(/cannot use this page/);
    }
    // The admin creates a rep's token that acts for a CRM owner, and can change it later.
    await nav.getByRole('link', { name: 'Tokens', exact: true }).click();
    await page.getByLabel('Name').fill('Ivana Kovač');
    await page.getByLabel('Role').selectOption('rep');
    await page.getByLabel('Acts for (CRM owners)').fill('ivana, ivana.k');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('status').getByText(/Token for Ivana Kovač \(rep\) created/).waitFor();
    const row = page.getByRole('row', { name: /Ivana Kovač/ });
    expect(await row.innerText()).toContain('ivana, ivana.k');
    await row.getByRole('button', { name: 'Edit' }).click();
    await row.getByLabel('Acts for').fill('ivana');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Ivana Kovač/ }).innerText()).not.toContain('ivana.k');

        // Audit shows people, not token ids.
    await nav.getByRole('link', { name: 'Audit', exact: true }).click();
    await page.getByRole('cell', { name: 'token.create' }).first().waitFor();
    expect(await page.locator('table.data tbody').innerText()).not.toContain('token:tok_');
    expect(await page.locator('table.data tbody').innerText()).toContain('e2e admin');
    expect(errors).toEqual([]);
    await page.context().close();
  }, BROWSER_TEST_TIMEOUT);

  it("a rep's queue holds the current recommendation of each lead; the superseded one is kept but closed", async () => {
    const { page, errors } = await signInThroughUi(browser, web.url, repToken);
    await page.waitForURL(/\/review/);
    const queue = page.getByRole('complementary', { name: 'Queue' });
    const items = queue.getByRole('button', { name: new RegExp(`${leadId}(?![-\\w])`) });
    await items.first().waitFor();
    expect(await items.count()).toBe(1);
    expect(await items.first().innerText()).toMatch(/release #1 · (just now|\d+ min ago)/);
    await items.first().click();
    await page.waitForURL(new RegExp(`id=${current.id}`));
    await expect.poll(() => page.getByLabel('Why this lead is yours').innerText()).toMatch(/CRM owner is “marko”, and your token acts for marko/);

    await queue.getByLabel('Status').selectOption('superseded');
    await queue.getByRole('button', { name: new RegExp(`${leadId}(?![-\\w])`) }).click();
    await page.waitForURL(new RegExp(`id=${older.id}`));
    await expect.poll(() => page.getByRole('note').first().innerText()).toMatch(/newer recommendation for this lead replaced this one/);
    expect(await page.getByRole('button', { name: /Approve/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Open the current one' }).click();
    await page.waitForURL(new RegExp(`id=${current.id}`));
    expect(errors).toEqual([]);
    await page.context().close();
  }, BROWSER_TEST_TIMEOUT);

  it('refuses a price change whatever is confirmed, and shows the approved edited text with who approved it', async () => {
    const { page, errors } = await signInThroughUi(browser, web.url, repToken);
    await page.goto(`${web.url}/review?id=${other.id}`);
    const body = page.getByLabel('Email body');
    await body.waitFor();
    const original = await body.inputValue();

    await body.fill(`${original}\n\nWe could do the move for 2,000 EUR instead of 2,650 EUR.`);
    await page.getByRole('button', { name: 'Approve edited text' }).click();
    const refused = page.getByRole('alert', { name: 'Review refused' });
    await expect.poll(() => refused.innerText()).toMatch(/cannot be approved[\s\S]*price promise/i);
    expect(await refused.innerText()).not.toMatch(/acknowledge_issues|send .*true/);
    expect(await refused.getByRole('button', { name: /Approve anyway/ }).count()).toBe(0);

    const edited = `${original}\n\nI am happy to walk you through the quote on a short call.`;
    await body.fill(edited);
    await page.getByRole('button', { name: 'Approve edited text' }).click();
    const approveAnyway = page.getByRole('alert', { name: 'Review refused' }).getByRole('button', { name: /Approve anyway/ });
    // The added sentence may or may not need a confirmation, depending on the record.
    await Promise.race([approveAnyway.waitFor().then(() => approveAnyway.click()), page.getByRole('region', { name: 'Approved text' }).waitFor()]);
    const approved = page.getByRole('region', { name: 'Approved text' });
    await approved.waitFor();
    expect(await approved.getByLabel('Approved email').innerText()).toContain('walk you through the quote on a short call');
    expect(await approved.innerText()).toMatch(/edited and approved by Marko Horvat · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await approved.getByRole('button', { name: 'Copy email' }).waitFor();
    await approved.getByText('Original draft beside the approved text').click();
    expect(await approved.innerText()).toContain(original.split('\n')[0]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, BROWSER_TEST_TIMEOUT);

  it('disables Approve for the proposer with the reason; at 800 px every section is reachable from the menu; tables fit at 1280 px', async () => {
    const { page, errors } = await signInThroughUi(browser, web.url, web.tokens.manager, { width: 800, height: 800 });
    const toggle = page.getByRole('button', { name: /Menu/ });
    for (const name of ['Datasets', 'Rules', 'Prompts', 'Evaluations', 'Releases', 'Review', 'Audit']) {
      await toggle.click();
      const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
      await link.click();
      await page.waitForURL(new RegExp(`/${name.toLowerCase()}`));
      await page.getByRole('heading', { level: 1 }).waitFor();
    }
    // The page never scrolls sideways at 800 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${web.url}/releases`);
    const own = page.getByRole('article', { name: /Release #2/ });
    await own.waitFor();
    expect(await own.getByRole('button', { name: 'Approve and promote' }).isDisabled()).toBe(true);
    expect(await own.getByRole('note').innerText()).toMatch(/You proposed this release, so someone else must approve it/);
    await page.getByRole('table', { name: 'Release history' }).waitFor();
    expect(await page.getByRole('table', { name: 'Release history' }).innerText()).not.toMatch(/token:|rs_default_v/);
    expect(await overflowingTables(page)).toEqual([]);

    await page.goto(`${web.url}/evaluations`);
    await expect.poll(() => page.locator('table.data tbody tr').first().innerText(), { timeout: 30_000 }).toMatch(/done/i);
    expect(await overflowingTables(page)).toEqual([]);
    // A finished run can be proposed as a release from its page.
    await page.locator('table.data tbody tr').first().getByRole('link').first().click();
    await page.getByRole('button', { name: 'Propose as release' }).click();
    await page.waitForURL(/\/releases$/);
    await page.getByRole('article', { name: /Release #3/ }).waitFor();

    await page.goto(`${web.url}/audit`);
    await page.locator('table.data tbody tr').first().waitFor();
    expect(await overflowingTables(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, BROWSER_TEST_TIMEOUT);
});
