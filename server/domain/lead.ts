/**
 * The canonical lead record (CONTRACTS.md section 1) and its gold label (section 3).
 *
 * Real CRM data is incomplete, so every field except `id` may be missing or null: missing is
 * normal, a wrong type is an error. Unknown extra fields are kept (loose objects) so that an
 * import never silently drops what a customer sent us.
 */
import { z } from 'zod';
import { findUnstorableStrings } from './unstorable-strings.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?$/;

/** Whether year-month-day names a day of the calendar (2026-02-31 does not: no rolling over into March). */
export function isCalendarDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/** Digit-level check of an ISO date or date-time: Date.parse would accept 2026-02-31 and roll it over. */
export function isRealDate(value: string): boolean {
  const day = ISO_DATE.exec(value);
  if (day) return isCalendarDay(Number(day[1]), Number(day[2]), Number(day[3]));
  const t = ISO_DATETIME.exec(value);
  if (!t) return false;
  const [h, mi, s] = [Number(t[4]), Number(t[5]), t[6] === undefined ? 0 : Number(t[6])];
  const offsetOk = t[8] === undefined || (Number(t[8]) <= 14 && Number(t[9]) <= 59);
  return isCalendarDay(Number(t[1]), Number(t[2]), Number(t[3])) && h <= 23 && mi <= 59 && s <= 59 && offsetOk;
}

/** An ISO 8601 calendar date, `YYYY-MM-DD`. */
export const IsoDate = z
  .string()
  .refine((v) => ISO_DATE.test(v) && isRealDate(v), { message: 'expected an ISO date (YYYY-MM-DD)' });

/** An ISO 8601 date-time; a bare date is accepted too (midnight UTC), as CRMs often export one. */
export const IsoDateTime = z
  .string()
  .refine((v) => (ISO_DATETIME.test(v) || ISO_DATE.test(v)) && isRealDate(v), {
    message: 'expected an ISO 8601 date-time (e.g. 2026-08-14T09:12:00Z)',
  });

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish();

export const LEAD_STATUSES = ['new', 'contacted', 'quoted', 'negotiating', 'won', 'lost', 'dormant'] as const;
export const QUOTE_STATUSES = ['sent', 'accepted', 'rejected', 'expired', 'withdrawn'] as const;
export const ACTIVITY_CHANNELS = ['email', 'call', 'sms', 'form', 'meeting', 'chat', 'note'] as const;
export const ACTIVITY_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export const DECISIONS = ['contact', 'wait', 'do_not_contact', 'not_worth_pursuing'] as const;
export const OUTCOMES = ['reactivated', 'converted', 'no_response', 'declined', 'complained'] as const;

export const Decision = z.enum(DECISIONS);
export type Decision = z.infer<typeof Decision>;

export const Contact = z.looseObject({
  name: nullable(z.string()),
  email: nullable(z.string()),
  phone: nullable(z.string()),
  language: nullable(z.string()),
});

export const Consent = z.looseObject({
  email: nullable(z.boolean()),
  phone: nullable(z.boolean()),
  opted_out_at: nullable(IsoDateTime),
  erasure_requested_at: nullable(IsoDateTime),
});

export const Service = z.looseObject({
  type: nullable(z.string()),
  origin: nullable(z.string()),
  destination: nullable(z.string()),
  date: nullable(IsoDate),
  date_flexibility: nullable(z.enum(['exact', 'week', 'month', 'unknown'])),
  size: nullable(z.string()),
  volume_m3: nullable(z.number().nonnegative()),
});

export const Quote = z.looseObject({
  id: nullable(z.string()),
  sent_at: nullable(IsoDateTime),
  amount: nullable(z.number().nonnegative()),
  currency: nullable(z.string()),
  valid_until: nullable(IsoDate),
  status: nullable(z.enum(QUOTE_STATUSES)),
});
export type Quote = z.infer<typeof Quote>;

export const Activity = z.looseObject({
  at: nullable(IsoDateTime),
  channel: nullable(z.enum(ACTIVITY_CHANNELS)),
  direction: nullable(z.enum(ACTIVITY_DIRECTIONS)),
  author: nullable(z.string()),
  outcome: nullable(z.string()),
  text: nullable(z.string()),
});
export type Activity = z.infer<typeof Activity>;

export const GoldLabel = z.looseObject({
  decision: Decision,
  reasons: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/, 'reason codes are snake_case')).default([]),
  recontact_after: nullable(IsoDate),
  outcome: nullable(z.enum(OUTCOMES)),
});
export type GoldLabel = z.infer<typeof GoldLabel>;

export const Lead = z.looseObject({
  id: z.string().min(1, 'id must not be empty').max(200),
  created_at: nullable(IsoDateTime),
  source: nullable(z.string()),
  contact: nullable(Contact),
  consent: nullable(Consent),
  service: nullable(Service),
  quotes: nullable(z.array(Quote)),
  activities: nullable(z.array(Activity)),
  status: nullable(z.enum(LEAD_STATUSES)),
  lost_reason: nullable(z.string()),
  owner: nullable(z.string()),
  value_estimate: nullable(z.number()),
  tags: nullable(z.array(z.string())),
  duplicate_of: nullable(z.string()),
  label: nullable(GoldLabel),
}).superRefine((lead, ctx) => {
  // Every import path and endpoint parses leads with this schema: a NUL or an unpaired surrogate
  // anywhere in the record rejects it here, naming the field, instead of failing in the insert.
  for (const f of findUnstorableStrings(lead)) ctx.addIssue({ code: 'custom', path: [f.path], message: f.problem });
});
export type Lead = z.infer<typeof Lead>;

/**
 * Turns zod issues into one readable line each: `quotes.0.amount: expected number, received string`,
 * or with a prefix naming where the value was in the request: `leads.3.quotes.0.amount: ...`.
 */
export function describeIssues(error: z.ZodError, prefix?: string): string[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== undefined && p !== '').join('.') || '(record)';
    return `${path}: ${issue.message}`;
  });
}

export type LeadParseResult = { ok: true; lead: Lead } | { ok: false; errors: string[] };

export function parseLead(input: unknown): LeadParseResult {
  const result = Lead.safeParse(input);
  return result.success ? { ok: true, lead: result.data } : { ok: false, errors: describeIssues(result.error) };
}
