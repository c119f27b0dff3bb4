/**
 * Features per (dataset version, as_of), computed once and kept in memory: they depend only on
 * the leads and the date, never on the rules, so the rules editor can re-decide 10,000 leads on
 * every keystroke. An import into a dataset drops its entries.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { leadKnownAsOf } from '../../domain/features/known-as-of.ts';
import { hasComplianceFlag } from '../../domain/metrics/decision-metrics.ts';
import { buildDatasetIndex, computeFeatures, type Features } from '../../domain/rules/index.ts';
import type { Decision, Lead } from '../../domain/lead.ts';
import { contactKeys, type ContactKeys } from '../../domain/privacy/identifiers.ts';
import { iterateLeads } from '../datasets/repository.ts';

export interface CachedLead {
  lead_id: string;
  gold: Decision | null;
  gold_reasons: string[];
  compliance_flag: boolean;
  /** Normalised email / phone, for the suppression-list lookup (hashed there, never stored). */
  contact_keys: ContactKeys;
  features: Features;
}

export interface FeatureSet {
  datasetId: string;
  asOf: string;
  leads: CachedLead[];
  computedMs: number;
}

const MAX_ENTRIES = 4;
const cache = new Map<string, Promise<FeatureSet>>();

export async function loadDatasetLeads(db: Kysely<DB>, datasetId: string, pageSize?: number): Promise<Lead[]> {
  const leads: Lead[] = [];
  for await (const lead of iterateLeads(db, datasetId, pageSize)) leads.push(lead);
  return leads;
}

export function computeFeatureSet(datasetId: string, asOf: string, leads: Lead[]): FeatureSet {
  const started = performance.now();
  const index = buildDatasetIndex(leads);
  const cached = leads.map((lead) => ({
    lead_id: lead.id,
    gold: lead.label?.decision ?? null,
    gold_reasons: lead.label?.reasons ?? [],
    compliance_flag: hasComplianceFlag(leadKnownAsOf(lead, asOf)),
    contact_keys: contactKeys(lead),
    features: computeFeatures(lead, asOf, index),
  }));
  return { datasetId, asOf, leads: cached, computedMs: performance.now() - started };
}

export function featureSetFor(db: Kysely<DB>, datasetId: string, asOf: string): Promise<FeatureSet> {
  const key = `${datasetId}@${asOf}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = loadDatasetLeads(db, datasetId).then((leads) => computeFeatureSet(datasetId, asOf, leads));
    entry.catch(() => cache.delete(key));
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, entry);
  }
  return entry;
}

export function invalidateFeatureSets(datasetId: string): void {
  for (const key of cache.keys()) if (key.startsWith(`${datasetId}@`)) cache.delete(key);
}
