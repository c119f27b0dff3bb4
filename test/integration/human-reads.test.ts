/**
 * "Needs a human read" (issue 10, item 5), on both databases: a last customer message in a
 * language outside the supported set makes the lead do_not_contact / unread_customer_message and
 * puts it on the managers' list; a manager's label is stored and audited, decides the lead again
 * (in the list and in production), and can become a corpus example in a new ruleset version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';

const AS_OF = '2026-11-20';
const finnish = {
  id: 'HR-FI-1', created_at: '2026-10-01T10:00:00Z', owner: 'marko',
  contact: { name: 'Aino Virtanen', email: 'aino@example.fi', phone: '+358 40 555 0101', language: 'fi' },
  consent: { email: true, phone: true },
  service: { type: 'moving', origin: 'Zagreb', destination: 'Helsinki', date: '2026-12-20' },
  quotes: [{ id: 'Q1', sent_at: '2026-10-05T10:00:00Z', amount: 3100, currency: 'EUR', status: 'sent', valid_until: '2026-12-31' }],
  activities: [
    { at: '2026-10-05T10:00:00Z', channel: 'email', direction: 'outbound', text: 'Dear Aino, please find our quote for the move to Helsinki attached.' },
    { at: '2026-11-10T08:00:00Z', channel: 'email', direction: 'inbound', text: 'Hei, olemme edelleen kiinnostuneita muutosta joulukuussa. Voitteko soittaa minulle ensi viikolla?' },
  ],
  status: 'quoted',
};
const english = {
  id: 'HR-EN-1', created_at: '2026-10-01T10:00:00Z', contact: { name: 'Tom Baker', email: 'tom@example.org', language: 'en' }, consent: { email: true, phone: true },
  service: { type: 'moving', origin: 'Munich', destination: 'Vienna', date: '2026-12-18' },
  quotes: [{ id: 'Q1', sent_at: '2026-10-05T10:00:00Z', amount: 1900, currency: 'EUR', status: 'sent', valid_until: '2026-12-31' }],
  activities: [{ at: '2026-10-05T10:00:00Z', channel: 'email', direction: 'outbound', text: 'Dear Tom, our quote is attached.' }],
  status: 'quoted',
};

describe.each(DB_TARGETS)('needs a human read on $kind', (target) => {
  let t: TestApp;
  let datasetId = '';
  beforeAll(async () => {
    t = await createTestApp(target);
    await bootstrap(t.database.db, { seedDemo: false });
    const ds = await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('manager'), payload: { name: 'human-read', as_of: AS_OF } });
    datasetId = ds.json().id;
    const res = await t.app.inject({
      method: 'POST', url: `/api/datasets/${datasetId}/import`, headers: { ...t.auth('manager'), 'content-type': 'application/x-ndjson' },
      payload: [finnish, english].map((l) => JSON.stringify(l)).join('\n'),
    });
    expect(res.json().imported).toBe(2);
  });
  afterAll(async () => t?.close());

  const recommend = async () => (await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth('manager'), payload: { lead: finnish, as_of: AS_OF } })).json();

  it('fails closed on a message nobody can read, names the language and quotes the text', async () => {
    const rec = await recommend();
    expect(rec.decision).toBe('do_not_contact');
    expect(rec.reasons[0].code).toBe('unread_customer_message');
    expect(rec.reasons[0].explanation).toContain('fi');
    expect(rec.reasons[0].explanation).toContain('olemme edelleen kiinnostuneita');
    expect(rec.recommendation).toBeNull();
  });

  it('lists the lead for managers with the text, its language and why; reps may not see the list', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/human-reads?dataset_id=${datasetId}`, headers: t.auth('manager') });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts.unread).toBe(1);
    const [item] = body.items;
    expect(item).toMatchObject({ lead_id: 'HR-FI-1', kind: 'unread', decision: 'do_not_contact' });
    expect(item.texts[0]).toMatchObject({ language: 'fi', language_supported: false, label: null, text_hash: expect.stringMatching(/^[0-9a-f]+$/) });
    expect(item.texts[0].excerpt).toContain('Voitteko soittaa');
    expect(body.items.map((i: { lead_id: string }) => i.lead_id)).not.toContain('HR-EN-1');
    expect((await t.app.inject({ method: 'GET', url: `/api/human-reads?dataset_id=${datasetId}`, headers: t.auth('rep') })).statusCode).toBe(403);
  });

  it('takes a manager label, audits it, decides the lead again with it, in the list and in production', async () => {
    const list = (await t.app.inject({ method: 'GET', url: `/api/human-reads?dataset_id=${datasetId}`, headers: t.auth('manager') })).json();
    const hash = list.items[0].texts[0].text_hash;
    const bad = await t.app.inject({ method: 'POST', url: '/api/human-reads/labels', headers: t.auth('manager'), payload: { dataset_id: datasetId, lead_id: 'HR-FI-1', text_hash: hash, intent: 'whatever' } });
    expect(bad.statusCode).toBe(400);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/human-reads/labels', headers: t.auth('manager'), payload: { dataset_id: datasetId, lead_id: 'HR-FI-1', text_hash: 'deadbeefdeadbeef', intent: 'still_planning' } });
    expect(wrong.statusCode).toBe(404);

    const res = await t.app.inject({ method: 'POST', url: '/api/human-reads/labels', headers: t.auth('manager'), payload: { dataset_id: datasetId, lead_id: 'HR-FI-1', text_hash: hash, intent: 'still_planning' } });
    expect(res.statusCode).toBe(200);
    const labelled = res.json();
    expect(labelled.before.decision).toBe('do_not_contact');
    expect(labelled.after.decision).not.toBe('do_not_contact');
    expect(labelled.after.reasons.map((r: { code: string }) => r.code)).not.toContain('unread_customer_message');

    const audit = (await t.app.inject({ method: 'GET', url: '/api/audit?subject=HR-FI-1', headers: t.auth('manager') })).json();
    const entry = audit.items.find((i: { action: string }) => i.action === 'text_label.set');
    expect(entry.details).toMatchObject({ text_hash: hash, intent: 'still_planning', previous: null });
    // The audit entry holds references, not the customer's words.
    expect(JSON.stringify(entry.details)).not.toContain('kiinnostuneita');

    const after = (await t.app.inject({ method: 'GET', url: `/api/human-reads?dataset_id=${datasetId}`, headers: t.auth('manager') })).json();
    expect(after.counts.unread).toBe(0);
    expect(after.items[0]).toMatchObject({ lead_id: 'HR-FI-1', kind: 'labelled' });
    expect(after.items[0].texts[0].label).toBe('still_planning');

    const rec = await recommend();
    expect(rec.reasons.map((r: { code: string }) => r.code)).not.toContain('unread_customer_message');

    // A label saying they refused blocks the lead again.
    const refused = await t.app.inject({ method: 'POST', url: '/api/human-reads/labels', headers: t.auth('admin'), payload: { dataset_id: datasetId, lead_id: 'HR-FI-1', text_hash: hash, intent: 'asked_not_to_contact' } });
    expect(refused.json().after.decision).toBe('do_not_contact');
    const back = await t.app.inject({ method: 'POST', url: '/api/human-reads/labels', headers: t.auth('manager'), payload: { dataset_id: datasetId, lead_id: 'HR-FI-1', text_hash: hash, intent: 'still_planning' } });
    expect(back.json().after.decision).not.toBe('do_not_contact');
  });

  it('adds the labelled text to the corpus as a new ruleset version', async () => {
    const list = (await t.app.inject({ method: 'GET', url: `/api/human-reads?dataset_id=${datasetId}`, headers: t.auth('manager') })).json();
    const hash = list.items[0].texts[0].text_hash;
    const res = await t.app.inject({ method: 'POST', url: '/api/human-reads/labels/corpus', headers: t.auth('manager'), payload: { dataset_id: datasetId, lead_id: 'HR-FI-1', text_hash: hash } });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ file: 'intents/fi.yaml', intent: 'still_planning', language: 'fi' });
    const version = (await t.app.inject({ method: 'GET', url: `/api/ruleset-versions/${created.ruleset_version_id}`, headers: t.auth('manager') })).json();
    expect(version.files['intents/fi.yaml']).toContain('olemme edelleen kiinnostuneita');
    const again = await t.app.inject({ method: 'POST', url: '/api/human-reads/labels/corpus', headers: t.auth('manager'), payload: { dataset_id: datasetId, lead_id: 'HR-FI-1', text_hash: hash, ruleset_version_id: created.ruleset_version_id } });
    expect(again.statusCode).toBe(409);
  });
});
