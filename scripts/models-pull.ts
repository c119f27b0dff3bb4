/**
 * `npm run models:pull -- <model id> [<model id> ...] [--task <task>] [--full]`
 *
 * Downloads a Hugging Face model's Transformers.js (ONNX) files into MODELS_DIR (default
 * ./models), on a machine WITH internet, so that the server can load it offline later (copy the
 * folder to the server's MODELS_DIR if the server has no internet).
 *
 *   npm run models:pull -- Xenova/Qwen1.5-0.5B-Chat
 *   npm run models:pull -- Xenova/mobilebert-uncased-mnli
 *   MODELS_DIR=/srv/rekindle/models npm run models:pull -- Xenova/distilbert-base-uncased-mnli --full
 *
 * It loads the model once with Transformers.js's own pipeline, which fetches exactly the files
 * that pipeline needs (config.json, tokenizer files, generation_config.json,
 * onnx/<name>_quantized.onnx, or onnx/<name>.onnx with --full) and writes them to
 * <MODELS_DIR>/<model id>/. The task is taken from config.json's architectures unless --task says:
 * text-generation (causal LM), zero-shot-classification (an MNLI classifier) or feature-extraction.
 * HF_ENDPOINT changes the host (a mirror), as with huggingface_hub.
 *
 * !!! This script, and only this script, sets `env.allowRemoteModels = true`. It is a developer
 * !!! tool run by hand, never imported by the server: server code goes through
 * !!! server/providers/local/transformers-env.ts, which keeps Transformers.js offline.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MODEL_TASKS, taskFromConfig, type ModelTask } from '../server/providers/local/model-inventory.ts';

// One decision of a model's task, shared with the server's Models page.
const TASKS = MODEL_TASKS;
type Task = ModelTask;

function usage(message?: string): never {
  if (message) console.error(`models:pull: ${message}`);
  console.error('usage: npm run models:pull -- <model id> [<model id> ...] [--task text-generation|zero-shot-classification|feature-extraction] [--full]');
  process.exit(2);
}

function listFiles(dir: string, prefix = ''): { file: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(prefix, e.name);
    return e.isDirectory() ? listFiles(path.join(dir, e.name), rel) : [{ file: rel, bytes: statSync(path.join(dir, e.name)).size }];
  });
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { task: { type: 'string' }, full: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    usage((err as Error).message);
  }
  if (parsed.values.help) usage();
  const models = parsed.positionals;
  if (!models.length) usage('give at least one model id, e.g. Xenova/mobilebert-uncased-mnli');
  const forcedTask = parsed.values.task as Task | undefined;
  if (forcedTask && !TASKS.includes(forcedTask)) usage(`unknown task ${forcedTask}`);
  for (const m of models) {
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(m) || m.includes('..')) usage(`invalid model id ${m} (expected owner/name)`);
  }

  const modelsDir = path.resolve(process.env.MODELS_DIR || './models');
  const { env, pipeline, AutoConfig } = await import('@xenova/transformers');
  // Download mode, for this script only (see the header): files fetched from the hub are written
  // by Transformers.js's file cache straight into MODELS_DIR, where the server looks for them.
  env.allowRemoteModels = true;
  env.allowLocalModels = true;
  env.localModelPath = modelsDir + path.sep;
  env.useFSCache = true;
  env.cacheDir = modelsDir;
  if (process.env.HF_ENDPOINT) env.remoteHost = process.env.HF_ENDPOINT.replace(/\/?$/, '/');

  let failed = 0;
  for (const model of models) {
    const started = Date.now();
    try {
      const config = await AutoConfig.from_pretrained(model);
      const task = forcedTask ?? taskFromConfig(config as never);
      console.log(`${model}: pulling for ${task}${parsed.values.full ? ' (full precision)' : ' (quantized)'} from ${env.remoteHost}`);
      let lastFile = '';
      const pipe = await pipeline(task, model, {
        quantized: !parsed.values.full,
        progress_callback: (p: { status: string; file?: string }) => {
          if (p.status === 'done' && p.file && p.file !== lastFile) { lastFile = p.file; console.log(`  ${p.file}`); }
        },
      });
      await (pipe as unknown as { dispose?: () => Promise<void> }).dispose?.();
      const folder = path.join(modelsDir, ...model.split('/'));
      const files = listFiles(folder);
      const total = files.reduce((a, f) => a + f.bytes, 0);
      console.log(`${model}: ${files.length} files, ${mb(total)} in ${folder} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      for (const f of files) console.log(`  ${f.file.padEnd(48)} ${mb(f.bytes)}`);
      console.log(`  use it with MODELS_DIR=${modelsDir} and model "${model}"`);
    } catch (err) {
      failed++;
      console.error(`${model}: failed: ${err instanceof Error ? err.message : String(err)}`);
      console.error('  (needs internet access to huggingface.co, or HF_ENDPOINT set to a mirror; the model must have ONNX files for Transformers.js, see models/README.md)');
    }
  }
  process.exit(failed ? 1 : 0);
}

await main();
