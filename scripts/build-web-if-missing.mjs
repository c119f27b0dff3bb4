// `npm start` serves the built UI. Build it on the first start (or when the sources are newer),
// so `npm install && npm start` works on a fresh clone without a separate build step.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist', 'web', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const webDir = path.join(root, 'web');
if (!fs.existsSync(path.join(webDir, 'index.html'))) process.exit(0);
const stale = !fs.existsSync(built) || newestMtime(webDir) > fs.statSync(built).mtimeMs;
if (stale) {
  console.log('Building the web UI (first start or changed sources)...');
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}
