/**
 * A local text generator: a causal language model from MODELS_DIR, run on the CPU by
 * Transformers.js (onnxruntime-node). Offline only: see transformers-env.ts.
 *
 * The model is loaded with the real `pipeline('text-generation', model)` (AutoTokenizer +
 * AutoModelForCausalLM, `onnx/decoder_model_merged[_quantized].onnx`), once per
 * (modelsDir, model, quantized), and kept. Generation uses the pipeline's own tokenizer and
 * `model.generate` (as the pipeline does) so that the prompt and completion token counts are exact.
 *
 * Instruction models: when the tokenizer has a chat template (and `chat` is not false), the prompt
 * is sent as one user message (plus the optional system message) through that template.
 */
import path from 'node:path';
import { resolveLocalModel, withModelsDir } from './transformers-env.ts';

export interface LocalTextGeneratorOptions {
  modelsDir: string;
  /** Folder inside modelsDir, e.g. `Xenova/Qwen1.5-0.5B-Chat`. */
  model: string;
  /** Default 256. */
  maxNewTokens?: number;
  /** 0 (default) = greedy and deterministic; above 0 samples with this temperature. */
  temperature?: number;
  /** Sampling only: keep the k most likely tokens (default 50). */
  topK?: number;
  repetitionPenalty?: number;
  /** Load `_quantized.onnx` (true), the full-precision file (false), or whichever exists, quantized first (unset). */
  quantized?: boolean;
  /** Use the tokenizer's chat template: 'auto' (default) when the model has one, true (always; falls back to Transformers.js's default template for the tokenizer class), false (raw prompt). */
  chat?: boolean | 'auto';
  /** System message, chat mode only. */
  system?: string;
}

export interface GenerateOptions {
  signal?: AbortSignal;
  maxNewTokens?: number;
  /** System message for this call (chat mode only); overrides the generator's `system`. */
  system?: string;
}

export interface GenerateResult {
  text: string;
  /** prompt: tokens fed to the model (after the chat template); completion: tokens it produced, an end-of-sequence token included. */
  tokens: { prompt: number; completion: number };
}

export interface LocalTextGenerator {
  readonly model: string;
  readonly modelsDir: string;
  /** Loads the model now (otherwise the first generate does); rejects with LocalModelNotFoundError when it is absent. */
  load(): Promise<void>;
  generate(prompt: string, opts?: GenerateOptions): Promise<GenerateResult>;
}

interface LoadedGenerator {
  pipe: any;
  /** Generations on one model run one at a time (CPU bound; parallel runs only thrash). */
  queue: Promise<unknown>;
}

const loaded = new Map<string, Promise<LoadedGenerator>>();

function loadGenerator(modelsDir: string, model: string, quantized: boolean | undefined): Promise<LoadedGenerator> {
  const files = resolveLocalModel(modelsDir, model, 'decoder_model_merged', quantized); // throws the clear error, not cached
  const key = `${path.resolve(modelsDir)}\u0000${model}\u0000${files.quantized}`;
  let entry = loaded.get(key);
  if (!entry) {
    entry = withModelsDir(modelsDir, async (t) => {
      const pipe = await t.pipeline('text-generation', model, { quantized: files.quantized, local_files_only: true });
      return { pipe, queue: Promise.resolve() } satisfies LoadedGenerator;
    });
    loaded.set(key, entry);
    entry.catch(() => loaded.delete(key)); // a broken model may be replaced without a restart
  }
  return entry;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const err = new Error(typeof reason === 'string' ? reason : 'generation aborted');
  err.name = 'AbortError';
  return err;
}

export function createLocalTextGenerator(options: LocalTextGeneratorOptions): LocalTextGenerator {
  const { modelsDir, model } = options;
  const maxNewTokensDefault = options.maxNewTokens ?? 256;
  const temperature = options.temperature ?? 0;
  if (!(maxNewTokensDefault >= 1)) throw new Error('maxNewTokens must be at least 1');
  if (!(temperature >= 0)) throw new Error('temperature must be 0 or more');

  async function runOnce(g: LoadedGenerator, prompt: string, opts: GenerateOptions): Promise<GenerateResult> {
    const { pipe } = g;
    const tokenizer = pipe.tokenizer;
    const signal = opts.signal;
    signal?.throwIfAborted();

    // 'auto' uses the model's own template only: Transformers.js's class defaults (read through
    // `default_chat_template`, which logs a warning) would guess at the format.
    const useChat = options.chat === true || (options.chat !== false && Boolean(tokenizer.chat_template));
    const system = opts.system ?? options.system;
    const text: string = useChat
      ? tokenizer.apply_chat_template(
        [...(system ? [{ role: 'system', content: system }] : []), { role: 'user', content: prompt }],
        { tokenize: false, add_generation_prompt: true })
      : prompt;

    // As the text-generation pipeline does: no extra special tokens (templates add their own), left padding.
    tokenizer.padding_side = 'left';
    const { input_ids, attention_mask } = tokenizer(text, { add_special_tokens: false, padding: true, truncation: true });
    const promptTokens: number = input_ids.dims.at(-1);
    if (promptTokens === 0) throw new Error('empty prompt');

    const generation: Record<string, unknown> = {
      max_new_tokens: opts.maxNewTokens ?? maxNewTokensDefault,
      do_sample: temperature > 0,
      num_beams: 1,
      num_return_sequences: 1,
      callback_function: () => { if (signal?.aborted) throw abortError(signal); },
    };
    if (temperature > 0) {
      generation.temperature = temperature;
      generation.top_k = options.topK ?? 50;
    }
    if (options.repetitionPenalty) generation.repetition_penalty = options.repetitionPenalty;

    const sequences: number[][] = await pipe.model.generate(input_ids, generation, null, { inputs_attention_mask: attention_mask });
    signal?.throwIfAborted();
    const all = (sequences[0] ?? []).map(Number);
    const completion = all.slice(promptTokens);
    const out: string = tokenizer.decode(completion, { skip_special_tokens: true });
    return { text: out, tokens: { prompt: promptTokens, completion: completion.length } };
  }

  return {
    model,
    modelsDir,
    async load() {
      await loadGenerator(modelsDir, model, options.quantized);
    },
    async generate(prompt, opts = {}) {
      if (typeof prompt !== 'string') throw new TypeError('prompt must be a string');
      opts.signal?.throwIfAborted();
      const g = await loadGenerator(modelsDir, model, options.quantized);
      const run = g.queue.then(() => runOnce(g, prompt, opts));
      g.queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** Drops loaded pipelines (tests; or after replacing a model folder). */
export function clearLocalTextGeneratorCache(): void {
  loaded.clear();
}
