/**
 * The one place that imports and configures @xenova/transformers for the server: offline only.
 *
 * - `env.allowRemoteModels = false` (nothing is ever downloaded at run time; models are put into
 *   MODELS_DIR beforehand with `npm run models:pull -- <model id>` on a machine with internet),
 * - `env.allowLocalModels = true`, `env.localModelPath = <MODELS_DIR>`,
 * - no file or browser cache (the local files ARE the models; nothing is copied anywhere).
 *
 * The package is heavy (onnxruntime-node), so it is imported lazily on first use. Transformers.js
 * keeps these settings in one global `env`, and reads `localModelPath` while it loads a model:
 * loads are therefore serialised here, each one with its own models folder, so two folders (tests)
 * never mix. Server code never sets `allowRemoteModels` to true; it is re-asserted false before
 * every load.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export type Transformers = typeof import('@xenova/transformers');

let transformers: Promise<Transformers> | null = null;
let loadQueue: Promise<unknown> = Promise.resolve();

function applyOfflineSettings(t: Transformers, modelsDir: string): void {
  const env = t.env;
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = withTrailingSep(path.resolve(modelsDir));
  env.useBrowserCache = false;
  env.useFSCache = false;
  env.useCustomCache = false;
}

function withTrailingSep(dir: string): string {
  return dir.endsWith(path.sep) ? dir : dir + path.sep;
}

/** Imports @xenova/transformers once (lazily) and switches it to offline mode. */
export function loadTransformers(modelsDir?: string): Promise<Transformers> {
  transformers ??= import('@xenova/transformers').then((t) => {
    applyOfflineSettings(t, modelsDir ?? './models');
    return t;
  }).catch((err: unknown) => {
    transformers = null;
    throw new Error(`cannot load @xenova/transformers: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  });
  return transformers;
}

/**
 * Runs `fn` (a model load) with Transformers.js pointed at `modelsDir`, offline, one load at a
 * time across the process.
 */
export function withModelsDir<T>(modelsDir: string, fn: (t: Transformers) => Promise<T>): Promise<T> {
  const run = loadQueue.then(async () => {
    const t = await loadTransformers(modelsDir);
    applyOfflineSettings(t, modelsDir);
    return fn(t);
  });
  loadQueue = run.catch(() => undefined);
  return run;
}

/** A model id is a relative folder name inside MODELS_DIR, like `Xenova/mobilebert-uncased-mnli`. */
export function validateModelId(model: string): void {
  const ok = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(model) && !model.split('/').some((s) => s === '.' || s === '..');
  if (!ok) throw new Error(`invalid model id ${JSON.stringify(model)}: expected a folder name inside MODELS_DIR such as Xenova/mobilebert-uncased-mnli`);
}

export function modelFolder(modelsDir: string, model: string): string {
  return path.join(path.resolve(modelsDir), ...model.split('/'));
}

export class LocalModelNotFoundError extends Error {
  readonly code = 'local_model_not_found';
  constructor(readonly model: string, readonly modelsDir: string, readonly missing: string) {
    super(`model ${model} not found in MODELS_DIR=${path.resolve(modelsDir)} (${missing}); ` +
      `run npm run models:pull -- ${model} on a machine with internet, then copy it into MODELS_DIR`);
    this.name = 'LocalModelNotFoundError';
  }
}

export interface LocalModelFiles {
  folder: string;
  /** Whether the `_quantized` ONNX file is the one to load. */
  quantized: boolean;
}

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

/**
 * Checks that `<modelsDir>/<model>` holds config.json, tokenizer.json and
 * `onnx/<onnxName>[_quantized].onnx`; throws LocalModelNotFoundError otherwise. With `quantized`
 * unset, the quantized file is preferred when present (what Transformers.js loads by default).
 */
export function resolveLocalModel(modelsDir: string, model: string, onnxName: string, quantized?: boolean): LocalModelFiles {
  validateModelId(model);
  const folder = modelFolder(modelsDir, model);
  if (!existsSync(folder)) throw new LocalModelNotFoundError(model, modelsDir, `no folder ${folder}`);
  for (const f of ['config.json', 'tokenizer.json']) {
    if (!isFile(path.join(folder, f))) throw new LocalModelNotFoundError(model, modelsDir, `missing ${f}`);
  }
  const q = isFile(path.join(folder, 'onnx', `${onnxName}_quantized.onnx`));
  const full = isFile(path.join(folder, 'onnx', `${onnxName}.onnx`));
  const want = quantized ?? q;
  if ((want && !q) || (!want && !full)) {
    throw new LocalModelNotFoundError(model, modelsDir, `missing onnx/${onnxName}${want ? '_quantized' : ''}.onnx`);
  }
  return { folder, quantized: want };
}
