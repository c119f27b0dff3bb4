/**
 * `npm run import` (server/cli/import.ts) on a real database: the Pipedrive sample export in three
 * files, every rejected line printed with its file and line, exit 1 because some were rejected;
 * bad usage exits 2 and writes nothing.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const PIPEDRIVE = path.join(ROOT, 'test/fixtures/crm-exports/pipedrive');

function runImport(env: Record<string, string>, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', SEED_DEMO: 'false', INIT_CWD: PIPEDRIVE, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run import', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-import-cli-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  // The embedded database in a fresh data folder, as a user's first run would have it.
  const env = { DATA_DIR: dataDir };

  it('imports a three-file export, naming every rejected line, and exits 1 because some were', async () => {
    const run = await runImport(env, ['--dataset', 'cli-pipedrive', '--create', '--as-of', '2026-11-20', '--mapping', 'pipedrive', '--leads', 'persons.csv', '--quotes', 'deals.csv', '--activities', 'activities.csv', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.imported).toBe(3);
    expect(result.rejected.map((r: { file: string; line: number }) => `${r.file}:${r.line}`).sort()).toEqual(['activities:6', 'activities:7', 'deals:4', 'leads:5']);

    const again = await runImport(env, ['--dataset', 'cli-pipedrive', '--mapping', 'pipedrive', '--leads', 'persons.csv']);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/leads line 5: column "Person - Marketing status"/);
    expect(again.stdout).toMatch(/imported 3 leads into cli-pipedrive v1 \(3 leads\)/);
  }, 300_000);

  it('refuses bad usage with exit 2', async () => {
    const noLeads = await runImport(env, ['--dataset', 'x', '--mapping', 'pipedrive']);
    expect(noLeads.code).toBe(2);
    expect(noLeads.stderr).toMatch(/--leads are required/);
    const ambiguous = await runImport(env, ['--dataset', 'x', '--create', '--as-of', '2026-11-20', '--mapping', 'hubspot', '--leads', 'persons.csv', '--activities', 'activities.csv']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/hubspot" has 5 activities files/);
  }, 300_000);
});
