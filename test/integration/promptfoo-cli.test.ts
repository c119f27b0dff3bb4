/**
 * The promptfoo suite through the real CLI, as evals/README.md runs it (`npm run eval:promptfoo`),
 * several times, each with a fresh PROMPTFOO_CONFIG_DIR (promptfoo's database, logs): every run
 * exits 0 and prints its "N passed" line. promptfoo 0.121.20's file logger used to kill about one
 * such run in three at shutdown ("write after end", exit 1, after every test had passed); the
 * settings in evals/promptfoo.env turn its file transports off, so no log file may appear either.
 * The runs go concurrently (a small sample each) to keep the file short.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './evals-helpers.ts';

const RUNS = 4;
const SAMPLE = 4;

interface CliRun {
  configDir: string;
  code: number | null;
  output: string;
}

function runSuite(configDir: string): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, PROMPTFOO_CONFIG_DIR: configDir, REKINDLE_EVAL_SAMPLE: String(SAMPLE), FORCE_COLOR: '0' };
  // The settings under test must come from the project's files, not from this process.
  delete env.PROMPTFOO_DISABLE_DEBUG_LOG;
  delete env.PROMPTFOO_DISABLE_ERROR_LOG;
  delete env.PROMPTFOO_LOG_DIR;
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'eval:promptfoo'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ configDir, code, output }));
  });
}

describe('promptfoo CLI on the evals suite', () => {
  let tmp: string;
  let runs: CliRun[];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rekindle-pf-cli-'));
    runs = await Promise.all(Array.from({ length: RUNS }, (_, i) => runSuite(path.join(tmp, `config-${i}`))));
  }, 120_000);
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it(`exits 0 with every case passed, ${RUNS} runs out of ${RUNS}`, () => {
    for (const run of runs) {
      expect(run.output).not.toContain('write after end');
      expect(run.output).toMatch(new RegExp(`✓ ${SAMPLE} passed \\(100%\\)\\s+0 failed`));
      expect({ code: run.code, tail: run.code === 0 ? '' : run.output.slice(-2000) }).toEqual({ code: 0, tail: '' });
    }
  });

  it('writes no log file and still keeps its results in the fresh config folder', () => {
    for (const run of runs) {
      const logs = path.join(run.configDir, 'logs');
      expect(fs.existsSync(logs) ? fs.readdirSync(logs) : []).toEqual([]);
      expect(fs.existsSync(path.join(run.configDir, 'promptfoo.db'))).toBe(true);
    }
  });
});
