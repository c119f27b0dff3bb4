/**
 * eld's detector (the package's own code) over its "medium" n-gram database held compactly.
 *
 * Why: `import 'eld/medium'` evaluates a 2 MB object literal of 105,548 n-grams, each its own small
 * object: measured +59 MB of V8 heap and +188 MB of resident memory per process (the parser's
 * memory for a literal that size stays with the process), before any text is read. Here the same
 * file is read as text and parsed into one Map (n-gram -> row) and three typed arrays, about a
 * tenth of that; eld's `detect` reads it through a Proxy that builds the n-gram's {language: score}
 * object on lookup, so detection is eld's code over the same numbers (a unit test compares every
 * n-gram with the package's own object and the detections on a corpus of texts).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface EldResult { language: string; isReliable(): boolean; getScores(): Record<string, number> }
export interface Eld { detect(text: string): EldResult }

export interface NgramTable {
  type: string;
  languages: Record<number, string>;
  /** n-gram -> row; row r's (language, score) pairs are at offsets[r] .. offsets[r + 1] - 1. */
  rows: Map<string, number>;
  offsets: Uint32Array;
  languageIds: Uint8Array;
  scores: Int32Array;
}

/** The package's database file, found beside its `eld/medium` entry (resolved, not evaluated). */
export const ELD_MEDIUM_FILE = fileURLToPath(new URL('../ngrams/medium.js', import.meta.resolve('eld/medium')));

const unquote = (s: string) => (s[0] === "'" || s[0] === '"' ? s.slice(1, -1).replace(/\\(.)/g, '$1') : s);

/**
 * Parses the database file `export const ngramsData = {type:'M60',languages:{0:'am',...},
 * isSubset:false,ngrams:{' Lé4L':{0:176},L_QL:{0:148,...},...}};` (keys quoted with ' or ", or
 * bare; only \' escapes in it). Throws on anything else, so a changed format fails loudly.
 */
export function parseNgramsFile(source: string): NgramTable {
  const type = /\btype:'([^']*)'/.exec(source)?.[1];
  const langsText = /\blanguages:\{([^}]*)\}/.exec(source)?.[1];
  const start = source.indexOf('ngrams:{');
  if (!type || langsText === undefined || start < 0) throw new Error('eld database: unexpected format');
  const languages: Record<number, string> = {};
  for (const m of langsText.matchAll(/(\d+):'([^']*)'/g)) languages[Number(m[1])] = m[2];

  const entry = /('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^'":{},]+):\{([^}]*)\}(,|\}\})/y;
  entry.lastIndex = start + 'ngrams:{'.length;
  const rows = new Map<string, number>();
  const offsets: number[] = [0];
  const ids: number[] = [];
  const scores: number[] = [];
  for (;;) {
    const m = entry.exec(source);
    if (!m) throw new Error(`eld database: unexpected text at offset ${entry.lastIndex}`);
    rows.set(unquote(m[1]), rows.size);
    for (const pair of m[2].split(',')) {
      const [id, score] = pair.split(':');
      if (!/^\d+$/.test(id) || !/^-?\d+$/.test(score)) throw new Error(`eld database: bad pair "${pair}"`);
      ids.push(Number(id));
      scores.push(Number(score));
    }
    offsets.push(ids.length);
    if (m[3] === '}}') break;
  }
  return { type, languages, rows, offsets: Uint32Array.from(offsets), languageIds: Uint8Array.from(ids), scores: Int32Array.from(scores) };
}

/** The n-gram's {languageId: score} object as the package's database holds it (undefined: unknown n-gram). */
export function ngramOf(table: NgramTable, ngram: string): Record<number, number> | undefined {
  const row = table.rows.get(ngram);
  if (row === undefined) return undefined;
  const out: Record<number, number> = {};
  for (let j = table.offsets[row]; j < table.offsets[row + 1]; j++) out[table.languageIds[j]] = table.scores[j];
  return out;
}

/** eld's own detector (createEld from the package) over the compact table. */
export async function compactEld(file: string = ELD_MEDIUM_FILE): Promise<Eld> {
  const table = parseNgramsFile(fs.readFileSync(file, 'utf8'));
  const { createEld } = (await import(new URL('../languageDetector.js', import.meta.resolve('eld/medium')).href)) as {
    createEld(): { instance: Eld; loadData(data: unknown): string };
  };
  const ngrams = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? ngramOf(table, key) : undefined) });
  const { instance, loadData } = createEld();
  if (!loadData({ type: table.type, languages: table.languages, isSubset: false, ngrams })) throw new Error('eld database: not loaded');
  return instance;
}
