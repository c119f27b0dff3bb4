/**
 * The local text generator, through the real Transformers.js loading code (pipeline
 * 'text-generation', onnxruntime-node), on a tiny GPT-2-shaped bigram model written into a temp
 * MODELS_DIR at test time. The model continues a lowercase letter with the next letter, `z` with
 * `.`, `.` with end-of-text, anything else with `a`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalTextGenerator } from '../../../server/providers/local/text-generator.ts';
import { LocalModelNotFoundError } from '../../../server/providers/local/transformers-env.ts';
import { buildTinyCausalLm, TINY_CAUSAL_LM_ID } from '../../helpers/tiny-models/index.ts';

let modelsDir: string;

beforeAll(() => {
  modelsDir = mkdtempSync(path.join(os.tmpdir(), 'rekindle-models-'));
  buildTinyCausalLm(modelsDir);
  buildTinyCausalLm(modelsDir, { id: 'tiny/gpt2-chat', chatTemplate: true, quantizedFileName: true });
});
afterAll(() => rmSync(modelsDir, { recursive: true, force: true }));

describe('createLocalTextGenerator', () => {
  it('loads a model from MODELS_DIR and generates greedily, with exact token counts', async () => {
    const gen = createLocalTextGenerator({ modelsDir, model: TINY_CAUSAL_LM_ID, maxNewTokens: 40 });
    const started = Date.now();
    const out = await gen.generate('Hello');
    expect(Date.now() - started).toBeLessThan(5000);
    // 5 byte tokens in; "pqrstuvwxyz." (12 tokens) + <|endoftext|> out.
    expect(out).toEqual({ text: 'pqrstuvwxyz.', tokens: { prompt: 5, completion: 13 } });
    // Deterministic, and the second call reuses the loaded pipeline.
    const again = createLocalTextGenerator({ modelsDir, model: TINY_CAUSAL_LM_ID, maxNewTokens: 40 });
    expect(await again.generate('Hello')).toEqual(out);
  });

  it('counts BPE merges as one token and stops at maxNewTokens', async () => {
    const gen = createLocalTextGenerator({ modelsDir, model: TINY_CAUSAL_LM_ID, maxNewTokens: 40 });
    // "Hello" + " the" (one merged token) = 6 tokens; "the" ends in e -> fghij...
    const out = await gen.generate('Hello the', { maxNewTokens: 4 });
    expect(out).toEqual({ text: 'fghi', tokens: { prompt: 6, completion: 4 } });
  });

  it('applies the chat template of an instruction model (and finds the _quantized file)', async () => {
    const gen = createLocalTextGenerator({ modelsDir, model: 'tiny/gpt2-chat', maxNewTokens: 60 });
    // "system: Be brief\nuser: Hi\nassistant:" ends in ':' -> 'a', then the alphabet, '.', EOS.
    const out = await gen.generate('Hi', { system: 'Be brief' });
    expect(out.text).toBe('abcdefghijklmnopqrstuvwxyz.');
    expect(out.tokens.completion).toBe(28);
    expect(out.tokens.prompt).toBeGreaterThan('user: Hi\nassistant:'.length);
    // chat: false sends the raw prompt.
    const raw = createLocalTextGenerator({ modelsDir, model: 'tiny/gpt2-chat', chat: false, maxNewTokens: 3 });
    expect((await raw.generate('Hi')).text).toBe('jkl');
  });

  it('samples when a temperature is set (this model is so peaked that the output does not change)', async () => {
    const gen = createLocalTextGenerator({ modelsDir, model: TINY_CAUSAL_LM_ID, temperature: 0.7, maxNewTokens: 3 });
    expect((await gen.generate('abc')).text).toBe('def');
  });

  it('gives a clear error when the model is not in MODELS_DIR', async () => {
    const gen = createLocalTextGenerator({ modelsDir, model: 'Xenova/Qwen1.5-0.5B-Chat' });
    const err = await gen.generate('Hello').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LocalModelNotFoundError);
    expect((err as Error).message).toContain(`model Xenova/Qwen1.5-0.5B-Chat not found in MODELS_DIR=${modelsDir}`);
    expect((err as Error).message).toContain('run npm run models:pull -- Xenova/Qwen1.5-0.5B-Chat on a machine with internet');
    await expect(gen.load()).rejects.toThrow(/not found in MODELS_DIR/);
  });

  it('rejects a model id that is not a folder name inside MODELS_DIR', async () => {
    const gen = createLocalTextGenerator({ modelsDir, model: '../etc' });
    await expect(gen.generate('x')).rejects.toThrow(/invalid model id/);
    const url = createLocalTextGenerator({ modelsDir, model: 'https://huggingface.co/gpt2' });
    await expect(url.generate('x')).rejects.toThrow(/invalid model id/);
  });

  it('honours an aborted signal', async () => {
    const gen = createLocalTextGenerator({ modelsDir, model: TINY_CAUSAL_LM_ID });
    const controller = new AbortController();
    controller.abort(new Error('timed out'));
    await expect(gen.generate('Hello', { signal: controller.signal })).rejects.toThrow('timed out');
    // A signal that aborts during generation stops it between two tokens.
    let reads = 0;
    const flaky = { get aborted() { return ++reads > 3; }, reason: new Error('stopped mid-way'), throwIfAborted() {} } as unknown as AbortSignal;
    await expect(gen.generate('Hello', { signal: flaky })).rejects.toThrow('stopped mid-way');
  });

  it('keeps Transformers.js offline', async () => {
    const { env } = await import('@xenova/transformers');
    expect(env.allowRemoteModels).toBe(false);
    expect(env.allowLocalModels).toBe(true);
    expect(env.useFSCache).toBe(false);
    expect(path.resolve(env.localModelPath)).toBe(path.resolve(modelsDir));
  });
});
