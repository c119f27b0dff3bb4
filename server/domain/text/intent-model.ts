/**
 * The intent classifier of a ruleset: a naive Bayes text classifier
 * (wink-naive-bayes-text-classifier, Laplace smoothing, presence of features) trained on the
 * ruleset's corpus, with our own features (tokens.ts) so that ONE model reads every supported
 * language and mixed-language text. Chosen over nlp.js's neural classifier (@nlpjs/neural) by
 * cross-validation on the corpus (bench/intent-classifiers.ts): slightly more accurate on held-out
 * folds, far better calibrated at the top, and 30x faster to train (0.1 s instead of 3.5 s).
 *
 * Deterministic: the corpus order is fixed (files sorted, examples in file order) and training
 * has no randomness, so the same corpus gives the same answers.
 *
 * Calibrated: raw scores are overconfident (a wrong answer at 0.99), so the corpus is split
 * into K folds (by position within each language/intent, no randomness), each fold is classified
 * by a model trained on the others, and the raw top score is mapped to the share of held-out
 * answers at that score that were right (isotonic regression). The threshold is the lowest
 * calibrated score at which held-out answers at or above it are right at least `TARGET_PRECISION`
 * of the time: below it, a text is not read with confidence (fail closed, see understand.ts).
 *
 * Trained once per corpus hash per process (memoised): under a second for 3,000 examples.
 */
import createNaiveBayes, { type WinkNaiveBayes } from 'wink-naive-bayes-text-classifier';
import { DNC_INTENTS, type IntentCorpus } from './corpus.ts';
import { intentTokens, splitSentences } from './tokens.ts';

export interface IntentScore { intent: string; score: number }

export interface SentenceReading {
  /** The sentence as written. */
  text: string;
  /** Offset of the sentence in the text it came from. */
  start: number;
  intent: string;
  /** Calibrated: the held-out share of answers at this raw score that were right. */
  score: number;
  /** nlp.js's own (normalised) score of the top intent. */
  raw: number;
  /** The top three intents with their normalised scores. */
  top: IntentScore[];
  /** Calibrated probability that the sentence is one of the do-not-contact intents (DNC_INTENTS). */
  dnc: number;
}

export interface Calibration {
  folds: number;
  target_precision: number;
  threshold: number;
  /** Held-out figures: accuracy overall, and coverage/precision of answers at or above the threshold. */
  heldout: { examples: number; accuracy: number; above_threshold: number; precision_above: number };
  /** Isotonic map: raw score upper bounds -> calibrated score. */
  steps: { raw_max: number; score: number }[];
  /**
   * Do-not-contact calibration: raw share of the DNC intents -> held-out share of sentences that
   * really were one. `dnc_clear` is the calibrated value under which a sentence is read as
   * "not a refusal": held-out, at most MAX_DNC_MISS of the real DNC sentences fall under it.
   */
  dnc_steps: { raw_max: number; score: number }[];
  dnc_clear: number;
  dnc_heldout: { dnc_examples: number; missed_under_clear: number; other_examples: number; other_under_clear: number };
}

export interface IntentModel {
  corpus_hash: string;
  intents: string[];
  calibration: Calibration;
  trained_ms: number;
  /** Sentence-level readings of a text (cached by text). */
  readText(text: string): SentenceReading[];
  readSentence(sentence: string): Omit<SentenceReading, 'text' | 'start'>;
}

export const FOLDS = 4;
export const TARGET_PRECISION = 0.9;
/** Share of held-out do-not-contact sentences we accept to read as "clearly not a refusal". */
export const MAX_DNC_MISS = 0.05;

const dncShare = (list: IntentScore[]) => list.reduce((a, x) => a + (DNC_INTENTS.has(x.intent) ? x.score : 0), 0);
const SMOOTHING = 0.5;

/** The library's classifier, trained (exported for the differential test). */
export function trainNaiveBayes(examples: { text: string; intent: string }[]): WinkNaiveBayes {
  const nb = createNaiveBayes();
  nb.defineConfig({ considerOnlyPresence: true, smoothingFactor: SMOOTHING });
  for (const e of examples) nb.learn(intentTokens(e.text), e.intent);
  nb.consolidate();
  return nb;
}

const train = (examples: { text: string; intent: string }[]): OddsTable => oddsTable(trainNaiveBayes(examples));

/**
 * The trained model's log2 odds as tables (one row of per-label log-likelihoods per token), read
 * from the library's own export: exactly the library's computeOdds (same formulas, same summation
 * order; a unit test compares them), at a few microseconds a sentence instead of ~300 (the
 * library recomputes every label's inverse likelihood per token, O(labels^2) per word).
 */
export interface OddsTable {
  labels: string[];
  /**
   * token -> row number; row r is values[r * 2L .. r * 2L + 2L - 1] = [ll_0, ill_0, ll_1, ill_1, ...]
   * (L labels). One Float64Array for all ~32,000 tokens rather than one per token: a few MB of
   * heap and ~32,000 allocations less per trained model (the calibration trains five).
   */
  rows: Map<string, number>;
  values: Float64Array;
  priors: Float64Array;
  inversePriors: Float64Array;
}

export function oddsTable(nb: WinkNaiveBayes): OddsTable {
  const [config, samples, count, words, voc] = JSON.parse(nb.exportJSON()) as [
    { smoothingFactor: number }, Record<string, number>, Record<string, Record<string, number>>, Record<string, number>, string[],
  ];
  const labels = Object.keys(samples);
  const sm = config.smoothingFactor, v = voc.length;
  const total = labels.reduce((a, l) => a + samples[l], 0);
  const allWords = labels.reduce((a, l) => a + words[l], 0);
  const width = labels.length * 2;
  const rows = new Map<string, number>();
  const values = new Float64Array(voc.length * width);
  voc.forEach((token, r) => {
    const base = r * width;
    let all = 0;
    for (const l of labels) all += count[l][token] || 0;
    labels.forEach((l, i) => {
      const c = count[l][token] || 0;
      values[base + 2 * i] = Math.log2(c + sm) - Math.log2(words[l] + v * sm);
      values[base + 2 * i + 1] = Math.log2(all - c + sm) - Math.log2(allWords - words[l] + v * sm);
    });
    rows.set(token, r);
  });
  return {
    labels, rows, values,
    priors: Float64Array.from(labels, (l) => Math.log2(samples[l]) - Math.log2(total)),
    inversePriors: Float64Array.from(labels, (l) => Math.log2(total - samples[l]) - Math.log2(total)),
  };
}

/** [label, log2 odds] per label, as the library's computeOdds (unsorted); null when no token is known. */
export function oddsOf(table: OddsTable, tokens: string[]): [string, number][] | null {
  const width = table.labels.length * 2;
  const known: number[] = [];
  for (const t of tokens) {
    const row = table.rows.get(t);
    if (row !== undefined) known.push(row * width);
  }
  if (!known.length) return null;
  const values = table.values;
  return table.labels.map((label, i) => {
    let lh = 0, ilh = 0;
    for (const base of known) {
      lh += values[base + 2 * i];
      ilh += lh === 0 ? 0 : values[base + 2 * i + 1];
    }
    if (lh !== 0) {
      lh += table.priors[i];
      ilh += table.inversePriors[i];
    }
    return [label, lh - ilh];
  });
}

/**
 * Intents with scores summing to 1 (softmax of the log-odds), best first; ties by intent name.
 * Empty when no word of the sentence occurs in the corpus (nothing to read it by).
 */
function scores(table: OddsTable, text: string): IntentScore[] {
  const tokens = intentTokens(text);
  if (!tokens.length) return [];
  const odds = oddsOf(table, tokens);
  if (!odds) return [];
  let max = -Infinity;
  for (const [, o] of odds) if (o > max) max = o;
  const list: IntentScore[] = odds.map(([intent, o]) => ({ intent, score: 2 ** (o - max) }));
  const total = list.reduce((a, x) => a + x.score, 0);
  for (const x of list) x.score /= total;
  list.sort((a, b) => b.score - a.score || (a.intent < b.intent ? -1 : 1));
  return list;
}

/** Pool-adjacent-violators: raw score -> P(correct), non-decreasing. */
function isotonic(points: { raw: number; correct: boolean }[]): { raw_max: number; score: number }[] {
  const sorted = [...points].sort((a, b) => a.raw - b.raw);
  const blocks: { raw_max: number; sum: number; n: number }[] = [];
  for (const p of sorted) {
    blocks.push({ raw_max: p.raw, sum: p.correct ? 1 : 0, n: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2].sum / blocks[blocks.length - 2].n >= blocks[blocks.length - 1].sum / blocks[blocks.length - 1].n) {
      const last = blocks.pop()!, prev = blocks[blocks.length - 1];
      prev.sum += last.sum; prev.n += last.n; prev.raw_max = last.raw_max;
    }
  }
  return blocks.map((b) => ({ raw_max: b.raw_max, score: Math.round((b.sum / b.n) * 1000) / 1000 }));
}

function calibrated(steps: Calibration['steps'], raw: number): number {
  for (const s of steps) if (raw <= s.raw_max) return s.score;
  return steps.length ? steps[steps.length - 1].score : 0;
}

/** Fold of each example: its position within its (language, intent) group, modulo `folds` (no randomness). */
export function foldsOf(corpus: IntentCorpus, folds: number = FOLDS): number[] {
  const seen = new Map<string, number>();
  return corpus.examples.map((e) => {
    const key = `${e.language}\0${e.intent}`;
    const i = seen.get(key) ?? 0;
    seen.set(key, i + 1);
    return i % folds;
  });
}

function calibrate(corpus: IntentCorpus): Calibration {
  const fold = foldsOf(corpus);
  const points: { raw: number; correct: boolean }[] = [];
  const dncPoints: { raw: number; correct: boolean }[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const table = train(corpus.examples.filter((_, i) => fold[i] !== k));
    corpus.examples.forEach((e, i) => {
      if (fold[i] !== k) return;
      const list = scores(table, e.text);
      const top = list[0];
      points.push({ raw: top?.score ?? 0, correct: top?.intent === e.intent });
      // "correct" here: the sentence really is a do-not-contact intent; no known word counts as possibly one.
      dncPoints.push({ raw: list.length ? dncShare(list) : 1, correct: DNC_INTENTS.has(e.intent) });
    });
  }
  const steps = isotonic(points);
  const dncSteps = isotonic(dncPoints);
  const dncCal = dncPoints.map((p) => ({ ...p, cal: calibrated(dncSteps, p.raw) })).sort((a, b) => a.cal - b.cal);
  const realDnc = dncCal.filter((p) => p.correct);
  // The largest cut with at most MAX_DNC_MISS of the real DNC sentences under it.
  let dncClear = 0;
  for (const c of [...new Set(dncCal.map((p) => p.cal))].sort((a, b) => a - b)) {
    const missed = realDnc.filter((p) => p.cal < c).length;
    if (missed <= MAX_DNC_MISS * realDnc.length) dncClear = c;
    else break;
  }
  const withScore = points.map((p) => ({ ...p, score: calibrated(steps, p.raw) }));
  // Lowest threshold whose accepted answers reach the target precision.
  const candidates = [...new Set(withScore.map((p) => p.score))].sort((a, b) => a - b);
  let threshold = 1;
  for (const t of candidates) {
    const above = withScore.filter((p) => p.score >= t);
    if (above.length && above.filter((p) => p.correct).length / above.length >= TARGET_PRECISION) { threshold = t; break; }
  }
  const above = withScore.filter((p) => p.score >= threshold);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    folds: FOLDS, target_precision: TARGET_PRECISION, threshold,
    heldout: {
      examples: points.length,
      accuracy: r3(points.filter((p) => p.correct).length / Math.max(1, points.length)),
      above_threshold: r3(above.length / Math.max(1, points.length)),
      precision_above: r3(above.filter((p) => p.correct).length / Math.max(1, above.length)),
    },
    steps,
    dnc_steps: dncSteps,
    dnc_clear: dncClear,
    dnc_heldout: {
      dnc_examples: realDnc.length,
      missed_under_clear: realDnc.filter((p) => p.cal < dncClear).length,
      other_examples: dncCal.length - realDnc.length,
      other_under_clear: dncCal.filter((p) => !p.correct && p.cal < dncClear).length,
    },
  };
}

const MAX_CACHED_TEXTS = 200_000;

function buildModel(corpus: IntentCorpus): IntentModel {
  const started = performance.now();
  const table = train(corpus.examples);
  const calibration = calibrate(corpus);
  const cache = new Map<string, SentenceReading[]>();
  const readSentence = (sentence: string) => {
    const list = scores(table, sentence);
    // No known word: unknown, with score 0 (never read with confidence).
    const top = list[0] ?? { intent: 'unknown', score: 0 };
    const dnc = list.length ? calibrated(calibration.dnc_steps, dncShare(list)) : 1;
    return { intent: top.intent, raw: top.score, dnc, score: list.length ? calibrated(calibration.steps, top.score) : 0, top: list.slice(0, 3).map((x) => ({ intent: x.intent, score: Math.round(x.score * 1000) / 1000 })) };
  };
  return {
    corpus_hash: corpus.hash,
    intents: corpus.intents,
    calibration,
    trained_ms: Math.round(performance.now() - started),
    readSentence,
    readText(text) {
      let readings = cache.get(text);
      if (readings === undefined) {
        readings = splitSentences(text).map((s) => ({ text: s.text, start: s.start, ...readSentence(s.text) }));
        if (cache.size >= MAX_CACHED_TEXTS) cache.clear();
        cache.set(text, readings);
      }
      return readings;
    },
  };
}

/** A fresh model of a corpus, not memoised (tests of determinism; everything else uses intentModelFor). */
export const trainIntentModel = (corpus: IntentCorpus): IntentModel => buildModel(corpus);

const models = new Map<string, IntentModel>();

/** The model of a corpus, trained on first use per process and memoised by the corpus hash. */
export function intentModelFor(corpus: IntentCorpus): IntentModel {
  let model = models.get(corpus.hash);
  if (!model) {
    model = buildModel(corpus);
    if (models.size >= 8) models.clear(); // a preview session edits a few corpora, not hundreds
    models.set(corpus.hash, model);
  }
  return model;
}
