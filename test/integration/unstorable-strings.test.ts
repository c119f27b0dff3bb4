/**
 * A NUL or an unpaired surrogate anywhere a client can put a string (issue 9, item 4): a 400
 * naming the field, or the import line, on both databases; nothing half-written, never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';

// JSON escapes, exactly as a client would send them (a JS string would be encoded by inject).
const NUL = '\\u0000';
const LONE = '\\ud800';
const json = (s: string) => ({ 'content-type': 'application/json' as const, body: s });

describe.each(DB_TARGETS)('unstorable strings on $kind', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(target);
    await bootstrap(t.database.db, { seedDemo: false });
  });
  afterAll(async () => t?.close());

  const post = (url: string, body: string, role: 'rep' | 'admin' | 'manager' = 'rep') => {
    const { body: payload, ...ct } = json(body);
    return t.app.inject({ method: 'POST', url, headers: { ...t.auth(role), ...ct }, payload });
  };
  const count = async (table: 'recommendations' | 'audit_log' | 'tokens' | 'leads') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses a lead field with a NUL or a lone surrogate, naming the field', async () => {
    for (const bad of [NUL, LONE]) {
      const before = await count('recommendations');
      const res = await post('/api/v1/recommendations', `{"lead":{"id":"L-1","contact":{"name":"Ana${bad}"},"activities":[{"text":"hi ${bad}"}]}}`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toContain('contact.name');
      expect(res.json().detail).toContain('activities.0.text');
      expect(await count('recommendations')).toBe(before);
    }
  });

  it('refuses a batch with one bad lead as a whole, naming its index, writing nothing', async () => {
    const before = [await count('recommendations'), await count('audit_log')];
    const leads = Array.from({ length: 5 }, (_, i) => `{"id":"B-${i}","lost_reason":"${i === 3 ? `x${NUL}` : 'none'}"}`);
    const res = await post('/api/v1/recommendations/batch', `{"leads":[${leads.join(',')}]}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('leads.3.lost_reason');
    expect([await count('recommendations'), await count('audit_log')]).toEqual(before);
  });

  it('refuses a bad field name too', async () => {
    const res = await post('/api/v1/grounding', `{"lead":{"id":"L-1","x${NUL}":1},"text":"hello"}`);
    expect(res.statusCode).toBe(400);
  });

  it('refuses NUL in a token name, a release comment, a path id and a query', async () => {
    const tokens = await count('tokens');
    const token = await post('/api/tokens', `{"name":"Marko${NUL}","role":"rep"}`, 'admin');
    expect(token.statusCode).toBe(400);
    expect(token.json().detail).toContain('body.name');
    expect(await count('tokens')).toBe(tokens);

    const reject = await post('/api/releases/none/reject', `{"comment":"no${LONE}"}`, 'manager');
    expect(reject.statusCode).toBe(400);
    expect(reject.json().detail).toContain('body.comment');

    const dataset = await t.app.inject({ method: 'GET', url: '/api/datasets/a%00b', headers: t.auth('manager') });
    expect(dataset.statusCode).toBe(400);
    expect(dataset.json().detail).toContain('params.id');

    const audit = await t.app.inject({ method: 'GET', url: '/api/audit?subject=a%00b', headers: t.auth('manager') });
    expect(audit.statusCode).toBe(400);
    expect(audit.json().detail).toContain('query.subject');
  });

  it('answers a path that is not UTF-8, or too long, with a problem document', async () => {
    for (const [url, status] of [['/api/datasets/%ED%A0%80', 400], [`/api/datasets/${'x'.repeat(300)}`, 414]] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers: t.auth('manager') });
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
    }
  });

  it('answers a bad dashboard date and a provider of the wrong type with a 400, not a 500', async () => {
    const dash = await t.app.inject({ method: 'GET', url: '/api/audit/dashboard?since=not-a-date', headers: t.auth('manager') });
    expect(dash.statusCode).toBe(400);
    expect(dash.json().detail).toContain('since');
    const ds = await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('manager'), payload: { name: `provider-${target.kind}`, as_of: '2026-11-20' } });
    const id = ds.json().id;
    await t.app.inject({
      method: 'POST', url: `/api/datasets/${id}/import`, headers: { ...t.auth('manager'), 'content-type': 'application/x-ndjson' },
      payload: '{"id":"P-1","contact":{"name":"Ana","email":"a@example.org"},"service":{"date":"2026-12-15"},"quotes":[{"sent_at":"2026-11-01T10:00:00Z","amount":900,"status":"sent"}]}',
    });
    for (const provider of [42, { type: 'nonsense' }, { type: 'promptfoo' }]) {
      const run = await t.app.inject({ method: 'POST', url: '/api/prompts/run', headers: t.auth('manager'), payload: { dataset_id: id, lead_id: 'P-1', provider } });
      expect(run.statusCode).toBe(400);
      expect(run.json().detail).toContain('provider');
    }
  });

  it('rejects just the bad line of an NDJSON import and imports the others', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('manager'), payload: { name: `nul-${target.kind}`, as_of: '2026-11-20' } });
    const id = created.json().id;
    const lines = ['{"id":"N-1"}', `{"id":"N-2","contact":{"name":"A${NUL}"}}`, `{"id":"N-3","lost_reason":"${LONE}"}`, '{"id":"N-4"}'];
    const res = await t.app.inject({
      method: 'POST', url: `/api/datasets/${id}/import`, headers: { ...t.auth('manager'), 'content-type': 'application/x-ndjson' }, payload: lines.join('\n'),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.imported).toBe(2);
    expect(body.rejected.map((r: { line: number }) => r.line)).toEqual([2, 3]);
    expect(body.rejected[0].errors.join(' ')).toContain('contact.name');
  });

  it('rejects the bad row of a CSV import', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('manager'), payload: { name: `nul-csv-${target.kind}`, as_of: '2026-11-20' } });
    const id = created.json().id;
    const header = 'Prospect ID,Lead Number,Lead Origin,Lead Source,Do Not Email,Do Not Call,Converted,Last Activity,City,Specialization,Tags,Lead Quality,Last Notable Activity';
    const row = (id: string, tags: string) => `${id},1,API,Google,No,No,0,Email Opened,Zagreb,Select,${tags},Select,Modified`;
    const csv = [header, row('P-1', 'Ringing'), row('P-2', 'Ring\u0000ing'), ''].join('\n');
    const res = await t.app.inject({
      method: 'POST', url: `/api/datasets/${id}/import?mapping=xeducation`, headers: { ...t.auth('manager'), 'content-type': 'text/csv' }, payload: csv,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().imported).toBe(1);
    expect(res.json().rejected).toHaveLength(1);
  });
});
