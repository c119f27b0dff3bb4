/**
 * Load test of POST /api/v1/recommendations with autocannon on loopback, audit logging on,
 * template provider, against PostgreSQL and the embedded database. The server runs in its own
 * process; afterwards every 2xx response must have its audit entry (counted, not assumed).
 * Then the ceiling on the same kind of database: a bare Fastify route doing one insert per request
 * (bench/endpoint-ceiling-server.ts), same bodies, connections and window; our throughput is
 * reported as a share of it, with the machine's load average (other processes change both).
 *
 *   npx tsx bench/endpoint.ts [--seconds 15] [--connections 16] [--db embedded|postgres|both]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import readline from 'node:readline';
import { scratchDb } from './scratch-db.ts';
import autocannon from 'autocannon';
import { demoLeads } from '../test/helpers/demo-leads.ts';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const).filter(([a]) => a.startsWith('--')));
const seconds = Number(args.get('--seconds') ?? 15);
const connections = Number(args.get('--connections') ?? 16);
const which = args.get('--db') ?? 'both';
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// A realistic mix: every 10th demo lead (contact, wait and blocked ones alike).
const bodies = demoLeads().filter((_, i) => i % 10 === 0).map((lead) => JSON.stringify({ lead, as_of: '2026-11-20' }));


interface Started { child: ChildProcess; line: Record<string, string | number> }

async function startServer(script: string, kind: 'embedded' | 'postgres', url: string): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, kind, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve));
  return { child, line: JSON.parse(first) };
}

async function stopServer({ child }: Started): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

/**
 * CPU seconds (user + system) the server process has used so far, from /proc (Linux; null
 * elsewhere). Requests per server CPU-second hardly change with other load on a shared machine,
 * unlike requests per second. The embedded database runs inside the server process, so it is
 * included there; PostgreSQL's own backends are not (on either server).
 */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (CLK_TCK 100 on Linux)
  } catch {
    return null;
  }
}

/** Runs the measured window and adds the server's requests per CPU-second to the figures. */
async function measured(child: ChildProcess, url: string, headers: Record<string, string>) {
  const c0 = cpuSeconds(child.pid);
  const result = await load(url, headers);
  const c1 = cpuSeconds(child.pid);
  const cpu = c0 === null || c1 === null ? null : c1 - c0;
  return { result, serverCpuS: cpu === null ? null : Number(cpu.toFixed(2)), perCpuS: cpu ? Math.round(result['2xx'] / cpu) : null };
}

/** The same bodies, connections and window for both servers; `warmUp`: 2 s on 4 connections (JIT, ruleset, pool), not counted. */
function load(url: string, headers: Record<string, string>, warmUp = false) {
  const options = { url, method: 'POST' as const, headers: { ...headers, 'content-type': 'application/json' }, requests: bodies.map((body) => ({ body })) };
  return autocannon({ ...options, connections: warmUp ? 4 : connections, duration: warmUp ? 2 : seconds });
}

const figures = (result: autocannon.Result) => ({
  requests_per_second: Math.round(result.requests.average),
  latency_ms: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  responses_2xx: result['2xx'], non_2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts,
});

async function run(kind: 'embedded' | 'postgres') {
  const scratch = kind === 'postgres' ? await scratchDb(baseUrl, 'rekindle_endpoint') : null;
  const ours = await startServer('bench/endpoint-server.ts', kind, scratch?.url ?? '');
  const base = `http://127.0.0.1:${ours.line.port}`;
  const manager = String(ours.line.manager);
  await load(`${base}/api/v1/recommendations`, { authorization: `Bearer ${ours.line.rep}` }, true);
  const before = await auditCount(base, manager);
  const { result, serverCpuS, perCpuS } = await measured(ours.child, `${base}/api/v1/recommendations`, { authorization: `Bearer ${ours.line.rep}` });
  const after = await auditCount(base, manager);
  const ok = result['2xx'];
  const oursFigures = {
    db: kind, server: 'rekindle POST /api/v1/recommendations', connections, seconds, ...figures(result),
    server_cpu_s: serverCpuS, requests_per_server_cpu_s: perCpuS,
    audit_entries_added: after - before,
    // Requests still in flight when the window closed are logged but not counted as 2xx by autocannon.
    missing_from_audit: Math.max(0, ok - (after - before)),
  };
  console.log(JSON.stringify(oursFigures));
  await stopServer(ours);

  // The ceiling on a fresh database of the same kind (PostgreSQL: another scratch database on the same server).
  const scratch2 = kind === 'postgres' ? await scratchDb(baseUrl, 'rekindle_endpoint') : null;
  const ceiling = await startServer('bench/endpoint-ceiling-server.ts', kind, scratch2?.url ?? '');
  const cbase = `http://127.0.0.1:${ceiling.line.port}`;
  const rowCount = async () => (await (await fetch(`${cbase}/ceiling/count`)).json()).total as number;
  await load(`${cbase}/ceiling`, {}, true);
  const rowsBefore = await rowCount();
  const { result: cresult, serverCpuS: cCpuS, perCpuS: cPerCpuS } = await measured(ceiling.child, `${cbase}/ceiling`, {});
  const rowsAdded = (await rowCount()) - rowsBefore;
  console.log(JSON.stringify({
    db: kind, server: 'ceiling: bare Fastify route, one insert per request', connections, seconds, ...figures(cresult),
    server_cpu_s: cCpuS, requests_per_server_cpu_s: cPerCpuS, rows_added: rowsAdded, missing_rows: Math.max(0, cresult['2xx'] - rowsAdded),
  }));
  await stopServer(ceiling);
  console.log(`${kind}: rekindle ${oursFigures.requests_per_second} req/s = ${((100 * oursFigures.requests_per_second) / Math.round(cresult.requests.average)).toFixed(0)}% of the insert-only ceiling (${Math.round(cresult.requests.average)} req/s); p99 ${result.latency.p99} ms vs ${cresult.latency.p99} ms; per server cpu-s ${perCpuS} vs ${cPerCpuS} = ${perCpuS && cPerCpuS ? ((100 * perCpuS) / cPerCpuS).toFixed(0) : '?'}%; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  await scratch?.drop();
  await scratch2?.drop();
}

async function auditCount(base: string, token: string): Promise<number> {
  const res = await fetch(`${base}/api/audit?action=recommendation.create&limit=1`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()).total;
}

for (const kind of which === 'both' ? (['postgres', 'embedded'] as const) : [which as 'embedded' | 'postgres']) await run(kind);
