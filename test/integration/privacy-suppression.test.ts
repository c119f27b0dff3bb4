/**
 * The suppression list (issue 14, item 2): a refusal decided in production keeps the person's
 * identifiers (keyed hashes) on the list, so a duplicate of that customer, in a request or in a
 * dataset imported later, is do_not_contact with the original reason before any rule runs.
 * Managers import their CRM's DNC list and see its size; only the admin removes, and it is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import type { Lead } from '../../server/domain/lead.ts';
import { importRows } from '../../server/modules/datasets/import-service.ts';
import { createDataset } from '../../server/modules/datasets/service.ts';
import { latestVersion } from '../../server/modules/versions/repository.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';
import { demoLeads } from '../helpers/demo-leads.ts';
import { searchTables } from '../helpers/privacy-search.ts';

const AS_OF = '2026-11-20';
const base = demoLeads().find((l) => l.label?.decision === 'contact' && l.contact?.email && l.consent?.email !== false && !l.duplicate_of)!;
const contactOnly = (over: Partial<Lead>): Lead => ({ ...base, ...over });

describe.each(DB_TARGETS)('suppression list on $kind', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(target);
    await bootstrap(t.database.db, { seedDemo: false });
  });
  afterAll(async () => t?.close());

  const recommend = (lead: Lead) => t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth('rep'), payload: { lead, as_of: AS_OF } });

  it('a duplicate of a customer who refused is do_not_contact / asked_not_to_contact, in production and in a later dataset', async () => {
    const refusing = contactOnly({
      id: 'R-1',
      contact: { name: 'Mirela Refuse', email: 'mirela.refuse@example.org', phone: '+385 98 123 4567' },
      activities: [...(base.activities ?? []), { at: '2026-11-18T09:00:00Z', channel: 'email', direction: 'inbound', author: null, outcome: null, text: 'Please stop contacting me.' }],
    });
    const first = await recommend(refusing);
    expect(first.json().decision).toBe('do_not_contact');
    expect(first.json().reasons.map((r: { code: string }) => r.code)).toContain('asked_not_to_contact');

    // Same phone in another format, another email and name: the same person asking again.
    const duplicate = contactOnly({ id: 'R-2', contact: { name: 'M. Refuse', email: 'm.r@other.example', phone: '00385 98 123 4567' } });
    const second = await recommend(duplicate);
    expect(second.json()).toMatchObject({ decision: 'do_not_contact', reasons: [{ code: 'asked_not_to_contact' }], recommendation: null, status: 'no_action' });
    expect(second.json().reasons[0].explanation).toContain('matched by phone');
    // The base lead alone (no refusal, other identifiers) is still contacted: the list did it, not the rules.
    expect((await recommend(contactOnly({ id: 'R-3', contact: { name: 'X', email: 'x@fresh.example', phone: null } }))).json().decision).not.toBe('do_not_contact');

    const today = new Date().toISOString().slice(0, 10);
    const ds = await createDataset(t.database.db, { name: 'later-export', as_of: today }, 'test');
    async function* rows() {
      yield { line: 1, ok: true as const, lead: duplicate };
    }
    await importRows(t.database.db, ds.id, rows(), { actor: 'test', format: 'jsonl' });
    const ruleset = (await latestVersion(t.database.db, 'ruleset', 'default'))!;
    const tried = await t.app.inject({ method: 'POST', url: '/api/rulesets/try', headers: t.auth('manager'), payload: { ruleset_version_id: ruleset.id, dataset_id: ds.id, lead_id: 'R-2' } });
    expect(tried.json()).toMatchObject({ decision: 'do_not_contact', reasons: [{ code: 'asked_not_to_contact' }] });
    const run = await t.app.inject({ method: 'POST', url: '/api/prompts/run', headers: t.auth('engineer'), payload: { dataset_id: ds.id, lead_id: 'R-2' } });
    expect(run.json()).toMatchObject({ decision: { decision: 'do_not_contact', reasons: [{ code: 'asked_not_to_contact' }] }, recommendation: null, draft_status: 'not_needed' });
    // A replay as of a date before the refusal was known does not see it.
    const past = await t.app.inject({ method: 'POST', url: '/api/rulesets/try', headers: t.auth('manager'), payload: { ruleset_version_id: ruleset.id, dataset_id: ds.id, lead_id: 'R-2', as_of: '2026-01-01' } });
    expect(past.json().trace.map((r: { rule_id: string }) => r.rule_id)).not.toContain('suppression_list');

    // Only keyed hashes are stored: no table gained the identifiers through the list.
    const { rows: entries } = await t.database.db.selectFrom('privacy_suppressions').selectAll().execute().then((r) => ({ rows: r }));
    expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('123 4567');
  });

  it('imports a DNC list as CSV (managers), reports bad rows by line, shows the size, and lets only the admin remove', async () => {
    const csv = 'email,phone,reason,since\nDnc.Person@Example.org,,,2025-03-01\n,+49 170 5550199,asked_not_to_contact,\nnot-an-email,,,\n,,opted_out,\n';
    const res = await t.app.inject({ method: 'POST', url: '/api/privacy/suppressions/import', headers: { ...t.auth('manager'), 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 4, added: 2, rejected: [{ line: 4, errors: ['email: not an email address'] }, { line: 5, errors: ['needs an email or a phone'] }] });
    expect((await t.app.inject({ method: 'POST', url: '/api/privacy/suppressions/import', headers: { ...t.auth('manager'), 'content-type': 'text/csv' }, payload: 'name\nx\n' })).statusCode).toBe(400);

    const size = await t.app.inject({ method: 'GET', url: '/api/privacy/suppressions', headers: t.auth('manager') });
    expect(size.json().by_source.dnc_import).toBe(2);
    expect(size.json().total).toBeGreaterThanOrEqual(4);
    expect((await t.app.inject({ method: 'GET', url: '/api/privacy/suppressions', headers: t.auth('rep') })).statusCode).toBe(403);

    const listed = contactOnly({ id: 'D-1', contact: { name: 'D', email: 'dnc.person@example.org', phone: null } });
    expect((await recommend(listed)).json()).toMatchObject({ decision: 'do_not_contact', reasons: [{ code: 'opted_out' }] });

    const remove = (headers: { authorization: string }, body: object) => t.app.inject({ method: 'POST', url: '/api/privacy/suppressions/remove', headers, payload: body });
    expect((await remove(t.auth('manager'), { email: 'dnc.person@example.org', reason: 'x' })).statusCode).toBe(403);
    expect((await remove(t.auth('admin'), { email: 'dnc.person@example.org' })).statusCode).toBe(400);
    const removed = await remove(t.auth('admin'), { email: 'DNC.person@example.org', reason: 'Entered by mistake for dnc.person@example.org' });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().removed).toEqual([{ kind: 'email', hash: expect.stringMatching(/^[0-9a-f]{64}$/), reason: 'opted_out' }]);
    expect((await remove(t.auth('admin'), { email: 'dnc.person@example.org', reason: 'again' })).statusCode).toBe(404);
    expect((await recommend(listed)).json().trace?.map((r: { rule_id: string }) => r.rule_id) ?? []).not.toContain('suppression_list');
    expect((await recommend({ ...listed, id: 'D-2' })).json().reasons.map((r: { code: string }) => r.code)).not.toContain('opted_out');

    const audit = await t.app.inject({ method: 'GET', url: '/api/audit?action=privacy.suppression.remove', headers: t.auth('admin') });
    expect(audit.json().items[0].details.reason).toBe('Entered by mistake for [erased]');
    // The recommendations made for the lead hold it (until erasure or retention); nothing else does.
    expect((await searchTables(t.database.db, ['dnc.person@example.org'])).filter((f) => !f.startsWith('recommendations:'))).toEqual([]);
  });

  it('puts opt-outs and erasure requests from imported records on the list, dated by the record', async () => {
    const optedOut = contactOnly({ id: 'O-1', contact: { name: 'O', email: 'optout.person@example.org', phone: null }, consent: { ...base.consent, opted_out_at: '2026-06-01T00:00:00Z' } });
    const ds = await createDataset(t.database.db, { name: 'with-optout', as_of: AS_OF }, 'test');
    async function* rows() {
      yield { line: 1, ok: true as const, lead: optedOut };
    }
    await importRows(t.database.db, ds.id, rows(), { actor: 'test', format: 'jsonl' });
    // Another lead of the same person, without the flag, in a request: suppressed as opted_out.
    const again = contactOnly({ id: 'O-2', contact: { name: 'O', email: 'optout.person@example.org', phone: null } });
    expect((await recommend(again)).json()).toMatchObject({ decision: 'do_not_contact', reasons: [{ code: 'opted_out' }] });
  });
});
