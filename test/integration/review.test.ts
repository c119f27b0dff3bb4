import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { createToken } from '../../server/modules/auth/tokens.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';
import { demoLeadWhere } from '../helpers/demo-leads.ts';

const AS_OF = '2026-11-20';

describe.each(DB_TARGETS)('review, outcomes and grounding on $kind', (target) => {
  let t: TestApp;
  let otherRep: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp(target);
    await bootstrap(t.database.db, { seedDemo: false });
    otherRep = { authorization: `Bearer ${(await createToken(t.database.db, { name: 'ivana', role: 'rep', createdBy: 'test' })).token}` };
  });
  afterAll(async () => t?.close());

  // Each call is a different lead: a second recommendation for the same lead would supersede the first.
  let leadNumber = 0;
  async function recommendation(owner: string | null) {
    const lead = demoLeadWhere((l) => l.label?.decision === 'contact' && !!l.contact?.email && !!l.contact?.name && l.consent?.email !== false);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth('rep'), payload: { lead: { ...lead, id: `${lead.id}-${++leadNumber}`, owner }, as_of: AS_OF } });
    const rec = res.json();
    expect(rec.recommendation).not.toBeNull();
    return rec;
  }
  const review = (id: string, body: object, headers = t.auth('rep')) => t.app.inject({ method: 'POST', url: `/api/v1/recommendations/${id}/review`, headers, payload: body });

  it('lists the queue by priority, scoped to the rep', async () => {
    const mine = await recommendation(null);
    await recommendation('someone else');
    const queue = await t.app.inject({ method: 'GET', url: '/api/v1/recommendations', headers: t.auth('rep') });
    const ids = queue.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(mine.id);
    expect(queue.json().items.every((i: { assigned_to: string | null }) => i.assigned_to === null)).toBe(true);
  });

  it('refuses a rep reviewing a recommendation assigned to someone else', async () => {
    const rec = await recommendation('marko');
    expect((await review(rec.id, { action: 'approve' }, otherRep)).statusCode).toBe(403);
  });

  it('approves the draft as it is, once', async () => {
    const rec = await recommendation(null);
    const res = await review(rec.id, { action: 'approve' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', issues: [] });
    expect((await review(rec.id, { action: 'approve' })).statusCode).toBe(409);
  });

  it('re-checks an edited text: unsupported claims need acknowledging, pricing promises are refused', async () => {
    const rec = await recommendation(null);
    const email = rec.recommendation.email;
    const check = await t.app.inject({
      method: 'POST', url: `/api/v1/recommendations/${rec.id}/check`, headers: t.auth('rep'),
      payload: { email: { subject: email.subject, body: `${email.body}\nAs agreed, your move is on 3 March 2027.` } },
    });
    expect(check.json().grounded).toBe(false);
    expect(check.json().issues.map((i: { kind: string }) => i.kind)).toContain('unsupported_date');

    const unsupported = await review(rec.id, { action: 'edit', email: { subject: email.subject, body: `${email.body}\nYour move is on 3 March 2027.` } });
    expect(unsupported.statusCode).toBe(422);
    expect(unsupported.json().issues[0].kind).toBe('unsupported_date');

    const promise = await review(rec.id, { action: 'edit', acknowledge_issues: true, email: { subject: email.subject, body: `${email.body}\nWe will match any competitor's price.` } });
    expect(promise.statusCode).toBe(422);
    expect(promise.json().issues.map((i: { kind: string }) => i.kind)).toContain('pricing_promise');

    const accepted = await review(rec.id, { action: 'edit', acknowledge_issues: true, email: { subject: email.subject, body: `${email.body}\nYour move is on 3 March 2027.` } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'edited', final: { email: { subject: email.subject } } });
    const audit = await t.app.inject({ method: 'GET', url: `/api/audit?subject=${rec.id}`, headers: t.auth('manager') });
    // The refused pricing approval is in the log too, before the accepted edit.
    expect(audit.json().items.map((i: { action: string }) => i.action)).toEqual(['recommendation.edit', 'recommendation.review_refused', 'recommendation.create']);
  });

  it('needs a reason to reject; records outcomes and exports them as labels', async () => {
    const rec = await recommendation(null);
    expect((await review(rec.id, { action: 'reject' })).statusCode).toBe(400);
    expect((await review(rec.id, { action: 'reject', reason: 'They already booked with us by phone.' })).json().status).toBe('rejected');

    const approved = await recommendation(null);
    await review(approved.id, { action: 'approve' });
    const outcome = await t.app.inject({ method: 'POST', url: `/api/v1/recommendations/${approved.id}/outcome`, headers: t.auth('rep'), payload: { outcome: 'converted', note: 'booked' } });
    expect(outcome.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/recommendations/${approved.id}/outcome`, headers: t.auth('rep'), payload: { outcome: 'delighted' } })).statusCode).toBe(400);

    const exported = await t.app.inject({ method: 'GET', url: '/api/v1/outcomes/export', headers: t.auth('engineer') });
    const lines = exported.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((l) => l.id === approved.lead_id).label).toMatchObject({ decision: 'contact', outcome: 'converted' });

    const dashboard = await t.app.inject({ method: 'GET', url: '/api/audit/dashboard', headers: t.auth('manager') });
    expect(dashboard.json().total).toMatchObject({ approve: expect.any(Number), reject: expect.any(Number) });
    expect(dashboard.json().total.outcomes.converted).toBeGreaterThanOrEqual(1);
    const csv = await t.app.inject({ method: 'GET', url: '/api/audit/export.csv?action=recommendation.reject', headers: t.auth('manager') });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toBe('id,at,actor,action,subject,details');
    expect(csv.body).toContain('recommendation.reject');
  });

  it('checks grounding for any role and any (lead, text) pair', async () => {
    const lead = { id: 'G-1', contact: { name: 'Ana Horvat' }, service: { origin: 'Zagreb', destination: 'Munich', date: '2026-12-15' }, quotes: [{ amount: 2450, currency: 'EUR', status: 'sent' }] };
    for (const role of ['admin', 'manager', 'engineer', 'rep'] as const) {
      const ok = await t.app.inject({ method: 'POST', url: '/api/v1/grounding', headers: t.auth(role), payload: { lead, text: 'Dear Ana, about your move from Zagreb to Munich on 15 December and our quote of €2,450.' } });
      expect(ok.json()).toEqual({ grounded: true, issues: [] });
    }
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/grounding', headers: t.auth('rep'), payload: { lead, text: 'Dear Ana, your move to Vienna on 20 January for €1,900, with free packing.' } });
    const kinds = bad.json().issues.map((i: { kind: string }) => i.kind);
    expect(bad.json().grounded).toBe(false);
    expect(kinds).toEqual(expect.arrayContaining(['unsupported_place', 'unsupported_date', 'unsupported_amount', 'pricing_promise']));
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/grounding', headers: t.auth('rep'), payload: { lead: { id: 3 }, text: 'x' } })).statusCode).toBe(400);
  });
});
