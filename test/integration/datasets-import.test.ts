import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_TARGETS } from '../helpers/databases.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const XEDU = path.resolve(__dirname, '../../../shared/datasets/xeducation-leads.csv');

const lead = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  created_at: '2026-08-14T09:12:00Z',
  contact: { name: `Customer ${id}`, email: `${id.toLowerCase()}@example.org`, phone: '+385 91 555 0101', language: 'en' },
  consent: { email: true, phone: true, opted_out_at: null, erasure_requested_at: null },
  status: 'quoted',
  ...extra,
});
const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');

describe.each(DB_TARGETS)('datasets and import on $kind', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    // As in the server: the uploads are parsed and written in the bulk thread.
    t = await createTestApp(target, {}, { bulkThread: true });
  });
  afterAll(async () => t?.close());

  async function newDataset(name: string) {
    const res = await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('manager'), payload: { name, as_of: '2026-11-20' } });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }

  function importNdjson(id: string, body: string, role: 'manager' | 'engineer' | 'rep' = 'engineer') {
    return t.app.inject({ method: 'POST', url: `/api/datasets/${id}/import`, headers: { ...t.auth(role), 'content-type': 'application/x-ndjson' }, payload: body });
  }

  it('creates a dataset and refuses a second one with the same name', async () => {
    await newDataset('dup-name');
    const res = await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('manager'), payload: { name: 'dup-name', as_of: '2026-11-20' } });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('rejects a bad as_of with a 400 naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('manager'), payload: { name: 'x', as_of: '20-11-2026' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ status: 400, title: expect.any(String), type: expect.any(String) });
    expect(body.detail).toContain('as_of');
  });

  it('imports canonical JSONL, reporting every rejected line and what was wrong', async () => {
    const id = await newDataset('jsonl');
    const body = ndjson([
      lead('L-1'),
      '{ not json',
      lead('L-2', { quotes: [{ id: 'Q1', amount: 'lots', currency: 'EUR' }] }),
      '',
      lead('L-3', { status: 'sleeping' }),
      lead('L-1', { status: 'won' }),
      lead('L-4', { label: { decision: 'contact', reasons: ['quote_no_decision'], recontact_after: null, outcome: null } }),
    ]);
    const res = await importNdjson(id, body);
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.imported).toBe(2);
    expect(result.rejected.map((r: { line: number }) => r.line)).toEqual([2, 3, 5, 6]);
    expect(result.rejected[1].errors[0]).toMatch(/quotes\.0\.amount/);
    expect(result.rejected[2].errors[0]).toMatch(/^status/);
    expect(result.rejected[3].errors[0]).toMatch(/first on line 1/);

    const list = await t.app.inject({ method: 'GET', url: `/api/datasets/${id}/leads?limit=10`, headers: t.auth('manager') });
    expect(list.json().total).toBe(2);
    expect(list.json().items.map((l: { id: string }) => l.id)).toEqual(['L-1', 'L-4']);
    const filtered = await t.app.inject({ method: 'GET', url: `/api/datasets/${id}/leads?label=contact`, headers: t.auth('manager') });
    expect(filtered.json().items.map((l: { id: string }) => l.id)).toEqual(['L-4']);
    const searched = await t.app.inject({ method: 'GET', url: `/api/datasets/${id}/leads?q=l-1@example`, headers: t.auth('manager') });
    expect(searched.json().total).toBe(1);
    const detail = await t.app.inject({ method: 'GET', url: `/api/datasets/${id}/leads/L-4`, headers: t.auth('manager') });
    expect(detail.json().lead.label.decision).toBe('contact');
  });

  it('re-importing an id replaces the record (ids are stable across imports)', async () => {
    const id = await newDataset('reimport');
    await importNdjson(id, ndjson([lead('A'), lead('B')]));
    const res = await importNdjson(id, ndjson([lead('B', { status: 'won' }), lead('C')]));
    expect(res.json()).toMatchObject({ imported: 2, lead_count: 3, dataset_id: id });
    const b = await t.app.inject({ method: 'GET', url: `/api/datasets/${id}/leads/B`, headers: t.auth('manager') });
    expect(b.json().lead.status).toBe('won');
  });

  it('leaves nothing half-written when the database fails midway', async () => {
    const id = await newDataset('atomic');
    await importNdjson(id, ndjson([lead('KEEP')]));
    // 2,500 valid rows (three batches), then a valid row that the database refuses (a trigger
    // stands in for a disk or constraint failure). Two batches are already written by then.
    await sql`create function fail_bad_lead() returns trigger language plpgsql as $$
      begin if new.lead_id = 'BAD' then raise exception 'simulated failure midway'; end if; return new; end $$`.execute(t.database.db);
    await sql`create trigger fail_bad_lead before insert on leads for each row execute function fail_bad_lead()`.execute(t.database.db);
    try {
      const rows = Array.from({ length: 2500 }, (_, i) => lead(`N-${i}`));
      rows.push(lead('BAD'));
      const res = await importNdjson(id, ndjson(rows));
      expect(res.statusCode).toBe(500);
      const list = await t.app.inject({ method: 'GET', url: `/api/datasets/${id}/leads?limit=5`, headers: t.auth('manager') });
      expect(list.json().total).toBe(1);
      const ds = await t.app.inject({ method: 'GET', url: `/api/datasets/${id}`, headers: t.auth('manager') });
      expect(ds.json().lead_count).toBe(1);
    } finally {
      await sql`drop trigger fail_bad_lead on leads`.execute(t.database.db);
      await sql`drop function fail_bad_lead()`.execute(t.database.db);
    }
  });

  it('never changes a locked version: importing creates the next version', async () => {
    const id = await newDataset('locked');
    await importNdjson(id, ndjson([lead('A')]));
    await t.database.db.updateTable('datasets').set({ locked_at: new Date() }).where('id', '=', id).execute();
    const res = await importNdjson(id, ndjson([lead('B')]));
    const result = res.json();
    expect(result.dataset_id).not.toBe(id);
    expect(result.version).toBe(2);
    expect(result.lead_count).toBe(2);
    const old = await t.app.inject({ method: 'GET', url: `/api/datasets/${id}/leads`, headers: t.auth('manager') });
    expect(old.json().total).toBe(1);
    const byName = await t.app.inject({ method: 'GET', url: `/api/datasets/locked`, headers: t.auth('manager') });
    expect(byName.json().version).toBe(2);
  });

  it('imports a small CSV through a stored mapping with value maps and placeholders', async () => {
    const mapping = [
      'name: tiny',
      'missing_values: ["", "Select"]',
      'id: { column: ID, prefix: "T-" }',
      'fields:',
      '  - { field: contact.name, column: Name }',
      '  - { field: consent.email, column: No Email, values: { "Yes": false, "No": true } }',
      '  - { field: created_at, column: Created, type: datetime, format: "DD/MM/YYYY HH:mm" }',
      '  - { field: quotes.0.amount, column: Quote, type: number, decimal: "," }',
      'activities:',
      '  - { column: Note, text_prefix: "Note: " }',
      'tags:',
      '  - { column: Quality, prefix: "q:" }',
    ].join('\n');
    const put = await t.app.inject({ method: 'PUT', url: '/api/mappings/tiny', headers: t.auth('manager'), payload: { content: mapping } });
    expect(put.statusCode).toBe(200);
    const id = await newDataset('csv');
    const csv = 'ID,Name,No Email,Created,Quote,Note,Quality\n1,Ana,Yes,14/08/2026 09:12,"2.450,50",call back later,Select\n2,Bo,Maybe,,,,High\n3,Cy,No,31/02/2026 10:00,,,\n';
    const res = await t.app.inject({ method: 'POST', url: `/api/datasets/${id}/import?mapping=tiny`, headers: { ...t.auth('manager'), 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.imported).toBe(1);
    expect(result.rejected).toEqual([
      { line: 3, errors: [expect.stringContaining('"Maybe" is not one of')] },
      { line: 4, errors: [expect.stringContaining('"31/02/2026 10:00" is not a real date')] },
    ]);
    const a = await t.app.inject({ method: 'GET', url: `/api/datasets/${id}/leads/T-1`, headers: t.auth('manager') });
    expect(a.json().lead).toMatchObject({
      contact: { name: 'Ana' },
      consent: { email: false },
      created_at: '2026-08-14T09:12:00Z',
      quotes: [{ amount: 2450.5 }],
      activities: [{ text: 'Note: call back later', channel: 'note', direction: 'internal' }],
    });
    expect(a.json().lead.tags).toBeUndefined();
  });

  it('changes no date silently: impossible, ambiguous and numeric dates reject their line, date-times keep their date', async () => {
    const mapping = ['name: dates', 'id: { column: ID }', 'fields:', '  - { field: service.date, column: Date, type: date }', '  - { field: created_at, column: Created, type: datetime }'].join('\n');
    expect((await t.app.inject({ method: 'PUT', url: '/api/mappings/dates', headers: t.auth('manager'), payload: { content: mapping } })).statusCode).toBe(200);
    const id = await newDataset('csv-dates');
    const csv = 'ID,Date,Created\nA,2026-02-31,\nB,01/02/2026,\nC,0,\nD,2026-12-15T23:30:00-05:00,2026-12-15T23:30:00-05:00\nE,2026-12-15,2026-13-01T00:00:00Z\n';
    const res = await t.app.inject({ method: 'POST', url: `/api/datasets/${id}/import?mapping=dates`, headers: { ...t.auth('manager'), 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.imported).toBe(1);
    expect(result.rejected).toEqual([
      { line: 2, errors: [expect.stringMatching(/"2026-02-31" is not a real date/)] },
      { line: 3, errors: [expect.stringMatching(/"01\/02\/2026" .*ambiguous.*must name the format/)] },
      { line: 4, errors: [expect.stringMatching(/column "Date": "0" is not an ISO 8601 date/)] },
      { line: 6, errors: [expect.stringMatching(/column "Created": "2026-13-01T00:00:00Z" is not a real date/)] },
    ]);
    const d = await t.app.inject({ method: 'GET', url: `/api/datasets/${id}/leads/D`, headers: t.auth('manager') });
    expect(d.json().lead).toMatchObject({ service: { date: '2026-12-15' }, created_at: '2026-12-15T23:30:00-05:00' });

    // NDJSON goes through the same validator: the same impossible date is refused there too.
    const nd = await importNdjson(id, ndjson([lead('N1', { service: { date: '2026-02-31' } }), lead('N2', { created_at: '0' }), lead('N3', { service: { date: '2026-12-15' } })]));
    expect(nd.json().imported).toBe(1);
    expect(nd.json().rejected).toEqual([
      { line: 1, errors: [expect.stringMatching(/^service\.date: expected an ISO date/)] },
      { line: 2, errors: [expect.stringMatching(/^created_at: expected an ISO 8601 date-time/)] },
    ]);
  });

  it('detects a Latin-1 CSV (or takes ?encoding=) and says which encoding it used', async () => {
    const mapping = ['name: names', 'id: { column: ID }', 'fields:', '  - { field: contact.name, column: Name }', '  - { field: service.origin, column: City }'].join('\n');
    expect((await t.app.inject({ method: 'PUT', url: '/api/mappings/names', headers: t.auth('manager'), payload: { content: mapping } })).statusCode).toBe(200);
    const id = await newDataset('csv-latin1');
    const text = 'ID,Name,City\n1,Zoë Müller,Zürich\n2,José Peña,Málaga\n';
    const latin1 = Buffer.from(new Uint8Array([...text].map((c) => c.charCodeAt(0))));
    const send = (body: Buffer, query = '', type = 'text/csv') =>
      t.app.inject({ method: 'POST', url: `/api/datasets/${id}/import?mapping=names${query}`, headers: { ...t.auth('manager'), 'content-type': type }, payload: body });
    const detected = await send(latin1);
    expect(detected.statusCode).toBe(200);
    expect(detected.json()).toMatchObject({ imported: 2, encoding: { name: 'windows-1252', source: 'detected' } });
    const one = await t.app.inject({ method: 'GET', url: `/api/datasets/${id}/leads/1`, headers: t.auth('manager') });
    expect(one.json().lead).toMatchObject({ contact: { name: 'Zoë Müller' }, service: { origin: 'Zürich' } });
    expect((await send(latin1, '&encoding=latin1')).json().encoding).toEqual({ name: 'windows-1252', source: 'requested' });
    expect((await send(latin1, '', 'text/csv; charset=ISO-8859-1')).json().encoding).toEqual({ name: 'windows-1252', source: 'requested' });
    const utf16 = await send(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(utf16.json()).toMatchObject({ imported: 2, encoding: { name: 'utf-16le', source: 'byte order mark' } });
    // Named wrongly: a 400 naming the problem, and nothing written.
    const before = (await t.app.inject({ method: 'GET', url: `/api/datasets/${id}`, headers: t.auth('manager') })).json().lead_count;
    const wrong = await send(latin1, '&encoding=utf-8');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().detail).toMatch(/not valid utf-8/);
    const wrongNd = await t.app.inject({ method: 'POST', url: `/api/datasets/${id}/import?encoding=utf-8`, headers: { ...t.auth('manager'), 'content-type': 'application/x-ndjson' }, payload: latin1 });
    expect(wrongNd.statusCode).toBe(400);
    expect((await send(latin1, '&encoding=klingon')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/datasets/${id}`, headers: t.auth('manager') })).json().lead_count).toBe(before);
  });

  it('refuses a CSV without a mapping, with an unknown mapping, or missing mapped columns', async () => {
    const id = await newDataset('csv-bad');
    const send = (url: string, body: string) => t.app.inject({ method: 'POST', url, headers: { ...t.auth('manager'), 'content-type': 'text/csv' }, payload: body });
    expect((await send(`/api/datasets/${id}/import`, 'a,b\n1,2\n')).statusCode).toBe(400);
    expect((await send(`/api/datasets/${id}/import?mapping=nope`, 'a,b\n1,2\n')).statusCode).toBe(404);
    const missing = await send(`/api/datasets/${id}/import?mapping=xeducation`, 'a,b\n1,2\n');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toContain('Prospect ID');
  });

  it.skipIf(!fs.existsSync(XEDU))('imports the real xeducation export: every row accounted for, Do Not Email becomes consent', async () => {
    const id = await newDataset('xeducation');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/datasets/${id}/import?mapping=xeducation`,
      headers: { ...t.auth('engineer'), 'content-type': 'text/csv' },
      payload: fs.createReadStream(XEDU),
    });
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.imported + result.rejected.length).toBe(9237);
    expect(result.imported).toBe(9237);
    const { rows } = await sql<{ no_email: string; no_phone: string }>`
      select count(*) filter (where record->'consent'->>'email' = 'false') as no_email,
             count(*) filter (where record->'consent'->>'phone' = 'false') as no_phone
      from leads where dataset_id = ${result.dataset_id}`.execute(t.database.db);
    expect(Number(rows[0].no_email)).toBe(734);
    expect(Number(rows[0].no_phone)).toBe(2);
    const lost = await t.app.inject({ method: 'GET', url: `/api/datasets/${id}/leads?limit=1`, headers: t.auth('engineer') });
    expect(lost.json().total).toBe(9237);
  });
});
