/**
 * The model-backed signal classifier, through the real Transformers.js pipelines
 * (zero-shot-classification and feature-extraction) on a tiny BERT-shaped "NLI" model written
 * into a temp MODELS_DIR at test time, and through the rules engine's real signal matching.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFeatures } from '../../../server/domain/features/compute-features.ts';
import type { Lead } from '../../../server/domain/lead.ts';
import { compileSignal, matchSignals, type ClassifierRequest } from '../../../server/domain/rules/signals.ts';
import type { SignalDefinition } from '../../../server/domain/rules/types.ts';
import { createModelSignalClassifier, modelSignalsOf } from '../../../server/providers/local/zero-shot-classifier.ts';
import { buildTinyBert, TINY_BERT_ID } from '../../helpers/tiny-models/index.ts';

let modelsDir: string;

beforeAll(() => {
  modelsDir = mkdtempSync(path.join(os.tmpdir(), 'rekindle-models-'));
  buildTinyBert(modelsDir);
});
afterAll(() => rmSync(modelsDir, { recursive: true, force: true }));

const AS_OF = '2026-11-20';

const lead = {
  id: 'L-1',
  activities: [
    { at: '2026-09-01T10:00:00Z', channel: 'email', direction: 'outbound', text: 'Following up on our quote.' },
    { at: '2026-09-03T10:00:00Z', channel: 'email', direction: 'inbound', text: 'Thanks, that is fine, we will decide soon.' },
    { at: '2026-09-20T10:00:00Z', channel: 'email', direction: 'inbound', text: 'Stop emailing me, this is really annoying!' },
    { at: '2026-09-21T10:00:00Z', channel: 'note', direction: 'internal', text: 'Customer angry on the phone.' },
  ],
} as unknown as Lead;

const calmLead = {
  id: 'L-2',
  activities: [{ at: '2026-09-03T10:00:00Z', channel: 'email', direction: 'inbound', text: 'Thanks, we are still interested. Regards' }],
} as unknown as Lead;

function modelSignal(config: Record<string, unknown>, name = 'frustrated_tone'): SignalDefinition {
  return {
    name, file: 'signals.yaml', line: 1, kind: 'model', description: 'The customer sounds annoyed by our follow-ups.',
    directions: ['inbound'], negation_aware: true, model: config,
  } as SignalDefinition;
}

const request = (texts: string[], config: Record<string, unknown>): ClassifierRequest => ({
  signal: 'frustrated_tone', description: 'd', config, lead_id: 'L-x', as_of: AS_OF,
  texts: texts.map((t, i) => ({ activity_index: i, direction: 'inbound', channel: 'email', speaker: 'customer', speaker_reason: 'inbound email', source: 'text', said_on: null, original: t, folded: t.toLowerCase() })),
});

describe('createModelSignalClassifier (zero-shot)', () => {
  const config = { labels: ['frustrated', 'neutral'], threshold: 0.7 };

  it('prepares scores with the real pipeline, then answers the engine synchronously', async () => {
    const classifier = createModelSignalClassifier({ modelsDir, model: TINY_BERT_ID });
    expect(classifier.isAvailable()).toBe(true);
    expect(classifier.unavailableReason()).toBeNull();

    const compiled = { signals: [compileSignal(modelSignal(config))] };
    const features = [computeFeatures(lead, AS_OF), computeFeatures(calmLead, AS_OF)];
    const started = Date.now();
    const classify = await classifier.prepare({ signals: modelSignalsOf(compiled), texts: features.flatMap((f) => f.texts) });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(classifier.lastPrepare()).toMatchObject({ classified: 5, cached: 0 });

    const [angry, calm] = features.map((f) => matchSignals(compiled.signals, f, classify).frustrated_tone);
    expect(angry.available).toBe(true);
    expect(angry.matched).toBe(true);
    expect(angry.score).toBeGreaterThan(0.9);
    // Only the inbound text counts (the internal note is filtered out by the engine).
    expect(angry.evidence).toEqual([
      { signal: 'frustrated_tone', activity_index: 2, phrase: '(model)', excerpt: 'Stop emailing me, this is really annoying!' },
    ]);
    expect(calm).toMatchObject({ available: true, matched: false, evidence: [] });
    expect(calm.score).toBeLessThan(0.7);

    // A second prepare over the same texts classifies nothing new.
    await classifier.prepare({ signals: modelSignalsOf(compiled), texts: features.flatMap((f) => f.texts) });
    expect(classifier.lastPrepare()).toMatchObject({ classified: 0, cached: 5 });
  });

  it('answers nothing for a text or a label setting it was not prepared for (unavailable, not false)', async () => {
    const classifier = createModelSignalClassifier({ modelsDir, model: TINY_BERT_ID });
    const classify = await classifier.prepare({ signals: [{ name: 'frustrated_tone', config }], texts: ['Stop, this is spam.'] });
    expect(classify(request(['Stop, this is spam.'], config))).toMatchObject({ matched: true });
    expect(classify(request(['Stop, this is spam.', 'Something never prepared'], config))).toBeNull();
    expect(classify(request(['Stop, this is spam.'], { labels: ['interested'] }))).toBeNull();
    // No texts at all: a definite "no".
    expect(classify(request([], config))).toEqual({ matched: false, score: 0, evidence: [] });
  });

  it('reads label, threshold and hypothesis_template from the signal config', async () => {
    const classifier = createModelSignalClassifier({ modelsDir, model: TINY_BERT_ID });
    const interested = { labels: ['frustrated', 'interested'], label: 'interested', threshold: 0.9, hypothesis_template: 'The customer is {}.' };
    const texts = ['We are interested, please send a quote.', 'Stop, enough!'];
    const classify = await classifier.prepare({ signals: [{ name: 'interest', config: interested }], texts });
    expect(classify(request([texts[0]], interested))?.matched).toBe(true);
    expect(classify(request([texts[1]], interested))?.matched).toBe(false);
    // Same scores, stricter threshold: answered from the same prepared scores.
    expect(classify(request([texts[0]], { ...interested, threshold: 1 }))?.matched).toBe(false);
  });

  it('reports an absent model as unavailable, with a clear reason, and the engine marks the signal unavailable', async () => {
    const classifier = createModelSignalClassifier({ modelsDir, model: 'Xenova/mobilebert-uncased-mnli' });
    expect(classifier.isAvailable()).toBe(false);
    expect(classifier.unavailableReason()).toContain(`model Xenova/mobilebert-uncased-mnli not found in MODELS_DIR=${modelsDir}`);
    expect(classifier.unavailableReason()).toContain('npm run models:pull -- Xenova/mobilebert-uncased-mnli');
    await expect(classifier.load()).rejects.toThrow(/not found in MODELS_DIR/);

    const compiled = { signals: [compileSignal(modelSignal(config))] };
    const classify = await classifier.prepare({ signals: modelSignalsOf(compiled), texts: computeFeatures(lead, AS_OF).texts });
    const result = matchSignals(compiled.signals, computeFeatures(lead, AS_OF), classify).frustrated_tone;
    expect(result).toMatchObject({ available: false, matched: false });
    expect(result.note).toMatch(/classifier gave no answer/);
  });

  it('honours an aborted signal in prepare', async () => {
    const classifier = createModelSignalClassifier({ modelsDir, model: TINY_BERT_ID });
    const controller = new AbortController();
    controller.abort();
    await expect(classifier.prepare({ signals: [{ name: 'x', config }], texts: ['a'] }, { signal: controller.signal })).rejects.toThrow();
  });
});

describe('createModelSignalClassifier (feature-extraction + cosine similarity)', () => {
  it('matches when the text is closest to the signal label', async () => {
    const classifier = createModelSignalClassifier({ modelsDir, model: TINY_BERT_ID, task: 'feature-extraction' });
    const config = { labels: ['frustrated', 'calm'], threshold: 0.5, label_descriptions: { frustrated: 'annoyed angry spam', calm: 'fine thanks' } };
    const texts = ['Stop the spam, I am annoyed.', 'Thanks, all fine.', 'Qwerty zxcv'];
    const classify = await classifier.prepare({ signals: [{ name: 'frustrated_tone', config }], texts });
    expect(classify(request([texts[0]], config))).toMatchObject({ matched: true });
    expect(classify(request([texts[1]], config))).toMatchObject({ matched: false });
    // All-unknown words: a finite score (the [UNK] vector is not zero), no match.
    const unknown = classify(request([texts[2]], config));
    expect(unknown?.matched).toBe(false);
    expect(Number.isFinite(unknown?.score)).toBe(true);
  });
});

describe('Transformers.js environment', () => {
  it('stays offline after loading', async () => {
    const { env } = await import('@xenova/transformers');
    expect(env.allowRemoteModels).toBe(false);
    expect(env.useFSCache).toBe(false);
  });
});
