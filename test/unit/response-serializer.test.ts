/** The reply serializer keeps only what a route's response schema declares, and can log what it dropped. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { droppedPaths, responseSerializer } from '../../server/http/serializer.ts';
import { openObject } from '../../server/http/response-schemas.ts';

describe('droppedPaths', () => {
  it('names each field the encoded value lost, inside objects and arrays', () => {
    expect(droppedPaths({ a: 1, b: { c: 2, d: 3 }, e: [{ f: 1, g: 2 }], h: undefined }, { b: { d: 3 }, e: [{ f: 1 }] })).toEqual(['.a', '.b.c', '.e[].g']);
  });
});

describe('responseSerializer', () => {
  it('sends only the declared fields (open objects pass the rest) and logs what it dropped', async () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drops-')), 'drops.log');
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(responseSerializer(log));
    const schema = z.object({ id: z.string(), at: z.union([z.string(), z.date()]), blob: openObject({ kept: z.number() }) });
    app.get('/x', { schema: { response: { 200: schema } } }, async () => ({ id: 'a', at: new Date('2026-12-01T00:00:00Z'), secret: 's', blob: { kept: 1, extra: 2 } }) as z.infer<typeof schema>);
    const res = await app.inject({ method: 'GET', url: '/x' });
    expect(res.json()).toEqual({ id: 'a', at: '2026-12-01T00:00:00.000Z', blob: { kept: 1, extra: 2 } });
    expect(fs.readFileSync(log, 'utf8')).toBe('GET /x: .secret\n');
    await app.close();
  });
});
