/**
 * The ONE list of features a rule may use: name, type, meaning, example. The rules UI shows it
 * as the field reference, the CEL environment declares exactly these variables, and a test
 * checks that computeFeatures produces exactly these names. A missing fact is `null`, never a
 * default: a rule tests presence explicitly (`has_service_date && days_until_service_date < 0`).
 */
export type FeatureType = 'integer' | 'number' | 'boolean' | 'string' | 'date' | 'list<string>' | 'quote';

export interface FeatureDefinition {
  name: string;
  type: FeatureType;
  /** true when the value may be null (unknown / not applicable). */
  nullable: boolean;
  description: string;
  example: unknown;
}

const f = (name: string, type: FeatureType, nullable: boolean, description: string, example: unknown): FeatureDefinition =>
  ({ name, type, nullable, description, example });

export const FEATURE_CATALOG: readonly FeatureDefinition[] = [
  // Time and activity
  f('days_since_created', 'integer', true, 'Days from created_at to as_of.', 97),
  f('days_since_last_contact', 'integer', true, 'Days since the last inbound or outbound activity (internal notes excluded).', 12),
  f('days_since_last_inbound', 'integer', true, 'Days since the customer last wrote, called or filled a form.', 20),
  f('days_since_last_outbound', 'integer', true, 'Days since we last reached out.', 3),
  f('outbound_attempts_since_last_inbound', 'integer', false, 'Outbound attempts after the last customer message (all attempts when the customer never wrote).', 4),
  f('outbound_attempts_total', 'integer', false, 'All outbound activities.', 6),
  f('inbound_count', 'integer', false, 'Number of inbound activities.', 2),
  f('has_inbound', 'boolean', false, 'The customer wrote, called or filled a form at least once.', true),
  f('activity_count', 'integer', false, 'Number of activities of any direction.', 7),
  f('last_activity_direction', 'string', true, 'Direction of the latest activity: inbound, outbound or internal.', 'outbound'),
  f('days_silent_before_last_inbound', 'integer', true, 'Gap in days between the last inbound activity and the activity before it.', 45),
  f('re_engaged', 'boolean', false, 'The customer wrote again after 30+ days of silence or after the lead was lost/dormant.', false),
  // Service
  f('service_type', 'string', true, 'moving, office_moving, storage, ... (free text).', 'moving'),
  f('service_date', 'date', true, 'Effective service date: a newer note naming another date overrides the field.', '2027-03-01'),
  f('service_date_field', 'date', true, 'The service.date field as recorded.', '2026-12-15'),
  f('has_service_date', 'boolean', false, 'An effective service date is known.', true),
  f('days_until_service_date', 'integer', true, 'Days from as_of to the effective service date (negative = passed).', 25),
  f('service_date_from_notes', 'boolean', false, 'The effective service date comes from a note, not the field.', false),
  f('date_postponed', 'boolean', false, 'A note moved the service date later than the field (or says it was postponed).', false),
  f('date_flexibility', 'string', true, 'exact, week, month or unknown.', 'week'),
  f('volume_m3', 'number', true, 'Estimated volume in cubic metres.', 35),
  f('value_estimate', 'number', true, 'Estimated deal value from the CRM.', 2400),
  // Quotes and budget
  f('has_quote', 'boolean', false, 'At least one quote exists.', true),
  f('quote_ever_sent', 'boolean', false, 'At least one quote was sent to the customer.', true),
  f('quote_count', 'integer', false, 'Number of quotes.', 1),
  f('quote_accepted', 'boolean', false, 'Any quote has status accepted.', false),
  f('latest_quote', 'quote', false,
    'Latest quote (by sent_at): amount, currency, status, age_days, valid_until, days_until_expiry, expired, open. Without a quote: values null, expired and open false.',
    { amount: 2450, currency: 'EUR', status: 'sent', age_days: 30, valid_until: '2026-09-15', days_until_expiry: -66, expired: true, open: true }),
  f('budget_stated', 'number', true, 'Budget the customer stated in a message or a rep noted ("max 1.800 €").', 1800),
  f('budget_gap', 'number', true, 'Latest quote amount minus stated budget (positive = quote above budget).', 650),
  f('budget_gap_pct', 'number', true, 'budget_gap as a percentage of the stated budget.', 36.1),
  // Callbacks and requested timing
  f('callback_requested_open', 'boolean', false, 'The customer asked for a call and no outbound call followed.', false),
  f('days_since_callback_request', 'integer', true, 'Days since the open callback request.', 5),
  f('recontact_requested_date', 'date', true, 'Date the customer asked to be contacted again ("call me in January").', '2027-01-01'),
  f('days_until_recontact_requested', 'integer', true, 'Days from as_of to recontact_requested_date.', 42),
  // Consent and channels
  f('consent_email', 'boolean', true, 'Email consent: true, false, or null when unknown.', true),
  f('consent_phone', 'boolean', true, 'Phone consent: true, false, or null when unknown.', null),
  f('opted_out', 'boolean', false, 'consent.opted_out_at is set.', false),
  f('erasure_requested', 'boolean', false, 'consent.erasure_requested_at is set.', false),
  f('has_email', 'boolean', false, 'A plausible email address is present.', true),
  f('has_phone', 'boolean', false, 'A plausible phone number is present.', true),
  f('email_bounced', 'boolean', false, 'Our last email bounced and the customer has not emailed since.', false),
  f('phone_invalid', 'boolean', false, 'A call ended as invalid/wrong number and no call got through since.', false),
  f('email_usable', 'boolean', false, 'Email present, not bounced, consent not false.', true),
  f('phone_usable', 'boolean', false, 'Phone present, not invalid, consent not false.', true),
  f('usable_channel_count', 'integer', false, 'Number of usable channels (0-2).', 2),
  f('channels_with_consent', 'integer', false, 'Present channels whose consent is not false (0-2).', 2),
  // Lead record
  f('status', 'string', true, 'CRM status: new, contacted, quoted, negotiating, won, lost, dormant.', 'quoted'),
  f('lost_reason', 'string', true, 'Free-text lost reason (untrusted text: use signals to read it).', null),
  f('source', 'string', true, 'Lead source.', 'web_form'),
  f('language', 'string', true, 'Contact language code.', 'de'),
  f('tags', 'list<string>', false, 'CRM tags.', ['vip']),
  f('is_duplicate', 'boolean', false, 'duplicate_of is set, or a lead created earlier shares the email/phone.', false),
  f('duplicate_of', 'string', true, 'Id of the original lead.', null),
  f('duplicate_group_size', 'integer', false, 'Leads sharing this email/phone (1 = unique).', 1),
  f('data_completeness', 'number', false, 'Share (0-1) of key fields present: name, channel, date, origin, destination, size, type, quote, text.', 0.78),
];

export const FEATURE_NAMES: readonly string[] = FEATURE_CATALOG.map((d) => d.name);

export const QUOTE_FIELDS = ['amount', 'currency', 'status', 'age_days', 'valid_until', 'days_until_expiry', 'expired', 'open'] as const;

export type FeatureValue = number | string | boolean | null | string[] | LatestQuote;

export interface LatestQuote {
  amount: number | null;
  currency: string | null;
  status: string | null;
  age_days: number | null;
  valid_until: string | null;
  days_until_expiry: number | null;
  expired: boolean;
  open: boolean;
}

export type FeatureValues = Record<string, FeatureValue>;
