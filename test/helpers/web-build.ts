/**
 * Builds the web UI (vite's build() API) when dist/web is missing or older than its sources,
 * so browser tests always run against the current web/ code. A lock directory keeps parallel
 * test files from building at the same time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, WEB_DIST_DIR } from '../../server/paths.ts';

const SOURCES = [path.join(PROJECT_ROOT, 'web'), path.join(PROJECT_ROOT, 'vite.config.ts')];
const LOCK_DIR = path.join(PROJECT_ROOT, 'dist', '.web-build.lock');
const STALE_LOCK_MS = 120_000;

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

function isFresh(): boolean {
  const index = path.join(WEB_DIST_DIR, 'index.html');
  if (!fs.existsSync(index)) return false;
  const built = fs.statSync(index).mtimeMs;
  return SOURCES.every((s) => newestMtime(s) <= built);
}

async function acquireLock(): Promise<() => void> {
  fs.mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      return () => fs.rmSync(LOCK_DIR, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = Date.now() - fs.statSync(LOCK_DIR, { throwIfNoEntry: false })!.mtimeMs;
      if (Number.isFinite(age) && age > STALE_LOCK_MS) fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for another web build (${LOCK_DIR}).`, { cause: e });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Returns dist/web, built from the current sources. */
export async function ensureWebBuild(): Promise<string> {
  if (isFresh()) return WEB_DIST_DIR;
  const release = await acquireLock();
  try {
    if (isFresh()) return WEB_DIST_DIR; // another test file built it while we waited
    const { build } = await import('vite');
    // vitest sets NODE_ENV=test; the UI must be built as for production.
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: path.join(PROJECT_ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = previous;
    }
    return WEB_DIST_DIR;
  } finally {
    release();
  }
}
