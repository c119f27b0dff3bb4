import { describe, it, expect } from 'vitest';
import { computeFeatures, FEATURE_CATALOG, FEATURE_NAMES } from '../../../server/domain/features/index.ts';
import { AS_OF, act, makeLead, withActivities } from './lead-fixture.ts';

const values = (overrides = {}) => computeFeatures(makeLead(overrides), AS_OF).values;

describe('computeFeatures', () => {
  it('produces exactly the catalogued features, each documented once', () => {
    expect(Object.keys(values()).sort()).toEqual([...FEATURE_NAMES].sort());
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURE_CATALOG.length);
    for (const d of FEATURE_CATALOG) expect(d.description.length).toBeGreaterThan(5);
  });

  it('computes recency from as_of only, never the clock', () => {
    const v = values();
    expect(v.days_since_created).toBe(80);
    expect(v.days_since_last_inbound).toBe(80);
    expect(v.days_since_last_outbound).toBe(30);
    expect(v.days_since_last_contact).toBe(30);
    expect(v.days_until_service_date).toBe(25);
    expect(computeFeatures(makeLead(), '2026-12-20').values.days_until_service_date).toBe(-5);
  });

  it('is deterministic: same lead and as_of, same features', () => {
    expect(JSON.stringify(computeFeatures(makeLead(), AS_OF))).toBe(JSON.stringify(computeFeatures(makeLead(), AS_OF)));
  });

  it('counts outbound attempts since the last inbound', () => {
    const v = values(withActivities(act('2026-10-25', 'outbound', 'call', null, 'no_answer'), act('2026-11-01', 'outbound', 'call', null, 'voicemail')));
    expect(v.outbound_attempts_since_last_inbound).toBe(3);
    expect(v.outbound_attempts_total).toBe(3);
    expect(v.inbound_count).toBe(1);
  });

  it('describes the latest quote, its age and validity', () => {
    expect(values().latest_quote).toEqual({ amount: 2450, currency: 'EUR', status: 'sent', age_days: 30, valid_until: '2026-11-30', days_until_expiry: 10, expired: false, open: true });
    const expired = values({ quotes: [{ id: 'Q1', sent_at: '2026-08-01T10:00:00Z', amount: 900, currency: 'EUR', valid_until: '2026-09-01', status: 'sent' }] });
    expect((expired.latest_quote as { expired: boolean }).expired).toBe(true);
    const none = values({ quotes: [] });
    expect(none.has_quote).toBe(false);
    expect(none.latest_quote).toMatchObject({ amount: null, status: null, open: false, expired: false });
  });

  it('keeps missing facts null, never a default', () => {
    const v = values({ service: { date: null }, created_at: null, activities: [], quotes: null });
    expect(v.days_until_service_date).toBeNull();
    expect(v.has_service_date).toBe(false);
    expect(v.days_since_created).toBeNull();
    expect(v.days_since_last_inbound).toBeNull();
  });

  it('derives consent and channel usability', () => {
    const v = values({ consent: { email: false, phone: null, opted_out_at: null, erasure_requested_at: null } });
    expect(v.consent_email).toBe(false);
    expect(v.email_usable).toBe(false);
    expect(v.phone_usable).toBe(true);
    expect(v.channels_with_consent).toBe(1);
    const bounced = values(withActivities(act('2026-10-22', 'outbound', 'email', 'Following up', 'bounced'), act('2026-10-23', 'outbound', 'call', null, 'invalid_number')));
    expect(bounced.email_bounced).toBe(true);
    expect(bounced.phone_invalid).toBe(true);
    expect(bounced.usable_channel_count).toBe(0);
    expect(values({ consent: { email: true, phone: true, opted_out_at: '2026-10-01T00:00:00Z', erasure_requested_at: null } }).opted_out).toBe(true);
  });

  it('finds open callback requests, and closes them with an outbound call', () => {
    const open = values(withActivities(act('2026-11-10', 'inbound', 'email', 'Could you call me tomorrow about the price?')));
    expect(open.callback_requested_open).toBe(true);
    expect(open.days_since_callback_request).toBe(10);
    const done = values(withActivities(act('2026-11-10', 'inbound', 'email', 'Please call me.'), act('2026-11-11', 'outbound', 'call', 'Called back', 'answered')));
    expect(done.callback_requested_open).toBe(false);
    expect(values(withActivities(act('2026-11-10', 'inbound', 'email', "Please don't call me, email only."))).callback_requested_open).toBe(false);
  });

  it('recognises re-engagement after silence', () => {
    const v = values({ activities: [act('2026-09-01', 'inbound', 'form', 'Quote please'), act('2026-11-15', 'inbound', 'email', 'Hi again, is the offer still valid?')] });
    expect(v.re_engaged).toBe(true);
    expect(v.days_silent_before_last_inbound).toBe(75);
    expect(values({ status: 'lost', ...withActivities(act('2026-11-01', 'inbound', 'email', 'Are you still available?')) }).re_engaged).toBe(true);
    expect(values().re_engaged).toBe(false);
  });

  it('scores data completeness between 0 and 1', () => {
    expect(values().data_completeness).toBe(1);
    const sparse = computeFeatures({ id: 'X', contact: { email: 'a@b.co' } } as never, AS_OF).values.data_completeness as number;
    expect(sparse).toBeGreaterThan(0);
    expect(sparse).toBeLessThan(0.3);
  });

  it('accepts a Date or a date-time as as_of and rejects garbage', () => {
    expect(computeFeatures(makeLead(), new Date('2026-11-20T15:00:00Z')).as_of).toBe('2026-11-20');
    expect(computeFeatures(makeLead(), '2026-11-20T23:59:00Z').as_of).toBe('2026-11-20');
    expect(() => computeFeatures(makeLead(), 'yesterday')).toThrow(/as_of/);
  });
});
