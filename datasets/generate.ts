/**
 * CLI: writes a seeded, deterministic demo dataset as JSON lines.
 *
 *   tsx datasets/generate.ts --out datasets/demo.jsonl [--count 2000] [--seed 42] [--as-of 2026-11-20] [--id-prefix L-]
 *
 * `--out -` writes to stdout. Streams in batches, so 100,000 leads need no more memory than 2,000.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { parseIsoDate } from './generator/dates';
import { generateLeads } from './generator/index';

const DEMO_DEFAULTS = { count: 2000, seed: 42, asOf: '2026-11-20' } as const;

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: tsx datasets/generate.ts --out <file.jsonl|-> [--count n] [--seed n] [--as-of YYYY-MM-DD] [--id-prefix L-]\n`);
  process.exit(2);
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) usage(`--${name} must be a non-negative integer, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' },
        'as-of': { type: 'string' }, 'id-prefix': { type: 'string' },
      },
    }));
  } catch (error) {
    usage((error as Error).message);
  }
  if (!values.out) usage('--out is required');
  const options = {
    count: integer(values.count, DEMO_DEFAULTS.count, 'count'),
    seed: integer(values.seed, DEMO_DEFAULTS.seed, 'seed'),
    asOf: values['as-of'] ?? DEMO_DEFAULTS.asOf,
    idPrefix: values['id-prefix'],
  };
  try {
    parseIsoDate(options.asOf); // fail before creating an empty output file
  } catch (error) {
    usage((error as Error).message);
  }
  const started = performance.now();
  let written = 0;
  if (values.out === '-') {
    // stdout may be a pipe: stream it with backpressure (writeSync on a full pipe fails with EAGAIN).
    const chunks = (function* () {
      let batch: string[] = [];
      for (const lead of generateLeads(options)) {
        batch.push(JSON.stringify(lead));
        if (batch.length === 1000) {
          written += batch.length;
          yield batch.join('\n') + '\n';
          batch = [];
        }
      }
      written += batch.length;
      if (batch.length) yield batch.join('\n') + '\n';
    })();
    await pipeline(Readable.from(chunks), process.stdout);
  } else {
    const fd = openSync(values.out, 'w');
    let batch: string[] = [];
    try {
      for (const lead of generateLeads(options)) {
        batch.push(JSON.stringify(lead));
        if (batch.length === 1000) {
          writeSync(fd, batch.join('\n') + '\n');
          written += batch.length;
          batch = [];
        }
      }
      if (batch.length > 0) writeSync(fd, batch.join('\n') + '\n');
      written += batch.length;
    } catch (error) {
      usage((error as Error).message);
    } finally {
      closeSync(fd);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`wrote ${written} leads (seed ${options.seed}, as_of ${options.asOf}) in ${seconds.toFixed(2)} s\n`);
}

void main();
