/**
 * The lead's story in a real browser: at the top of the lead page and of the Review page, as of
 * the dataset's / recommendation's as_of (a call made after it does not exist yet), with the
 * missed callback said plainly and the draft owning it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { hasChromium, launchBrowser, signedIn } from '../helpers/browser.ts';
import { ensureWebBuild } from '../helpers/web-build.ts';
import { startWebApp, type WebTestApp } from '../helpers/web-app.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
const AS_OF = '2026-10-01';

const LEAD = {
  id: 'STORY-1',
  created_at: '2026-09-01T08:00:00Z',
  source: 'web_form',
  contact: { name: 'Emma Stone', email: 'emma@example.org', phone: '+44 7700 900123', language: 'en' },
  consent: { email: true, phone: true },
  service: { type: 'moving', origin: 'Hamburg', destination: 'Split', date: '2027-01-18', date_flexibility: 'exact' },
  quotes: [{ id: 'Q1', sent_at: '2026-09-05T10:00:00Z', amount: 2450, currency: 'EUR', valid_until: '2026-12-05', status: 'sent' }],
  activities: [
    { at: '2026-09-01T08:00:00Z', channel: 'form', direction: 'inbound', text: 'Moving in January, 3 rooms.' },
    { at: '2026-09-05T10:00:00Z', channel: 'email', direction: 'outbound', outcome: 'sent', text: 'Quote Q1 sent.' },
    { at: '2026-09-15T18:00:00Z', channel: 'call', direction: 'inbound', outcome: 'answered', text: 'Could you call me back <b>tomorrow</b> morning?' },
    // After the as_of of the dataset and of the recommendation: it does not exist for either.
    { at: '2026-10-05T09:00:00Z', channel: 'call', direction: 'outbound', outcome: 'answered', text: 'Spoke, still deciding.' },
  ],
  status: 'quoted',
  owner: null,
};
const LOST = 'Lost after: asked for a call back on 15 September 2026; nobody called.';

describe.skipIf(!hasChromium)('web UI in a browser: the story of a lead', () => {
  let web: WebTestApp;
  let browser: Browser;
  let datasetId: string;
  let recommendationId: string;

  beforeAll(async () => {
    await ensureWebBuild();
    web = await startWebApp();
    await bootstrap(web.database.db, { seedDemo: false });
    const ds = await web.app.inject({ method: 'POST', url: '/api/datasets', headers: web.auth('engineer'), payload: { name: 'e2e-story', as_of: AS_OF } });
    datasetId = ds.json().id;
    const imported = await web.app.inject({ method: 'POST', url: `/api/datasets/${datasetId}/import`, headers: { ...web.auth('engineer'), 'content-type': 'application/x-ndjson' }, payload: JSON.stringify(LEAD) });
    expect(imported.json().imported).toBe(1);
    const rec = await web.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: web.auth('rep'), payload: { lead: LEAD, as_of: AS_OF } });
    expect(rec.statusCode).toBe(200);
    recommendationId = rec.json().id;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('shows the story at the top of the lead page, as of the dataset, with the customer\'s words as text', async () => {
    const { page, errors } = await signedIn(browser, web.url, web.tokens.engineer);
    await page.goto(`${web.url}/datasets/${datasetId}/leads/${LEAD.id}`);
    const story = page.getByRole('region', { name: 'Story' });
    await story.getByText(LOST).waitFor();
    expect(await story.innerText()).toMatch(/Came in on 1 September 2026 via web form; quoted EUR 2,450 on 5 September 2026/);
    expect(await story.innerText()).toMatch(/1 later entry not shown/);
    // The customer's words are shown as text, never as markup.
    expect(await story.locator('blockquote').innerText()).toMatch(/Could you call me back <b>tomorrow<\/b> morning\?/);
    expect(await story.locator('blockquote b').count()).toBe(0);
    // The story comes before the timeline.
    const storyBox = await story.boundingBox();
    const timelineBox = await page.getByRole('region', { name: 'Timeline' }).boundingBox();
    expect(storyBox!.y).toBeLessThan(timelineBox!.y);
    expect(errors).toEqual([]);
  }, BROWSER_TEST_TIMEOUT);

  it('shows the story at the top of the Review page, above a draft that owns the missed callback', async () => {
    const { page, errors } = await signedIn(browser, web.url, web.tokens.rep);
    await page.goto(`${web.url}/review?id=${recommendationId}`);
    const story = page.getByRole('region', { name: 'Story' });
    await story.getByText(LOST).waitFor();
    const draft = page.getByRole('region', { name: 'Draft' });
    await expect.poll(() => draft.innerText()).toMatch(/sorry|apolog|owe you/i);
    const storyBox = await story.boundingBox();
    const draftBox = await draft.boundingBox();
    expect(storyBox!.y).toBeLessThan(draftBox!.y);
    expect(errors).toEqual([]);
  }, BROWSER_TEST_TIMEOUT);

  it('says plainly on the Prompts page that the template writer ignores the prompt, and not for a model writer', async () => {
    const { page, errors } = await signedIn(browser, web.url, web.tokens.engineer);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Prompts' }).click();
    const run = page.getByRole('region', { name: 'Run on this lead' });
    const note = run.getByRole('note', { name: 'Template writer ignores the prompt' });
    await note.waitFor();
    expect(await note.innerText()).toMatch(/ignores this prompt/);
    await run.getByLabel('Provider').selectOption('local');
    await note.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  }, BROWSER_TEST_TIMEOUT);
});
