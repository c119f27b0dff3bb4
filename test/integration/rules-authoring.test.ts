/**
 * Rules authoring over the API: mistakes caught before saving (type checks against the catalog,
 * operator hints, warnings from the preview dataset), test scenarios run by the preview, and a
 * release whose scenarios fail does not pass its gates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { createToken } from '../../server/modules/auth/tokens.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';
import { demoLeads } from '../helpers/demo-leads.ts';

const AS_OF = '2026-11-20';

const NEW_RULE = (when: string) => `
  - id: storage_without_quote
    kind: exclusion
    decision: not_worth_pursuing
    description: Storage leads without a quote are not worth a call.
    when: ${when}
    reason: low_intent
    explain: "Storage request without a quote."
`;

describe.each(DB_TARGETS)('rules authoring on $kind', (target) => {
  let t: TestApp;
  let files: Record<string, string>;
  let datasetId: string;

  beforeAll(async () => {
    t = await createTestApp(target);
    await bootstrap(t.database.db, { seedDemo: false });
    const ds = await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('manager'), payload: { name: 'gate', as_of: AS_OF } });
    datasetId = ds.json().id;
    const body = demoLeads(300).map((l) => JSON.stringify(l)).join('\n');
    await t.app.inject({ method: 'POST', url: `/api/datasets/${datasetId}/import`, headers: { ...t.auth('manager'), 'content-type': 'application/x-ndjson' }, payload: body });
    await t.app.inject({ method: 'PUT', url: '/api/settings', headers: t.auth('admin'), payload: { gating_datasets: ['gate'] } });
    files = (await t.app.inject({ method: 'GET', url: '/api/ruleset-versions/rs_default_v1', headers: t.auth('manager') })).json().files;
  }, 120_000);
  afterAll(async () => t?.close());

  const withRule = (when: string) => ({ ...files, 'exclusions.yaml': files['exclusions.yaml'] + NEW_RULE(when) });
  const validate = (payload: object) => t.app.inject({ method: 'POST', url: '/api/rulesets/validate', headers: t.auth('manager'), payload });

  it('service_type > 90 is an error naming the rule, the feature and both types; saving is refused', async () => {
    const res = await validate({ files: withRule('service_type > 90') });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ok).toBe(false);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ file: 'exclusions.yaml', rule_id: 'storage_without_quote', path: `rules.${files['exclusions.yaml'].match(/- id:/g)!.length}.when` });
    expect(body.errors[0].message).toMatch(/service_type is text, but it is compared with a number \(90\)/);
    const saved = await t.app.inject({ method: 'POST', url: '/api/rulesets/default/versions', headers: t.auth('manager'), payload: { files: withRule('service_type > 90'), message: 'x' } });
    expect(saved.statusCode).toBe(400);
  });

  it('`and` and `=` get hints naming && and ==', async () => {
    const and = (await validate({ files: withRule(`'service_type == "storage" and !quote_ever_sent'`) })).json();
    expect(and.errors[0].message).toContain('write && instead of "and"');
    const eq = (await validate({ files: withRule(`'service_type = "storage"'`) })).json();
    expect(eq.errors[0].message).toContain('write == instead of "="');
  });

  it('a rule that matches no lead of the dataset is warned (and a valid one is not)', async () => {
    const none = (await validate({ files: withRule(`'service_type == "piano_tuning"'`), dataset_id: datasetId })).json();
    expect(none.ok).toBe(true);
    const warning = none.warnings.find((w: { rule_id: string }) => w.rule_id === 'storage_without_quote');
    expect(warning).toMatchObject({ kind: 'matches_no_lead', file: 'exclusions.yaml' });
    expect(warning.message).toMatch(/matches none of the 300 leads/);

    const some = (await validate({ files: withRule(`'service_type == "storage" && !quote_ever_sent'`), dataset_id: datasetId })).json();
    expect(some.warnings.filter((w: { rule_id: string }) => w.rule_id === 'storage_without_quote')).toEqual([]);
  });

  it('a rule that matches only leads an earlier rule decides is warned as never deciding', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/rulesets/preview', headers: t.auth('manager'),
      payload: { files: { ...files, 'exclusions.yaml': files['exclusions.yaml'] + NEW_RULE('opted_out') }, dataset_id: datasetId, flips_limit: 0 },
    });
    const warning = res.json().warnings.find((w: { rule_id: string }) => w.rule_id === 'storage_without_quote');
    expect(warning?.kind).toBe('never_decides');
    expect(warning.message).toMatch(/most often opted_out, a hard block/);
    // The preview reports text understanding per language of the customer texts, as evaluation runs do.
    const byLanguage = res.json().by_language as Record<string, { leads: number; dnc_precision: number | null; unread_rate: number }>;
    expect(Object.values(byLanguage).reduce((n, l) => n + l.leads, 0)).toBe(res.json().metrics.total);
    for (const l of Object.values(byLanguage)) expect(l.unread_rate).toBeGreaterThanOrEqual(0);
  });

  const lead = demoLeads(300).find((l) => l.label?.decision === 'do_not_contact')!;
  const scenarioFile = (decision: string) => `scenarios:
  - name: a refusal stays blocked
    as_of: "${AS_OF}"
    source: gate ${lead.id}
    lead: ${JSON.stringify(lead)}
    expect: { decision: ${decision} }
`;

  it('the preview runs the ruleset scenarios on every edit', async () => {
    const preview = async (decision: string) => (await t.app.inject({
      method: 'POST', url: '/api/rulesets/preview', headers: t.auth('manager'),
      payload: { files: { ...files, 'scenarios.yaml': scenarioFile(decision) }, dataset_id: datasetId, flips_limit: 0 },
    })).json();
    expect((await preview('do_not_contact')).scenarios).toMatchObject([{ name: 'a refusal stays blocked', lead_id: lead.id, passed: true }]);
    const failing = (await preview('contact')).scenarios[0];
    expect(failing).toMatchObject({ passed: false, expected: { decision: 'contact' }, got: { decision: 'do_not_contact' } });
  });

  it('a release whose scenarios fail does not pass its gates; passing scenarios do', async () => {
    const manager2 = { authorization: `Bearer ${(await createToken(t.database.db, { name: 'second manager', role: 'manager', createdBy: 'test' })).token}` };
    const propose = async (decision: string, message: string) => {
      const saved = await t.app.inject({ method: 'POST', url: '/api/rulesets/default/versions', headers: t.auth('manager'), payload: { files: { ...files, 'scenarios.yaml': scenarioFile(decision) }, message } });
      expect(saved.statusCode).toBe(201);
      const proposed = await t.app.inject({ method: 'POST', url: '/api/releases', headers: t.auth('manager'), payload: { ruleset_version_id: saved.json().id, prompt_version_id: 'pr_default_v1', provider: { type: 'template' }, description: message } });
      expect(proposed.statusCode).toBe(201);
      return proposed.json();
    };
    const bad = await propose('contact', 'scenario expects contact');
    expect(bad.gate_results.passed).toBe(false);
    expect(bad.gate_results.scenarios).toMatchObject({ total: 1, failed: 1, failures: [{ name: 'a refusal stays blocked', lead_id: lead.id }] });
    const refused = await t.app.inject({ method: 'POST', url: `/api/releases/${bad.id}/approve`, headers: manager2, payload: { comment: 'ok' } });
    expect(refused.statusCode).toBe(409);

    const good = await propose('do_not_contact', 'scenario expects do_not_contact');
    expect(good.gate_results.scenarios).toMatchObject({ total: 1, passed: 1, failed: 0 });
    expect(good.gate_results.passed).toBe(true);
  }, 120_000);
});

describe('phrase hit counts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind: 'embedded' });
    await bootstrap(t.database.db, { seedDemo: false });
  }, 120_000);
  afterAll(async () => t?.close());

  it('counts the leads each phrase matches on its own and flags a phrase listed twice', async () => {
    const ds = (await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('manager'), payload: { name: 'phrases', as_of: AS_OF } })).json();
    const leads = demoLeads(300);
    await t.app.inject({ method: 'POST', url: `/api/datasets/${ds.id}/import`, headers: { ...t.auth('manager'), 'content-type': 'application/x-ndjson' }, payload: leads.map((l) => JSON.stringify(l)).join('\n') });
    const files = (await t.app.inject({ method: 'GET', url: '/api/ruleset-versions/rs_default_v1', headers: t.auth('manager') })).json().files;
    const edited = { ...files, 'signals-refusal.yaml': files['signals-refusal.yaml'].replace('"do not contact", ', '"do not contact", "Unsubscribe", ') };
    const res = await t.app.inject({ method: 'POST', url: '/api/rulesets/phrase-hits', headers: t.auth('manager'), payload: { files: edited, dataset_id: ds.id, signal: 'asked_not_to_contact' } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.leads).toBe(300);
    expect(body.duplicates).toEqual([{ language: 'en', phrase: 'unsubscribe' }]);
    // Independent count: leads with "unsubscribe" in a customer message or rep note (our own
    // footers say "reply UNSUBSCRIBE" too: outbound, not counted).
    const expected = leads.filter((l) => (l.activities ?? []).some((a) => a.direction !== 'outbound' && /unsubscribe/i.test(a.text ?? ''))).length;
    expect(body.hits.en['unsubscribe']).toBeGreaterThan(0);
    expect(body.hits.en['unsubscribe']).toBeLessThanOrEqual(expected + 2);
    expect(body.signal_hits).toBeGreaterThanOrEqual(body.hits.en['unsubscribe']);
  }, 60_000);
});
