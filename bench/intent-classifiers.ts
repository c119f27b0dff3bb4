/**
 * Why the intent classifier is wink's naive Bayes and not nlp.js's neural classifier: both trained
 * on the SAME features (server/domain/text/tokens.ts) over the default corpus, 4-fold
 * cross-validation on the corpus itself (never on an evaluation set). Figures only.
 *
 *   npx tsx bench/intent-classifiers.ts [rules dir=rules/default]
 */
import { NeuralNetwork } from '@nlpjs/neural';
import { readRulesetFiles } from '../server/domain/rules/load-dir.ts';
import { DNC_INTENTS, parseIntentCorpus } from '../server/domain/text/corpus.ts';
import { oddsOf, oddsTable, trainNaiveBayes } from '../server/domain/text/intent-model.ts';
import { intentTokens } from '../server/domain/text/tokens.ts';

const { corpus } = parseIntentCorpus(await readRulesetFiles(process.argv[2] ?? 'rules/default'));
if (!corpus) throw new Error('no intent corpus');
const examples = corpus.examples;
const FOLDS = 4;
const seen = new Map<string, number>();
const fold = examples.map((e) => {
  const key = `${e.language}\0${e.intent}`;
  const i = seen.get(key) ?? 0;
  seen.set(key, i + 1);
  return i % FOLDS;
});

type Classify = (text: string) => { intent: string; score: number };
interface Trainer { name: string; train(train: typeof examples): Classify }

const features = (text: string) => Object.fromEntries(intentTokens(text).map((t) => [t, 1]));
const trainers: Trainer[] = [
  {
    name: 'wink-naive-bayes-text-classifier 2.2.1',
    train(train) {
      const table = oddsTable(trainNaiveBayes(train));
      return (text) => {
        const odds = oddsOf(table, intentTokens(text));
        if (!odds) return { intent: 'unknown', score: 0 };
        const max = Math.max(...odds.map((o) => o[1]));
        const p = odds.map(([intent, o]) => ({ intent, p: 2 ** (o - max) }));
        const total = p.reduce((a, x) => a + x.p, 0);
        p.sort((a, b) => b.p - a.p);
        return { intent: p[0].intent, score: p[0].p / total };
      };
    },
  },
  {
    name: '@nlpjs/neural 4.25.0 (nlp.js NLU classifier)',
    train(train) {
      const net = new NeuralNetwork({ log: false });
      net.train(train.map((e) => ({ input: features(e.text), output: { [e.intent]: 1 } })));
      return (text) => {
        const out = { ...net.run(features(text)) };
        let best = 'unknown', bestScore = 0, total = 0;
        for (const [intent, s] of Object.entries(out)) { total += s ** 2; if (s > bestScore) { best = intent; bestScore = s; } }
        return { intent: best, score: total ? bestScore ** 2 / total : 0 };
      };
    },
  },
];

console.log(`${examples.length} corpus examples, ${corpus.languages.length} languages, ${FOLDS}-fold cross-validation\n`);
for (const trainer of trainers) {
  let right = 0, trainMs = 0, dncRight = 0, dncN = 0, falseDnc = 0, otherN = 0;
  const points: { score: number; right: boolean }[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const t0 = performance.now();
    const classify = trainer.train(examples.filter((_, i) => fold[i] !== k));
    trainMs += performance.now() - t0;
    examples.forEach((e, i) => {
      if (fold[i] !== k) return;
      const r = classify(e.text);
      const ok = r.intent === e.intent;
      if (ok) right++;
      points.push({ score: r.score, right: ok });
      if (DNC_INTENTS.has(e.intent)) { dncN++; if (DNC_INTENTS.has(r.intent)) dncRight++; }
      else { otherN++; if (DNC_INTENTS.has(r.intent)) falseDnc++; }
    });
  }
  const top = points.filter((p) => p.score >= 0.99);
  console.log(trainer.name);
  console.log(`  held-out accuracy ${(right / examples.length).toFixed(3)}; do-not-contact recall ${(dncRight / dncN).toFixed(3)}, false do-not-contact ${(falseDnc / otherN).toFixed(3)}`);
  console.log(`  answers scored >= 0.99: ${top.length} of ${points.length}, right ${(top.filter((p) => p.right).length / Math.max(1, top.length)).toFixed(3)}`);
  console.log(`  training ${Math.round(trainMs / FOLDS)} ms per fold\n`);
}
