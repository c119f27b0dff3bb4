/**
 * The compact eld database (server/domain/text/eld-compact.ts) against the package's own: the same
 * n-grams with the same scores, and the same detections (language, reliability, every score) on
 * the corpus texts, the demo dataset's customer texts and edge cases.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { eld as packaged } from 'eld/medium';
import { compactEld, ELD_MEDIUM_FILE, ngramOf, parseNgramsFile, type Eld, type NgramTable } from '../../../server/domain/text/eld-compact.ts';
import { readRulesetFiles } from '../../../server/domain/rules/load-dir.ts';
import { parseIntentCorpus } from '../../../server/domain/text/corpus.ts';

let table: NgramTable;
let compact: Eld;
let original: { type: string; languages: Record<string, string>; ngrams: Record<string, Record<string, number>> };
beforeAll(async () => {
  table = parseNgramsFile(fs.readFileSync(ELD_MEDIUM_FILE, 'utf8'));
  compact = await compactEld();
  original = (await import(new URL('../ngrams/medium.js', import.meta.resolve('eld/medium')).href)).ngramsData;
});

/** Customer texts of the demo dataset (notes, messages, inquiry texts): every string field of the activities. */
function demoTexts(limit: number): string[] {
  const out = new Set<string>();
  for (const line of fs.readFileSync('datasets/demo.jsonl', 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const walk = (v: unknown) => {
      if (typeof v === 'string' && /\p{L}{3}/u.test(v) && v.length > 8) out.add(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(line));
    if (out.size >= limit) break;
  }
  return [...out];
}

const EDGE = ['', ' ', 'ok', 'STOP', 'thx!!', '12345', 'a', "don't call me again", 'l\'appartement n’est pas libre', 'Молим вас да ме више не зовете',
  'Καλημέρα σας', 'こんにちは', 'x'.repeat(2000), 'Bitte rufen Sie mich nicht mehr an. '.repeat(40), '\u{1F600} emoji 😀 text', 'naïve café façade', '\ud800 lone surrogate'];

describe('compact eld database', () => {
  it('holds every n-gram of the package with the same scores, and nothing else', () => {
    expect(table.type).toBe(original.type);
    expect(table.languages).toEqual(Object.fromEntries(Object.entries(original.languages).map(([k, v]) => [Number(k), v])));
    const keys = Object.keys(original.ngrams);
    expect(table.rows.size).toBe(keys.length);
    for (const k of keys) expect(ngramOf(table, k), k).toEqual(original.ngrams[k]);
    expect(ngramOf(table, ' zzzzq ')).toBeUndefined();
  });

  it('detects exactly as eld/medium: language, reliability and every score', async () => {
    const corpus = parseIntentCorpus(await readRulesetFiles('rules/default')).corpus!;
    const texts = [...EDGE, ...corpus.examples.map((e) => e.text), ...demoTexts(5000)];
    expect(texts.length).toBeGreaterThan(5000);
    let differing = 0;
    for (const text of texts) {
      const a = packaged.detect(text), b = compact.detect(text);
      const same = a.language === b.language && a.isReliable() === b.isReliable() && JSON.stringify(a.getScores()) === JSON.stringify(b.getScores());
      if (!same) {
        differing++;
        expect({ text, language: b.language, reliable: b.isReliable(), scores: b.getScores() }).toEqual({ text, language: a.language, reliable: a.isReliable(), scores: a.getScores() });
      }
    }
    expect(differing).toBe(0);
  });

  it('refuses a database file of another format', () => {
    expect(() => parseNgramsFile('export const ngramsData = {}')).toThrow(/unexpected format/);
    expect(() => parseNgramsFile("x = {type:'M60',languages:{0:'am'},ngrams:{'ab':{0:x}}}")).toThrow(/eld database/);
  });
});
