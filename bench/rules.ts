/**
 * Rules engine throughput (figures only, no assertions):
 *   npx tsx bench/rules.ts [count=100000]
 *
 * (a) hot path: decide() over precomputed features, full trace and compact trace, against the
 *     same conditions through json-rules-engine (bench/rules-jre-peer.ts) and as a GoRules ZEN
 *     decision table (bench/rules-zen-peer.ts), each checked to match the same rules;
 * (b) cold path from raw records: computeFeatures + signal matching + text understanding + decide
 *     (the intent model is trained when the ruleset is compiled, before any figure).
 * Throughput is given per CPU-second of this process (user+system; immune to other load on a
 * shared machine) and per wall-clock second. Single thread.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseLead, type Lead } from '../server/domain/lead.ts';
import { buildDatasetIndex, computeFeatures, type Features } from '../server/domain/features/index.ts';
import { compileRuleset, decide, formatRulesetError, loadRulesetFromDir, signalsFor } from '../server/domain/rules/index.ts';
import { buildPeerEngine, peerFacts } from './rules-jre-peer.ts';
import { buildZenPeer, ZEN_VERSION } from './rules-zen-peer.ts';

const COUNT = Number(process.argv[2] ?? 100_000);
const AS_OF = '2026-11-20';

async function loadLeads(): Promise<{ leads: Lead[]; source: string }> {
  if (existsSync(new URL('../datasets/generator/index.ts', import.meta.url))) {
    const { generateLeads } = await import('../datasets/generator/index.ts');
    return { leads: [...generateLeads({ seed: 7, count: COUNT, asOf: AS_OF })], source: 'datasets/generator generateLeads (seed 7)' };
  }
  const base = readFileSync(new URL('../datasets/demo.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const leads = Array.from({ length: COUNT }, (_, i) => {
    const r = parseLead({ ...base[i % base.length], id: `B-${i}`, duplicate_of: null });
    if (!r.ok) throw new Error(r.errors.join('; '));
    return r.lead;
  });
  return { leads, source: 'datasets/demo.jsonl replicated with new ids' };
}

function measure<T>(fn: () => T): { result: T; cpuMs: number; wallMs: number } {
  const c0 = process.cpuUsage(), w0 = performance.now();
  const result = fn();
  const c = process.cpuUsage(c0);
  return { result, cpuMs: (c.user + c.system) / 1000, wallMs: performance.now() - w0 };
}
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US').padStart(10);
const line = (label: string, n: number, m: { cpuMs: number; wallMs: number }) =>
  console.log(`${label.padEnd(52)} ${rate(n, m.cpuMs)} leads/cpu-s ${rate(n, m.wallMs)} leads/wall-s`);

const loaded = await loadRulesetFromDir(new URL('../rules/default', import.meta.url).pathname);
if (!loaded.ok) throw new Error(loaded.errors.map(formatRulesetError).join('\n'));
const compiled = compileRuleset(loaded.ruleset);
const genStart = performance.now();
const { leads, source } = await loadLeads();
const genMs = performance.now() - genStart;
console.log(`${leads.length.toLocaleString('en-US')} leads from ${source}; ${compiled.rules.length} rules, ${compiled.signals.length} signals; node ${process.version}\n`);

// (b) cold path: raw record -> features -> signals -> decision.
const index = measure(() => buildDatasetIndex(leads));
line('buildDatasetIndex (duplicates)', leads.length, index);
const cold = measure(() => leads.map((lead) => { const f = computeFeatures(lead, AS_OF, index.result); decide(compiled, f); return f; }));
line('(b) cold: computeFeatures + signals + decide', leads.length, cold);
const features: Features[] = cold.result;
// Again from raw records: features recomputed, but classifications and language detections are
// cached by text (per process), as for a dataset previewed or evaluated a second time.
const coldAgain = measure(() => { for (const lead of leads) decide(compiled, computeFeatures(lead, AS_OF, index.result)); });
line("(b') cold again, text caches warm", leads.length, coldAgain);
const featOnly = measure(() => { for (const lead of leads) computeFeatures(lead, AS_OF, index.result); });
line('    of which computeFeatures alone', leads.length, featOnly);

// (a) hot path: decide over precomputed features (signal matches cached per features object).
for (const f of features) signalsFor(compiled, f);
for (let i = 0; i < 2; i++) for (const f of features) decide(compiled, f); // warm-up
const hot = measure(() => { let n = 0; for (const f of features) if (decide(compiled, f).decision === 'contact') n++; return n; });
line('(a) hot: decide(), full trace', features.length, hot);
const compact = measure(() => { let n = 0; for (const f of features) if (decide(compiled, f, { trace: 'compact' }).decision === 'contact') n++; return n; });
line('(a) hot: decide(), compact trace', features.length, compact);

// Peers: the same conditions through json-rules-engine (async by design) and as a GoRules ZEN
// decision table (Rust, async Node binding), on a sample. Only the peer's own calls are timed; the
// matched-rule sets are compared with decide()'s afterwards.
const sample = features.slice(0, Math.min(10_000, features.length));
const peerFactsList = sample.map((f) => peerFacts(f.values as Record<string, unknown>, signalsFor(compiled, f)));
const ourMatches = sample.map((f) => decide(compiled, f, { trace: 'compact' }).trace.filter((t) => t.matched).map((t) => t.rule_id));

/** Runs `matched` over the sample `inFlight` at a time; cpu/wall of those calls, and agreement with ours. */
async function runPeer(label: string, matched: (facts: Record<string, unknown>) => Promise<Set<string>>, inFlight = 1) {
  for (const facts of peerFactsList.slice(0, 500)) await matched(facts); // warm-up
  const sets: Set<string>[] = new Array(sample.length);
  const c0 = process.cpuUsage(), w0 = performance.now();
  for (let i = 0; i < sample.length; i += inFlight) {
    const batch = peerFactsList.slice(i, i + inFlight);
    const results = inFlight === 1 ? [await matched(batch[0])] : await Promise.all(batch.map(matched));
    for (let j = 0; j < results.length; j++) sets[i + j] = results[j];
  }
  const pc = process.cpuUsage(c0);
  const m = { cpuMs: (pc.user + pc.system) / 1000, wallMs: performance.now() - w0 };
  line(`    ${label} (${sample.length} leads)`, sample.length, m);
  const agree = ourMatches.filter((ours, i) => ours.length === sets[i].size && ours.every((id) => sets[i].has(id))).length;
  console.log(`      matched-rule sets identical to decide()'s for ${agree}/${sample.length} leads`);
  return m;
}

const engine = buildPeerEngine(compiled);
const jre = await runPeer('json-rules-engine, same conditions', async (facts) => new Set((await engine.run(facts)).events.map((e) => e.type)));
const zen = buildZenPeer(compiled);
console.log(`    GoRules ZEN ${ZEN_VERSION}: one decision table, hit policy collect, ${zen.rows} rows x ${zen.columns} columns`);
const zenSeq = await runPeer('GoRules ZEN, one evaluate() at a time', zen.matched);
const zenPar = await runPeer('GoRules ZEN, 64 evaluate() in flight', zen.matched, 64);

const perCpu = (n: number, m: { cpuMs: number }) => n / m.cpuMs;
const over = (peer: { cpuMs: number }) =>
  `full trace ${(perCpu(features.length, hot) / perCpu(sample.length, peer)).toFixed(1)}x, compact ${(perCpu(features.length, compact) / perCpu(sample.length, peer)).toFixed(1)}x`;
console.log(`\nspeed-up of decide() (per cpu-s) over json-rules-engine: ${over(jre)}`);
console.log(`speed-up of decide() (per cpu-s) over ZEN one at a time: ${over(zenSeq)}; over ZEN 64 in flight: ${over(zenPar)}`);
console.log(`lead generation/loading took ${(genMs / 1000).toFixed(1)} s (not part of any figure)`);
