/**
 * Import routes read their body as a stream (NDJSON, CSV) so memory stays flat. Fastify's
 * bodyLimit does not apply to a stream we consume ourselves, so this counts bytes and stops
 * the read with a 413 past the limit.
 */
import { Transform, type Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

export const STREAM_CONTENT_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines', 'text/csv'];

export function registerStreamingParsers(app: FastifyInstance): void {
  app.addContentTypeParser(STREAM_CONTENT_TYPES, (_request, payload, done) => done(null, payload));
}

export function limitBytes(stream: Readable, maxBytes: number): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      seen += chunk.length;
      if (seen > maxBytes) {
        callback(new AppError('payload_too_large', `The body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`));
        return;
      }
      callback(null, chunk);
    },
  });
  stream.on('error', (e) => counter.destroy(e));
  return stream.pipe(counter);
}

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}
