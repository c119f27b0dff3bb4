/**
 * Load test of POST /api/v1/recommendations with autocannon on loopback, audit logging on,
 * template provider, against PostgreSQL and the embedded database. The server runs in its own
 * process; afterwards every 2xx response must have its audit entry (counted, not assumed).
 *
 *   npx tsx bench/endpoint.ts [--seconds 15] [--connections 16] [--db embedded|postgres|both]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import readline from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';
import { demoLeads } from '../test/helpers/demo-leads.ts';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const).filter(([a]) => a.startsWith('--')));
const seconds = Number(args.get('--seconds') ?? 15);
const connections = Number(args.get('--connections') ?? 16);
const which = args.get('--db') ?? 'both';
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// A realistic mix: every 10th demo lead (contact, wait and blocked ones alike).
const bodies = demoLeads().filter((_, i) => i % 10 === 0).map((lead) => JSON.stringify({ lead, as_of: '2026-11-20' }));

async function scratchDb() {
  const name = `rekindle_endpoint_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => { const d = new pg.Client({ connectionString: baseUrl }); await d.connect(); await d.query(`drop database if exists ${name} with (force)`); await d.end(); } };
}

async function run(kind: 'embedded' | 'postgres') {
  const scratch = kind === 'postgres' ? await scratchDb() : null;
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/endpoint-server.ts', kind, scratch?.url ?? ''], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve));
  const server = JSON.parse(first) as { port: number; rep: string; manager: string };
  const base = `http://127.0.0.1:${server.port}`;

  // Warm-up (JIT, compiled ruleset, connection pool), not counted.
  await autocannon({ url: `${base}/api/v1/recommendations`, method: 'POST', connections: 4, duration: 2, headers: { authorization: `Bearer ${server.rep}`, 'content-type': 'application/json' }, requests: bodies.map((body) => ({ body })) });
  const before = await auditCount(base, server.manager);

  const result = await autocannon({
    url: `${base}/api/v1/recommendations`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${server.rep}`, 'content-type': 'application/json' },
    requests: bodies.map((body) => ({ body })),
  });
  const after = await auditCount(base, server.manager);
  const ok = result['2xx'];
  console.log(JSON.stringify({
    db: kind, connections, seconds,
    requests_per_second: Math.round(result.requests.average),
    latency_ms: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    responses_2xx: ok, non_2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts,
    audit_entries_added: after - before,
    // Requests still in flight when the window closed are logged but not counted as 2xx by autocannon.
    missing_from_audit: Math.max(0, ok - (after - before)),
  }));
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await scratch?.drop();
}

async function auditCount(base: string, token: string): Promise<number> {
  const res = await fetch(`${base}/api/audit?action=recommendation.create&limit=1`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()).total;
}

for (const kind of which === 'both' ? (['postgres', 'embedded'] as const) : [which as 'embedded' | 'postgres']) await run(kind);
