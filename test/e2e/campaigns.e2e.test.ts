/**
 * Campaigns and backtests in a real browser: a manager starts a campaign on a demo dataset from
 * the Campaigns page, watches it finish, reads the totals (queued = selected - held out, expected
 * revenue), by rep and by reason, exports the CSV and checks recovery; then replays a backtest
 * fixture as of an earlier date from the Evaluations page and reads recovery, lift and calibration.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLaterEvents } from '../../datasets/backtest/with-later-events.ts';
import { bootstrap } from '../../server/bootstrap.ts';
import { CampaignWorker } from '../../server/modules/campaigns/worker.ts';
import { EvalWorker } from '../../server/modules/evals/worker.ts';
import { hasChromium, launchBrowser, signedIn as signInThroughUi } from '../helpers/browser.ts';
import { demoLeads } from '../helpers/demo-leads.ts';
import { startWebApp, type WebTestApp } from '../helpers/web-app.ts';
import { ensureWebBuild } from '../helpers/web-build.ts';

describe.skipIf(!hasChromium)('web UI in a browser: campaigns and backtests', () => {
  let web: WebTestApp;
  let browser: Browser;
  let campaigns: CampaignWorker;
  let evals: EvalWorker;
  let datasetId: string;
  let backtestId: string;

  async function importLeads(name: string, asOf: string, jsonl: string): Promise<string> {
    const created = await web.app.inject({ method: 'POST', url: '/api/datasets', headers: web.auth('manager'), payload: { name, as_of: asOf } });
    const id = created.json().id;
    const res = await web.app.inject({ method: 'POST', url: `/api/datasets/${id}/import`, headers: { ...web.auth('manager'), 'content-type': 'application/x-ndjson' }, payload: jsonl });
    expect(res.json().rejected).toEqual([]);
    return id;
  }

  beforeAll(async () => {
    await ensureWebBuild();
    web = await startWebApp();
    await bootstrap(web.database.db, { seedDemo: false });
    const env = { db: web.app.db, modelsDir: web.app.config.modelsDir };
    campaigns = new CampaignWorker(env, { pollMs: 200 });
    campaigns.start();
    evals = new EvalWorker(env, { pollMs: 200 });
    evals.start();
    const leads = demoLeads(600);
    datasetId = await importLeads('e2e-campaign', '2026-11-20', leads.map((l) => JSON.stringify(l)).join('\n') + '\n');
    backtestId = await importLeads('e2e-backtest', '2027-01-19', withLaterEvents(leads, { asOf: '2026-11-20', newLeads: 10 }).map((l) => JSON.stringify(l)).join('\n') + '\n');
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await campaigns?.stop();
    await evals?.stop();
    await web?.close();
  });

  it('a manager runs a campaign from the Campaigns page and reads its totals, by rep, by reason, CSV and recovery', async () => {
    const { page, errors } = await signInThroughUi(browser, web.url, web.tokens.manager);
    // The campaign worker shares this process's event loop with the browser driver: allow for it.
    page.setDefaultTimeout(60_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    const form = page.getByRole('form', { name: 'Start a campaign' });
    await expect.poll(() => form.getByLabel('Dataset').locator('option').count()).toBeGreaterThan(1);
    await form.getByLabel('Dataset').selectOption(datasetId);
    await form.getByLabel('As of').fill('2026-11-20');
    await form.getByLabel('Held out (%)').fill('10');
    await form.getByRole('button', { name: 'Start campaign' }).click();
    await page.waitForURL(/\/campaigns\/cmp_[0-9a-f]+$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 60_000 }).toContain('done');

    const totals = page.getByRole('list', { name: 'Campaign totals' });
    const value = async (metric: string) => Number((await totals.locator(`[data-metric="${metric}"] .value`).innerText()).replace(/[^\d]/g, ''));
    await expect.poll(() => totals.locator('[data-metric="expected_recovered_revenue"] .note').innerText()).toMatch(/95% CI/);
    const selected = await value('selected');
    const heldOut = await value('held_out');
    expect(selected).toBeGreaterThan(50);
    expect(await value('queued')).toBe(selected - heldOut);
    expect(await value('expected_recovered_revenue')).toBeGreaterThan(0);
    await page.getByRole('table', { name: 'By rep' }).waitFor();
    expect(await page.getByRole('table', { name: 'By reason' }).locator('tbody tr').count()).toBeGreaterThan(0);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^cmp_[0-9a-f]+\.csv$/);

    await page.getByRole('button', { name: 'From recorded outcomes' }).click();
    await page.getByRole('table', { name: 'Treated against control' }).waitFor();
    expect(await page.getByTestId('uplift').innerText()).toMatch(/Recovery caused/);
    expect(errors).toEqual([]);
  }, 120_000);

  it('a backtest replays a dataset as of an earlier date and shows recovery, lift and calibration', async () => {
    const { page, errors } = await signInThroughUi(browser, web.url, web.tokens.engineer);
    page.setDefaultTimeout(60_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evaluations' }).click();
    await page.getByRole('button', { name: 'New run' }).click();
    const form = page.getByRole('form', { name: 'Start a run' });
    await expect.poll(() => form.getByLabel('Dataset').locator('option').count()).toBeGreaterThan(1);
    await form.getByLabel('Dataset').selectOption(backtestId);
    await form.getByLabel('Label').fill('backtest e2e');
    await form.getByLabel('Replay as of').fill('2026-11-20');
    await expect.poll(() => form.getByLabel('Ruleset version').locator('option').count()).toBeGreaterThan(1);
    await form.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/evaluations\/runs\/run_[0-9a-f]+$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 60_000 }).toContain('done');
    expect(await page.getByTestId('replay-as-of').innerText()).toContain('2026-11-20');
    const recovery = page.getByTestId('recovery');
    await recovery.waitFor();
    expect(await recovery.getByTestId('lift').innerText()).toMatch(/Lift \d+\.\d+×/);
    expect(await recovery.getByTestId('ece').innerText()).toMatch(/\(ECE\) \d\.\d{4}/);
    await recovery.getByRole('img', { name: 'Reliability diagram' }).waitFor();
    // The 10 leads created after the replay date are not in it.
    expect(await page.locator('body').innerText()).toMatch(/600 labelled leads/);
    expect(errors).toEqual([]);
  }, 120_000);
});
