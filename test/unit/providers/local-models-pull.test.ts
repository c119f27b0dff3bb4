/**
 * scripts/models-pull.ts against a fake hub (a local HTTP server laid out like huggingface.co,
 * serving tiny models), via HF_ENDPOINT: the files land in MODELS_DIR, and the server code then
 * loads them offline.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalTextGenerator } from '../../../server/providers/local/text-generator.ts';
import { createModelSignalClassifier } from '../../../server/providers/local/zero-shot-classifier.ts';
import { buildTinyBert, buildTinyCausalLm } from '../../helpers/tiny-models/index.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
let tmp: string;
let server: http.Server;
let endpoint: string;
const requests: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'rekindle-pull-'));
  const hub = path.join(tmp, 'hub');
  buildTinyCausalLm(hub, { id: 'tiny/gpt2-bigram', quantizedFileName: true });
  buildTinyBert(hub, { id: 'tiny/bert-nli', quantizedFileName: true });
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const m = /^\/([\w.-]+\/[\w.-]+)\/resolve\/main\/(.+)$/.exec(req.url ?? '');
    const file = m ? path.join(hub, m[1], decodeURIComponent(m[2])) : '';
    if (!m || file.includes('..') || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
});

describe('npm run models:pull', () => {
  it('downloads the files a pipeline needs into MODELS_DIR, which then load offline', async () => {
    const modelsDir = path.join(tmp, 'models');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/models-pull.ts', 'tiny/gpt2-bigram', 'tiny/bert-nli'], {
      cwd: root, env: { ...process.env, MODELS_DIR: modelsDir, HF_ENDPOINT: endpoint }, timeout: 30_000,
    });
    expect(stdout).toContain('tiny/gpt2-bigram: pulling for text-generation (quantized)');
    expect(stdout).toContain('tiny/bert-nli: pulling for zero-shot-classification (quantized)');
    expect(stdout).toContain(`in ${path.join(modelsDir, 'tiny', 'gpt2-bigram')}`);
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/decoder_model_merged_quantized.onnx']) {
      expect(existsSync(path.join(modelsDir, 'tiny/gpt2-bigram', f)), f).toBe(true);
    }
    expect(existsSync(path.join(modelsDir, 'tiny/bert-nli/onnx/model_quantized.onnx'))).toBe(true);

    const served = requests.length;
    const gen = createLocalTextGenerator({ modelsDir, model: 'tiny/gpt2-bigram' });
    expect((await gen.generate('xy')).text).toBe('z.');
    const classifier = createModelSignalClassifier({ modelsDir, model: 'tiny/bert-nli' });
    const classify = await classifier.prepare({ signals: [{ name: 'frustrated_tone', config: { labels: ['frustrated', 'neutral'] } }], texts: ['Stop the spam!'] });
    expect(classify({
      signal: 'frustrated_tone', description: '', config: { labels: ['frustrated', 'neutral'] }, lead_id: 'L', as_of: '2026-01-01',
      texts: [{ activity_index: 0, direction: 'inbound', channel: 'email', speaker: 'customer', speaker_reason: 'inbound email', source: 'text', said_on: null, original: 'Stop the spam!', folded: 'stop the spam!' }],
    })?.matched).toBe(true);
    expect(requests.length).toBe(served); // the server side never asked the hub for anything
  });

  it('exits 1 with a clear message when the hub does not have the model, 2 on bad usage', async () => {
    const modelsDir = path.join(tmp, 'models2');
    const env = { ...process.env, MODELS_DIR: modelsDir, HF_ENDPOINT: endpoint };
    const missing = await run(process.execPath, ['--import', 'tsx', 'scripts/models-pull.ts', 'nobody/nothing'], { cwd: root, env }).catch((e: unknown) => e as { code: number; stderr: string });
    expect(missing).toMatchObject({ code: 1 });
    expect((missing as { stderr: string }).stderr).toContain('nobody/nothing: failed');
    const bad = await run(process.execPath, ['--import', 'tsx', 'scripts/models-pull.ts'], { cwd: root, env }).catch((e: unknown) => e as { code: number });
    expect(bad).toMatchObject({ code: 2 });
  });
});
