/**
 * The Models page's API on the real app: models in MODELS_DIR (tiny models built by the test,
 * loaded through the real Transformers.js pipeline), the recommended ones with their pull command,
 * and the configured private model servers with whether they answer (a loopback fake server).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.ts';
import { buildTinyBert, buildTinyCausalLm, TINY_BERT_ID, TINY_CAUSAL_LM_ID } from '../helpers/tiny-models/index.ts';

describe.each(DB_TARGETS)('models API on $kind', (target) => {
  let t: TestApp;
  let fake: FakeOpenAi;
  const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekindle-models-'));

  beforeAll(async () => {
    buildTinyBert(modelsDir);
    buildTinyCausalLm(modelsDir);
    // A model folder whose weights are missing.
    fs.mkdirSync(path.join(modelsDir, 'broken', 'half'), { recursive: true });
    fs.writeFileSync(path.join(modelsDir, 'broken', 'half', 'config.json'), JSON.stringify({ architectures: ['BertForSequenceClassification'], label2id: { entailment: 0 } }));
    t = await createTestApp(target, { MODELS_DIR: modelsDir });
    await bootstrap(t.database.db, { seedDemo: false });
    fake = await startFakeOpenAi(() => ({ content: '{}' }));
  }, 60_000);

  afterAll(async () => {
    await fake?.close();
    await t?.close();
    fs.rmSync(modelsDir, { recursive: true, force: true });
  });

  it('lists the models in MODELS_DIR with task, size and completeness, and the recommended ones with their pull command', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/models', headers: t.auth('engineer') });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const byId = Object.fromEntries(body.models.map((m: { id: string }) => [m.id, m]));
    expect(byId[TINY_BERT_ID]).toMatchObject({ task: 'zero-shot-classification', complete: true, problem: null });
    expect(byId[TINY_CAUSAL_LM_ID]).toMatchObject({ task: 'text-generation', complete: true });
    expect(byId[TINY_BERT_ID].bytes).toBeGreaterThan(1000);
    expect(byId['broken/half']).toMatchObject({ complete: false, task: 'zero-shot-classification' });
    expect(byId['broken/half'].problem).toMatch(/missing tokenizer.json/);
    const uses = new Set(body.recommended.map((r: { use: string }) => r.use));
    expect(uses).toEqual(new Set(['drafting', 'classification']));
    expect(body.recommended[0].command).toBe(`npm run models:pull -- ${body.recommended[0].id}`);
    expect(body.recommended.every((r: { installed: boolean }) => r.installed === false)).toBe(true);
  });

  it('loads a model through the real pipeline on request, and says why one does not load', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/models/check', headers: t.auth('engineer'), payload: { id: TINY_BERT_ID } });
    expect(ok.json()).toMatchObject({ id: TINY_BERT_ID, loads: true, error: null, task: 'zero-shot-classification' });
    const broken = await t.app.inject({ method: 'POST', url: '/api/models/check', headers: t.auth('engineer'), payload: { id: 'broken/half' } });
    expect(broken.json()).toMatchObject({ loads: false });
    expect(broken.json().error).toMatch(/missing tokenizer.json/);
    const bad = await t.app.inject({ method: 'POST', url: '/api/models/check', headers: t.auth('engineer'), payload: { id: '../etc' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
  }, 30_000);

  it('lists configured private servers and whether they answer; public ones are not contacted', async () => {
    const ds = await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('engineer'), payload: { name: 'models-servers', as_of: '2026-11-20' } });
    await t.app.inject({ method: 'POST', url: `/api/datasets/${ds.json().id}/import`, headers: { ...t.auth('engineer'), 'content-type': 'application/x-ndjson' }, payload: JSON.stringify({ id: 'L-1' }) });
    for (const apiBaseUrl of [fake.baseUrl, 'http://127.0.0.1:9/v1', 'https://api.example.com/v1']) {
      const run = await t.app.inject({ method: 'POST', url: '/api/evals/runs', headers: t.auth('engineer'), payload: { dataset_id: ds.json().id, provider: { type: 'promptfoo', id: 'openai:chat:qwen', config: { apiBaseUrl } } } });
      expect(run.statusCode).toBeLessThan(300);
    }
    const res = await t.app.inject({ method: 'GET', url: '/api/models/servers', headers: t.auth('engineer') });
    expect(res.statusCode).toBe(200);
    const byUrl = Object.fromEntries(res.json().servers.map((s: { base_url: string }) => [s.base_url, s]));
    expect(byUrl[fake.baseUrl]).toMatchObject({ private: true, checked: true, answers: true, status: 200, used_by: ['evaluation runs'] });
    expect(byUrl['http://127.0.0.1:9/v1']).toMatchObject({ private: true, checked: true, answers: false });
    expect(byUrl['https://api.example.com/v1']).toMatchObject({ private: false, checked: false, answers: false });
  }, 30_000);
});
