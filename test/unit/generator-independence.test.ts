/**
 * Issue 10: sentences are never shared between the demo generator, the classifier's training
 * corpus (rules/default/intents/) and the text-understanding evaluation sets
 * (test/fixtures/text-understanding/). Otherwise the demo figures and the evaluation would
 * measure memory, not understanding. Format-agnostic: every file under those folders is read as
 * text, and no whole sentence of five words or more from the generator's phrase banks may occur
 * in it. Skipped while neither folder exists (they are written on other branches).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUSTOMER } from '../../datasets/generator/notes-customer';
import { CALL_LOG, OUR_FOOTERS, OUR_SMS, UNSUPPORTED_MESSAGES } from '../../datasets/generator/notes-crm';
import { REP } from '../../datasets/generator/notes-rep';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GUARDED = ['rules/default/intents', 'test/fixtures/text-understanding'].map((dir) => path.join(ROOT, dir));

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Lower case, letters and digits only, single spaces: punctuation and file syntax do not matter. */
function normalize(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/** The generator's sentences without placeholders, five words or more. */
function generatorSentences(): string[] {
  const banks = [...Object.values(CUSTOMER), ...Object.values(REP), ...Object.values(CALL_LOG), OUR_FOOTERS, OUR_SMS];
  const templates = [
    ...banks.flatMap((bank) => Object.values(bank).flat() as string[]),
    ...Object.values(UNSUPPORTED_MESSAGES).flatMap((byLang) => Object.values(byLang).flat()),
  ];
  const sentences = new Set<string>();
  for (const template of templates) {
    for (const piece of template.split(/\{\w+\}/)) {
      for (const sentence of piece.split(/(?<=[.!?])\s+/)) {
        const normalized = normalize(sentence);
        if (normalized.trim().split(' ').length >= 5) sentences.add(normalized);
      }
    }
  }
  return [...sentences];
}

const files = GUARDED.flatMap(filesUnder);

describe('independence of the demo generator from the training corpus and the evaluation sets', () => {
  it.skipIf(files.length === 0)('shares no sentence with rules/default/intents/ or test/fixtures/text-understanding/', () => {
    const sentences = generatorSentences();
    expect(sentences.length).toBeGreaterThan(300);
    const shared: string[] = [];
    for (const file of files) {
      const text = normalize(fs.readFileSync(file, 'utf8'));
      for (const sentence of sentences) if (text.includes(sentence)) shared.push(`${path.relative(ROOT, file)}: "${sentence.trim()}"`);
    }
    expect(shared).toEqual([]);
  });
});
