/**
 * The intent corpus of a ruleset: `intents/<lang>.yaml` files beside the rules, versioned, hashed
 * and diffed with them. Format:
 *
 *   language: de
 *   intents:
 *     asked_not_to_contact: ["Bitte rufen Sie mich nicht mehr an.", ...]
 *     ...
 *
 * Parsing is pure: the files map in, the corpus (or errors with positions) out.
 */
import { createHash } from 'node:crypto';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

/** The intents every corpus is expected to cover (a corpus may add its own snake_case intents). */
export const CORE_INTENTS = [
  'asked_not_to_contact', 'erasure_request', 'booked_elsewhere', 'no_longer_needed', 'complaint', 'legal_dispute',
  'sensitive_circumstances', 'asks_to_wait', 'still_planning', 'price_objection', 'question', 'other',
] as const;

/** Intents that make contact inappropriate (the do-not-contact intents of the evaluation). */
export const DNC_INTENTS: ReadonlySet<string> = new Set(['asked_not_to_contact', 'erasure_request', 'complaint', 'legal_dispute', 'sensitive_circumstances']);

export const INTENT_DIR = 'intents/';

const CorpusFile = z.strictObject({
  language: z.string().regex(/^[a-z]{2}$/, 'language code like en, de, hr'),
  intents: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'intent names are snake_case'), z.array(z.string().min(1).max(1000)).min(1)),
  /** Optional notes kept with the file. */
  description: z.string().max(2000).optional(),
});

export interface CorpusExample { language: string; intent: string; text: string }

export interface IntentCorpus {
  /** sha256 over the corpus files only: the classifier's identity (model cache key). */
  hash: string;
  /** Examples in a fixed order: files sorted by path, intents and texts in file order. */
  examples: CorpusExample[];
  languages: string[];
  intents: string[];
}

export interface CorpusError { file: string; line?: number; column?: number; message: string }

const position = (lines: LineCounter, offset: number) => { const p = lines.linePos(offset); return { line: p.line, column: p.col }; };

export const isCorpusPath = (path: string) => path.startsWith(INTENT_DIR) && /\.ya?ml$/i.test(path);

export function parseIntentCorpus(files: Readonly<Record<string, string>>): { corpus: IntentCorpus | null; errors: CorpusError[] } {
  const paths = Object.keys(files).filter(isCorpusPath).sort();
  if (!paths.length) return { corpus: null, errors: [] };
  const errors: CorpusError[] = [];
  const examples: CorpusExample[] = [];
  const hash = createHash('sha256');
  const languages = new Set<string>(), intents = new Set<string>();
  for (const path of paths) {
    hash.update(path).update('\0').update(files[path]).update('\0');
    const lines = new LineCounter();
    const doc = parseDocument(files[path], { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length) {
      for (const e of doc.errors) errors.push({ file: path, ...position(lines, e.pos[0]), message: `YAML: ${e.message.split('\n')[0]}` });
      continue;
    }
    const parsed = CorpusFile.safeParse(doc.toJS());
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ file: path, message: `${issue.path.join('.') || '(file)'}: ${issue.message}` });
      continue;
    }
    const { language } = parsed.data;
    languages.add(language);
    for (const [intent, texts] of Object.entries(parsed.data.intents)) {
      intents.add(intent);
      for (const text of texts) examples.push({ language, intent, text });
    }
  }
  if (errors.length) return { corpus: null, errors };
  return { corpus: { hash: hash.digest('hex'), examples, languages: [...languages].sort(), intents: [...intents].sort() }, errors };
}

/** Examples per language and intent, for the coverage table of the Rules page. */
export function corpusCoverage(corpus: IntentCorpus): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const e of corpus.examples) {
    const lang = (out[e.language] ??= {});
    lang[e.intent] = (lang[e.intent] ?? 0) + 1;
  }
  return out;
}
