/** The pure parts of privacy: what a scrubbed lead keeps, the suppression decision and which hit applies. */
import { describe, expect, it } from 'vitest';
import { contactKeys, keyedHash } from '../../server/domain/privacy/identifiers.ts';
import { scrubLead, scrubRecommendationView } from '../../server/domain/privacy/scrub.ts';
import { applicableHit, refusalReason, strongerReason, suppressedDecision, type SuppressionHit } from '../../server/domain/privacy/suppression.ts';
import type { Lead } from '../../server/domain/lead.ts';

const lead = {
  id: 'L-1',
  created_at: '2026-08-14T09:12:00Z',
  source: 'web_form',
  contact: { name: 'Ana Horvat', email: 'Ana+moving@Example.org', phone: '+385 91 555 0101', language: 'hr' },
  consent: { email: true, phone: null, opted_out_at: null, erasure_requested_at: null },
  service: { type: 'moving', origin: 'Ilica 12, Zagreb', destination: 'Munich', date: '2026-12-15', date_flexibility: 'exact', size: '2-bedroom flat at Ilica 12', volume_m3: 35 },
  quotes: [{ id: 'Q1', sent_at: '2026-08-16T10:00:00Z', amount: 2450, currency: 'EUR', valid_until: '2026-09-15', status: 'sent', note: 'for Ana' }],
  activities: [{ at: '2026-08-14T09:12:00Z', channel: 'email', direction: 'inbound', author: 'customer', outcome: 'replied', text: 'Hi, Ana here, call me on 091 555 0101' }],
  status: 'quoted',
  lost_reason: 'Ana found cheaper',
  owner: 'marko',
  value_estimate: 2450,
  tags: ['vip'],
  duplicate_of: null,
  label: { decision: 'contact', reasons: ['quote_no_decision'], recontact_after: null, outcome: null, comment: 'Ana is keen' },
  crm_extra_address: 'Ilica 12',
} as unknown as Lead;

describe('scrubLead', () => {
  const at = '2026-12-01T10:00:00.000Z';
  const scrubbed = scrubLead(lead, { cause: 'erasure', at });

  it('drops every personal value, including fields the schema does not know', () => {
    const text = JSON.stringify(scrubbed);
    for (const needle of ['Ana', 'Horvat', 'example.org', '555', 'Ilica', 'Munich', 'cheaper', 'customer']) expect(text).not.toContain(needle);
  });

  it('keeps what metrics and a replay need, and records the erasure as a consent fact', () => {
    expect(scrubbed).toMatchObject({
      id: 'L-1', created_at: lead.created_at, status: 'quoted', owner: 'marko', value_estimate: 2450, tags: ['vip'],
      service: { type: 'moving', date: '2026-12-15', date_flexibility: 'exact', volume_m3: 35 },
      quotes: [{ id: 'Q1', amount: 2450, currency: 'EUR', status: 'sent' }],
      activities: [{ at: '2026-08-14T09:12:00Z', channel: 'email', direction: 'inbound', outcome: 'replied', text: null }],
      consent: { email: true, erasure_requested_at: at },
      label: { decision: 'contact', reasons: ['quote_no_decision'] },
      personal_data_removed: { cause: 'erasure', at },
    });
    expect(scrubLead(lead, { cause: 'retention', at }).consent?.erasure_requested_at).toBeNull();
  });

  it('strips a recommendation view to its decision and reason codes', () => {
    const view = { id: 'rec_1', lead_id: 'L-1', decision: 'contact', priority: 70, reasons: [{ code: 'quote_no_decision', explanation: 'Ana has a quote of 2450 EUR' }], recommendation: { angle: 'x', email: { subject: 'Hi Ana', body: '...' } }, risk_flags: ['Ana'] };
    const out = scrubRecommendationView(view, { cause: 'retention', at });
    expect(out).toMatchObject({ id: 'rec_1', decision: 'contact', priority: 70, reasons: [{ code: 'quote_no_decision', explanation: '' }], recommendation: null, risk_flags: [] });
    expect(JSON.stringify(out)).not.toContain('Ana');
  });
});

describe('suppression', () => {
  const hit: SuppressionHit = { reason: 'asked_not_to_contact', matched_by: 'phone', source: 'recommendation', since: '2026-11-18T09:00:00.000Z' };

  it('decides do_not_contact with the original reason and a one-rule trace', () => {
    const d = suppressedDecision(hit, '2026-11-20');
    expect(d).toMatchObject({ decision: 'do_not_contact', priority: 0, reasons: [{ code: 'asked_not_to_contact' }], as_of: '2026-11-20' });
    expect(d.reasons[0].explanation).toBe('On the suppression list since 2026-11-18: this person asked not to be contacted (matched by phone).');
    expect(d.trace).toEqual([expect.objectContaining({ rule_id: 'suppression_list', kind: 'hard_block', matched: true })]);
  });

  it('ranks reasons: erasure over opt-out over refusal', () => {
    expect(strongerReason('opted_out', 'erasure_requested')).toBe('erasure_requested');
    expect(strongerReason('opted_out', 'asked_not_to_contact')).toBe('opted_out');
    expect(refusalReason(['complaint', 'asked_not_to_contact', 'opted_out'])).toBe('opted_out');
    expect(refusalReason(['duplicate'])).toBeNull();
  });

  it('leaves a lead whose own record states the refusal to the rules', () => {
    expect(applicableHit(hit, [])).toBe(hit);
    expect(applicableHit(hit, ['opted_out'])).toBeNull();
    expect(applicableHit({ ...hit, reason: 'erasure_requested' }, ['opted_out'])).not.toBeNull();
    expect(applicableHit(null, [])).toBeNull();
  });

  it('normalises identifiers like the duplicate detector and hashes them with the key', () => {
    const keys = contactKeys(lead);
    expect(keys).toMatchObject({ email: 'ana@example.org', phone: '915550101' });
    const key = Buffer.alloc(32, 1);
    expect(keyedHash(key, 'email', 'ana@example.org')).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash(key, 'email', 'ana@example.org')).not.toBe(keyedHash(Buffer.alloc(32, 2), 'email', 'ana@example.org'));
    expect(keyedHash(key, 'email', 'x')).not.toBe(keyedHash(key, 'phone', 'x'));
  });
});

describe('redactText', () => {
  it('replaces every spelling of the identifiers, longest first, whatever the case', async () => {
    const { redactText } = await import('../../server/modules/privacy/erasure.ts');
    expect(redactText('Request from Ana Horvat (ANA@example.org); Ana called.', ['Ana Horvat', 'ana@example.org', 'Ana'])).toBe('Request from [erased] ([erased]); [erased] called.');
    expect(redactText('ticket 4711', ['Ana'])).toBe('ticket 4711');
  });
});
