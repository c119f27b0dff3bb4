/**
 * Releases, review and audit in a real browser against the real app: a manager cannot approve
 * their own proposal (four eyes) but approves one an engineer proposed, whose gates passed on the
 * gating dataset; a rep edits a draft (the check flags an unsupported date and place, the rep
 * approves anyway), records an outcome; the Audit page shows the approval and the edit.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { hasChromium, launchBrowser, signedIn as signInThroughUi } from '../helpers/browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { PROJECT_ROOT } from '../../server/paths.ts';
import { ensureWebBuild } from '../helpers/web-build.ts';
import { startWebApp, type WebTestApp } from '../helpers/web-app.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

interface DemoLead {
  id: string;
  owner?: string | null;
  consent?: { email?: boolean | null } | null;
  label?: { decision: string } | null;
  [k: string]: unknown;
}

const DEMO: DemoLead[] = fs
  .readFileSync(path.join(PROJECT_ROOT, 'datasets', 'demo.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));

describe.skipIf(!hasChromium)('web UI in a browser: releases, review, audit', () => {
  let web: WebTestApp;
  let browser: Browser;
  let ownProposal: { id: string; number: number };
  let proposal: { id: string; number: number };
  let recommendation: { id: string; lead_id: string };

  beforeAll(async () => {
    await ensureWebBuild();
    web = await startWebApp();
    await bootstrap(web.database.db, { seedDemo: false });

    // The gating dataset: 150 labelled demo leads.
    const ds = await web.app.inject({ method: 'POST', url: '/api/datasets', headers: web.auth('engineer'), payload: { name: 'e2e-gate', as_of: '2026-11-20' } });
    const jsonl = DEMO.slice(0, 150).map((l) => JSON.stringify(l)).join('\n');
    await web.app.inject({ method: 'POST', url: `/api/datasets/${ds.json().id}/import`, headers: { ...web.auth('engineer'), 'content-type': 'application/x-ndjson' }, payload: jsonl });
    const settings = await web.app.inject({ method: 'PUT', url: '/api/settings', headers: web.auth('admin'), payload: { gating_datasets: ['e2e-gate'] } });
    expect(settings.statusCode).toBe(200);

    // Two proposals of the production candidate (gates pass): one by the manager who will sign in, one by an engineer.
    const prod = (await web.app.inject({ method: 'GET', url: '/api/releases/production', headers: web.auth('manager') })).json();
    const propose = async (role: 'manager' | 'engineer', description: string) => {
      const res = await web.app.inject({
        method: 'POST',
        url: '/api/releases',
        headers: web.auth(role),
        payload: { ruleset_version_id: prod.ruleset_version_id, prompt_version_id: prod.prompt_version_id, provider: { type: 'template' }, description },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().gate_results.passed).toBe(true);
      return res.json();
    };
    ownProposal = await propose('manager', 'proposed by the signed-in manager');
    proposal = await propose('engineer', 'engineer proposal for e2e');

    // Recommendations the rep may review: demo leads whose gold label is contact, unassigned, with email consent.
    const leads = DEMO.filter((l) => l.label?.decision === 'contact' && l.consent?.email === true)
      .slice(0, 8)
      .map((l) => ({ ...l, owner: null }));
    const batch = await web.app.inject({ method: 'POST', url: '/api/v1/recommendations/batch', headers: web.auth('rep'), payload: { leads, as_of: '2026-11-20' } });
    expect(batch.statusCode).toBe(200);
    const drafted = (batch.json().items as { id: string; lead_id: string; status: string; recommendation: { email: unknown } | null }[]).filter(
      (r) => r.status === 'needs_review' && r.recommendation?.email,
    );
    expect(drafted.length).toBeGreaterThan(0);
    recommendation = drafted[0];

    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const signedIn = (token: string) => signInThroughUi(browser, web.url, token);


  it('a manager approves a proposed release (not their own), a rep edits and approves a draft, and the audit log shows both', async () => {
    // --- Releases: the manager.
    const { page: manager, errors: managerErrors } = await signedIn(web.tokens.manager);
    await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Releases' }).click();
    await manager.getByRole('region', { name: 'In production' }).getByText('release #1').waitFor();

    // Their own proposal: Approve is disabled (four eyes), and the page says why.
    const own = manager.getByRole('article', { name: `Release #${ownProposal.number}` });
    await own.getByText('GATES PASS').waitFor();
    expect(await own.getByRole('button', { name: 'Approve and promote' }).isDisabled()).toBe(true);
    await expect.poll(() => own.getByRole('note').innerText()).toMatch(/someone else must approve it/);

    // The engineer's proposal: gates per dataset, then approve with a comment.
    const card = manager.getByRole('article', { name: `Release #${proposal.number}` });
    const gates = card.getByRole('table', { name: /Gates on e2e-gate/ });
    await gates.waitFor();
    const gateRows = await gates.locator('tbody tr').allInnerTexts();
    expect(gateRows.length).toBeGreaterThan(0);
    expect(gateRows.every((r) => r.includes('PASS'))).toBe(true);
    await card.getByLabel('Comment').fill('Looks good; gates pass.');
    await card.getByRole('button', { name: 'Approve and promote' }).click();
    const production = manager.getByRole('region', { name: 'In production' });
    await production.getByText(`release #${proposal.number}`).waitFor();
    expect(await production.innerText()).toContain('Looks good; gates pass.');
    // The previous production release is in the history, ready for a rollback.
    await manager.getByRole('table', { name: 'Release history' }).getByRole('button', { name: 'Roll back to #1' }).waitFor();
    expect(managerErrors).toEqual([]);

    // --- Review: the rep edits the draft and approves it.
    const { page: rep, errors: repErrors } = await signedIn(web.tokens.rep);
    expect(new URL(rep.url()).pathname).toBe('/review');
    const queue = rep.getByRole('complementary', { name: 'Queue' });
    await queue.getByRole('button', { name: new RegExp(recommendation.lead_id) }).click();
    await rep.waitForURL(new RegExp(`id=${recommendation.id}`));
    await rep.getByRole('list', { name: 'Timeline' }).waitFor();
    await rep.getByRole('region', { name: 'Email' }).waitFor();
    // Nothing here sends anything.
    expect(await rep.getByRole('button', { name: /send/i }).count()).toBe(0);

    const body = rep.getByLabel('Email body');
    const original = await body.inputValue();
    await body.fill(`${original}\n\nWe could also do it on 5 March 2027 from Paris.`);
    await rep.getByRole('button', { name: 'Check', exact: true }).click();
    const check = rep.getByRole('region', { name: 'Check result' });
    await expect.poll(() => check.innerText()).toMatch(/(date|place) not in the record[\s\S]*(5 March 2027|Paris)/i);
    // The flagged spans are marked in the checked text (as text, never markup).
    expect(await check.locator('mark').filter({ hasText: /5 March 2027|Paris/ }).count()).toBeGreaterThan(0);

    // Approving the edit: the server wants the issue acknowledged; the page offers "approve anyway".
    await rep.getByRole('button', { name: 'Approve edited text' }).click();
    const refused = rep.getByRole('alert', { name: 'Review refused' });
    await expect.poll(() => refused.innerText()).toMatch(/does not back up/i);
    await refused.getByRole('button', { name: /Approve anyway/ }).click();
    await expect.poll(() => rep.getByRole('status').first().innerText()).toMatch(/edited text is approved/);

    // Afterwards: record an outcome.
    await rep.getByLabel('Outcome', { exact: true }).selectOption('responded');
    await rep.getByLabel('Note').fill('Replied the same day.');
    await rep.getByRole('button', { name: 'Record outcome' }).click();
    await rep.getByRole('list', { name: 'Outcomes' }).getByText('responded').waitFor();
    expect(repErrors).toEqual([]);
    await rep.context().close();

    // --- Audit: the manager sees the approval and the edit; the dashboard counts the edit.
    await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await manager.getByRole('cell', { name: 'release.approve' }).waitFor();
    await manager.getByRole('cell', { name: 'recommendation.edit' }).waitFor();
    await manager.getByRole('button', { name: 'recommendation.edit' }).click();
    await manager.waitForURL(/action=recommendation.edit/);
    await expect.poll(() => manager.locator('table.data tbody tr').count()).toBe(1);
    await manager.locator('table.data tbody tr').getByRole('button', { name: /Open entry/ }).click();
    const drawer = manager.getByRole('dialog');
    await expect.poll(() => drawer.innerText()).toContain(recommendation.id);
    // The entry says an edited text was accepted and which issues were acknowledged; the text itself
    // (personal data) stays in the review record, which erasure and retention can clear (issue 14).
    expect(await drawer.innerText()).toMatch(/"has_final": true[\s\S]*"issue_kinds"[\s\S]*unsupported_(date|place)/);
    expect(await drawer.innerText()).not.toContain('5 March 2027');
    await drawer.getByRole('button', { name: 'Close' }).click();

    await manager.getByRole('tab', { name: 'Review dashboard' }).click();
    const totals = manager.getByLabel('Review totals');
    await expect.poll(() => totals.innerText()).toMatch(/edited \(1\)/);
    await manager.getByRole('table', { name: 'By reason code' }).waitFor();
    expect(managerErrors).toEqual([]);
    await manager.context().close();
  }, BROWSER_TEST_TIMEOUT);
});
