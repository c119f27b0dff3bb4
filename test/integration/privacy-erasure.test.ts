/**
 * Issue 14, the erasure acceptance test: a person in two dataset versions (one locked by a run),
 * three production recommendations, a review, an outcome and an evaluation is erased; afterwards
 * no table (every row cast to text) and no file in DATA_DIR (the embedded database's own files,
 * after the erasure's checkpoint) holds their name, email or phone; the run's metrics are
 * unchanged; the audit log is intact and still append-only. Then the person comes back in a new
 * dataset and in a production request: do_not_contact / erasure_requested, before any rule.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import type { Lead } from '../../server/domain/lead.ts';
import { importRows } from '../../server/modules/datasets/import-service.ts';
import { createDataset } from '../../server/modules/datasets/service.ts';
import { metricsOfRun } from '../../server/modules/evals/runner.ts';
import * as evalRepo from '../../server/modules/evals/repository.ts';
import { cancelRunById, createRun, runCandidateOnDataset } from '../../server/modules/evals/service.ts';
import { latestVersion } from '../../server/modules/versions/repository.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';
import { demoLeads } from '../helpers/demo-leads.ts';
import { searchFiles, searchTables } from '../helpers/privacy-search.ts';

const AS_OF = '2026-11-20';
const NAME = 'Zdravka Kovačević-Testnik';
const EMAIL = 'Zdravka.Testnik+moving@example.org';
const PHONE = '+385 91 777 4242';
// Every form the person's data takes in the stores: as written, normalised, and the name's parts.
const NEEDLES = [NAME, 'Kovačević-Testnik', 'Zdravka', EMAIL, 'zdravka.testnik', PHONE, '917774242', '385917774242'];

const base = demoLeads().find((l) => l.label?.decision === 'contact' && l.contact?.email && l.contact?.name && l.consent?.email !== false && !l.duplicate_of)!;
const person: Lead = {
  ...base,
  id: 'P-ERASE-1',
  // No CRM owner: the test rep token acts for no demo owner, and this test is about erasure, not assignment.
  owner: null,
  contact: { ...base.contact, name: NAME, email: EMAIL, phone: PHONE },
  activities: [...(base.activities ?? []), { at: base.created_at ?? null, channel: 'note', direction: 'internal', author: 'rep:marko', outcome: null, text: `${NAME} gave ${PHONE} as her mobile.` }],
};

async function importLeads(t: TestApp, datasetId: string, leads: Lead[]) {
  async function* rows() {
    let line = 0;
    for (const lead of leads) yield { line: ++line, ok: true as const, lead };
  }
  return importRows(t.database.db, datasetId, rows(), { actor: 'test', format: 'jsonl' });
}

describe.each(DB_TARGETS)('erasure of a person on $kind', (target) => {
  let t: TestApp;
  let dataDir: string;
  let lockedId: string;
  let secondId: string;
  let runId: string;
  let runMetrics: unknown;
  const recIds: string[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekindle-erasure-'));
    t = await createTestApp(target, { DATA_DIR: dataDir }, { embeddedDir: path.join(dataDir, 'pgdata') });
    await bootstrap(t.database.db, { seedDemo: false });
    const db = t.database.db;

    const ds = await createDataset(db, { name: 'crm', as_of: AS_OF }, 'test');
    await importLeads(t, ds.id, [person, ...demoLeads(30).filter((l) => l.id !== base.id)]);
    lockedId = ds.id;
    // The run locks version 1; the next import makes version 2, a copy that holds the person too.
    const run = await runCandidateOnDataset({ db, modelsDir: t.config.modelsDir }, { datasetId: lockedId });
    runId = run.runId;
    runMetrics = (await db.selectFrom('eval_runs').select('metrics').where('id', '=', runId).executeTakeFirstOrThrow()).metrics;
    const second = await importLeads(t, lockedId, demoLeads(35).slice(30));
    secondId = second.dataset_id;
    expect(secondId).not.toBe(lockedId);

    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth('rep'), payload: { lead: person, as_of: AS_OF } });
      expect(res.statusCode).toBe(200);
      recIds.push(res.json().id);
    }
    // The newest is the current one (the two before it are superseded); it gets the review and outcome.
    const first = await t.app.inject({ method: 'GET', url: `/api/v1/recommendations/${recIds[2]}`, headers: t.auth('manager') });
    expect(first.json().recommendation).not.toBeNull();
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/recommendations/${recIds[2]}/review`, headers: t.auth('rep'), payload: { action: 'approve' } })).statusCode).toBe(200);
    const outcome = await t.app.inject({ method: 'POST', url: `/api/v1/recommendations/${recIds[2]}/outcome`, headers: t.auth('rep'), payload: { outcome: 'converted', note: `${NAME} booked; call ${PHONE}` } });
    expect(outcome.statusCode).toBe(200);
    // An export someone kept in DATA_DIR.
    fs.mkdirSync(path.join(dataDir, 'exports'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'exports', 'leads.jsonl'), `${JSON.stringify(person)}\n{"id":"other"}\n`);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds the person everywhere before (the search can fail)', async () => {
    const found = await searchTables(t.database.db, NEEDLES);
    for (const table of ['leads', 'recommendations', 'reviews', 'outcomes', 'eval_results', 'provider_cache']) {
      expect(found.some((f) => f.startsWith(`${table}:`)), `${table} holds the person before`).toBe(true);
    }
    if (t.database.kind === 'embedded') {
      await sql`checkpoint`.execute(t.database.db);
      expect(searchFiles(path.join(dataDir, 'pgdata'), [NAME]).length).toBeGreaterThan(0);
    }
  });

  it('exports everything held about the person (access request), and audits the export by hashes', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/privacy/subjects?phone=${encodeURIComponent('091 777 4242')}`, headers: t.auth('admin') });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.leads.map((l: { dataset_id: string }) => l.dataset_id).sort()).toEqual([lockedId, secondId].sort());
    expect(body.leads.find((l: { dataset_id: string }) => l.dataset_id === lockedId)).toMatchObject({ locked: true, record: { contact: { name: NAME } } });
    expect(body.recommendations.map((r: { id: string }) => r.id).sort()).toEqual([...recIds].sort());
    const first = body.recommendations.find((r: { id: string }) => r.id === recIds[2]);
    expect(first.reviews).toEqual([expect.objectContaining({ action: 'approve' })]);
    expect(first.outcomes).toEqual([expect.objectContaining({ outcome: 'converted', note: expect.stringContaining(NAME) })]);
    expect(body.evaluation_results).toEqual([expect.objectContaining({ run_id: runId, lead_id: person.id })]);
    expect(body.audit.map((a: { subject: string }) => a.subject)).toEqual(expect.arrayContaining(recIds));
    expect((await t.app.inject({ method: 'GET', url: '/api/privacy/subjects?phone=12', headers: t.auth('admin') })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/privacy/subjects?email=${EMAIL}`, headers: t.auth('manager') })).statusCode).toBe(403);
    const audit = await t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'privacy.access_export').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('4242');
  });

  it('rejects a request that identifies nobody, naming the field', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/privacy/erasures', headers: t.auth('admin'), payload: { email: 'not-an-email', reason: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().detail).toContain('email');
    const none = await t.app.inject({ method: 'POST', url: '/api/privacy/erasures', headers: t.auth('admin'), payload: { reason: 'x' } });
    expect(none.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/privacy/erasures', headers: t.auth('manager'), payload: { email: EMAIL, reason: 'x' } })).statusCode).toBe(403);
  });

  it('is all or nothing: a failure midway leaves every store as it was', async () => {
    const db = t.database.db;
    await sql`create function fail_outcome_update() returns trigger language plpgsql as $$ begin raise exception 'simulated failure'; end $$`.execute(db);
    await sql`create trigger fail_outcome_update before update on outcomes for each row execute function fail_outcome_update()`.execute(db);
    try {
      const res = await t.app.inject({ method: 'POST', url: '/api/privacy/erasures', headers: t.auth('admin'), payload: { email: EMAIL, reason: 'x' } });
      expect(res.statusCode).toBe(500);
    } finally {
      await sql`drop trigger fail_outcome_update on outcomes`.execute(db);
      await sql`drop function fail_outcome_update()`.execute(db);
    }
    const found = await searchTables(db, NEEDLES);
    for (const table of ['leads', 'recommendations', 'reviews', 'outcomes', 'eval_results', 'provider_cache']) expect(found.some((f) => f.startsWith(`${table}:`)), table).toBe(true);
    expect(await db.selectFrom('privacy_erasures').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('leads').select('lead_id').where('erased_at', 'is not', null).execute()).toEqual([]);
    expect(fs.readFileSync(path.join(dataDir, 'exports', 'leads.jsonl'), 'utf8')).toContain(NAME);
  });

  it('refuses, changing nothing, while an evaluation is reading a dataset that holds the person', async () => {
    const db = t.database.db;
    const run = await createRun(db, { dataset_id: secondId }, 'test', { notify: false });
    expect(await evalRepo.claimRun(db, 'test-worker', 60_000, run.id)).toBeDefined();
    const res = await t.app.inject({ method: 'POST', url: '/api/privacy/erasures', headers: t.auth('admin'), payload: { email: EMAIL, reason: 'x' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain(run.id);
    expect((await searchTables(db, [NAME])).length).toBeGreaterThan(0);
    await cancelRunById(db, run.id, 'test');
    expect(await db.selectFrom('privacy_suppressions').selectAll().where('source', '=', 'erasure').execute()).toEqual([]);
  });

  it('erases every record, keeps metrics and the audit log, and leaves nothing in tables or files', async () => {
    const db = t.database.db;
    const auditBefore = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const metricsBefore = await metricsOfRun(db, runId);

    // Another spelling of the same address: the normaliser finds it.
    const res = await t.app.inject({ method: 'POST', url: '/api/privacy/erasures', headers: t.auth('admin'), payload: { email: 'zdravka.testnik@EXAMPLE.org', reason: 'Customer request by email, ticket 4711' } });
    expect(res.statusCode).toBe(201);
    const erasure = res.json();
    expect(erasure.counts).toMatchObject({ leads: 2, recommendations: 3, reviews: 1, outcomes: 1, eval_results: 1, files: 1 });
    expect(erasure.counts.provider_cache).toBeGreaterThan(0);
    expect(erasure.records_erased).toBe(Object.values(erasure.counts as Record<string, number>).reduce((a, b) => a + b, 0));
    expect(erasure.datasets.sort()).toEqual([lockedId, secondId].sort());

    expect(await searchTables(db, NEEDLES)).toEqual([]);
    expect(searchFiles(dataDir, NEEDLES)).toEqual([]);

    // Metrics of the run: stored and recomputed from its (scrubbed) results, unchanged.
    expect((await db.selectFrom('eval_runs').select('metrics').where('id', '=', runId).executeTakeFirstOrThrow()).metrics).toEqual(runMetrics);
    expect(await metricsOfRun(db, runId)).toEqual(metricsBefore);

    // The audit log: every earlier entry byte for byte, one more for the erasure, still append-only.
    const auditAfter = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter.slice(auditBefore.length).map((a) => a.action)).toEqual(['privacy.erasure']);
    await expect(sql`update audit_log set actor = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);

    // The locked version still has the lead (id, label, decision-relevant facts) and says so.
    const leadRes = await t.app.inject({ method: 'GET', url: `/api/datasets/${lockedId}/leads/${person.id}`, headers: t.auth('engineer') });
    const erasedLead = leadRes.json().lead ?? leadRes.json();
    expect(erasedLead).toMatchObject({ id: person.id, label: { decision: person.label!.decision }, personal_data_removed: { cause: 'erasure' } });
    expect(erasedLead.consent.erasure_requested_at).toBe(erasure.at);
    expect(erasedLead.quotes.length).toBe(person.quotes?.length ?? 0);
    const dataset = await t.app.inject({ method: 'GET', url: `/api/datasets/${lockedId}`, headers: t.auth('engineer') });
    expect((dataset.json().dataset ?? dataset.json()).erased_leads).toBe(1);

    // The erasure record: when, by whom, why, and keyed hashes only.
    const list = await t.app.inject({ method: 'GET', url: '/api/privacy/erasures', headers: t.auth('admin') });
    const entry = auditAfter[auditAfter.length - 1];
    expect(entry.details).toMatchObject({ records_erased: erasure.records_erased, identifier_hashes: { email: [expect.stringMatching(/^[0-9a-f]{64}$/)] } });
    expect(list.json().items[0]).toMatchObject({ id: erasure.id, actor: entry.actor, reason: 'Customer request by email, ticket 4711', records_erased: erasure.records_erased });
  });

  it('decides the person do_not_contact / erasure_requested when they come back, before any rule', async () => {
    const db = t.database.db;
    const today = new Date().toISOString().slice(0, 10);
    const fresh = await createDataset(db, { name: 'crm-next-export', as_of: today }, 'test');
    await importLeads(t, fresh.id, [{ ...person, id: 'P-NEW-77' }, ...demoLeads(5)]);
    const ruleset = (await latestVersion(db, 'ruleset', 'default'))!;
    const tried = await t.app.inject({ method: 'POST', url: '/api/rulesets/try', headers: t.auth('engineer'), payload: { ruleset_version_id: ruleset.id, dataset_id: fresh.id, lead_id: 'P-NEW-77' } });
    expect(tried.statusCode).toBe(200);
    expect(tried.json()).toMatchObject({ decision: 'do_not_contact', reasons: [{ code: 'erasure_requested' }] });
    expect(tried.json().trace.map((r: { rule_id: string }) => r.rule_id)).toEqual(['suppression_list']);

    const preview = await t.app.inject({ method: 'POST', url: '/api/rulesets/preview', headers: t.auth('engineer'), payload: { ruleset_version_id: ruleset.id, dataset_id: fresh.id } });
    expect(preview.json().reason_counts.erasure_requested).toBeGreaterThanOrEqual(1);

    const run = await runCandidateOnDataset({ db, modelsDir: t.config.modelsDir }, { datasetId: fresh.id });
    const result = await db.selectFrom('eval_results').select(['decision', 'result']).where('run_id', '=', run.runId).where('lead_id', '=', 'P-NEW-77').executeTakeFirstOrThrow();
    expect(result.decision).toBe('do_not_contact');
    expect((result.result as { decision: { reasons: { code: string }[] } }).decision.reasons.map((r) => r.code)).toEqual(['erasure_requested']);

    const prod = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth('rep'), payload: { lead: { ...person, id: 'P-NEW-78', contact: { phone: '091 777 4242' } }, as_of: AS_OF } });
    expect(prod.json()).toMatchObject({ decision: 'do_not_contact', reasons: [{ code: 'erasure_requested' }], recommendation: null });
  }, 60_000);
});
