/**
 * Cross-validation of the ruleset's intent classifier on its own corpus, per language: k folds
 * by sentence (position within each language/intent group, no randomness), each fold read by the
 * model trained on the others (the same calibration as production: intent-model.ts). Figures
 * only: held-out accuracy, do-not-contact recall (a refusal/erasure/complaint/legal/sensitive
 * sentence read as any of them), false do-not-contact on the other sentences, and the share of
 * answers at or above the calibrated threshold.
 *
 *   npx tsx bench/intent-cv.ts [rules dir=rules/default] [--folds 5]
 */
import { readRulesetFiles } from '../server/domain/rules/load-dir.ts';
import { DNC_INTENTS, parseIntentCorpus, type IntentCorpus } from '../server/domain/text/corpus.ts';
import { foldsOf, trainIntentModel } from '../server/domain/text/intent-model.ts';

const args = process.argv.slice(2);
const fi = args.indexOf('--folds');
const FOLDS = fi >= 0 ? Number(args.splice(fi, 2)[1]) : 5;
const { corpus } = parseIntentCorpus(await readRulesetFiles(args[0] ?? 'rules/default'));
if (!corpus) throw new Error('no intent corpus');
const fold = foldsOf(corpus, FOLDS);

interface Row { n: number; right: number; dnc: number; dncRight: number; other: number; falseDnc: number; confident: number }
const rows = new Map<string, Row>();
const row = (lang: string) => { let r = rows.get(lang); if (!r) rows.set(lang, (r = { n: 0, right: 0, dnc: 0, dncRight: 0, other: 0, falseDnc: 0, confident: 0 })); return r; };
let trainMs = 0;
for (let k = 0; k < FOLDS; k++) {
  const train: IntentCorpus = { ...corpus, hash: `${corpus.hash}-fold${k}`, examples: corpus.examples.filter((_, i) => fold[i] !== k) };
  const t0 = performance.now();
  const model = trainIntentModel(train);
  trainMs += performance.now() - t0;
  corpus.examples.forEach((e, i) => {
    if (fold[i] !== k) return;
    const r = model.readSentence(e.text);
    for (const lang of [e.language, 'all']) {
      const x = row(lang);
      x.n++;
      if (r.intent === e.intent) x.right++;
      if (r.score >= model.calibration.threshold) x.confident++;
      if (DNC_INTENTS.has(e.intent)) { x.dnc++; if (DNC_INTENTS.has(r.intent)) x.dncRight++; }
      else { x.other++; if (DNC_INTENTS.has(r.intent)) x.falseDnc++; }
    }
  });
}
const f = (a: number, b: number) => (b ? (a / b).toFixed(3) : '  -  ');
console.log(`${corpus.examples.length} examples, ${corpus.languages.length} languages, ${FOLDS}-fold cross-validation by sentence; training+calibration ${Math.round(trainMs / FOLDS)} ms per fold`);
console.log('lang  examples  accuracy  dnc_recall  false_dnc  confident');
for (const [lang, x] of [...rows].sort((a, b) => (a[0] === 'all' ? 1 : b[0] === 'all' ? -1 : a[0].localeCompare(b[0])))) {
  console.log(`${lang.padEnd(5)} ${String(x.n).padStart(8)}  ${f(x.right, x.n).padStart(8)}  ${f(x.dncRight, x.dnc).padStart(10)}  ${f(x.falseDnc, x.other).padStart(9)}  ${f(x.confident, x.n).padStart(9)}`);
}
