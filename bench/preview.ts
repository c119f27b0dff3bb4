/**
 * The rules editor's live preview: POST /api/rulesets/preview on a 10,000-lead dataset with a
 * draft ruleset (the default one, slightly edited, so it is not the baseline), flips against the
 * saved default, on the embedded database. The first call computes and caches the features; the
 * editor's calls after it are what a user waits for on every edit.
 *
 *   npx tsx bench/preview.ts [--count 10000]
 */
import { Readable } from 'node:stream';
import { generateLeads } from '../datasets/generator/index.ts';
import { buildApp } from '../server/app.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { createToken } from '../server/modules/auth/tokens.ts';
import { readRulesetDir } from '../server/modules/rulesets/service.ts';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const).filter(([a]) => a.startsWith('--')));
const count = Number(args.get('--count') ?? 10_000);

const database = await openDatabase({ embeddedDir: 'memory://' });
await bootstrap(database.db, { seedDemo: false });
const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, logger: false, webDir: '/nonexistent' });
const auth = { authorization: `Bearer ${(await createToken(database.db, { name: 'bench', role: 'manager', createdBy: 'bench' })).token}` };
const ds = (await app.inject({ method: 'POST', url: '/api/datasets', headers: auth, payload: { name: 'preview', as_of: '2026-11-20' } })).json();
const ndjson = [...generateLeads({ seed: 11, count, asOf: '2026-11-20' })].map((l) => JSON.stringify(l)).join('\n');
await app.inject({ method: 'POST', url: `/api/datasets/${ds.id}/import`, headers: { ...auth, 'content-type': 'application/x-ndjson' }, payload: Readable.from([ndjson]) });

const files = await readRulesetDir('default');
const times: number[] = [];
const checks: number[] = [];
for (let i = 0; i < 12; i++) {
  // A different draft each time, as while typing: the threshold moves.
  const draft = { ...files, 'ruleset.yaml': files['ruleset.yaml'].replace('contact_threshold: 25', `contact_threshold: ${20 + i}`) };
  const started = performance.now();
  const res = await app.inject({ method: 'POST', url: '/api/rulesets/preview', headers: auth, payload: { files: draft, dataset_id: ds.id, flips_limit: 100 } });
  times.push(performance.now() - started);
  if (res.statusCode !== 200) throw new Error(res.body);
  checks.push(res.json().timing_ms.checks);
  if (i === 0) console.log(JSON.stringify({ first_call_ms: Math.round(times[0]), features_ms: res.json().timing_ms.features, leads: res.json().metrics.total }));
}
const warm = times.slice(2).sort((a, b) => a - b);
const warmChecks = checks.slice(2).sort((a, b) => a - b);
console.log(JSON.stringify({ leads: count, warm_calls: warm.length, p50_ms: Math.round(warm[Math.floor(warm.length / 2)]), max_ms: Math.round(warm[warm.length - 1]), checks_p50_ms: warmChecks[Math.floor(warmChecks.length / 2)] }));
await app.close();
await database.close();
