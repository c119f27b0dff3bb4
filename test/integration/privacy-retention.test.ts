/**
 * Retention (issue 14, item 3): after retention_days, recommendation payloads, drafts, review texts,
 * outcome notes and evaluation results keep their metrics and lose their personal data. The clock
 * is moved by passing `now`, never by waiting.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import type { Lead } from '../../server/domain/lead.ts';
import { importRows } from '../../server/modules/datasets/import-service.ts';
import { createDataset } from '../../server/modules/datasets/service.ts';
import { metricsOfRun } from '../../server/modules/evals/runner.ts';
import { runCandidateOnDataset } from '../../server/modules/evals/service.ts';
import { applyRetention } from '../../server/modules/privacy/retention.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';
import { demoLeads } from '../helpers/demo-leads.ts';
import { searchTables } from '../helpers/privacy-search.ts';

const AS_OF = '2026-11-20';
const DAY = 86_400_000;
const NAME = 'Branimira Retentova';
const base = demoLeads().find((l) => l.label?.decision === 'contact' && l.contact?.email && l.contact?.name && l.consent?.email !== false && !l.duplicate_of)!;
// No CRM owner: the test rep token acts for no demo owner (the regenerated demo has owners), and this test is about retention.
const person: Lead = { ...base, id: 'RT-1', owner: null, contact: { ...base.contact, name: NAME, email: 'branimira.retentova@example.org', phone: '+385 95 444 3322' } };
const NEEDLES = [NAME, 'Branimira', 'branimira.retentova@example.org', '+385 95 444 3322'];

describe.each(DB_TARGETS)('retention on $kind', (target) => {
  let t: TestApp;
  let runId: string;
  let recId: string;
  beforeAll(async () => {
    t = await createTestApp(target);
    const db = t.database.db;
    await bootstrap(db, { seedDemo: false });
    const ds = await createDataset(db, { name: 'ret', as_of: AS_OF }, 'test');
    async function* rows() {
      let line = 0;
      for (const lead of [person, ...demoLeads(20).filter((l) => l.id !== base.id)]) yield { line: ++line, ok: true as const, lead };
    }
    await importRows(db, ds.id, rows(), { actor: 'test', format: 'jsonl' });
    runId = (await runCandidateOnDataset({ db, modelsDir: t.config.modelsDir }, { datasetId: ds.id })).runId;
    const rec = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth('rep'), payload: { lead: person, as_of: AS_OF } });
    recId = rec.json().id;
    expect(rec.json().recommendation).not.toBeNull();
    await t.app.inject({ method: 'POST', url: `/api/v1/recommendations/${recId}/review`, headers: t.auth('rep'), payload: { action: 'approve' } });
    await t.app.inject({ method: 'POST', url: `/api/v1/recommendations/${recId}/outcome`, headers: t.auth('rep'), payload: { outcome: 'no_response', note: `Branimira did not answer` } });
  }, 120_000);
  afterAll(async () => t?.close());

  it('keeps everything before the retention period ends', async () => {
    const r = await applyRetention(t.database.db, { now: new Date(Date.now() + 179 * DAY) });
    expect(r).toMatchObject({ retention_days: 180, recommendations: 0, eval_runs: 0, provider_cache: 0 });
    const found = await searchTables(t.database.db, NEEDLES);
    for (const table of ['recommendations', 'reviews', 'outcomes', 'eval_results']) expect(found.some((f) => f.startsWith(`${table}:`)), table).toBe(true);
  });

  it('strips the text of older records and keeps their metrics', async () => {
    const db = t.database.db;
    const before = await metricsOfRun(db, runId);
    const recBefore = await db.selectFrom('recommendations').select(['decision', 'priority', 'status']).where('id', '=', recId).executeTakeFirstOrThrow();
    const { total } = await db.selectFrom('eval_runs').select('total').where('id', '=', runId).executeTakeFirstOrThrow();
    const r = await applyRetention(db, { now: new Date(Date.now() + 181 * DAY) });
    expect(r).toMatchObject({ recommendations: 1, reviews: 1, outcomes: 1, eval_runs: 1, eval_results: total });
    expect(r.provider_cache).toBeGreaterThan(0);

    // Only datasets (erased person by person, not by age) still hold the person.
    expect((await searchTables(db, NEEDLES)).filter((f) => !f.startsWith('leads:'))).toEqual([]);
    expect(await metricsOfRun(db, runId)).toEqual(before);
    const rec = await db.selectFrom('recommendations').selectAll().where('id', '=', recId).executeTakeFirstOrThrow();
    expect(rec).toMatchObject(recBefore);
    expect(rec.personal_data_removed_at).not.toBeNull();
    expect(rec.output).toMatchObject({ decision: recBefore.decision, recommendation: null, personal_data_removed: { cause: 'retention' } });
    // Dashboards still count the review and outcome.
    const dash = await t.app.inject({ method: 'GET', url: '/api/audit/dashboard', headers: t.auth('manager') });
    expect(dash.json().total).toMatchObject({ approve: 1, outcomes: { no_response: 1 } });

    // Idempotent: a second pass finds nothing more.
    expect(await applyRetention(db, { now: new Date(Date.now() + 182 * DAY) })).toMatchObject({ recommendations: 0, eval_runs: 0 });
  });

  it('follows the setting', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/settings', headers: t.auth('admin'), payload: { retention_days: 30 } });
    expect(res.json().retention_days).toBe(30);
    expect((await t.app.inject({ method: 'PUT', url: '/api/settings', headers: t.auth('admin'), payload: { retention_days: 0 } })).statusCode).toBe(400);
    const rec = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth('rep'), payload: { lead: { ...person, id: 'RT-2' }, as_of: AS_OF } });
    expect((await applyRetention(t.database.db, { now: new Date(Date.now() + 29 * DAY) })).recommendations).toBe(0);
    expect((await applyRetention(t.database.db, { now: new Date(Date.now() + 31 * DAY) })).recommendations).toBe(1);
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/recommendations/${rec.json().id}`, headers: t.auth('manager') });
    expect(JSON.stringify(after.json())).not.toContain('Branimira');
  });

  it('runs from the command line with a moved clock; bad usage exits 2', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekindle-retention-cli-'));
    const env = target.kind === 'postgres' ? { DATABASE_URL: t.database.url! } : { DATA_DIR: dataDir };
    const cli = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/retention.ts', ...args], { cwd: path.resolve(__dirname, '../..'), env: { ...process.env, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.on('exit', (code) => resolve({ code, stdout }));
      });
    expect((await cli(['--now', 'tomorrow'])).code).toBe(2);
    const ran = await cli(['--now', new Date(Date.now() + 400 * DAY).toISOString()]);
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({ retention_days: target.kind === 'postgres' ? 30 : 180, recommendations: expect.any(Number) });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});
