/**
 * A CRM's existing do-not-contact list, as CSV: a header with `email` and/or `phone` columns,
 * optionally `reason` (opted_out, asked_not_to_contact, erasure_requested; default opted_out) and
 * `since` (ISO date or datetime the refusal dates from; default now). Every row is checked; the
 * valid ones are added in one transaction, the rest reported by line.
 */
import { csvReadError } from '../../http/csv-errors.ts';
import type { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { normaliseEmail, normalisePhone } from '../../domain/privacy/identifiers.ts';
import { SUPPRESSION_REASONS, type SuppressionReason } from '../../domain/privacy/suppression.ts';
import { AppError } from '../../http/errors.ts';
import type { NewSuppression } from './suppression-list.ts';

export interface DncRows {
  entries: NewSuppression[];
  rows: number;
  rejected: { line: number; errors: string[] }[];
}

const EMAIL_HEADERS = ['email', 'e-mail', 'email_address', 'mail'];
const PHONE_HEADERS = ['phone', 'telephone', 'phone_number', 'mobile', 'tel'];

export async function readDncCsv(input: Readable, now: Date): Promise<DncRows> {
  const parser = input.pipe(parseCsv({ bom: true, relax_column_count: true, info: true, skip_empty_lines: true, trim: true }));
  let header: string[] | null = null;
  let col = { email: -1, phone: -1, reason: -1, since: -1 };
  const out: DncRows = { entries: [], rows: 0, rejected: [] };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = record.map((h) => h.trim().toLowerCase());
        const find = (names: string[]) => header!.findIndex((h) => names.includes(h));
        col = { email: find(EMAIL_HEADERS), phone: find(PHONE_HEADERS), reason: find(['reason']), since: find(['since', 'date', 'opted_out_at']) };
        if (col.email < 0 && col.phone < 0) throw new AppError('bad_request', `The CSV needs an "email" or a "phone" column; its header is: ${header.join(', ')}.`);
        continue;
      }
      out.rows++;
      const line = info.lines;
      const errors: string[] = [];
      const rawEmail = col.email >= 0 ? record[col.email] ?? '' : '';
      const rawPhone = col.phone >= 0 ? record[col.phone] ?? '' : '';
      const email = rawEmail ? normaliseEmail(rawEmail) : null;
      const phone = rawPhone ? normalisePhone(rawPhone) : null;
      if (rawEmail && !email) errors.push('email: not an email address');
      if (rawPhone && !phone) errors.push('phone: needs at least 7 digits');
      if (!rawEmail && !rawPhone) errors.push('needs an email or a phone');
      const reasonText = col.reason >= 0 ? record[col.reason] ?? '' : '';
      const reason = (reasonText || 'opted_out') as SuppressionReason;
      if (!SUPPRESSION_REASONS.includes(reason)) errors.push(`reason: "${reasonText}" is not one of ${SUPPRESSION_REASONS.join(', ')}`);
      const sinceText = col.since >= 0 ? record[col.since] ?? '' : '';
      const since = sinceText ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(sinceText) ? `${sinceText}T00:00:00Z` : sinceText) : now;
      if (Number.isNaN(since.getTime())) errors.push(`since: "${sinceText}" is not an ISO date`);
      if (errors.length) {
        out.rejected.push({ line, errors });
        continue;
      }
      if (email) out.entries.push({ kind: 'email', value: email, reason, source: 'dnc_import', effective_at: since });
      if (phone) out.entries.push({ kind: 'phone', value: phone, reason, source: 'dnc_import', effective_at: since });
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const err = e as Error & { code?: string; lines?: number };
    const unreadable = csvReadError(err);
    if (unreadable) throw unreadable;
    throw e;
  }
  if (!header) throw new AppError('bad_request', 'The CSV is empty: expected a header row.');
  return out;
}
