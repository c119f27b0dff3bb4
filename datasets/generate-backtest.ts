/**
 * CLI: writes the backtest fixture (backtest/with-later-events.ts) from a dataset file.
 *
 *   tsx datasets/generate-backtest.ts [--from datasets/demo.jsonl] [--out datasets/backtest.jsonl] [--as-of 2026-11-20] [--seed 16]
 *
 * Also writes <out>.meta.json: the export date (as_of + 60 days) and the replay date. Replay it with
 *   npm run eval -- --dataset datasets/backtest.jsonl --as-of 2026-11-20
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Lead } from '../server/domain/lead.ts';
import { withLaterEvents } from './backtest/with-later-events.ts';

const { values } = parseArgs({ options: { from: { type: 'string' }, out: { type: 'string' }, 'as-of': { type: 'string' }, seed: { type: 'string' } } });
const from = values.from ?? 'datasets/demo.jsonl';
const out = values.out ?? 'datasets/backtest.jsonl';
const asOf = values['as-of'] ?? '2026-11-20';
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
  console.error('--as-of must be YYYY-MM-DD');
  process.exit(2);
}
const leads = fs.readFileSync(from, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Lead);
const result = withLaterEvents(leads, { asOf, seed: values.seed ? Number(values.seed) : undefined });
fs.writeFileSync(out, result.map((l) => JSON.stringify(l)).join('\n') + '\n');
const exported = new Date(Date.parse(`${asOf}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);
fs.writeFileSync(out.replace(/\.jsonl$/, '.meta.json'), JSON.stringify({ name: 'backtest', as_of: exported, replay_as_of: asOf, description: `The demo leads exported on ${exported}, with what happened after ${asOf}. Replay with --as-of ${asOf}.` }, null, 2) + '\n');
console.log(`${out}: ${result.length} leads (${result.length - leads.length} created after ${asOf}), export as_of ${exported}, replay as of ${asOf}`);
