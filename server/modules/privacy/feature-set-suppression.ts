/**
 * The suppression lookup for a cached feature set (the rules preview re-decides it on every
 * keystroke): kept per feature set while the list is unchanged in this process, and re-read after
 * two seconds at most, so an entry added by another process shows soon after.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SuppressionHit } from '../../domain/privacy/suppression.ts';
import type { FeatureSet } from '../rulesets/feature-cache.ts';
import { cutoffOf, lookupSuppressions, suppressionListVersion } from './suppression-list.ts';

const TTL_MS = 2000;
const cache = new WeakMap<FeatureSet, { version: number; at: number; hits: Promise<(SuppressionHit | null)[]> }>();

export function suppressedInFeatureSet(db: Kysely<DB>, set: FeatureSet): Promise<(SuppressionHit | null)[]> {
  const now = Date.now();
  const entry = cache.get(set);
  if (entry && entry.version === suppressionListVersion() && now - entry.at < TTL_MS) return entry.hits;
  const hits = lookupSuppressions(db, set.leads.map((l) => ({ id: l.lead_id, keys: l.contact_keys })), cutoffOf(set.asOf)).then((found) =>
    set.leads.map((l) => found.get(l.lead_id) ?? null),
  );
  // While the list is unchanged the same array comes back, so the preview's baseline cache holds.
  const fresh = { version: suppressionListVersion(), at: now, hits };
  if (entry && entry.version === fresh.version) {
    fresh.hits = Promise.all([entry.hits, hits]).then(([old, next]) => (old.every((h, i) => sameHit(h, next[i])) ? old : next));
  }
  cache.set(set, fresh);
  fresh.hits.catch(() => cache.delete(set));
  return fresh.hits;
}

function sameHit(a: SuppressionHit | null, b: SuppressionHit | null): boolean {
  return a === b || (a !== null && b !== null && a.reason === b.reason && a.matched_by === b.matched_by && a.since === b.since);
}
