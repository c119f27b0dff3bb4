/**
 * What MODELS_DIR holds: every `<owner>/<name>` (or `<name>`) folder with a config.json, its
 * task (from config.json, as `npm run models:pull` decides it), its size, and whether its files
 * are complete; and, on request, whether it really loads through Transformers.js (offline). Plus
 * the models we recommend for drafting and for classifying customer texts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveLocalModel, withModelsDir } from './transformers-env.ts';

export const MODEL_TASKS = ['text-generation', 'zero-shot-classification', 'feature-extraction'] as const;
export type ModelTask = (typeof MODEL_TASKS)[number];

/** The pipeline a config.json is for: a causal LM writes, an MNLI classifier classifies, the rest embeds. */
export function taskFromConfig(config: { architectures?: string[]; label2id?: Record<string, number> }): ModelTask {
  const arch = (config.architectures ?? []).join(' ');
  if (/ForCausalLM|LMHeadModel/.test(arch)) return 'text-generation';
  const labels = Object.keys(config.label2id ?? {}).map((l) => l.toLowerCase());
  if (/ForSequenceClassification/.test(arch) && labels.includes('entailment')) return 'zero-shot-classification';
  return 'feature-extraction';
}

export interface LocalModel {
  id: string;
  task: ModelTask | null;
  bytes: number;
  /** The files the loader needs are present (config, tokenizer, ONNX weights). */
  complete: boolean;
  /** What is missing or wrong, when not complete. */
  problem: string | null;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? folderBytes(p) : e.isFile() ? statSync(p).size : 0;
  }
  return total;
}

const onnxNameFor = (task: ModelTask) => (task === 'text-generation' ? 'decoder_model_merged' : 'model');

function describeModel(modelsDir: string, id: string, folder: string): LocalModel {
  let task: ModelTask | null = null;
  let problem: string | null = null;
  try {
    task = taskFromConfig(JSON.parse(readFileSync(path.join(folder, 'config.json'), 'utf8')));
    resolveLocalModel(modelsDir, id, onnxNameFor(task));
  } catch (e) {
    problem = task === null ? `config.json does not parse: ${(e as Error).message}` : (e as Error).message.replace(/; run npm run models:pull.*$/, '');
  }
  return { id, task, bytes: folderBytes(folder), complete: problem === null, problem };
}

/** Models one or two levels down (`name/config.json` or `owner/name/config.json`), sorted by id. */
export function listLocalModels(modelsDir: string): LocalModel[] {
  const root = path.resolve(modelsDir);
  if (!existsSync(root)) return [];
  const out: LocalModel[] = [];
  const dirs = (p: string) => readdirSync(p, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.'));
  for (const first of dirs(root)) {
    const p1 = path.join(root, first.name);
    if (existsSync(path.join(p1, 'config.json'))) out.push(describeModel(modelsDir, first.name, p1));
    else for (const second of dirs(p1)) {
      const p2 = path.join(p1, second.name);
      if (existsSync(path.join(p2, 'config.json'))) out.push(describeModel(modelsDir, `${first.name}/${second.name}`, p2));
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

export interface LoadCheck {
  id: string;
  task: ModelTask | null;
  loads: boolean;
  ms: number;
  error: string | null;
}

/** Loads the model through the real (offline) Transformers.js pipeline for its task, once, and reports. */
export async function checkModelLoads(modelsDir: string, id: string): Promise<LoadCheck> {
  const started = performance.now();
  const model = listLocalModels(modelsDir).find((m) => m.id === id);
  if (!model) return { id, task: null, loads: false, ms: 0, error: `no model ${id} in MODELS_DIR` };
  if (!model.complete || !model.task) return { id, task: model.task, loads: false, ms: 0, error: model.problem };
  const task = model.task;
  try {
    const files = resolveLocalModel(modelsDir, id, onnxNameFor(task));
    const pipe = await withModelsDir(modelsDir, (t) => t.pipeline(task, id, { quantized: files.quantized, local_files_only: true }));
    await (pipe as { dispose?: () => Promise<void> }).dispose?.();
    return { id, task, loads: true, ms: Math.round(performance.now() - started), error: null };
  } catch (e) {
    return { id, task, loads: false, ms: Math.round(performance.now() - started), error: (e as Error).message.slice(0, 500) };
  }
}

export interface RecommendedModel {
  id: string;
  use: 'drafting' | 'classification';
  task: ModelTask;
  size: string;
  note: string;
}

/** From models/README.md: Xenova conversions that Transformers.js 2.17 loads. */
export const RECOMMENDED_MODELS: readonly RecommendedModel[] = [
  { id: 'Xenova/Qwen1.5-0.5B-Chat', use: 'drafting', task: 'text-generation', size: '~0.5 GB', note: 'Small, has a chat template; follows JSON instructions so-so.' },
  { id: 'Xenova/TinyLlama-1.1B-Chat-v1.0', use: 'drafting', task: 'text-generation', size: '~1.1 GB', note: 'Slower, somewhat better text.' },
  { id: 'Xenova/Qwen1.5-1.8B-Chat', use: 'drafting', task: 'text-generation', size: '~1.8 GB', note: 'Better text, slow on a CPU.' },
  { id: 'Xenova/mobilebert-uncased-mnli', use: 'classification', task: 'zero-shot-classification', size: '~25 MB', note: 'Zero-shot classifier for model-backed rule signals (the default).' },
  { id: 'Xenova/distilbert-base-uncased-mnli', use: 'classification', task: 'zero-shot-classification', size: '~70 MB', note: 'Zero-shot classifier, a bit better.' },
];

export const pullCommand = (id: string) => `npm run models:pull -- ${id}`;
