/**
 * Model-backed signals (`kind: model` in a ruleset) in the shared pipeline. The rules engine is
 * synchronous, so the local classifier runs over the lead's texts first and the engine then reads
 * its answers. The model is `model.id` in the signal's YAML, or DEFAULT_SIGNAL_MODEL. An absent
 * model is never "false": the classifier answers nothing and the engine reports the signal
 * unavailable (rules on it record an error; a hard block on it blocks).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CompiledRuleset, Features, SignalClassifier } from '../domain/rules/index.ts';
import { createModelSignalClassifier, modelSignalsOf, type ModelSignalClassifier, type ModelSignalSpec } from '../providers/local/zero-shot-classifier.ts';

export const DEFAULT_SIGNAL_MODEL = 'Xenova/mobilebert-uncased-mnli';

export type SignalPreparer = (features: readonly Features[]) => Promise<SignalClassifier | undefined>;

export interface ModelSignalStatus {
  signal: string;
  model: string;
  available: boolean;
  reason: string | null;
}

function modelOf(spec: ModelSignalSpec): string {
  const id = spec.config?.id;
  return typeof id === 'string' && id.trim() ? id : DEFAULT_SIGNAL_MODEL;
}

/** What a ruleset's model signals need, and whether MODELS_DIR has it (shown when validating). */
export function modelSignalStatus(compiled: CompiledRuleset, modelsDir: string): ModelSignalStatus[] {
  return modelSignalsOf(compiled).map((spec) => {
    const model = modelOf(spec);
    const available = fs.existsSync(path.join(modelsDir, model, 'config.json'));
    return {
      signal: spec.name,
      model,
      available,
      reason: available ? null : `Model ${model} is not in MODELS_DIR (${modelsDir}); signal("${spec.name}") is unavailable, not false. Pull it with npm run models:pull -- ${model}.`,
    };
  });
}

const classifiers = new Map<string, ModelSignalClassifier>();

function classifierFor(modelsDir: string, model: string): ModelSignalClassifier {
  const key = `${modelsDir}\0${model}`;
  let classifier = classifiers.get(key);
  if (!classifier) classifiers.set(key, (classifier = createModelSignalClassifier({ modelsDir, model })));
  return classifier;
}

/**
 * Null when no rule reads a model signal (declared-only signals cost nothing): the hot path then
 * does no model work at all.
 */
export function signalPreparer(compiled: CompiledRuleset, modelsDir: string): SignalPreparer | null {
  const used = new Set(compiled.rules.flatMap((r) => r.signalRefs));
  const specs = modelSignalsOf(compiled).filter((s) => used.has(s.name));
  if (!specs.length) return null;
  const byModel = new Map<string, ModelSignalSpec[]>();
  for (const spec of specs) byModel.set(modelOf(spec), [...(byModel.get(modelOf(spec)) ?? []), spec]);
  return async (features) => {
    const texts = features.flatMap((f) => f.texts);
    const answers = await Promise.all(
      [...byModel].map(([model, signals]) => classifierFor(modelsDir, model).prepare({ signals, texts })),
    );
    // Each signal belongs to one model; ask them in turn, the first answer wins.
    return (request) => {
      for (const answer of answers) {
        const a = answer(request);
        if (a) return a;
      }
      return null;
    };
  };
}
