/**
 * PostgreSQL connections terminated UNDER LOAD (what a failover, a restart or
 * pg_terminate_backend does): the process never crashes, requests in flight fail with 503 and
 * Retry-After (never 500), the pool reconnects by itself and the next requests succeed.
 * Prints the figures (requests failed per termination, time to recover) for the closing note.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { bootstrap } from '../../server/bootstrap.ts';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('PostgreSQL failover under load', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind: 'postgres', url });
    await bootstrap(t.database.db, { seedDemo: false });
  });
  afterAll(async () => t?.close());

  async function terminateBackends(): Promise<number> {
    const admin = new pg.Client({ connectionString: t.database.url });
    await admin.connect();
    const { rows } = await admin.query(
      'select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    await admin.end();
    return rows.length;
  }

  it('answers 2xx or 503 with Retry-After while its connections are killed, and recovers by itself', async () => {
    const statuses = new Map<number, number>();
    const bad: string[] = [];
    let stop = false;
    const lead = { id: 'L-FAILOVER', contact: { name: 'Ana Horvat', email: 'ana@example.org' }, service: { date: '2026-12-15' } };
    const worker = async (k: number) => {
      while (!stop) {
        const res = k % 2
          ? await t.app.inject({ method: 'GET', url: '/api/datasets', headers: t.auth('manager') })
          : await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth('rep'), payload: { lead, as_of: '2026-11-20' } });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500 && (res.statusCode !== 503 || !res.headers['retry-after'])) bad.push(`${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    };
    const load = Array.from({ length: 12 }, (_, k) => worker(k));
    const perTermination: { killed: number; failed: number; recoverMs: number }[] = [];
    for (let round = 0; round < 4; round++) {
      await new Promise((r) => setTimeout(r, 300));
      const failedBefore = statuses.get(503) ?? 0;
      const killed = await terminateBackends();
      // Time until a fresh request succeeds again.
      const t0 = Date.now();
      let recovered = false;
      while (Date.now() - t0 < 10_000) {
        const res = await t.app.inject({ method: 'GET', url: '/api/health' });
        if (res.statusCode === 200) {
          recovered = true;
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(recovered).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      perTermination.push({ killed, failed: (statuses.get(503) ?? 0) - failedBefore, recoverMs: Date.now() - t0 - 200 });
    }
    stop = true;
    await Promise.all(load);
    console.log(`failover under load: statuses ${JSON.stringify(Object.fromEntries(statuses))}; per termination ${JSON.stringify(perTermination)}`);
    expect(bad).toEqual([]);
    expect(statuses.get(500) ?? 0).toBe(0);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(50);
    // And afterwards everything works as before. The load above may have used up the rep's rate
    // limit (the endpoint answers faster than it used to): a client waits the Retry-After it is given.
    let after = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth('rep'), payload: { lead, as_of: '2026-11-20' } });
    for (let i = 0; i < 3 && after.statusCode === 429; i++) {
      await new Promise((r) => setTimeout(r, Math.min(5, Number(after.headers['retry-after'] ?? 1)) * 1000));
      after = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: t.auth('rep'), payload: { lead, as_of: '2026-11-20' } });
    }
    expect(after.statusCode).toBe(200);
  });
});
