import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { DB_TARGETS } from '../helpers/databases.ts';

const ENV_ADMIN = 'env-admin-token-0123456789';

describe.each(DB_TARGETS)('tokens and roles on $kind', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(target, { WORKBENCH_ADMIN_TOKEN: ENV_ADMIN });
  });
  afterAll(async () => t?.close());

  it('serves health without a token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', db: target.kind });
  });

  it('answers 401 problem+json without a token or with a wrong one', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'Basic abc' }]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/datasets', headers });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
  });

  it('accepts WORKBENCH_ADMIN_TOKEN as admin', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${ENV_ADMIN}` } });
    expect(res.json()).toMatchObject({ role: 'admin' });
  });

  it('lets an admin create a token that works at once, is stored only as a hash, and can be revoked', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth('admin'), payload: { name: 'Marko', role: 'rep' } });
    expect(res.statusCode).toBe(201);
    const { token, name, role, id } = res.json();
    expect({ name, role }).toEqual({ name: 'Marko', role: 'rep' });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toMatchObject({ name: 'Marko', role: 'rep', acts_for: ['Marko'] });
    const stored = await t.database.db.selectFrom('tokens').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const del = await t.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: t.auth('admin') });
    expect(del.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);

    const audit = await t.app.inject({ method: 'GET', url: `/api/audit?subject=${id}`, headers: t.auth('manager') });
    expect(audit.json().items.map((i: { action: string }) => i.action).sort()).toEqual(['token.create', 'token.revoke']);
    expect(JSON.stringify(audit.json())).not.toContain(token);
  });

  it('refuses a token revoked by another process (straight in the database) once its cached principal is a second old', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth('admin'), payload: { name: 'Elsewhere', role: 'rep' } });
    const { token, id } = res.json();
    const me = () => t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).statusCode).toBe(200);
    // What a second server's DELETE /api/tokens/:id writes; this process is not told.
    await t.database.db.updateTable('tokens').set({ revoked_at: new Date() }).where('id', '=', id).execute();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await me()).statusCode).toBe(401);
  });

  it('refuses an unknown role with a 400 naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: t.auth('admin'), payload: { name: 'x', role: 'boss' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/role/);
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: t.auth('manager') });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses to change or delete audit entries at the database', async () => {
    await expect(t.database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});
