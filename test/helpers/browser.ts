/**
 * Debian's Chromium through playwright-core (never a downloaded browser), and signing in through
 * the UI's `token` form. Shared by every browser test.
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the browser tests: ${CHROMIUM} is missing (apt-get install -y chromium).`);

// Without the background-networking flags Chromium tries to reach Google's hosts, which this closed network refuses.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A new page signed in with `token`; `errors` collects uncaught page errors for the test to check. */
export async function signedIn(
  browser: Browser,
  url: string,
  token: string,
  options: { width?: number; height?: number; timeoutMs?: number } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1360, height: options.height ?? 900 } });
  const page = await context.newPage();
  // Fail a step in seconds, with its locator in the message, well within the test timeout.
  page.setDefaultTimeout(options.timeoutMs ?? 15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.locator('input[name="token"]').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return { page, errors };
}
