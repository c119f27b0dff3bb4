/**
 * Evaluations in a real browser against the real app: a manager starts a run of the default
 * candidate on a labelled dataset, sees it finish with its metric cards, confusion matrix and
 * per-lead table, opens a lead, starts a second run with a changed ruleset, and compares the two
 * (metric deltas, decision flips with both traces).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, signedIn as signInThroughUi } from '../helpers/browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { EvalWorker } from '../../server/modules/evals/worker.ts';
import { PROJECT_ROOT } from '../../server/paths.ts';
import { ensureWebBuild } from '../helpers/web-build.ts';
import { startWebApp, type WebTestApp } from '../helpers/web-app.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

/** The first `n` demo leads as JSONL (the demo file is labelled: gold decisions and outcomes). */
function demoLeads(n: number): string {
  const lines = fs.readFileSync(path.join(PROJECT_ROOT, 'datasets', 'demo.jsonl'), 'utf8').split('\n').filter(Boolean);
  return lines.slice(0, n).join('\n') + '\n';
}

describe.skipIf(!hasChromium)('web UI in a browser: evaluations', () => {
  let web: WebTestApp;
  let worker: EvalWorker;
  let browser: Browser;
  let datasetId: string;
  let changedRulesetId: string;

  beforeAll(async () => {
    await ensureWebBuild();
    web = await startWebApp();
    // Default ruleset, prompt and production release (what the server's first start does), and
    // the evaluation worker the server runs in-process.
    await bootstrap(web.database.db, { seedDemo: false });
    worker = new EvalWorker({ db: web.app.db, modelsDir: web.app.config.modelsDir }, { pollMs: 200 });
    worker.start();

    const created = await web.app.inject({ method: 'POST', url: '/api/datasets', headers: web.auth('manager'), payload: { name: 'e2e-evals', as_of: '2026-11-20' } });
    datasetId = created.json().id;
    const imported = await web.app.inject({
      method: 'POST',
      url: `/api/datasets/${datasetId}/import`,
      headers: { ...web.auth('manager'), 'content-type': 'application/x-ndjson' },
      payload: demoLeads(120),
    });
    expect(imported.json().imported).toBe(120);

    // A changed ruleset: wait two weeks (not one) after an outbound attempt, so some leads flip.
    const v1 = await web.app.inject({ method: 'GET', url: '/api/rulesets/default/versions', headers: web.auth('engineer') });
    const files = (await web.app.inject({ method: 'GET', url: `/api/ruleset-versions/${v1.json().items[0].id}`, headers: web.auth('engineer') })).json().files as Record<string, string>;
    const waitFile = Object.keys(files).find((f) => files[f].includes('days_since_last_outbound < 7'))!;
    files[waitFile] = files[waitFile].replace('days_since_last_outbound < 7', 'days_since_last_outbound < 21');
    const saved = await web.app.inject({ method: 'POST', url: '/api/rulesets/default/versions', headers: web.auth('engineer'), payload: { files, message: 'wait three weeks after outreach' } });
    expect(saved.statusCode).toBe(201);
    changedRulesetId = saved.json().id;

    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await web?.close();
  });

  const signedIn = (token: string) => signInThroughUi(browser, web.url, token);


  async function startRun(page: Page, label: string, rulesetId?: string): Promise<string> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evaluations' }).click();
    await page.getByRole('button', { name: 'New run' }).click();
    const form = page.getByRole('form', { name: 'Start a run' });
    await form.getByLabel('Dataset').selectOption(datasetId);
    await form.getByLabel('Label').fill(label);
    await expect.poll(() => form.getByLabel('Ruleset version').locator('option').count()).toBeGreaterThan(1);
    if (rulesetId) await form.getByLabel('Ruleset version').selectOption(rulesetId);
    await form.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/evaluations\/runs\/run_[0-9a-f]+$/);
    // Progress (live over server-sent events) reaches done, then the metrics appear.
    await page.getByRole('heading', { level: 1 }).filter({ hasText: label }).waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 30_000 }).toContain('done');
    await page.getByRole('list', { name: 'Metrics' }).waitFor();
    return new URL(page.url()).pathname.split('/').pop()!;
  }

  it('a manager runs the default candidate, reads the metrics, drills into a lead, and compares two runs', async () => {
    const { page, errors } = await signedIn(web.tokens.manager);

    const first = await startRun(page, 'baseline e2e');
    const cards = page.getByRole('list', { name: 'Metrics' });
    for (const name of ['DNC precision', 'DNC recall', 'Decision accuracy', 'Compliance violations', 'Grounding rate', 'Latency p50 / p99']) {
      await cards.getByRole('listitem', { name }).waitFor();
    }
    expect(await cards.getByRole('listitem', { name: 'DNC precision' }).innerText()).toMatch(/\d+\.\d%[\s\S]*95% CI/);
    await page.getByRole('table', { name: 'Confusion matrix' }).waitFor();
    await page.getByRole('img', { name: 'Decision counts' }).waitFor();
    // Draft quality per first reason, beside grounding and pricing promises.
    const quality = page.getByRole('table', { name: 'Draft quality by reason' });
    await quality.waitFor();
    expect(await quality.innerText()).toMatch(/Story coverage[\s\S]*Language match[\s\S]*\d+(\.\d)?%/);
    // Text understanding per language of the customer texts, stored with the run.
    const languages = page.getByRole('table', { name: 'Text understanding by language' });
    await languages.waitFor();
    expect(await languages.innerText()).toMatch(/DNC precision[\s\S]*False refusals[\s\S]*Unread[\s\S]*\b(en|de|hr)\b/);

    // The per-lead table filters in the URL; a lead opens its trace and draft.
    const results = page.locator('#results');
    await results.getByLabel('Decision').selectOption('contact');
    await page.waitForURL(/decision=contact/);
    await expect.poll(async () => (await results.locator('tbody tr').allInnerTexts()).every((t) => t.includes('contact'))).toBe(true);
    const firstLead = results.locator('tbody tr').first().getByRole('link');
    const leadId = await firstLead.innerText();
    await firstLead.click();
    await page.waitForURL(new RegExp(`/leads/${leadId}$`));
    await page.getByRole('table', { name: 'Rules trace' }).waitFor();
    await page.getByRole('region', { name: 'Email' }).or(page.getByText('No draft')).first().waitFor();
    await page.getByRole('list', { name: 'Timeline' }).waitFor();

    // A second run with the changed ruleset, then the comparison from its page.
    const second = await startRun(page, 'wait three weeks', changedRulesetId);
    expect(second).not.toBe(first);
    await page.getByLabel('Compare with').selectOption(first);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.waitForURL(new RegExp(`/evaluations/compare\\?a=${first}&b=${second}`));
    const deltas = page.getByRole('table', { name: 'Metric deltas' });
    await deltas.waitFor();
    const rows = await deltas.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(8);
    expect(rows.find((r) => r.startsWith('dnc precision'))).toMatch(/%[\s\S]*%[\s\S]*pp/);
    const flips = page.getByRole('table', { name: 'Decision flips' });
    await flips.waitFor();
    const flipRows = flips.locator('tbody tr');
    if (!(await flipRows.first().innerText()).includes('No lead changed')) {
      // Both traces of a flipped lead, side by side.
      await flipRows.first().getByRole('button', { name: 'Show' }).click();
      await page.getByRole('table', { name: 'Trace in run A' }).waitFor();
      await page.getByRole('table', { name: 'Trace in run B' }).waitFor();
    }

    // The list shows both runs done, with their headline metrics.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evaluations' }).click();
    await page.getByRole('link', { name: 'baseline e2e' }).waitFor();
    await page.getByRole('link', { name: 'wait three weeks' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, BROWSER_TEST_TIMEOUT);
});
