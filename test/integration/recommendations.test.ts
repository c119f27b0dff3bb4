import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { bootstrap } from '../../server/bootstrap.ts';
import { loadConfig } from '../../server/config.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';
import { demoLeadWhere } from '../helpers/demo-leads.ts';

const AS_OF = '2026-11-20';
const contactLead = () => demoLeadWhere((l) => l.label?.decision === 'contact' && l.consent?.email !== false && !!l.contact?.email);

describe.each(DB_TARGETS)('production recommendations on $kind', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(target);
    await bootstrap(t.database.db, { seedDemo: false });
  });
  afterAll(async () => t?.close());

  const recommend = (body: unknown, role: 'rep' | 'manager' | 'engineer' | 'admin' = 'rep') =>
    t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth(role), payload: body as object });

  it('returns the contract shape, logged in the audit log before it is returned', async () => {
    const lead = contactLead();
    const res = await recommend({ lead, as_of: AS_OF });
    expect(res.statusCode).toBe(200);
    const rec = res.json();
    expect(rec).toMatchObject({ id: expect.stringMatching(/^rec_/), release_id: expect.any(String), lead_id: lead.id, as_of: AS_OF, status: 'needs_review' });
    expect(['contact', 'wait']).toContain(rec.decision);
    expect(rec.reasons[0]).toEqual({ code: expect.any(String), explanation: expect.any(String) });
    expect(rec.recommendation).toMatchObject({ angle: expect.any(String), timing: expect.any(String), email: { subject: expect.any(String), body: expect.any(String) }, confidence: expect.any(Number) });
    expect(Array.isArray(rec.recommendation.objection_handling)).toBe(true);

    const audit = await t.app.inject({ method: 'GET', url: `/api/audit?subject=${rec.id}`, headers: t.auth('manager') });
    const [entry] = audit.json().items;
    expect(entry).toMatchObject({ action: 'recommendation.create', subject: rec.id, actor: expect.stringMatching(/^token:/) });
    // The entry holds references and a hash of what was returned, not the payload (issue 14: no personal data in the audit log).
    expect(entry.details).toMatchObject({ input_hash: expect.stringMatching(/^[0-9a-f]{64}$/), release_id: rec.release_id, decision: rec.decision, output_hash: createHash('sha256').update(res.body).digest('hex') });
    expect(entry.details.output).toBeUndefined();
  });

  it('never drafts for hard blocks, and drops channels without consent', async () => {
    const lead = contactLead();
    const optedOut = await recommend({ lead: { ...lead, consent: { ...lead.consent, opted_out_at: '2026-10-01T00:00:00Z' } }, as_of: AS_OF });
    expect(optedOut.json()).toMatchObject({ decision: 'do_not_contact', recommendation: null });
    expect(optedOut.json().reasons.map((r: { code: string }) => r.code)).toContain('opted_out');

    const noEmail = await recommend({ lead: { ...lead, consent: { ...lead.consent, email: false, phone: true } }, as_of: AS_OF });
    const body = noEmail.json();
    if (body.recommendation) expect(body.recommendation.email).toBeNull();
  });

  it('answers a malformed lead with a 400 naming each bad field, and stores nothing', async () => {
    const before = await t.database.db.selectFrom('recommendations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const res = await recommend({ lead: { id: 'X', quotes: [{ amount: 'cheap' }], consent: { email: 'yes' }, status: 'sleeping' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const { errors } = res.json();
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/^lead\.quotes\.0\.amount/), expect.stringMatching(/^lead\.consent\.email/), expect.stringMatching(/^lead\.status/)]));
    expect((await recommend({})).statusCode).toBe(400);
    const after = await t.database.db.selectFrom('recommendations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses oversized bodies with 413 and batches over 1000 with 400', async () => {
    const big = await recommend({ lead: { id: 'big', lost_reason: 'x'.repeat(1_100_000) } });
    expect(big.statusCode).toBe(413);
    const many = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations/batch', headers: t.auth('rep'), payload: { leads: Array.from({ length: 1001 }, (_, i) => ({ id: `L${i}` })) } });
    expect(many.statusCode).toBe(400);
  });

  it('recommends a batch, each logged', async () => {
    const lead = contactLead();
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/recommendations/batch', headers: t.auth('engineer'),
      payload: { as_of: AS_OF, leads: [lead, { ...lead, id: 'B-2', consent: { erasure_requested_at: '2026-09-01T00:00:00Z' } }, { id: 'B-3' }] },
    });
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items.map((i: { lead_id: string }) => i.lead_id)).toEqual([lead.id, 'B-2', 'B-3']);
    expect(items[1].decision).toBe('do_not_contact');
    for (const item of items) {
      const audit = await t.app.inject({ method: 'GET', url: `/api/audit?subject=${item.id}`, headers: t.auth('manager') });
      expect(audit.json().total).toBe(1);
    }
  });

  it('gives 503 and no recommendation when the audit log cannot be written', async () => {
    await sql`create function fail_audit() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`.execute(t.database.db);
    await sql`create trigger fail_audit before insert on audit_log for each row execute function fail_audit()`.execute(t.database.db);
    try {
      const before = await t.database.db.selectFrom('recommendations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      const res = await recommend({ lead: contactLead(), as_of: AS_OF });
      expect(res.statusCode).toBe(503);
      expect(res.json().recommendation).toBeUndefined();
      const after = await t.database.db.selectFrom('recommendations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    } finally {
      await sql`drop trigger fail_audit on audit_log`.execute(t.database.db);
      await sql`drop function fail_audit()`.execute(t.database.db);
    }
  });

  // The write is one database call (record_recommendations): rows, audit entries, supersedes and
  // new suppression entries stand or fall together, whichever of them the database refuses.
  it.each([
    ['the audit entry of a supersede', 'audit_log', `new.action = 'recommendation.supersede'`],
    ['the suppression entry of a refusal', 'privacy_suppressions', 'true'],
  ])('gives 503 and writes nothing when %s cannot be written', async (_what, table, when) => {
    const lead = table === 'audit_log'
      // Its own contact details: another test here puts the demo lead's on the suppression list.
      ? { ...contactLead(), id: 'L-SUPERSEDE-FAULT', contact: { ...contactLead().contact, email: 'supersede.fault@example.org', phone: '+385 91 555 0199' } }
      : { id: 'L-REFUSAL-FAULT', contact: { name: 'Ivo Refusal', email: 'ivo.refusal@example.org' }, consent: { email: true, phone: null, opted_out_at: '2026-10-01T00:00:00Z' } };
    // An open recommendation for the lead, so that the next one supersedes it.
    if (table === 'audit_log') expect((await recommend({ lead, as_of: AS_OF })).json().status).toBe('needs_review');
    const counts = async () => Promise.all((['recommendations', 'audit_log', 'privacy_suppressions'] as const).map(async (t2) =>
      Number((await t.database.db.selectFrom(t2).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)));
    const before = await counts();
    await sql`create function fail_write() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`.execute(t.database.db);
    await sql.raw(`create trigger fail_write before insert on ${table} for each row when (${when}) execute function fail_write()`).execute(t.database.db);
    try {
      const res = await recommend({ lead, as_of: AS_OF });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
      expect(await counts()).toEqual(before);
    } finally {
      await sql.raw(`drop trigger fail_write on ${table}`).execute(t.database.db);
      await sql`drop function fail_write()`.execute(t.database.db);
    }
    // And once the database accepts it again, the same request is served and logged.
    const ok = await recommend({ lead, as_of: AS_OF });
    expect(ok.statusCode).toBe(200);
    const audit = await t.app.inject({ method: 'GET', url: `/api/audit?subject=${ok.json().id}`, headers: t.auth('manager') });
    expect(audit.json().total).toBe(1);
  });

  it('rate-limits per token with 429 and Retry-After', async () => {
    // Same database, an app whose limit is 1 per second (burst 2), so the test does not race the clock.
    const limited = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_SECOND: '1' }), database: t.database, logger: false, webDir: '/nonexistent' });
    try {
      const send = (role: 'manager' | 'engineer') => limited.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth(role), payload: { lead: { id: 'RL-1' }, as_of: AS_OF } });
      const statuses = [(await send('manager')).statusCode, (await send('manager')).statusCode];
      const third = await send('manager');
      expect(statuses).toEqual([200, 200]);
      expect(third.statusCode).toBe(429);
      expect(third.headers['content-type']).toContain('application/problem+json');
      expect(Number(third.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Another token has its own bucket.
      expect((await send('engineer')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('serves a batch of 1,000 leads with the default rate limit, and tells the next request how long to wait', async () => {
    const { createToken } = await import('../../server/modules/auth/tokens.ts');
    const { token } = await createToken(t.database.db, { name: 'batch integration', role: 'engineer', createdBy: 'test' });
    const headers = { authorization: `Bearer ${token}` };
    const leads = Array.from({ length: 1000 }, (_, i) => ({ id: `BATCH-${i}`, contact: { name: 'Ana Horvat', email: `b${i}@example.org` }, service: { date: '2026-12-15' } }));
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations/batch', headers, payload: { leads, as_of: AS_OF } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1000);
    const next = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers, payload: { lead: leads[0], as_of: AS_OF } });
    expect(next.statusCode).toBe(429);
    // 100/s by default: the batch left 800 in debt, less what refilled while it ran: at most 9 s, never "forever".
    expect(Number(next.headers['retry-after'])).toBeGreaterThanOrEqual(3);
    expect(Number(next.headers['retry-after'])).toBeLessThanOrEqual(10);
  });

  it('lets the admin ask (admin may do what any role may) and refuses unauthenticated callers', async () => {
    expect((await recommend({ lead: { id: 'x' } }, 'admin')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', payload: { lead: { id: 'x' } } })).statusCode).toBe(401);
  });
});
