/**
 * The mapping editor's server side: inspecting a file (columns, samples, suggestions, ambiguous
 * dates), previewing an unsaved mapping on the heads of an export (canonical leads with their
 * activities joined, and the production release's decisions), and versioned saves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';

const HUBSPOT = path.resolve(__dirname, '../fixtures/crm-exports/hubspot');
const MAPPINGS = path.resolve(__dirname, '../../datasets/mappings');

describe.each(DB_TARGETS)('mapping editor API on $kind', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(target);
    await bootstrap(t.database.db, { seedDemo: false });
  });
  afterAll(async () => t?.close());

  const csv = (url: string, body: string | Buffer) => t.app.inject({ method: 'POST', url, headers: { ...t.auth('manager'), 'content-type': 'text/csv' }, payload: body });

  it('lists columns with samples and suggestions, and flags a date format it cannot decide', async () => {
    const body = 'Customer No,E-Mail Address,Do Not Email,Moving Date,Created\n1,a@x.org,Yes,01/02/2027,2026-08-14 09:12\n2,b@x.org,No,03/04/2027,2026-08-15 10:00\n';
    const res = await csv('/api/mappings/inspect?kind=leads', body);
    expect(res.statusCode).toBe(200);
    const cols = Object.fromEntries(res.json().columns.map((c: { name: string }) => [c.name, c]));
    expect(cols['E-Mail Address'].suggestion.field).toBe('contact.email');
    expect(cols['Do Not Email'].suggestion).toMatchObject({ field: 'consent.email', values: { Yes: false, No: null } });
    expect(cols['Moving Date'].suggestion).toMatchObject({ field: 'service.date', ambiguous_date: true });
    expect(cols['Moving Date'].suggestion.formats).toEqual(expect.arrayContaining(['DD/MM/YYYY', 'MM/DD/YYYY']));
    expect(cols['Created'].suggestion).toMatchObject({ field: 'created_at', type: 'datetime', ambiguous_date: false, formats: ['iso'] });
    expect(cols['Customer No'].samples).toEqual(['1', '2']);
    // A day over 12 settles it.
    const settled = await csv('/api/mappings/inspect', 'Moving Date\n25/02/2027\n03/04/2027\n');
    expect(settled.json().columns[0].suggestion).toMatchObject({ ambiguous_date: false, formats: ['DD/MM/YYYY'] });
    expect(res.json().encoding).toEqual({ name: 'utf-8', source: 'detected' });
  });

  it('previews an unsaved mapping: leads with their activities joined, and production decisions', async () => {
    const files = Object.fromEntries(['contacts', 'calls', 'notes'].map((f) => [f === 'contacts' ? 'leads' : f, fs.readFileSync(path.join(HUBSPOT, `${f}.csv`), 'utf8')]));
    const content = fs.readFileSync(path.join(MAPPINGS, 'hubspot.yaml'), 'utf8').replace('name: hubspot', 'name: hubspot-draft');
    const res = await t.app.inject({ method: 'POST', url: '/api/mappings/draft-preview', headers: t.auth('manager'), payload: { content, files, rows: 10, as_of: '2026-11-20' } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.release_id).toEqual(expect.any(String));
    expect(body.leads.map((l: { line: number; ok: boolean }) => [l.line, l.ok])).toEqual([[2, true], [3, true], [4, true], [5, false], [6, false], [7, true]]);
    const jonas = body.leads[1];
    expect(jonas.lead.activities.map((a: { channel: string }) => a.channel)).toEqual(['call', 'note']);
    // "asked us to stop calling" / "DO NOT CALL" in the joined activities: production says do_not_contact.
    expect(jonas.decision.decision).toBe('do_not_contact');
    for (const l of body.leads.filter((x: { ok: boolean }) => x.ok)) expect(l.decision.reasons.length).toBeGreaterThan(0);
    expect(body.unmatched_rows).toBe(2); // hs-57 (not in the file) and hs-55 (rejected)

    const bad = await t.app.inject({ method: 'POST', url: '/api/mappings/draft-preview', headers: t.auth('manager'), payload: { content: 'name: x\nid: { column: A }\nfields:\n  - { field: service.date, column: D, type: date, format: "DD/MM" }\n', files: { leads: 'A,D\n1,2\n' }, as_of: '2026-11-20' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/fields\.0\.format/);
  });

  it('keeps every saved version of a mapping', async () => {
    const v1 = 'name: versioned\nid: { column: ID }\n';
    const v2 = 'name: versioned\nid: { column: ID, prefix: "X-" }\n';
    expect((await t.app.inject({ method: 'PUT', url: '/api/mappings/versioned', headers: t.auth('manager'), payload: { content: v1 } })).json().version).toBe(1);
    expect((await t.app.inject({ method: 'PUT', url: '/api/mappings/versioned', headers: t.auth('engineer'), payload: { content: v2 } })).json().version).toBe(2);
    const list = await t.app.inject({ method: 'GET', url: '/api/mappings/versioned/versions', headers: t.auth('manager') });
    expect(list.json().items.map((v: { version: number; content: string }) => [v.version, v.content])).toEqual([[2, v2], [1, v1]]);
    expect((await t.app.inject({ method: 'GET', url: '/api/mappings/versioned', headers: t.auth('manager') })).json().content).toBe(v2);
  });
});
