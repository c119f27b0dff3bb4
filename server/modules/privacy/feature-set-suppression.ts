/**
 * The suppression lookup for a cached feature set (the rules preview re-decides it on every
 * keystroke): kept per feature set while the list's version is unchanged, so a keystroke costs one
 * tiny version query, and the same array comes back (the preview's baseline cache holds).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SuppressionHit } from '../../domain/privacy/suppression.ts';
import type { FeatureSet } from '../rulesets/feature-cache.ts';
import { cutoffOf, lookupSuppressions, suppressionListVersion } from './suppression-list.ts';

const cache = new WeakMap<FeatureSet, { version: string; hits: Promise<(SuppressionHit | null)[]> }>();

export async function suppressedInFeatureSet(db: Kysely<DB>, set: FeatureSet): Promise<(SuppressionHit | null)[]> {
  const version = await suppressionListVersion(db);
  const entry = cache.get(set);
  if (entry && entry.version === version) return entry.hits;
  const hits = lookupSuppressions(db, set.leads.map((l) => ({ id: l.lead_id, keys: l.contact_keys })), cutoffOf(set.asOf)).then((found) =>
    set.leads.map((l) => found.get(l.lead_id) ?? null),
  );
  hits.catch(() => cache.delete(set));
  cache.set(set, { version, hits });
  return hits;
}
