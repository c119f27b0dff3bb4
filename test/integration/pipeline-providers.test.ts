/**
 * The shared per-lead pipeline with real writers: a promptfoo provider against an OpenAI-compatible
 * server on loopback, and the local Transformers.js provider with a tiny model built by the test.
 * Every failure keeps the rules decision and yields no draft (fail closed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTemplateDraft } from '../../server/domain/drafting/index.ts';
import { parsePromptTemplate } from '../../server/domain/prompts/prompt-template.ts';
import { compileRuleset, evaluateLead, loadRulesetFromDir } from '../../server/domain/rules/index.ts';
import type { Lead } from '../../server/domain/lead.ts';
import type { Candidate } from '../../server/pipeline/candidate.ts';
import { recommendLead } from '../../server/pipeline/recommend-lead.ts';
import { createDraftWriter } from '../../server/providers/create-writer.ts';
import { isExternal, ProviderConfig, providerConfigHash } from '../../server/providers/provider-config.ts';
import { ProviderRuntime } from '../../server/providers/runtime.ts';
import { startFakeOpenAi, type FakeOpenAi, type FakeReply } from '../helpers/fake-openai.ts';
import { demoLeadWhere } from '../helpers/demo-leads.ts';
import { buildTinyCausalLm, TINY_CAUSAL_LM_ID } from '../helpers/tiny-models/index.ts';

const AS_OF = '2026-11-20';
const ROOT = path.resolve(__dirname, '../..');
let compiled: ReturnType<typeof compileRuleset>;
let template: Extract<ReturnType<typeof parsePromptTemplate>, { ok: true }>['template'];
let fake: FakeOpenAi;
let nextReply: (messages: { role: string; content: string }[]) => FakeReply = () => ({ content: '' });
let modelsDir: string;

beforeAll(async () => {
  process.env.PROMPTFOO_CONFIG_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-pf-'));
  const ruleset = await loadRulesetFromDir(path.join(ROOT, 'rules/default'));
  if (!ruleset.ok) throw new Error('default ruleset invalid');
  compiled = compileRuleset(ruleset.ruleset);
  const parsed = parsePromptTemplate('recontact.md', fs.readFileSync(path.join(ROOT, 'rules/default/prompts/recontact.md'), 'utf8'));
  if (!parsed.ok) throw new Error('default prompt invalid');
  template = parsed.template;
  fake = await startFakeOpenAi((req) => nextReply(req.messages));
  modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-models-'));
  buildTinyCausalLm(modelsDir);
});
afterAll(async () => fake?.close());

async function candidateFor(providerInput: unknown, options: { external?: boolean; allowExternal?: boolean } = {}): Promise<Candidate> {
  const provider = ProviderConfig.parse(providerInput);
  const writer = await createDraftWriter(provider, { modelsDir });
  return {
    rulesetVersionId: 'test', promptVersionId: 'test', ruleset: compiled, prompt: template, provider,
    providerHash: providerConfigHash(provider),
    runtime: new ProviderRuntime(writer, { timeoutMs: provider.timeout_ms, concurrency: 2, retries: provider.retries, configHash: providerConfigHash(provider), backoffMs: 5 }),
    external: options.external ?? isExternal(provider),
    allowExternal: options.allowExternal ?? false,
  };
}

const openai = (extra: Record<string, unknown> = {}) => ({ type: 'promptfoo', id: 'openai:chat:test-model', config: { apiBaseUrl: fake.baseUrl, apiKey: 'local-test' }, timeout_ms: 2000, retries: 0, ...extra });

function contactLead(): Lead {
  return demoLeadWhere(
    (l) => l.label?.decision === 'contact' && !!l.contact?.email && !!l.contact?.name && l.consent?.email !== false && evaluateLead(compiled, l, AS_OF).decision === 'contact',
  );
}

function groundedDraftJson(lead: Lead): string {
  return JSON.stringify(writeTemplateDraft(lead, evaluateLead(compiled, lead, AS_OF), { asOf: AS_OF }));
}

describe('promptfoo provider (OpenAI-compatible server on loopback)', () => {
  it('drafts end to end: system rules, CRM text only in the quoted data block, guardrails pass', async () => {
    const lead = contactLead();
    nextReply = () => ({ content: `Here you go:\n\`\`\`json\n${groundedDraftJson(lead)}\n\`\`\`` });
    const before = fake.requests.length;
    const result = await recommendLead(await candidateFor(openai()), lead, AS_OF);
    expect(result.draft_status).toBe('ok');
    expect(result.recommendation?.email?.body).toBeTruthy();
    expect(result.tokens).toEqual({ prompt: 100, completion: 50 });
    const [request] = fake.requests.slice(before);
    expect(request.messages[0]).toMatchObject({ role: 'system' });
    expect(request.messages[0].content).toContain('never follow');
    const firstNote = lead.activities?.find((a) => a.text && a.text.length > 20)?.text;
    if (firstNote) {
      expect(request.messages[0].content).not.toContain(firstNote.slice(0, 20));
      expect(request.messages[1].content).toMatch(/<crm_data>[\s\S]*<\/crm_data>/);
    }
  });

  it('retries an invalid reply once, then records a schema failure and keeps the rules decision', async () => {
    const lead = contactLead();
    const rules = evaluateLead(compiled, lead, AS_OF);
    nextReply = () => ({ content: 'Sure! I would love to help with this lead.' });
    const before = fake.requests.length;
    const result = await recommendLead(await candidateFor(openai({ config: { apiBaseUrl: fake.baseUrl, apiKey: 'k', temperature: 0.1 } })), lead, AS_OF);
    expect(fake.requests.length - before).toBe(2);
    expect(result).toMatchObject({ draft_status: 'schema_failure', recommendation: null });
    expect(result.decision.decision).toBe(rules.decision);
    expect(result.risk_flags.join(' ')).toMatch(/did not match the draft schema/);
  });

  it('uses the second reply when the retry is valid', async () => {
    const lead = contactLead();
    let calls = 0;
    nextReply = () => (++calls === 1 ? { content: '{"angle": 1}' } : { content: groundedDraftJson(lead) });
    const result = await recommendLead(await candidateFor(openai({ config: { apiBaseUrl: fake.baseUrl, apiKey: 'k', seed: 2 } })), lead, AS_OF);
    expect(result.draft_status).toBe('ok');
  });

  it('fails closed on server errors and timeouts', async () => {
    const lead = contactLead();
    nextReply = () => ({ status: 500 });
    const failed = await recommendLead(await candidateFor(openai({ config: { apiBaseUrl: fake.baseUrl, apiKey: 'k', seed: 3 } })), lead, AS_OF);
    expect(failed).toMatchObject({ draft_status: 'provider_error', recommendation: null, decision: { decision: 'contact' } });

    nextReply = () => ({ delayMs: 1500, content: groundedDraftJson(lead) });
    const slow = await recommendLead(await candidateFor(openai({ timeout_ms: 200, config: { apiBaseUrl: fake.baseUrl, apiKey: 'k', seed: 4 } })), lead, AS_OF);
    expect(slow).toMatchObject({ draft_status: 'provider_error', recommendation: null });
    expect(slow.provider_error).toMatch(/within 200 ms/);
  });

  it('withholds a draft that promises a price, and ignores a model that tries to change the decision', async () => {
    const lead = contactLead();
    const draft = JSON.parse(groundedDraftJson(lead));
    draft.email.body += '\n\nGood news: we can give you a 20% discount if you book this week.';
    draft.decision = 'do_not_contact';
    nextReply = () => ({ content: JSON.stringify(draft) });
    const result = await recommendLead(await candidateFor(openai({ config: { apiBaseUrl: fake.baseUrl, apiKey: 'k', seed: 5 } })), lead, AS_OF);
    expect(result).toMatchObject({ draft_status: 'withheld', recommendation: null, decision: { decision: 'contact' } });
    expect(result.guardrail_issues.map((i) => i.kind)).toContain('pricing_promise');
  });

  it('refuses an external provider unless allowed, and then sends only redacted data, restoring it in the draft', async () => {
    const lead = contactLead();
    const refused = await recommendLead(await candidateFor(openai(), { external: true, allowExternal: false }), lead, AS_OF);
    expect(refused).toMatchObject({ draft_status: 'refused', recommendation: null });

    const name = lead.contact!.name!;
    nextReply = (messages) => {
      const user = messages[1].content;
      const placeholder = /\[NAME_\d+\]/.exec(user)?.[0] ?? 'the customer';
      const base = JSON.parse(groundedDraftJson({ ...lead, contact: { ...lead.contact, name: placeholder } }));
      return { content: JSON.stringify(base) };
    };
    const before = fake.requests.length;
    const allowed = await recommendLead(await candidateFor(openai({ config: { apiBaseUrl: fake.baseUrl, apiKey: 'k', seed: 6 } }), { external: true, allowExternal: true }), lead, AS_OF);
    const sent = JSON.stringify(fake.requests.slice(before));
    expect(sent).not.toContain(name);
    expect(sent).not.toContain(lead.contact!.email!);
    expect(sent).toMatch(/\[NAME_\d+\]/);
    expect(allowed.draft_status).toBe('ok');
    expect(JSON.stringify(allowed.recommendation)).not.toMatch(/\[NAME_\d+\]/);
  });
});

describe('local provider (Transformers.js, tiny model built by the test)', () => {
  it('loads from MODELS_DIR and generates; its non-JSON output is a schema failure, the decision stands', async () => {
    const lead = contactLead();
    const result = await recommendLead(await candidateFor({ type: 'local', model: TINY_CAUSAL_LM_ID, max_new_tokens: 16, timeout_ms: 20_000, retries: 0 }), lead, AS_OF);
    expect(result.decision.decision).toBe('contact');
    expect(result).toMatchObject({ draft_status: 'schema_failure', recommendation: null });
    expect(result.tokens?.completion).toBeGreaterThan(0);
  });

  it('reports a missing model clearly, without a draft', async () => {
    const result = await recommendLead(await candidateFor({ type: 'local', model: 'not-there', timeout_ms: 5000, retries: 0 }), contactLead(), AS_OF);
    expect(result.draft_status).toBe('provider_error');
    expect(result.provider_error).toMatch(/not found in MODELS_DIR/);
  });
});

describe('model-backed signals (tiny BERT zero-shot model built by the test)', () => {
  async function rulesetWithModelRule(modelId: string) {
    const { readRulesetDir } = await import('../../server/modules/rulesets/service.ts');
    const { parseRulesetFiles } = await import('../../server/domain/rules/index.ts');
    const files = await readRulesetDir('default');
    files['model-rule.yaml'] = [
      'signals:',
      '  annoyed_customer:',
      '    description: The customer sounds annoyed by our follow-ups.',
      '    kind: model',
      '    directions: [inbound]',
      `    model: { id: "${modelId}", labels: [frustrated, calm], threshold: 0.7 }`,
      'rules:',
      '  - id: annoyed_customer_block',
      '    kind: hard_block',
      '    description: Do not chase a customer who is annoyed with us.',
      '    when: signal("annoyed_customer")',
      '    reason: asked_not_to_contact',
      '    explain: "The customer sounds annoyed."',
      '',
    ].join('\n');
    const parsed = parseRulesetFiles(files);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return compileRuleset(parsed.ruleset);
  }

  it('runs the local classifier before deciding, and an absent model blocks (fails closed) with a clear trace', async () => {
    const { buildTinyBert, TINY_BERT_ID } = await import('../helpers/tiny-models/index.ts');
    const { signalPreparer, modelSignalStatus } = await import('../../server/pipeline/model-signals.ts');
    buildTinyBert(modelsDir);
    const lead = contactLead();
    const annoyed: Lead = { ...lead, activities: [...(lead.activities ?? []), { at: '2026-11-10T10:00:00Z', channel: 'email', direction: 'inbound', text: 'Stop emailing me, this is annoying!' }] };

    const withModel = await rulesetWithModelRule(TINY_BERT_ID);
    expect(modelSignalStatus(withModel, modelsDir)).toContainEqual({ signal: 'annoyed_customer', model: TINY_BERT_ID, available: true, reason: null });
    // The default ruleset declares a model signal no rule reads: no model work on the hot path.
    expect(signalPreparer(compiled, modelsDir)).toBeNull();
    const candidate = { ...(await candidateFor({ type: 'template' })), ruleset: withModel, prepareSignals: signalPreparer(withModel, modelsDir) };
    const blocked = await recommendLead(candidate, annoyed, AS_OF);
    expect(blocked.decision.decision).toBe('do_not_contact');
    expect(blocked.decision.trace.find((t) => t.rule_id === 'annoyed_customer_block')?.matched).toBe(true);
    const calm = await recommendLead(candidate, lead, AS_OF);
    expect(calm.decision.decision).toBe('contact');

    const missing = await rulesetWithModelRule('not/installed');
    expect(modelSignalStatus(missing, modelsDir).find((m) => m.signal === 'annoyed_customer')).toMatchObject({ available: false, reason: expect.stringContaining('unavailable, not false') });
    const failClosed = await recommendLead({ ...candidate, ruleset: missing, prepareSignals: signalPreparer(missing, modelsDir) }, lead, AS_OF);
    expect(failClosed.decision.decision).toBe('do_not_contact');
    expect(failClosed.decision.trace.find((t) => t.rule_id === 'annoyed_customer_block')?.error).toBeTruthy();
  });
});
