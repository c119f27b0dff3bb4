/**
 * What is left of a record once its personal data is removed (erasure, or retention of old
 * recommendations and results). Allow-lists, never deny-lists: a CRM's extra fields pass through
 * the loose lead schema, so anything not named here as non-personal is dropped.
 *
 * Kept: the id, dates, consent flags, service type / date / volume, quote amounts and statuses,
 * activity dates / channels / directions / outcomes, status, owner, tags, duplicate_of and the gold
 * label: what the metrics and a replay of the decision need. Gone: names, emails, phones, places,
 * sizes and every free text (activity texts, lost reasons, extra fields).
 */
import type { Lead } from '../lead.ts';

export type RemovalCause = 'erasure' | 'retention';

export interface PersonalDataRemoved {
  cause: RemovalCause;
  at: string;
}

const pick = <T extends object, K extends keyof T>(value: T | null | undefined, keys: K[]): Pick<T, K> | null => {
  if (!value) return null;
  const out = {} as Pick<T, K>;
  for (const k of keys) if (value[k] !== undefined) out[k] = value[k];
  return out;
};

/**
 * The lead without personal data. An erasure also records the request itself as a consent fact
 * dated `at`: a replay as of a later date sees it (do_not_contact / erasure_requested), one as of
 * an earlier date does not, so stored runs and their replays keep their metrics.
 */
export function scrubLead(lead: Lead, removed: PersonalDataRemoved): Lead {
  const consent = pick(lead.consent, ['email', 'phone', 'opted_out_at', 'erasure_requested_at']) ?? {};
  if (removed.cause === 'erasure' && !consent.erasure_requested_at) consent.erasure_requested_at = removed.at;
  return {
    id: lead.id,
    created_at: lead.created_at ?? null,
    source: lead.source ?? null,
    contact: lead.contact?.language ? { language: lead.contact.language } : null,
    consent,
    service: pick(lead.service, ['type', 'date', 'date_flexibility', 'volume_m3']),
    quotes: (lead.quotes ?? []).map((q) => pick(q, ['id', 'sent_at', 'amount', 'currency', 'valid_until', 'status'])!),
    activities: (lead.activities ?? []).map((a) => ({ ...pick(a, ['at', 'channel', 'direction', 'outcome'])!, text: null })),
    status: lead.status ?? null,
    lost_reason: null,
    owner: lead.owner ?? null,
    value_estimate: lead.value_estimate ?? null,
    tags: lead.tags ?? [],
    duplicate_of: lead.duplicate_of ?? null,
    label: lead.label ? pick(lead.label, ['decision', 'reasons', 'recontact_after', 'outcome']) : null,
    personal_data_removed: removed,
  } as Lead;
}

interface ViewLike {
  reasons?: { code: string; explanation?: string }[];
  [key: string]: unknown;
}

/** Reason explanations quote the lead's values: only the codes stay. */
export function codesOnly(reasons: { code: string }[] | undefined): { code: string; explanation: string }[] {
  return (reasons ?? []).map((r) => ({ code: r.code, explanation: '' }));
}

/** A stored recommendation (the API view) without its draft, texts and explanations. */
export function scrubRecommendationView<T extends ViewLike>(view: T, removed: PersonalDataRemoved): T {
  const keep = ['id', 'release_id', 'lead_id', 'as_of', 'decision', 'priority', 'recontact_after', 'status', 'draft_status'];
  const out: Record<string, unknown> = {};
  for (const k of keep) if (k in view) out[k] = view[k];
  return { ...out, reasons: codesOnly(view.reasons), recommendation: null, risk_flags: [], guardrail_issues: [], personal_data_removed: removed } as unknown as T;
}
