/**
 * Imports in the bulk thread (bulk-thread-host.ts), as the server runs them: the upload is parsed
 * and written off the request thread, a thread that dies mid-import fails that import with a 503
 * and writes nothing of it, and the next import starts a new thread and succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBulkJobRunner, startBulkThread, type BulkThread } from '../../server/modules/bulk/bulk-thread-host.ts';
import { startInProcessWorker } from '../../server/modules/evals/worker.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';

const lead = (id: string) => JSON.stringify({ id, created_at: '2026-10-01T09:00:00Z', contact: { name: `Customer ${id}`, email: `${id.toLowerCase()}@example.org` }, status: 'quoted' });

describe.each(DB_TARGETS)('the bulk thread on $kind', (target) => {
  let t: TestApp;
  let thread: BulkThread;
  beforeAll(async () => {
    t = await createTestApp(target);
    thread = startBulkThread(t.app);
  });
  afterAll(async () => {
    await thread?.stop();
    await t?.close();
  });

  const newDataset = async (name: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/datasets', headers: t.auth('manager'), payload: { name, as_of: '2026-11-20' } })).json().id as string;
  const importLines = (id: string, lines: string[]) =>
    t.app.inject({ method: 'POST', url: `/api/datasets/${id}/import`, headers: { ...t.auth('manager'), 'content-type': 'application/x-ndjson' }, payload: lines.join('\n') });
  const total = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/datasets/${id}/leads?limit=1`, headers: t.auth('manager') })).json().total as number;

  it('answers other requests while an import is parsed and written', async () => {
    const id = await newDataset('busy');
    const lines = Array.from({ length: 6000 }, (_, i) => lead(`B-${i}`));
    let importing = true;
    const importDone = importLines(id, lines).finally(() => (importing = false));
    let answeredDuring = 0;
    while (importing) {
      const res = await t.app.inject({ method: 'GET', url: '/api/datasets', headers: t.auth('manager') });
      expect(res.statusCode).toBe(200);
      if (importing) answeredDuring++;
      await new Promise((r) => setTimeout(r, 5));
    }
    const res = await importDone;
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 6000, lead_count: 6000 });
    expect(answeredDuring).toBeGreaterThan(0);
    // A staged import (embedded) clears its pending area when it is done.
    const pending = await t.database.db.selectFrom('import_pending_leads').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(pending.n)).toBe(0);
  });

  it('fails an import whose thread dies with a 503, writes nothing of it, and the next import succeeds', async () => {
    const id = await newDataset('crash');
    expect((await importLines(id, [lead('KEEP')])).statusCode).toBe(200);
    const lines = Array.from({ length: 20_000 }, (_, i) => lead(`C-${i}`));
    const pending = importLines(id, lines);
    // Crash once the thread is working on it (its first rows are being read).
    await new Promise((r) => setTimeout(r, 150));
    await thread.crash();
    const res = await pending;
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.json().detail).toMatch(/nothing of it was written/);
    expect(await total(id)).toBe(1);
    const again = await importLines(id, lines.slice(0, 50));
    expect(again.statusCode).toBe(200);
    expect(await total(id)).toBe(51);
  });

  it("runs in the server's evaluation thread as well (its one thread for bulk jobs)", async () => {
    await thread.stop();
    expect(hasBulkJobRunner(t.app)).toBe(false);
    const evalThread = startInProcessWorker(t.app, { bulkJobs: true, closeWithApp: false });
    expect(hasBulkJobRunner(t.app)).toBe(true);
    try {
      const id = await newDataset('eval-thread');
      const res = await importLines(id, Array.from({ length: 300 }, (_, i) => lead(`E-${i}`)));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ imported: 300, lead_count: 300 });
      const refused = await t.app.inject({ method: 'POST', url: `/api/datasets/${id}/import?encoding=klingon`, headers: { ...t.auth('manager'), 'content-type': 'application/x-ndjson' }, payload: lead('X') });
      expect(refused.statusCode).toBe(400);
    } finally {
      await evalThread.stop();
      thread = startBulkThread(t.app);
    }
  });

  it('keeps a 4xx what it was when the thread refuses: an unknown encoding name, nothing written', async () => {
    const id = await newDataset('refused');
    const badEncoding = await t.app.inject({ method: 'POST', url: `/api/datasets/${id}/import?encoding=klingon`, headers: { ...t.auth('manager'), 'content-type': 'application/x-ndjson' }, payload: lead('X') });
    expect(badEncoding.statusCode).toBe(400);
    expect(badEncoding.json().detail).toMatch(/klingon/);
    expect(await total(id)).toBe(0);
  });
});
