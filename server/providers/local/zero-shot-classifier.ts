/**
 * A model-backed classifier for the rules engine's model signals (`kind: model` in a ruleset),
 * run locally by Transformers.js from MODELS_DIR (offline: see transformers-env.ts).
 *
 * The engine is synchronous (`SignalClassifier`), models are not: `prepare()` runs the model over
 * the texts beforehand (real `zero-shot-classification` pipeline, an MNLI model such as
 * Xenova/mobilebert-uncased-mnli; or `feature-extraction` + cosine similarity to the labels),
 * stores one score per (label setting, text), and returns a SignalClassifier that only looks them up.
 *
 * A signal's `model:` block (free configuration in the ruleset) is read as:
 *   labels:               candidate labels (default: the signal name, `frustrated_tone` -> "frustrated tone")
 *   label:                the label that means "matched" (default: the first label)
 *   threshold:            minimum score of that label in one text (default 0.5)
 *   hypothesis_template:  zero-shot only (default "This example is {}.")
 *   multi_label:          zero-shot only: score each label on its own (default: false with several labels)
 *   label_descriptions:   feature-extraction only: { label: text to embed } (default: the label)
 * Zero-shot scores are the pipeline's probabilities; feature-extraction scores are cosine
 * similarities, and the label must also be the most similar one.
 *
 * Unavailable is never "false": when the model is absent, or a text of the request was not
 * prepared, the classifier answers nothing, and the engine reports the signal as unavailable
 * (a hard block on it fails closed). `isAvailable()` / `unavailableReason()` say why.
 */
import path from 'node:path';
import type { ClassifierAnswer, ClassifierRequest, CompiledSignal, SignalClassifier } from '../../domain/rules/signals.ts';
import { LocalModelNotFoundError, resolveLocalModel, withModelsDir } from './transformers-env.ts';

export type ClassifierTask = 'zero-shot-classification' | 'feature-extraction';

export interface ModelSignalClassifierOptions {
  modelsDir: string;
  /** Folder inside modelsDir, e.g. `Xenova/mobilebert-uncased-mnli`. */
  model: string;
  task?: ClassifierTask;
  quantized?: boolean;
  /** Default hypothesis template for zero-shot (a signal's `hypothesis_template` wins). */
  hypothesisTemplate?: string;
  /** Default threshold (a signal's `threshold` wins). Default 0.5. */
  threshold?: number;
  /** Texts are cut to this many characters before classification (default 1000). */
  maxTextChars?: number;
  /** At most this many evidence excerpts per answer (default 3), of at most 200 characters. */
  maxEvidence?: number;
}

/** A model signal as the ruleset declares it. */
export interface ModelSignalSpec {
  name: string;
  description?: string;
  config?: Record<string, unknown>;
}

export type TextInput = string | { original: string };

export interface PrepareInput {
  signals: Iterable<ModelSignalSpec>;
  /** The texts the engine may ask about (e.g. `features.texts` or `prepareTexts(lead)` of every lead). */
  texts: Iterable<TextInput>;
}

export interface PrepareStats {
  /** (label setting, text) pairs classified by this call. */
  classified: number;
  /** Pairs already known. */
  cached: number;
  ms: number;
}

export interface ModelSignalClassifier {
  readonly model: string;
  readonly task: ClassifierTask;
  /** False when the model folder is incomplete or the model failed to load. */
  isAvailable(): boolean;
  /** Why the classifier is unavailable (a clear, actionable message), or null. */
  unavailableReason(): string | null;
  /** Loads the model; rejects with the clear error when it is absent. */
  load(): Promise<void>;
  /**
   * Runs the model over the texts for every signal, then returns a synchronous SignalClassifier
   * answering from everything prepared so far (a new function per call, so that caches keyed on
   * the classifier see the new answers). Never rejects because the model is absent: the returned
   * classifier then answers nothing (the signal is unavailable). Rejects on abort.
   */
  prepare(input: PrepareInput, opts?: { signal?: AbortSignal }): Promise<SignalClassifier>;
  /** Statistics of the last prepare(). */
  lastPrepare(): PrepareStats | null;
}

/** The model signals of a compiled ruleset, as prepare() wants them. */
export function modelSignalsOf(compiled: { signals: readonly CompiledSignal[] }): ModelSignalSpec[] {
  return compiled.signals
    .filter((s) => s.definition.kind === 'model')
    .map((s) => ({ name: s.name, description: s.definition.description, config: s.definition.model ?? {} }));
}

interface Setting {
  key: string;
  labels: string[];
  positive: number;
  threshold: number;
  template: string;
  multiLabel: boolean;
  descriptions: string[];
}

const DEFAULT_TEMPLATE = 'This example is {}.';

function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}

function settingFor(task: ClassifierTask, spec: { name: string; config?: Record<string, unknown> }, options: ModelSignalClassifierOptions): Setting {
  const c = spec.config ?? {};
  const labels = Array.isArray(c.labels) ? c.labels.filter((l): l is string => typeof l === 'string' && l.trim() !== '') : [];
  if (!labels.length) labels.push(spec.name.replace(/_/g, ' '));
  const wanted = asString(c.label) ?? asString(c.positive_label);
  let positive = wanted ? labels.indexOf(wanted) : 0;
  if (positive < 0) { labels.push(wanted!); positive = labels.length - 1; }
  const threshold = typeof c.threshold === 'number' ? c.threshold : options.threshold ?? 0.5;
  const template = asString(c.hypothesis_template) ?? options.hypothesisTemplate ?? DEFAULT_TEMPLATE;
  const multiLabel = c.multi_label === true;
  const descMap = (c.label_descriptions && typeof c.label_descriptions === 'object' ? c.label_descriptions : {}) as Record<string, unknown>;
  const descriptions = labels.map((l) => asString(descMap[l]) ?? l);
  // The key holds what changes the scores, not the threshold (applied at answer time).
  const key = JSON.stringify(task === 'zero-shot-classification' ? [task, labels, template, multiLabel] : [task, labels, descriptions]);
  return { key, labels, positive, threshold, template, multiLabel, descriptions };
}

const loadedPipelines = new Map<string, Promise<any>>();

function l2normalize(v: number[]): number[] {
  const n = Math.hypot(...v);
  return n > 0 ? v.map((x) => x / n) : v;
}

export function createModelSignalClassifier(options: ModelSignalClassifierOptions): ModelSignalClassifier {
  const { modelsDir, model } = options;
  const task: ClassifierTask = options.task ?? 'zero-shot-classification';
  const maxChars = options.maxTextChars ?? 1000;
  const maxEvidence = options.maxEvidence ?? 3;
  /** setting key -> text -> score of every label of that setting. */
  const scores = new Map<string, Map<string, number[]>>();
  /** Label embeddings per setting (feature-extraction). */
  const labelVectors = new Map<string, number[][]>();
  let loadError: string | null = null;
  let stats: PrepareStats | null = null;

  function check(): string | null {
    if (loadError) return loadError;
    try {
      resolveLocalModel(modelsDir, model, 'model', options.quantized);
      return null;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }

  function loadPipeline(): Promise<any> {
    const files = resolveLocalModel(modelsDir, model, 'model', options.quantized);
    const key = `${task}\u0000${path.resolve(modelsDir)}\u0000${model}\u0000${files.quantized}`;
    let p = loadedPipelines.get(key);
    if (!p) {
      p = withModelsDir(modelsDir, (t) => t.pipeline(task, model, { quantized: files.quantized, local_files_only: true }));
      loadedPipelines.set(key, p);
      p.catch(() => loadedPipelines.delete(key));
    }
    return p.then((pipe) => { loadError = null; return pipe; }, (err: unknown) => {
      if (!(err instanceof LocalModelNotFoundError)) {
        loadError = `model ${model} in MODELS_DIR=${path.resolve(modelsDir)} failed to load: ${err instanceof Error ? err.message : String(err)}`;
      }
      throw err;
    });
  }

  async function embed(pipe: any, texts: string[]): Promise<number[][]> {
    const out = await pipe(texts, { pooling: 'mean', normalize: true });
    return (out.tolist() as number[][]).map(l2normalize);
  }

  async function classifyTexts(pipe: any, s: Setting, texts: string[], signal?: AbortSignal): Promise<number[][]> {
    const results: number[][] = [];
    if (task === 'zero-shot-classification') {
      for (const text of texts) {
        signal?.throwIfAborted();
        const r = await pipe(text.slice(0, maxChars), s.labels, { hypothesis_template: s.template, multi_label: s.multiLabel });
        results.push(s.labels.map((l) => r.scores[r.labels.indexOf(l)] ?? 0));
      }
      return results;
    }
    let lv = labelVectors.get(s.key);
    if (!lv) { lv = await embed(pipe, s.descriptions); labelVectors.set(s.key, lv); }
    const BATCH = 16;
    for (let i = 0; i < texts.length; i += BATCH) {
      signal?.throwIfAborted();
      const vs = await embed(pipe, texts.slice(i, i + BATCH).map((t) => t.slice(0, maxChars)));
      for (const v of vs) results.push(lv.map((l) => l.reduce((acc, x, k) => acc + x * v[k], 0)));
    }
    return results;
  }

  function answer(request: ClassifierRequest): ClassifierAnswer | null {
    const s = settingFor(task, { name: request.signal, config: request.config }, options);
    const known = scores.get(s.key);
    if (!known) return null;
    const scored: { activity_index: number; excerpt: string; score: number }[] = [];
    for (const t of request.texts) {
      if (!t.original.trim()) continue;
      const all = known.get(t.original);
      if (!all) return null; // not prepared: unavailable, never a silent false
      const score = all[s.positive];
      const best = task === 'feature-extraction' ? all.every((x, i) => i === s.positive || x <= score) : true;
      if (score >= s.threshold && best) scored.push({ activity_index: t.activity_index, excerpt: t.original.slice(0, 200), score });
    }
    let max = 0;
    for (const t of request.texts) max = Math.max(max, known.get(t.original)?.[s.positive] ?? 0);
    scored.sort((a, b) => b.score - a.score);
    return {
      matched: scored.length > 0,
      score: Math.round(max * 1000) / 1000,
      evidence: scored.slice(0, maxEvidence).map(({ activity_index, excerpt }) => ({ activity_index, excerpt })),
    };
  }

  const unavailable: SignalClassifier = () => null;

  return {
    model,
    task,
    isAvailable: () => check() === null,
    unavailableReason: check,
    async load() {
      await loadPipeline();
    },
    async prepare(input, opts = {}) {
      const started = Date.now();
      opts.signal?.throwIfAborted();
      const settings = new Map<string, Setting>();
      for (const spec of input.signals) { const s = settingFor(task, spec, options); settings.set(s.key, s); }
      const texts = [...new Set([...input.texts].map((t) => (typeof t === 'string' ? t : t.original)).filter((t) => t.trim() !== ''))];
      if (check() !== null) { stats = { classified: 0, cached: 0, ms: Date.now() - started }; return unavailable; }
      let pipe: any;
      try {
        pipe = await loadPipeline();
      } catch {
        stats = { classified: 0, cached: 0, ms: Date.now() - started };
        return unavailable; // the reason is in unavailableReason()
      }
      let classified = 0;
      let cached = 0;
      for (const s of settings.values()) {
        let known = scores.get(s.key);
        if (!known) { known = new Map(); scores.set(s.key, known); }
        const todo = texts.filter((t) => !known.has(t));
        cached += texts.length - todo.length;
        const results = await classifyTexts(pipe, s, todo, opts.signal);
        todo.forEach((t, i) => known.set(t, results[i]));
        classified += todo.length;
      }
      stats = { classified, cached, ms: Date.now() - started };
      return (request: ClassifierRequest) => answer(request);
    },
    lastPrepare: () => stats,
  };
}

/** Drops loaded pipelines (tests; or after replacing a model folder). */
export function clearModelSignalClassifierCache(): void {
  loadedPipelines.clear();
}
