/**
 * `npm run eval` as a process (CONTRACTS.md section 6), on a fresh embedded DATA_DIR and on a
 * PostgreSQL scratch database: metrics as JSON, a rules change that lets opted-out leads through
 * fails the compliance gate (exit 1, naming it), an impossible gate exits 1, bad usage exits 2,
 * `--baseline production` reuses an identical finished run, and exits 2 without a production release.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/database.ts';
import { DB_TARGETS, openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { AS_OF, ROOT, smallLeads, writeJsonl } from './evals-helpers.ts';

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runEval(env: Record<string, string>, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/eval.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** rules/default without the opt-out hard block. */
function relaxedRulesDir(dir: string): string {
  fs.cpSync(path.join(ROOT, 'rules', 'default'), dir, { recursive: true });
  const file = path.join(dir, 'hard-blocks.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const without = text.replace(/\n {2}- id: opted_out\n[\s\S]*?(?=\n {2}- id: )/, '\n').replace('when: signal("unread_customer_message")', 'when: false && signal("unread_customer_message")').replace('when: signal("asked_not_to_contact")\n', 'when: false && signal("asked_not_to_contact")\n');
  expect(without).not.toContain('id: opted_out');
  fs.writeFileSync(file, without);
  return dir;
}

describe.each(DB_TARGETS)('npm run eval on $kind', (target) => {
  let tmp: string;
  let env: Record<string, string>;
  let pg: TestDatabase | null = null;
  let datasetFile: string;
  /** The dataset version the first run imported (its baseline run exists). */
  let datasetId: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-evalcli-'));
    env = { DATA_DIR: path.join(tmp, 'data') };
    if (target.kind === 'postgres') {
      pg = await openTestDatabase(target);
      env.DATABASE_URL = pg.url!;
    }
    datasetFile = path.join(tmp, 'leads.jsonl');
    writeJsonl(datasetFile, smallLeads(150, 3));
    fs.writeFileSync(path.join(tmp, 'leads.meta.json'), JSON.stringify({ as_of: AS_OF }));
  });
  afterAll(async () => {
    await pg?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('exits 2 on bad usage, before touching a database', async () => {
    const bad = await runEval(env, ['--dataset', datasetFile, '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bogus/);
    expect(bad.stderr).toMatch(/usage: npm run eval/);
    expect((await runEval(env, [])).code).toBe(2);
    expect((await runEval(env, ['--dataset', 'x', '--baseline', 'yesterday'])).code).toBe(2);
  });

  it('a candidate ruleset whose scenarios fail does not pass --gate; passing scenarios do', { timeout: 120_000 }, async () => {
    const optedOut = { id: 'S-OPT', created_at: '2026-09-01T09:00:00Z', contact: { name: 'A', email: 'a@example.org' }, consent: { email: true, phone: null, opted_out_at: '2026-10-01T00:00:00Z' } };
    const scenario = (name: string, decision: string) => `  - name: ${name}\n    as_of: "${AS_OF}"\n    lead: ${JSON.stringify(optedOut)}\n    expect: { decision: ${decision} }\n`;
    const dir = path.join(tmp, 'with-scenarios');
    fs.cpSync(path.join(ROOT, 'rules', 'default'), dir, { recursive: true });
    const gates = path.join(tmp, 'scenario-gates.yaml');
    fs.writeFileSync(gates, 'gates:\n  - { metric: schema_failures, max: 0 }\n');

    fs.writeFileSync(path.join(dir, 'scenarios.yaml'), `scenarios:\n${scenario('opted out stays blocked', 'do_not_contact')}${scenario('opted out gets a call', 'contact')}`);
    const failing = await runEval(env, ['--dataset', datasetFile, '--rules', dir, '--provider', 'template', '--gate', gates]);
    expect(failing.code, failing.stderr).toBe(1);
    expect(failing.stdout).toContain('scenarios: 1 / 2 pass');
    expect(failing.stdout).toContain('FAIL opted out gets a call (S-OPT): expected contact, got do_not_contact (opted_out)');
    expect(failing.stderr).toContain('gate failed: scenarios (opted out gets a call)');

    fs.writeFileSync(path.join(dir, 'scenarios.yaml'), `scenarios:\n${scenario('opted out stays blocked', 'do_not_contact')}`);
    const passing = await runEval(env, ['--dataset', datasetFile, '--rules', dir, '--provider', 'template', '--gate', gates, '--json', '--quiet']);
    expect(passing.code, passing.stderr).toBe(0);
    expect(JSON.parse(passing.stdout).scenarios).toEqual([{ name: 'opted out stays blocked', lead_id: 'S-OPT', passed: true }]);
  });

  it('gates: a rules change letting opted-out leads through fails compliance; an impossible gate fails; baselines are reused', { timeout: 120_000 }, async () => {
    const first = await runEval(env, ['--dataset', datasetFile, '--baseline', 'production', '--json', '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.dataset.as_of).toBe(AS_OF);
    expect(report.metrics.total).toBe(150);
    expect(report.baseline.reused).toBe(false);
    datasetId = report.dataset.id;
    const violations: number = report.metrics.compliance_violations;
    for (const name of ['dnc_precision', 'dnc_recall', 'decision_accuracy', 'compliance_violations', 'selection_rate', 'grounding_rate', 'pricing_promises', 'schema_failures']) {
      expect(typeof report.metrics[name]).toBe('number');
    }

    // The default candidate passes this gate file on this dataset; the relaxed rules must not.
    const gates = path.join(tmp, 'gates.yaml');
    fs.writeFileSync(gates, `gates:\n  - { metric: compliance_violations, max: ${violations} }\n  - { metric: schema_failures, max: 0 }\n`);
    const relaxed = await runEval(env, ['--dataset', datasetFile, '--rules', relaxedRulesDir(path.join(tmp, 'relaxed')), '--provider', 'template', '--gate', gates]);
    expect(relaxed.code, relaxed.stderr).toBe(1);
    expect(relaxed.stdout).toMatch(/FAIL {2}compliance_violations \d+: > max/);
    expect(relaxed.stdout).toMatch(/PASS {2}schema_failures 0/);
    expect(relaxed.stdout).toMatch(/dnc_precision/);
    expect(relaxed.stderr).toContain('gate failed: compliance_violations');

    const impossible = path.join(tmp, 'impossible.yaml');
    fs.writeFileSync(impossible, 'gates:\n  - { metric: selection_rate, min: 1.5 }\n  - { metric: dnc_recall, max_drop: 0.5 }\n');
    const third = await runEval(env, ['--dataset', datasetFile, '--baseline', 'production', '--gate', impossible, '--json', '--quiet']);
    expect(third.code).toBe(1);
    const out = JSON.parse(third.stdout);
    expect(out.gates.failed).toEqual(['selection_rate']);
    expect(out.baseline.reused).toBe(false); // a new throwaway dataset version: nothing to reuse yet
    expect(out.gates.results[1]).toMatchObject({ metric: 'dnc_recall', status: 'pass' });
  });

  it('reuses the baseline run on a named dataset, and exits 2 without a production release', { timeout: 120_000 }, async () => {
    const a = await runEval(env, ['--dataset', datasetId, '--baseline', 'production', '--json', '--quiet']);
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout).baseline.reused).toBe(true);

    const database = pg ?? (await openDatabase({ embeddedDir: path.join(env.DATA_DIR, 'pgdata') }));
    await database.db.updateTable('releases').set({ status: 'retired' }).where('status', '=', 'production').execute();
    if (!pg) await database.close();
    const none = await runEval(env, ['--dataset', datasetId, '--baseline', 'production']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no production release/);
  });
});
