/**
 * The identifiers a person is recognised by, normalised with the same rules the duplicate
 * detector uses (dataset-index.ts), and their keyed hashes. A keyed hash (HMAC) rather than a
 * plain one: an email address has too little entropy for SHA-256 alone to hide it, while without
 * the workspace's key a hash proves nothing about who it was.
 */
import { createHmac } from 'node:crypto';
import { normaliseEmail, normalisePhone } from '../features/dataset-index.ts';
import type { Lead } from '../lead.ts';
import { refusalsInRecord, type SuppressionReason } from './suppression.ts';

export type IdentifierKind = 'email' | 'phone';

export interface ContactKeys {
  email: string | null;
  phone: string | null;
  /** The refusals the record states itself (consent flags): those are the rules' to decide. */
  record_says?: SuppressionReason[];
}

export function contactKeys(lead: Pick<Lead, 'contact' | 'consent'>): ContactKeys {
  return { email: normaliseEmail(lead.contact?.email), phone: normalisePhone(lead.contact?.phone), record_says: refusalsInRecord(lead) };
}

/** HMAC-SHA256 over "kind:normalised value", hex. */
export function keyedHash(key: Buffer, kind: IdentifierKind | 'lead_id', normalised: string): string {
  return createHmac('sha256', key).update(`${kind}:${normalised}`).digest('hex');
}

export { normaliseEmail, normalisePhone };
