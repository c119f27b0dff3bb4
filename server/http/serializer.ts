/**
 * Fastify's reply serializer: each JSON reply is encoded with its route's zod response schema
 * (fastify-type-provider-zod), so a field the schema does not declare does not leave the server.
 *
 * With `SCHEMA_DROPS_LOG=<file>` (development and test runs only), every field a schema dropped is
 * also appended to that file, one line per reply: how to find a schema that forgot a field the web
 * UI reads (run the browser tests with it set, then read the file).
 */
import fs from 'node:fs';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Compiler = typeof serializerCompiler;

/** Paths present in `sent` (the handler's value) but absent from `kept` (what the schema let through). */
export function droppedPaths(sent: unknown, kept: unknown, path = '', out: string[] = []): string[] {
  if (sent instanceof Date || sent === null || typeof sent !== 'object' || kept === null || typeof kept !== 'object') return out;
  if (Array.isArray(sent)) {
    if (Array.isArray(kept)) sent.forEach((item, i) => droppedPaths(item, kept[i], `${path}[]`, out));
    return out;
  }
  for (const [key, value] of Object.entries(sent)) {
    if (!(key in kept)) {
      if (value !== undefined) out.push(`${path}.${key}`);
    } else droppedPaths(value, (kept as Record<string, unknown>)[key], `${path}.${key}`, out);
  }
  return out;
}

export function responseSerializer(dropsLog = process.env.SCHEMA_DROPS_LOG): Compiler {
  if (!dropsLog) return serializerCompiler;
  const logging: FastifySerializerCompiler<Parameters<Compiler>[0]['schema']> = (route) => {
    const serialize = serializerCompiler(route);
    const schema = (route.schema instanceof z.ZodType ? route.schema : (route.schema as { properties: z.ZodType }).properties) as z.ZodType;
    return (data) => {
      const encoded = z.safeEncode(schema, data);
      const dropped = encoded.success ? [...new Set(droppedPaths(data, encoded.data))] : [];
      if (dropped.length) fs.appendFileSync(dropsLog, `${route.method} ${route.url}: ${dropped.join(' ')}\n`);
      return serialize(data);
    };
  };
  return logging as Compiler;
}
