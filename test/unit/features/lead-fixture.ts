/** Small lead fixtures for the rules-engine unit tests. as_of for all of them: 2026-11-20. */
import type { Activity, Lead } from '../../../server/domain/lead.ts';

export const AS_OF = '2026-11-20';

/** A healthy, contactable lead: quote sent 30 days ago, move in 25 days, both consents given. */
export function makeLead(overrides: Partial<Lead> = {}): Lead {
  return {
    id: 'L-TEST',
    created_at: '2026-09-01T09:00:00Z',
    source: 'web_form',
    contact: { name: 'Ana Horvat', email: 'ana@example.org', phone: '+385 91 555 0101', language: 'en' },
    consent: { email: true, phone: true, opted_out_at: null, erasure_requested_at: null },
    service: { type: 'moving', origin: 'Zagreb', destination: 'Munich', date: '2026-12-15', date_flexibility: 'exact', size: '2-bedroom', volume_m3: 35 },
    quotes: [{ id: 'Q1', sent_at: '2026-10-21T10:00:00Z', amount: 2450, currency: 'EUR', valid_until: '2026-11-30', status: 'sent' }],
    activities: [
      act('2026-09-01', 'inbound', 'form', 'Need a quote for our move from Zagreb to Munich.'),
      act('2026-10-21', 'outbound', 'email', 'Please find our quote attached.'),
    ],
    status: 'quoted',
    lost_reason: null,
    owner: 'marko',
    value_estimate: null,
    tags: [],
    duplicate_of: null,
    label: null,
    ...overrides,
  };
}

export function act(date: string, direction: 'inbound' | 'outbound' | 'internal', channel: Activity['channel'], text: string | null, outcome: string | null = null): Activity {
  return { at: `${date}T10:00:00Z`, channel, direction, author: direction === 'inbound' ? 'customer' : 'rep:marko', outcome, text };
}

/** The fixture's activities plus more. */
export function withActivities(...extra: Activity[]): Partial<Lead> {
  return { activities: [...makeLead().activities!, ...extra] };
}
