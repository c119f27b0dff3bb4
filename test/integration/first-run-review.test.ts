/**
 * Issue 11 on both databases: one current recommendation per lead (a superseded one leaves the
 * queue and cannot be reviewed: 409), explicit assignment (a token acts for CRM owners; a 403
 * names nobody), the approved text kept beside the original, and a price change that is refused
 * (422) in en, de and hr even when the reviewer acknowledges the issues, with the refusal audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';
import { demoLeadWhere } from '../helpers/demo-leads.ts';

const AS_OF = '2026-11-20';

describe.each(DB_TARGETS)('first run and the rep\'s day on $kind', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(target);
    await bootstrap(t.database.db, { seedDemo: false });
  });
  afterAll(async () => t?.close());

  const base = demoLeadWhere((l) => l.label?.decision === 'contact' && !!l.contact?.email && !!l.contact?.name && l.consent?.email !== false);
  let n = 0;
  const recommend = async (leadId: string, owner: string | null, role: 'rep' | 'manager' | 'admin' = 'manager') => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth(role), payload: { lead: { ...base, id: leadId, owner }, as_of: AS_OF } });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
  const review = (id: string, body: object, headers = t.auth('rep')) => t.app.inject({ method: 'POST', url: `/api/v1/recommendations/${id}/review`, headers, payload: body });

  it('supersedes the open recommendation of a lead when a newer one arrives; reviewing the old one is 409', async () => {
    const leadId = `SUP-${++n}`;
    const first = await recommend(leadId, null);
    const second = await recommend(leadId, null);
    expect(first.status).toBe('needs_review');
    expect(second.status).toBe('needs_review');

    const old = await get(`/api/v1/recommendations/${first.id}`, t.auth('rep'));
    expect(old.json()).toMatchObject({ status: 'superseded', superseded_by: second.id });
    const queue = (await get('/api/v1/recommendations?limit=200', t.auth('rep'))).json().items.filter((i: { lead_id: string }) => i.lead_id === leadId);
    expect(queue.map((i: { id: string }) => i.id)).toEqual([second.id]);
    expect(queue[0]).toMatchObject({ release_number: 1, created_at: expect.any(String) });
    const superseded = (await get('/api/v1/recommendations?status=superseded&limit=200', t.auth('rep'))).json().items.map((i: { id: string }) => i.id);
    expect(superseded).toContain(first.id);

    const refused = await review(first.id, { action: 'approve' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain(second.id);
    expect((await review(second.id, { action: 'approve' })).statusCode).toBe(200);

    const audit = await get(`/api/audit?subject=${first.id}`, t.auth('manager'));
    // The refused review of the superseded one is on the record too.
    expect(audit.json().items.map((i: { action: string }) => i.action)).toEqual(['recommendation.review_refused', 'recommendation.supersede', 'recommendation.create']);
    expect(audit.json().items[0].details).toMatchObject({ refused_for: ['superseded'], superseded_by: second.id });
  });

  it('leaves exactly one open recommendation when many arrive for one lead at once', async () => {
    const leadId = `SUP-${++n}`;
    const views = await Promise.all(Array.from({ length: 8 }, () => recommend(leadId, null)));
    const rows = await t.database.db.selectFrom('recommendations').select(['id', 'status', 'superseded_by']).where('lead_id', '=', leadId).execute();
    expect(rows).toHaveLength(8);
    expect(rows.filter((r) => r.status === 'needs_review')).toHaveLength(1);
    expect(rows.filter((r) => r.status === 'superseded').every((r) => views.some((v) => v.id === r.superseded_by))).toBe(true);
  });

  it('supersedes the earlier copy of a lead listed twice in one batch', async () => {
    const leadId = `SUP-${++n}`;
    const lead = { ...base, id: leadId, owner: null };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations/batch', headers: t.auth('manager'), payload: { leads: [lead, lead], as_of: AS_OF } });
    const [a, b] = res.json().items;
    expect([a.status, b.status]).toEqual(['superseded', 'needs_review']);
    expect((await get(`/api/v1/recommendations/${a.id}`, t.auth('manager'))).json().superseded_by).toBe(b.id);
  });

  it('follows the owners a token acts for; a refusal names nobody; the page says why a lead is yours', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth('admin'), payload: { name: 'Marko H.', role: 'rep', acts_for: ['Marko Horvat'] } });
    expect(created.statusCode).toBe(201);
    expect(created.json().acts_for).toEqual(['Marko Horvat']);
    const marko = { authorization: `Bearer ${created.json().token}` };
    const mine = await recommend(`OWN-${++n}`, 'marko horvat');
    const theirs = await recommend(`OWN-${++n}`, 'Sarah Keller');

    const queue = (await get('/api/v1/recommendations?limit=200', marko)).json().items.map((i: { id: string }) => i.id);
    expect(queue).toContain(mine.id);
    expect(queue).not.toContain(theirs.id);
    expect((await get(`/api/v1/recommendations/${mine.id}`, marko)).json().assignment_reason).toContain('marko horvat');

    const forbidden = await get(`/api/v1/recommendations/${theirs.id}`, marko);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.body.toLowerCase()).not.toContain('sarah');

    // The admin changes whom the token acts for; the queue follows at once.
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/tokens/${created.json().id}`, headers: t.auth('admin'), payload: { acts_for: ['Sarah Keller'] } });
    expect(patched.json()).toMatchObject({ name: 'Marko H.', acts_for: ['Sarah Keller'] });
    const after = (await get('/api/v1/recommendations?limit=200', marko)).json().items.map((i: { id: string }) => i.id);
    expect(after).toContain(theirs.id);
    expect(after).not.toContain(mine.id);
    const people = (await get('/api/people', marko)).json().items;
    expect(people).toContainEqual({ actor: `token:${created.json().id}`, name: 'Marko H.', role: 'rep' });
  });

  it('keeps the original draft beside the approved text, with who approved it', async () => {
    const rec = await recommend(`TXT-${++n}`, null);
    const email = { subject: rec.recommendation.email.subject, body: `${rec.recommendation.email.body}\n\nKind regards` };
    const res = await review(rec.id, { action: 'edit', email, acknowledge_issues: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'edited', final: { email }, original: { email: rec.recommendation.email } });
    const detail = (await get(`/api/v1/recommendations/${rec.id}`, t.auth('rep'))).json();
    expect(detail.reviews[0]).toMatchObject({ action: 'edit', final: { email }, original: { email: rec.recommendation.email }, at: expect.any(String) });
  });

  const PRICE_CHANGES: [string, string][] = [
    ['en new price', 'We could do the move for 2,000 EUR instead of 2,650 EUR.'],
    ['en money off', 'I spoke to my manager and we can knock 300 euros off.'],
    ['en waived fee', "Good news: we'll waive the booking fee if you decide this week."],
    ['de new price', 'Statt 2.650 EUR würden wir den Umzug für 2.100 EUR übernehmen.'],
    ['de discount', 'Wir gewähren Ihnen zehn Prozent Nachlass auf das Angebot.'],
    ['de waived fee', 'Die Anfahrtspauschale entfällt für Sie.'],
    ['hr new price', 'Umjesto 2.650 EUR možemo selidbu obaviti za 2.100 EUR.'],
    ['hr discount', 'Odobrit ćemo vam popust na cijenu ponude.'],
    ['hr waived fee', 'Nećemo vam naplatiti dolazak na procjenu.'],
  ];

  for (const [label, sentence] of PRICE_CHANGES) {
    it(`refuses an edit with a price change even when acknowledged (${label}): 422, audited, in plain words`, async () => {
      const rec = await recommend(`PRC-${++n}`, null);
      const res = await review(rec.id, { action: 'edit', acknowledge_issues: true, email: { subject: rec.recommendation.email.subject, body: `${rec.recommendation.email.body}\n\n${sentence}` } });
      expect(res.statusCode).toBe(422);
      expect(res.json().issues.map((i: { kind: string }) => i.kind)).toContain('pricing_promise');
      expect(res.json().detail).toMatch(/cannot be approved/);
      expect(res.json().detail).not.toMatch(/acknowledge_issues|true/);
      const audit = (await get(`/api/audit?subject=${rec.id}`, t.auth('manager'))).json().items;
      expect(audit[0]).toMatchObject({ action: 'recommendation.review_refused', details: { acknowledged: true, refused_for: ['pricing_promise'] } });
      expect((await get(`/api/v1/recommendations/${rec.id}`, t.auth('rep'))).json().status).toBe('needs_review');
    });
  }

  it('holds the four-eyes rule between persons for the admin too', async () => {
    const prod = (await get('/api/releases/production', t.auth('admin'))).json();
    const proposed = await t.app.inject({
      method: 'POST', url: '/api/releases', headers: t.auth('admin'),
      payload: { ruleset_version_id: prod.ruleset_version_id, prompt_version_id: prod.prompt_version_id, run_gates: false },
    });
    expect(proposed.statusCode).toBe(201);
    const own = await t.app.inject({ method: 'POST', url: `/api/releases/${proposed.json().id}/approve`, headers: t.auth('admin'), payload: {} });
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toMatch(/you proposed this release/i);
    // Another person gets past the four-eyes rule (and is stopped only because the gates never ran).
    const other = await t.app.inject({ method: 'POST', url: `/api/releases/${proposed.json().id}/approve`, headers: t.auth('manager'), payload: {} });
    expect(other.statusCode).toBe(409);
    const audit = (await get(`/api/audit?subject=${proposed.json().id}`, t.auth('admin'))).json().items.map((i: { action: string }) => i.action);
    expect(audit).toContain('release.approve_refused');
  });

  it('filters the audit log by part of a person\'s name and by an action prefix', async () => {
    const people = (await get('/api/people', t.auth('manager'))).json().items as { actor: string; name: string }[];
    const rep = people.find((p) => p.name === 'test rep')!;
    const res = await get('/api/audit?actor=TEST%20REP&action=recommendation.review&limit=100', t.auth('manager'));
    const items = res.json().items as { actor: string; action: string }[];
    expect(items.length).toBeGreaterThanOrEqual(PRICE_CHANGES.length);
    expect(new Set(items.map((i) => i.actor))).toEqual(new Set([rep.actor]));
    expect(items.every((i) => i.action.startsWith('recommendation.review'))).toBe(true);
    // An underscore is a letter here, not a LIKE wildcard.
    expect((await get('/api/audit?action=recommendation_', t.auth('manager'))).json().total).toBe(0);
  });
});
