/** A small, fully known lead for focused guardrail tests; override fields per test. */
import { Lead } from '../../../server/domain/lead.ts';

export const AS_OF = '2026-11-20';

export function sampleLead(overrides: Record<string, unknown> = {}): Lead {
  return Lead.parse({
    id: 'T-1',
    created_at: '2026-08-14T09:12:00Z',
    contact: { name: 'Ana Horvat', email: 'ana@example.org', phone: '+385 91 555 0101', language: 'en' },
    consent: { email: true, phone: true, opted_out_at: null, erasure_requested_at: null },
    service: { type: 'moving', origin: 'Zagreb', destination: 'Munich', date: '2026-12-15', date_flexibility: 'exact', size: '2-bedroom apartment', volume_m3: 35 },
    quotes: [{ id: 'Q1', sent_at: '2026-08-16T10:00:00Z', amount: 2450, currency: 'EUR', valid_until: '2026-09-15', status: 'sent' }],
    activities: [
      { at: '2026-08-14T09:12:00Z', channel: 'form', direction: 'inbound', author: null, outcome: null, text: 'Moving mid December, about 40 boxes, budget around 2000 EUR.' },
      { at: '2026-08-20T14:00:00Z', channel: 'call', direction: 'outbound', author: 'rep:marko', outcome: 'answered', text: 'Price a bit high, will decide in October.' },
    ],
    status: 'quoted',
    owner: 'marko',
    ...overrides,
  });
}
