/**
 * A sales manager authors rules without typing CEL or YAML, at 1280x800: in the form view they
 * lower the far-away threshold, add a refusal phrase in two languages, add a rule ("service type
 * is storage and no quote was sent -> not worth pursuing"), see the preview change, pin two
 * changed leads as scenarios, reload (the draft survives) and save. The saved version's diff is
 * exactly those changes, line for line. Editor and preview sit side by side (screenshot).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../helpers/browser.ts';
import { ensureWebBuild } from '../helpers/web-build.ts';
import { startWebApp, type WebTestApp } from '../helpers/web-app.ts';
import { seedDefaultRelease } from '../../server/modules/releases/service.ts';
import { DEMO_LEAD_COUNT, hasChromium, launchBrowser, seedDemo } from './rules-prompts-setup.ts';

const SCREENSHOT_DIR = path.resolve('test-results');

/** Lines of `after` that differ from `before` at the same position (files of equal length). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n'), b = after.split('\n');
  expect(b.length).toBe(a.length);
  return b.filter((line, i) => line !== a[i]);
}

describe.skipIf(!hasChromium)('web UI in a browser: authoring rules in the form', () => {
  let web: WebTestApp;
  let browser: Browser;
  let datasetId: string;

  beforeAll(async () => {
    await ensureWebBuild();
    web = await startWebApp();
    ({ datasetId } = await seedDemo(web));
    await seedDefaultRelease(web.database.db, 'system');
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('threshold, phrases in two languages, a new rule and two scenarios from the form; the saved diff is exactly that', async () => {
    const { page, errors } = await signedIn(browser, web.url, web.tokens.manager, { width: 1280, height: 800, timeoutMs: 40_000 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rules' }).click();
    const preview = page.getByRole('region', { name: 'Live preview' });
    await expect.poll(() => preview.innerText(), { timeout: 20_000 }).toContain(`${DEMO_LEAD_COUNT} leads`);

    // Side by side at 1280x800: the editor and the preview both start in the first screen, next to each other.
    const editorBox = (await page.getByRole('region', { name: 'Ruleset editor' }).boundingBox())!;
    const previewBox = (await preview.boundingBox())!;
    expect(previewBox.x).toBeGreaterThanOrEqual(editorBox.x + editorBox.width - 1);
    expect(previewBox.y).toBeLessThan(800 - 200);
    expect(editorBox.y).toBeLessThan(800 - 200);
    expect(previewBox.x + previewBox.width).toBeLessThanOrEqual(1280);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'rules-1280x800.png') });

    const nwp = preview.locator('[data-decision="not_worth_pursuing"] .n');
    const waitCount = preview.locator('[data-decision="wait"] .n');
    const waitBefore = Number(await waitCount.innerText());

    const list0Id = (await web.app.inject({ method: 'GET', url: '/api/rulesets/default/versions', headers: web.auth('manager') })).json().items[0].id;
    await page.getByRole('tab', { name: 'Form' }).click();
    const files = page.getByRole('tablist', { name: 'Ruleset files' });

    // 1. The far-away threshold: "too early" from 120 to 90 days.
    await files.getByRole('tab', { name: /wait\.yaml/ }).click();
    const tooEarly = page.getByRole('article', { name: 'Rule too_early' });
    expect(await tooEarly.getByLabel('Condition of too_early as a sentence').innerText()).toBe('the service date is known and the service date is more than 120 days away');
    await tooEarly.getByLabel('Condition of too_early 2: value').fill('90');
    await expect.poll(() => tooEarly.getByLabel('Condition of too_early as a sentence').innerText()).toContain('more than 90 days away');
    await expect.poll(async () => Number(await waitCount.innerText()), { timeout: 15_000 }).toBeGreaterThan(waitBefore);

    // 2. A refusal phrase in English and in German, with hit counts on the chips.
    await files.getByRole('tab', { name: /signals-refusal\.yaml/ }).click();
    const refusal = page.locator('details[aria-label="Signal asked_not_to_contact"]');
    await refusal.locator('summary').click();
    await expect.poll(() => refusal.locator('.chip .n').count(), { timeout: 20_000 }).toBeGreaterThan(10);
    await refusal.getByLabel('New en phrase for asked_not_to_contact').fill('please never call again');
    await refusal.getByLabel('New en phrase for asked_not_to_contact').press('Enter');
    await refusal.getByLabel('New de phrase for asked_not_to_contact').fill('bitte nie wieder anrufen');
    await refusal.getByLabel('New de phrase for asked_not_to_contact').press('Enter');
    await expect.poll(() => refusal.getByRole('group', { name: 'asked_not_to_contact phrases in de' }).innerText()).toContain('bitte nie wieder anrufen');
    // A phrase already listed is refused with a note, not added twice.
    await refusal.getByLabel('New en phrase for asked_not_to_contact').fill('Stop calling');
    await refusal.getByLabel('New en phrase for asked_not_to_contact').press('Enter');
    await expect.poll(() => refusal.innerText()).toContain('"Stop calling" is already in the en list.');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'rules-phrases-1280x800.png') });

    // 3. A new rule, built from the form.
    const nwpBefore = Number(await nwp.innerText());
    await files.getByRole('tab', { name: /exclusions\.yaml/ }).click();
    await page.getByRole('button', { name: '+ Add a rule to exclusions.yaml' }).click();
    const rule = page.getByRole('article', { name: 'Rule new_rule_1' });
    await rule.waitFor();
    await rule.getByLabel('Description of new_rule_1').fill('Storage requests without a quote are not worth a call.');
    await rule.getByLabel('Description of new_rule_1').press('Tab');
    await rule.getByLabel('Condition of new_rule_1 1: field').selectOption('service_type');
    await rule.getByLabel('Condition of new_rule_1 1: value').fill('storage');
    await rule.getByLabel('Condition of new_rule_1 1: value').press('Tab');
    await rule.getByLabel('Condition of new_rule_1: add a condition on').selectOption('quote_ever_sent');
    await rule.getByLabel('Condition of new_rule_1 2: operator').selectOption('is_not');
    await expect.poll(() => rule.getByLabel('Condition of new_rule_1 as a sentence').innerText()).toBe('service type is storage and no quote was sent');
    await rule.getByLabel('Decision of new_rule_1').selectOption('not_worth_pursuing');
    await rule.getByLabel('Reason of new_rule_1').selectOption('low_intent');
    await rule.getByLabel('Explanation of new_rule_1', { exact: true }).fill('Storage request and no quote was ever sent; lead age in days: ');
    await rule.getByLabel('Explanation of new_rule_1', { exact: true }).press('Tab');
    await rule.getByLabel('Insert a variable into the explanation of new_rule_1').selectOption('days_since_created');
    // The new rule matches the storage leads without a quote (its card counts them); those that no
    // hard block or earlier exclusion decides first become not worth pursuing, so the count never drops.
    await expect.poll(async () => Number(await nwp.innerText()), { timeout: 15_000 }).toBeGreaterThanOrEqual(nwpBefore);
    await expect.poll(() => rule.locator('.card-header').innerText()).toMatch(/\b[1-9]\d* leads/);
    await expect.poll(() => page.getByRole('alert', { name: 'Validation errors' }).count()).toBe(0);
    await rule.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'rules-form-1280x800.png') });

    // 4. Two changed leads pinned as scenarios, with the decision the draft gives them.
    const changed = preview.getByRole('table', { name: 'Changed leads' });
    const rows = changed.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    const pinned: string[] = [];
    for (const i of [0, 1]) {
      const id = await rows.nth(i).locator('button').innerText();
      // Click the lead by its id: the live preview may re-render the rows between reading and clicking.
      await changed.getByRole('button', { name: id, exact: true }).click();
      const detail = preview.getByRole('region', { name: `Changed lead ${id}` });
      await detail.getByRole('button', { name: 'Pin as scenario' }).click();
      pinned.push(id);
      await expect.poll(() => preview.getByRole('region', { name: 'Scenarios' }).innerText(), { timeout: 15_000 }).toContain(id);
    }
    await expect.poll(() => preview.getByRole('region', { name: 'Scenarios' }).innerText()).toContain('2 / 2 pass');

    // Leaving with unsaved changes asks first; answering "stay" keeps the page and the draft.
    const asked: string[] = [];
    page.once('dialog', (d) => { asked.push(d.message()); void d.dismiss(); });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Datasets' }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/unsaved changes/);
    expect(new URL(page.url()).pathname).toBe('/rules');
    // The URL names the ruleset version and file open.
    expect(new URL(page.url()).searchParams.get('version')).toBe(list0Id);
    expect(new URL(page.url()).searchParams.get('file')).toBe('exclusions.yaml');

    // A reload keeps the draft (stored in the browser) and says so.
    page.on('dialog', (d) => void d.accept());
    await page.reload();
    await page.getByText('Restored your unsaved draft').waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Rules' }).locator('..').innerText()).toContain('unsaved changes in 4 files');
    await expect.poll(() => page.getByRole('region', { name: 'Live preview' }).getByRole('region', { name: 'Scenarios' }).innerText(), { timeout: 20_000 }).toContain('2 / 2 pass');

    await page.getByLabel('Version message').fill('Far-away from 90 days, two refusal phrases, storage without quote, two scenarios');
    await page.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Saved as v2');

    // The saved diff is exactly those changes.
    const get = async (id: string) => (await web.app.inject({ method: 'GET', url: `/api/ruleset-versions/${id}`, headers: web.auth('manager') })).json().files as Record<string, string>;
    const list = (await web.app.inject({ method: 'GET', url: '/api/rulesets/default/versions', headers: web.auth('manager') })).json().items;
    const [v2, v1] = [await get(list[0].id), await get(list[1].id)];
    const touched = Object.keys({ ...v1, ...v2 }).filter((f) => v1[f] !== v2[f]).sort();
    expect(touched).toEqual(['exclusions.yaml', 'scenarios.yaml', 'signals-refusal.yaml', 'wait.yaml']);
    expect(changedLines(v1['wait.yaml'], v2['wait.yaml'])).toEqual(['    when: has_service_date && days_until_service_date > 90']);
    const phraseLines = changedLines(v1['signals-refusal.yaml'], v2['signals-refusal.yaml']);
    expect(phraseLines).toHaveLength(2);
    expect(phraseLines[0]).toMatch(/"how many times must i", "please never call again"\]$/);
    expect(phraseLines[1]).toMatch(/"wie oft muss ich", "bitte nie wieder anrufen"\]$/);
    expect(v2['exclusions.yaml'].startsWith(v1['exclusions.yaml'].trimEnd())).toBe(true);
    expect(v2['exclusions.yaml'].slice(v1['exclusions.yaml'].trimEnd().length)).toBe(
      [
        '',
        '',
        '  - id: new_rule_1',
        '    kind: exclusion',
        '    decision: not_worth_pursuing',
        '    description: Storage requests without a quote are not worth a call.',
        '    when: service_type == "storage" && !quote_ever_sent',
        '    reason: low_intent',
        '    explain: "Storage request and no quote was ever sent; lead age in days: {days_since_created}"',
        '',
      ].join('\n'),
    );
    const scenarios = parse(v2['scenarios.yaml']).scenarios;
    expect(scenarios.map((s: { lead: { id: string } }) => s.lead.id)).toEqual(pinned);
    expect(scenarios.every((s: { as_of: string }) => s.as_of === '2026-11-20')).toBe(true);

    // The lead page says what production (release 1, the shipped rules) decides for a pinned lead today, with the trace.
    await page.goto(`${web.url}/datasets/${datasetId}/leads/${pinned[0]}`);
    const production = page.getByRole('region', { name: 'Production decision today' });
    await expect.poll(() => production.innerText(), { timeout: 15_000 }).toMatch(/release 1, as of \d{4}-\d{2}-\d{2}/);
    expect(await production.innerText()).toMatch(/contact|wait|do not contact|not worth pursuing/);
    await production.getByText('Trace').click();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'lead-production-decision.png') });
    expect(await production.getByRole('table', { name: `Production trace of ${pinned[0]}` }).locator('tbody tr').count()).toBeGreaterThan(20);
    expect(errors).toEqual([]);
  }, 180_000);
});
