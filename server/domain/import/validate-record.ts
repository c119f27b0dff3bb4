/**
 * The one validator of imported data. Every import path (NDJSON canonical records, a CSV through
 * a mapping, the activity and quote files of a multi-file import) sends each line's record here,
 * so a value is accepted or rejected the same way whichever door it came through.
 *
 * A line-level check that is not a schema rule (e.g. refusing strings the database cannot store)
 * goes into LINE_CHECKS: it then runs on every import path at once and names the field.
 */
import type { z } from 'zod';
import { Activity, describeIssues, Lead, Quote, type LeadParseResult } from '../lead.ts';

/** A check over a whole parsed line; returns `field.path: what is wrong` messages. */
export type LineCheck = (value: unknown, path: string) => string[];

const LINE_CHECKS: LineCheck[] = [];

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function validate<S extends z.ZodType>(schema: S, raw: unknown, prefix?: string): Validated<z.infer<S>> {
  const extra = LINE_CHECKS.flatMap((check) => check(raw, prefix ?? ''));
  if (extra.length) return { ok: false, errors: extra };
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: describeIssues(parsed.error, prefix) };
}

export function validateImportedLead(raw: unknown): LeadParseResult {
  const r = validate(Lead, raw);
  return r.ok ? { ok: true, lead: r.value } : r;
}

/** One row of an activities file (fields named as in the canonical `activities[]`). */
export const validateImportedActivity = (raw: unknown) => validate(Activity, raw, 'activity');

/** One row of a quotes / deals file (fields named as in the canonical `quotes[]`). */
export const validateImportedQuote = (raw: unknown) => validate(Quote, raw, 'quote');
