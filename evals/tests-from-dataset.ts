/**
 * promptfoo test cases from a dataset file: one case per lead, the lead as JSON in `vars.lead`.
 *   REKINDLE_EVAL_DATASET  the .jsonl file (default datasets/demo.jsonl)
 *   REKINDLE_EVAL_SAMPLE   how many leads, spread evenly over the file (default 30; 0 = all)
 *   REKINDLE_EVAL_AS_OF    as_of (default: the file's .meta.json, else 2026-11-20)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface DatasetTestsOptions {
  file?: string;
  sample?: number;
  asOf?: string;
}

export function testsFromDataset(options: DatasetTestsOptions = {}) {
  const file = path.resolve(ROOT, options.file ?? process.env.REKINDLE_EVAL_DATASET ?? 'datasets/demo.jsonl');
  const meta = file.replace(/\.jsonl$/, '.meta.json');
  const asOf = options.asOf ?? process.env.REKINDLE_EVAL_AS_OF ?? (fs.existsSync(meta) ? JSON.parse(fs.readFileSync(meta, 'utf8')).as_of : '2026-11-20');
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const sample = options.sample ?? Number(process.env.REKINDLE_EVAL_SAMPLE ?? 30);
  const stride = sample > 0 && sample < lines.length ? lines.length / sample : 1;
  const picked = sample > 0 && sample < lines.length ? Array.from({ length: sample }, (_, i) => lines[Math.floor(i * stride)]) : lines;
  return picked.map((line) => {
    const lead = JSON.parse(line);
    const gold = lead.label ? `${lead.label.decision}${lead.label.reasons?.length ? ` (${lead.label.reasons.join(', ')})` : ''}` : 'unlabeled';
    return {
      description: `${lead.id}: gold ${gold}`,
      vars: { lead_id: lead.id, lead: line, as_of: asOf, dataset_file: path.relative(ROOT, file) },
    };
  });
}

export default function generateTests() {
  return testsFromDataset();
}
