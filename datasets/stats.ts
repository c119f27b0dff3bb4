/**
 * CLI: prints the gold-label distribution, reason counts, outcomes and the dormant-recoverable
 * share of a labelled .jsonl dataset (the tables in datasets/README.md).
 *
 *   tsx datasets/stats.ts datasets/demo.jsonl [--as-of 2026-11-20]
 *
 * Without --as-of, the as_of of a sibling `<name>.meta.json` is used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseLead, type Lead } from '../server/domain/lead';
import { formatSummary, summarize } from './generator/summary';

function* readLeads(path: string): Generator<Lead> {
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const parsed = parseLead(JSON.parse(lines[i]));
    if (!parsed.ok) throw new Error(`line ${i + 1}: ${parsed.errors.join('; ')}`);
    yield parsed.lead;
  }
}

const { values, positionals } = parseArgs({ options: { 'as-of': { type: 'string' } }, allowPositionals: true });
const path = positionals[0];
if (!path) {
  process.stderr.write('usage: tsx datasets/stats.ts <file.jsonl> [--as-of YYYY-MM-DD]\n');
  process.exit(2);
}
const metaPath = path.replace(/\.jsonl$/, '.meta.json');
const asOf = values['as-of'] ?? (existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as { as_of: string }).as_of : undefined);
if (!asOf) {
  process.stderr.write(`no --as-of given and no ${metaPath}\n`);
  process.exit(2);
}
process.stdout.write(`${formatSummary(summarize(readLeads(path), asOf))}\n`);
