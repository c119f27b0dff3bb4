/**
 * The Rules page in a real browser: a manager edits the contact threshold in the YAML editor and
 * sees the live preview numbers change, sees an inline validation error, asks why a lead was
 * excluded (trace), saves the draft as a new version and diffs it against the first one.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLeads } from '../helpers/demo-leads.ts';
import { ensureWebBuild } from '../helpers/web-build.ts';
import { startWebApp, type WebTestApp } from '../helpers/web-app.ts';
import { DEMO_LEAD_COUNT, hasChromium, launchBrowser, seedDemo, signedIn } from './rules-prompts-setup.ts';

describe.skipIf(!hasChromium)('web UI in a browser: rules', () => {
  let web: WebTestApp;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    web = await startWebApp();
    await seedDemo(web);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('editing a rule updates the preview; try a lead; save and diff versions', async () => {
    const { page, errors } = await signedIn(browser, web, web.tokens.manager);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('heading', { name: 'Rules', exact: true }).waitFor();

    const editor = page.getByRole('region', { name: 'Rule editor' }).locator('.cm-content');
    await editor.waitFor();
    const preview = page.getByRole('region', { name: 'Live preview' });
    const selectionRate = preview.locator('[data-metric="selection_rate"] .value');
    const contactCount = preview.locator('[data-decision="contact"] .n');
    await expect.poll(() => preview.innerText()).toContain(`${DEMO_LEAD_COUNT} leads`);
    const rateBefore = await selectionRate.innerText();
    const contactsBefore = Number(await contactCount.innerText());
    expect(contactsBefore).toBeGreaterThan(0);
    expect(await preview.getByRole('table', { name: /Confusion matrix/ }).innerText()).toMatch(/do not contact/);

    // Raise the contact threshold from 25 to 90: far fewer leads are worth a call.
    await page.getByRole('tab', { name: /ruleset\.yaml/ }).click();
    await editor.getByText('contact_threshold: 25').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('90');
    await expect.poll(() => selectionRate.innerText(), { timeout: 15_000 }).not.toBe(rateBefore);
    // Poll: on a busy machine the preview may first show the draft with threshold 9 (one keystroke in).
    await expect.poll(async () => Number(await contactCount.innerText()), { timeout: 15_000 }).toBeLessThan(contactsBefore);
    await expect.poll(() => preview.getByRole('tab', { name: /Changed leads/ }).innerText()).not.toMatch(/\b0\b/);
    expect(await preview.getByRole('table', { name: 'Changed leads' }).innerText()).toMatch(/contact\s+not worth pursuing/);
    expect(await page.getByRole('heading', { level: 1, name: 'Rules' }).locator('..').innerText()).toContain('unsaved changes');

    // A syntax error shows inline and in the error list; the preview keeps the last valid numbers.
    await page.keyboard.type(' x:');
    const errorList = page.getByRole('alert', { name: 'Validation errors' });
    await errorList.waitFor();
    expect(await errorList.innerText()).toContain('ruleset.yaml:10');
    await page.getByRole('region', { name: 'Rule editor' }).locator('.cm-lintRange-error').first().waitFor();
    await expect.poll(() => preview.innerText()).toContain('draft has errors');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await errorList.waitFor({ state: 'detached' });

    // Why was this lead excluded? The trace answers.
    const dnc = demoLeads(DEMO_LEAD_COUNT).find((l) => l.label?.decision === 'do_not_contact')!;
    const tryPanel = page.getByRole('region', { name: 'Try on a lead' });
    await tryPanel.getByLabel('Lead id').fill(dnc.id);
    await tryPanel.getByRole('button', { name: 'Try', exact: true }).click();
    const trace = tryPanel.getByRole('table', { name: `Trace of ${dnc.id}` });
    await trace.waitFor();
    expect(await trace.innerText()).toContain('✓');
    expect(await trace.locator('tr.matched').count()).toBeGreaterThan(0);
    expect(await tryPanel.innerText()).toMatch(/Decision\s+(do not contact|not worth pursuing|wait|contact)/);

    // Save as version 2, then compare it with version 1.
    await page.getByLabel('Version message').fill('Only call leads with strong reasons (threshold 90)');
    await page.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Saved as v2');
    const versions = await web.app.inject({ method: 'GET', url: '/api/rulesets/default/versions', headers: web.auth('manager') });
    expect(versions.json().items.map((v: { version: number; author: string }) => v.version)).toEqual([2, 1]);
    expect(versions.json().items[0].author).toMatch(/^token:/);

    const history = page.getByRole('region', { name: 'History' });
    expect(await history.innerText()).toContain('Only call leads with strong reasons');
    await history.getByLabel('From').selectOption({ label: 'v1 · Default ruleset shipped in rules/default' });
    await history.getByLabel('To').selectOption({ index: 0 });
    const diff = history.getByRole('region', { name: 'Diff of ruleset.yaml' });
    await diff.waitFor();
    const diffText = await diff.innerText();
    expect(diffText).toContain('contact_threshold: 25');
    expect(diffText).toContain('contact_threshold: 90');
    expect(diffText).toMatch(/\+1\s+−1/);

    expect(errors).toEqual([]);
  }, 120_000);
});
