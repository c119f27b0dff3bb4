/**
 * A CSV that csv-parse cannot read (a stray quote, a broken row) is the sender's mistake: a 400
 * naming the line, from every CSV route alike (imports, mapping previews, DNC lists).
 */
import { CsvError } from 'csv-parse';
import { AppError } from './errors.ts';

export function csvReadError(e: unknown): AppError | null {
  if (!(e instanceof CsvError)) return null;
  const lines = (e as CsvError & { lines?: number }).lines;
  return new AppError('bad_request', `The CSV cannot be read near line ${lines ?? '?'}: ${e.message}`);
}
