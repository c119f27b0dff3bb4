/**
 * The variables a prompt template may use, and how each is filled from the lead's facts, its
 * features and the rules output. The Prompts page lists this catalog.
 */
import { z } from 'zod';
import type { RuleDecision } from '../decision.ts';
import type { Features } from '../features/index.ts';
import type { Lead } from '../lead.ts';
import { DraftRecommendation } from '../recommendation.ts';
import { buildLeadStory, type LeadStory } from '../story/index.ts';
import { storyForPrompt } from './story-variable.ts';

export const PROMPT_VARIABLES: Record<string, string> = {
  as_of: 'The date the recommendation is for (YYYY-MM-DD).',
  lead_id: 'The lead id.',
  contact_name: 'Customer name, or "the customer".',
  language: 'Language code to write in (en, de, hr, ...).',
  service_type: 'moving, office_moving, storage, cleaning, ...',
  origin: 'Origin place, or "unknown".',
  destination: 'Destination place, or "unknown".',
  service_date: 'Effective service date (a newer note may have moved it), or "unknown".',
  size: 'Size of the job (rooms, volume), or "unknown".',
  latest_quote: 'Latest quote: amount, currency, sent date, validity, status; or "no quote".',
  owner: 'The rep who owns the lead.',
  decision: 'The rules decision: contact or wait.',
  priority: 'Rules priority 0-100.',
  recontact_after: 'Date to recontact (wait decisions), or "now".',
  reasons: 'The rules reasons, one per line: code: explanation.',
  channels: 'Channels we may use: email, phone, or both.',
  facts: 'All of the above as a compact fact sheet.',
  story: "The lead's story as of as_of: how it came in, quotes, last touch of each side, where contact was lost (missed callback, unanswered question, price objection, moved date...) and what to own or check. Structured facts only, no CRM text.",
  crm_history: 'The CRM activity history as a delimited, quoted data block (untrusted text).',
  output_schema: 'The JSON Schema the reply must follow.',
};

/** Variables that carry CRM free text: allowed only inside the user section's data block. */
export const UNTRUSTED_VARIABLES = new Set(['crm_history']);

const OUTPUT_SCHEMA_JSON = JSON.stringify(z.toJSONSchema(DraftRecommendation, { io: 'input' }));

/** Keeps CRM text inside its block: it can neither close the block nor open a new section. */
export function quoteUntrusted(text: string): string {
  return text
    // Control characters (not tab or newline) could hide text from a reviewer; they become spaces.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
    .replace(/<\/?\s*crm_(data|entry)[^>]*>/gi, '[tag removed]')
    .replace(/^#+\s/gm, '')
    .replace(/\s+$/g, '');
}

function crmHistory(lead: Lead): string {
  const entries = (lead.activities ?? []).map((a, i) => {
    const head = [a.at?.slice(0, 10) ?? 'undated', a.direction ?? '', a.channel ?? '', a.outcome ? `outcome=${a.outcome}` : '']
      .filter(Boolean)
      .join(' ');
    return `<crm_entry n="${i + 1}" ${head.replace(/"/g, '')}>\n${quoteUntrusted(a.text ?? '')}\n</crm_entry>`;
  });
  if (lead.lost_reason) entries.push(`<crm_entry n="lost_reason">\n${quoteUntrusted(lead.lost_reason)}\n</crm_entry>`);
  return `<crm_data>\n${entries.join('\n') || '(no history)'}\n</crm_data>`;
}

function quoteLine(lead: Lead): string {
  const quotes = lead.quotes ?? [];
  const q = [...quotes].sort((a, b) => (a.sent_at ?? '').localeCompare(b.sent_at ?? '')).at(-1);
  if (!q || q.amount == null) return 'no quote';
  const parts = [`${q.amount} ${q.currency ?? 'EUR'}`];
  if (q.sent_at) parts.push(`sent ${q.sent_at.slice(0, 10)}`);
  if (q.valid_until) parts.push(`valid until ${q.valid_until}`);
  if (q.status) parts.push(`status ${q.status}`);
  return parts.join(', ');
}

export function buildPromptValues(lead: Lead, features: Features, decision: RuleDecision, story?: LeadStory): Record<string, string> {
  const s = lead.service ?? {};
  const v = features.values;
  const channels = [v.email_usable ? 'email' : null, v.phone_usable ? 'phone' : null].filter(Boolean).join(', ') || 'none';
  const values: Record<string, string> = {
    as_of: features.as_of,
    lead_id: lead.id,
    contact_name: lead.contact?.name?.trim() || 'the customer',
    language: lead.contact?.language || 'en',
    service_type: s.type || 'moving',
    origin: s.origin || 'unknown',
    destination: s.destination || 'unknown',
    service_date: typeof v.service_date === 'string' ? v.service_date : 'unknown',
    size: [s.size, s.volume_m3 != null ? `${s.volume_m3} m3` : null].filter(Boolean).join(', ') || 'unknown',
    latest_quote: quoteLine(lead),
    owner: lead.owner || 'unassigned',
    decision: decision.decision,
    priority: String(decision.priority),
    recontact_after: decision.recontact_after ?? 'now',
    reasons: decision.reasons.map((r) => `- ${r.code}: ${r.explanation}`).join('\n') || '- none',
    channels,
    crm_history: crmHistory(lead),
    output_schema: OUTPUT_SCHEMA_JSON,
    story: storyForPrompt(story ?? buildLeadStory(lead, features.as_of, { features })),
  };
  values.facts = [
    `Customer: ${values.contact_name} (language ${values.language})`,
    `Service: ${values.service_type} from ${values.origin} to ${values.destination}, date ${values.service_date}, size ${values.size}`,
    `Latest quote: ${values.latest_quote}`,
    `Decision: ${values.decision} (priority ${values.priority}, recontact ${values.recontact_after})`,
    `Channels we may use: ${channels}`,
  ].join('\n');
  return values;
}
