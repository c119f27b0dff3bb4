/**
 * The shipped HubSpot, Salesforce and Pipedrive mappings import their sample exports
 * (test/fixtures/crm-exports/<crm>/) end to end through the staged multi-file API: every activity
 * and quote lands on the lead its record id names, and every line that could not be used is
 * reported with its file and line (bad values, impossible dates, a missing or rejected lead).
 * What each lead should carry is counted here from the fixture files themselves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lead } from '../../server/domain/lead.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';

const FIXTURES = path.resolve(__dirname, '../fixtures/crm-exports');

interface Crm {
  mapping: string;
  prefix: string;
  files: Record<string, string>;
  /** Column naming the lead in each activity / quote file, and the separator of several ids. */
  leadColumn: string;
  split?: string;
  kinds: Record<string, 'activities' | 'quotes'>;
  encoding: string;
  /** The lines the fixtures were written to have rejected, and why. */
  rejected: { file: string; line: number; error: RegExp }[];
}

const CRMS: Crm[] = [
  {
    mapping: 'hubspot',
    prefix: 'hs-',
    files: { leads: 'contacts.csv', deals: 'deals.csv', calls: 'calls.csv', emails: 'emails.csv', notes: 'notes.csv', meetings: 'meetings.csv', tasks: 'tasks.csv' },
    leadColumn: 'Associated Contact IDs',
    split: ';',
    kinds: { deals: 'quotes', calls: 'activities', emails: 'activities', notes: 'activities', meetings: 'activities', tasks: 'activities' },
    encoding: 'utf-8',
    rejected: [
      { file: 'leads', line: 5, error: /column "Create Date": "2026-02-31 10:00" is not a real date/ },
      { file: 'leads', line: 6, error: /column "Unsubscribed from all email": value "maybe" is not one of/ },
      { file: 'calls', line: 5, error: /no lead "hs-57" in the leads file/ },
      { file: 'deals', line: 5, error: /column "Associated Contact IDs": no lead id/ },
      { file: 'emails', line: 5, error: /column "Activity date": "2026-15-01 08:00" is not a real date/ },
      { file: 'notes', line: 3, error: /lead "hs-55" was rejected \(leads line 6\)/ },
      { file: 'tasks', line: 3, error: /lead "hs-55" was rejected \(leads line 6\)/ },
    ],
  },
  {
    mapping: 'salesforce',
    prefix: '',
    files: { leads: 'Lead.csv', tasks: 'Task.csv', events: 'Event.csv' },
    leadColumn: 'WhoId',
    kinds: { tasks: 'activities', events: 'activities' },
    encoding: 'windows-1252',
    rejected: [
      { file: 'leads', line: 5, error: /column "CreatedDate": "yesterday" is not an ISO 8601 date/ },
      { file: 'tasks', line: 5, error: /no lead "0035g00000Con01AAA" in the leads file/ },
      { file: 'tasks', line: 6, error: /lead "00Q5g00000AbCd4EAF" was rejected \(leads line 5\)/ },
      { file: 'tasks', line: 7, error: /column "CallType": value "Sideways" is not one of/ },
    ],
  },
  {
    mapping: 'pipedrive',
    prefix: 'pd-',
    files: { leads: 'persons.csv', deals: 'deals.csv', activities: 'activities.csv' },
    leadColumn: 'Person - ID',
    kinds: { deals: 'quotes', activities: 'activities' },
    encoding: 'utf-8',
    rejected: [
      { file: 'leads', line: 5, error: /column "Person - Marketing status": value "Maybe later" is not one of/ },
      { file: 'activities', line: 6, error: /^activity\.at: expected an ISO 8601 date-time/ },
      { file: 'activities', line: 7, error: /no lead "pd-109" in the leads file/ },
      { file: 'deals', line: 4, error: /column "Deal - Expected close date": "2026-31-12" is not a real date/ },
    ],
  },
];

const read = (crm: string, file: string) => fs.readFileSync(path.join(FIXTURES, crm, file));
const rowsOf = (crm: Crm, file: string): Record<string, string>[] =>
  parse(new TextDecoder(crm.encoding).decode(read(crm.mapping, crm.files[file])), { columns: true, bom: true });

/** From the fixture files alone: how many activities and quotes each lead should carry. */
function expectedItems(crm: Crm) {
  const rejectedAt = new Set(crm.rejected.map((r) => `${r.file}:${r.line}`));
  const leadIds = new Set(rowsOf(crm, 'leads').map((r, i) => (rejectedAt.has(`leads:${i + 2}`) ? null : r[Object.keys(r)[0]])).filter(Boolean).map((id) => `${crm.prefix}${id}`));
  const counts = new Map<string, { activities: number; quotes: number }>([...leadIds].map((id) => [id, { activities: 0, quotes: 0 }]));
  for (const [file, kind] of Object.entries(crm.kinds)) {
    rowsOf(crm, file).forEach((row, i) => {
      if (rejectedAt.has(`${file}:${i + 2}`)) return;
      const ids = crm.split ? row[crm.leadColumn].split(crm.split) : [row[crm.leadColumn]];
      for (const id of ids) counts.get(`${crm.prefix}${id.trim()}`)![kind]++;
    });
  }
  return counts;
}

describe.each(DB_TARGETS)('shipped CRM mappings on $kind', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    // As in the server: the uploads are parsed and written in the bulk thread.
    t = await createTestApp(target, {}, { bulkThread: true });
  });
  afterAll(async () => t?.close());

  async function newDataset(name: string): Promise<string> {
    const res = await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('manager'), payload: { name, as_of: '2026-11-20' } });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  it.each(CRMS)('$mapping: every activity and quote on its lead, every unusable line named', async (crm) => {
    const datasetId = await newDataset(`crm-${crm.mapping}`);
    const created = await t.app.inject({ method: 'POST', url: `/api/datasets/${datasetId}/imports`, headers: t.auth('manager'), payload: { mapping: crm.mapping } });
    expect(created.statusCode).toBe(201);
    const stage = created.json();
    expect(stage.expected_files.map((f: { name: string }) => f.name).sort()).toEqual(Object.keys(crm.files).sort());

    for (const [file, name] of Object.entries(crm.files)) {
      const res = await t.app.inject({ method: 'PUT', url: `/api/imports/${stage.id}/files/${file}`, headers: { ...t.auth('manager'), 'content-type': 'text/csv' }, payload: read(crm.mapping, name) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().encoding.name).toBe(crm.encoding);
    }
    const commit = await t.app.inject({ method: 'POST', url: `/api/imports/${stage.id}/commit`, headers: t.auth('manager') });
    expect(commit.statusCode, commit.body).toBe(200);
    const result = commit.json();

    const got = result.rejected.map((r: { file: string; line: number; errors: string[] }) => ({ file: r.file, line: r.line, error: r.errors.join(' | ') }));
    expect(got.map((r: { file: string; line: number }) => `${r.file}:${r.line}`).sort()).toEqual(crm.rejected.map((r) => `${r.file}:${r.line}`).sort());
    for (const want of crm.rejected) expect(got.find((r: { file: string; line: number }) => r.file === want.file && r.line === want.line).error).toMatch(want.error);

    const expected = expectedItems(crm);
    expect(result.imported).toBe(expected.size);
    const list = await t.app.inject({ method: 'GET', url: `/api/datasets/${result.dataset_id}/leads?limit=100`, headers: t.auth('manager') });
    const leads: Lead[] = list.json().items;
    expect(leads.map((l) => l.id).sort()).toEqual([...expected.keys()].sort());
    for (const lead of leads) {
      const want = expected.get(lead.id)!;
      expect({ id: lead.id, activities: lead.activities?.length ?? 0, quotes: lead.quotes?.length ?? 0 }).toEqual({ id: lead.id, ...want });
    }
    // Every lead's timeline is in time order (undated first), whichever file its items came from.
    for (const lead of leads) {
      const times = (lead.activities ?? []).map((a) => a.at).filter((a): a is string => !!a);
      expect(times).toEqual([...times].sort());
    }
    // The stage is gone with the commit; committing again is refused.
    expect((await t.app.inject({ method: 'POST', url: `/api/imports/${stage.id}/commit`, headers: t.auth('manager') })).statusCode).toBe(409);
  });

  it('maps what the CRMs say: call direction and outcome, unsubscribes, owners, deals as quotes', async () => {
    const hs = (await t.app.inject({ method: 'GET', url: '/api/datasets/crm-hubspot/leads/hs-51', headers: t.auth('manager') })).json().lead as Lead;
    expect(hs).toMatchObject({ contact: { name: 'Ana Horvat', language: 'hr' }, owner: 'Marko Kovač', status: 'quoted', created_at: '2026-08-14T09:12:00Z' });
    expect(hs.quotes).toEqual([expect.objectContaining({ id: '9001', amount: 2450, currency: 'EUR', status: 'sent', sent_at: '2026-08-16T10:00:00Z' })]);
    expect(hs.activities).toContainEqual(expect.objectContaining({ channel: 'call', direction: 'outbound', outcome: 'voicemail', text: 'Follow-up on quote' }));
    expect(hs.activities).toContainEqual(expect.objectContaining({ channel: 'email', direction: 'inbound', text: expect.stringContaining('comparing offers') }));
    const jonas = (await t.app.inject({ method: 'GET', url: '/api/datasets/crm-hubspot/leads/hs-52', headers: t.auth('manager') })).json().lead as Lead;
    expect(jonas.consent).toMatchObject({ email: false });
    expect(jonas.contact?.name).toBe('Jonas Müller');

    const sf = (await t.app.inject({ method: 'GET', url: '/api/datasets/crm-salesforce/leads/00Q5g00000AbCd3EAF', headers: t.auth('manager') })).json().lead as Lead;
    expect(sf).toMatchObject({ contact: { name: 'María Peña' }, consent: { phone: false }, status: 'lost', service: { origin: 'Málaga' } });
    expect(sf.activities).toEqual([expect.objectContaining({ channel: 'call', direction: 'inbound', outcome: 'Do not call', author: '0055g00000Rep01AAA' })]);

    const pd = (await t.app.inject({ method: 'GET', url: '/api/datasets/crm-pipedrive/leads/pd-101', headers: t.auth('manager') })).json().lead as Lead;
    expect(pd.activities?.[0]).toMatchObject({ at: '2026-07-10T10:30', channel: 'call', outcome: 'done' });
    const juric = (await t.app.inject({ method: 'GET', url: '/api/datasets/crm-pipedrive/leads/pd-102', headers: t.auth('manager') })).json().lead as Lead;
    expect(juric).toMatchObject({ consent: { email: false }, quotes: [expect.objectContaining({ status: 'rejected', lost_reason: 'Price too high' })] });
  });

  it('refuses what cannot be an import, writing nothing', async () => {
    const datasetId = await newDataset('crm-bad');
    const stage = (await t.app.inject({ method: 'POST', url: `/api/datasets/${datasetId}/imports`, headers: t.auth('engineer'), payload: { mapping: 'hubspot' } })).json();
    const put = (file: string, body: string | Buffer, query = '') =>
      t.app.inject({ method: 'PUT', url: `/api/imports/${stage.id}/files/${file}${query}`, headers: { ...t.auth('engineer'), 'content-type': 'text/csv' }, payload: body });
    expect((await t.app.inject({ method: 'POST', url: `/api/imports/${stage.id}/commit`, headers: t.auth('engineer') })).statusCode).toBe(400);
    const unknown = await put('invoices', 'a\n1\n');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toMatch(/takes leads, deals, calls/);
    const missing = await put('calls', 'Record ID,Activity date\n1,2026-01-01\n');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toMatch(/calls file lacks columns .*Associated Contact IDs/);
    expect((await put('leads', read('hubspot', 'contacts.csv'), '?encoding=utf-16be')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/datasets/none/imports', headers: t.auth('engineer'), payload: { mapping: 'hubspot' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/datasets/${datasetId}/imports`, headers: t.auth('engineer'), payload: { mapping: 'nope' } })).statusCode).toBe(404);
    // A re-upload replaces the file; a discarded import leaves the dataset as it was.
    expect((await put('leads', read('hubspot', 'contacts.csv'))).json().rows).toBe(6);
    expect((await put('leads', read('hubspot', 'contacts.csv'))).json().rows).toBe(6);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/imports/${stage.id}`, headers: t.auth('engineer') })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/imports/${stage.id}`, headers: t.auth('engineer') })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/datasets/${datasetId}`, headers: t.auth('engineer') })).json().lead_count).toBe(0);
  });

  it('refuses to commit an import whose staged rows a database crash emptied (they are unlogged)', async () => {
    const datasetId = await newDataset('crm-crashed');
    const stage = (await t.app.inject({ method: 'POST', url: `/api/datasets/${datasetId}/imports`, headers: t.auth('manager'), payload: { mapping: 'hubspot' } })).json();
    for (const [file, name] of Object.entries(CRMS.find((c) => c.mapping === 'hubspot')!.files)) {
      const res = await t.app.inject({ method: 'PUT', url: `/api/imports/${stage.id}/files/${file}`, headers: { ...t.auth('manager'), 'content-type': 'text/csv' }, payload: read('hubspot', name) });
      expect(res.statusCode, res.body).toBe(200);
    }
    // What a crash does to an unlogged table: its rows are gone, the import still lists its files.
    await t.database.db.deleteFrom('import_stage_rows').where('stage_id', '=', stage.id).where('file', 'not like', 'leads#%').execute();
    const commit = await t.app.inject({ method: 'POST', url: `/api/imports/${stage.id}/commit`, headers: t.auth('manager') });
    expect(commit.statusCode).toBe(409);
    expect(commit.json().detail).toMatch(/upload (it|them) again/);
    expect((await t.app.inject({ method: 'GET', url: `/api/datasets/${datasetId}`, headers: t.auth('manager') })).json().lead_count).toBe(0);
  });

  it('pages through a big leads file without losing a repeated id or an activity at a page boundary', async () => {
    const mapping = ['name: paged', 'id: { column: ID }', 'files:', '  - name: notes', '    kind: activities', '    lead_id: { column: Lead }', '    fields:', '      - { field: text, column: Text }'].join('\n');
    expect((await t.app.inject({ method: 'PUT', url: '/api/mappings/paged', headers: t.auth('manager'), payload: { content: mapping } })).statusCode).toBe(200);
    const ids = Array.from({ length: 1000 }, (_, i) => `L${String(i).padStart(4, '0')}`);
    // The 1,000th id (the last of the first page) comes again on line 1002: a duplicate to report.
    const leadsCsv = ['ID', ...ids, ids[999]].join('\n');
    const notesCsv = ['Lead,Text', ...ids.map((id) => `${id},note for ${id}`), `${ids[999]},second note`].join('\n');
    const datasetId = await newDataset('crm-paged');
    const stage = (await t.app.inject({ method: 'POST', url: `/api/datasets/${datasetId}/imports`, headers: t.auth('manager'), payload: { mapping: 'paged' } })).json();
    for (const [file, body] of [['leads', leadsCsv], ['notes', notesCsv]]) {
      expect((await t.app.inject({ method: 'PUT', url: `/api/imports/${stage.id}/files/${file}`, headers: { ...t.auth('manager'), 'content-type': 'text/csv' }, payload: body })).statusCode).toBe(200);
    }
    const result = (await t.app.inject({ method: 'POST', url: `/api/imports/${stage.id}/commit`, headers: t.auth('manager') })).json();
    expect(result.imported).toBe(1000);
    expect(result.rejected).toEqual([{ file: 'leads', line: 1002, errors: [expect.stringMatching(/"L0999" appears again \(first on line 1001\)/)] }]);
    const { rows } = await sql<{ n: string }>`select sum(jsonb_array_length(record->'activities'))::text as n from leads where dataset_id = ${result.dataset_id}`.execute(t.database.db);
    expect(Number(rows[0].n)).toBe(1001);
  });

  it('a shipped multi-file mapping still imports its leads file through the single-file endpoint', async () => {
    const datasetId = await newDataset('crm-single');
    const res = await t.app.inject({ method: 'POST', url: `/api/datasets/${datasetId}/import?mapping=hubspot`, headers: { ...t.auth('engineer'), 'content-type': 'text/csv' }, payload: read('hubspot', 'contacts.csv') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 4, rejected: [{ line: 5 }, { line: 6 }], encoding: { name: 'utf-8', source: 'byte order mark' } });
  });
});
