/**
 * The classifier's odds table (one Float64Array for every token, intent-model.ts) against the
 * trained library model it is read from: a row for each word of the library's vocabulary, and the
 * same log2 odds, bit for bit, as the library's own computeOdds on the corpus sentences.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { WinkNaiveBayes } from 'wink-naive-bayes-text-classifier';
import { readRulesetFiles } from '../../../server/domain/rules/load-dir.ts';
import { parseIntentCorpus, type IntentCorpus } from '../../../server/domain/text/corpus.ts';
import { oddsOf, oddsTable, trainNaiveBayes, type OddsTable } from '../../../server/domain/text/intent-model.ts';
import { intentTokens } from '../../../server/domain/text/tokens.ts';

let corpus: IntentCorpus;
let nb: WinkNaiveBayes;
let table: OddsTable;
beforeAll(async () => {
  corpus = parseIntentCorpus(await readRulesetFiles('rules/default')).corpus!;
  nb = trainNaiveBayes(corpus.examples);
  table = oddsTable(nb);
});

describe('intent odds table', () => {
  it('has one row per vocabulary word, all in one array', () => {
    const vocabulary = (JSON.parse(nb.exportJSON()) as unknown[])[4] as string[];
    expect(table.rows.size).toBe(vocabulary.length);
    expect(table.values.length).toBe(vocabulary.length * table.labels.length * 2);
    expect(new Set(table.rows.values()).size).toBe(vocabulary.length);
    for (const word of vocabulary.slice(0, 500)) expect(table.rows.has(word), word).toBe(true);
  });

  it('gives the library\'s odds exactly on the corpus sentences (and null with no known word)', () => {
    let compared = 0;
    for (const e of corpus.examples.filter((_, i) => i % 4 === 0)) {
      const tokens = intentTokens(e.text);
      const ours = oddsOf(table, tokens);
      const theirs = nb.computeOdds(tokens);
      if (ours === null) { expect(theirs).toEqual([['unknown', 0]]); continue; }
      const byLabel = new Map(ours);
      for (const [label, odds] of theirs) expect(byLabel.get(label), `${e.text} ${label}`).toBe(odds);
      compared++;
    }
    expect(compared).toBeGreaterThan(2000);
    expect(oddsOf(table, ['zzqqxx-not-a-word'])).toBeNull();
  });
});
