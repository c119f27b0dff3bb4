/**
 * Managers' text labels: stored, audited, and read by every decision (production, evaluation
 * runs, the human-read list) through `currentTextLabels`. Labels change rarely and the table is
 * small, so the map is cached per database for a second (and forgotten at once on a change here).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { labelKey, type TextLabels } from '../../domain/text/understand.ts';
import { recordAudit } from '../audit/repository.ts';

const TTL_MS = 1000;
const cache = new WeakMap<Kysely<DB>, { at: number; labels: Promise<TextLabels> }>();

export function currentTextLabels(db: Kysely<DB>): Promise<TextLabels> {
  const now = Date.now();
  let entry = cache.get(db);
  if (!entry || now - entry.at > TTL_MS) {
    const labels = db
      .selectFrom('text_labels')
      .select(['lead_id', 'text_hash', 'intent'])
      .execute()
      .then((rows) => new Map(rows.map((r) => [labelKey(r.lead_id, r.text_hash), r.intent])) as TextLabels);
    entry = { at: now, labels };
    cache.set(db, entry);
    labels.catch(() => cache.delete(db));
  }
  return entry.labels;
}

export interface NewTextLabel { lead_id: string; text_hash: string; intent: string; dataset_id: string | null }

/** Stores (or replaces) a label with its audit entry, in one transaction. */
export async function saveTextLabel(db: Kysely<DB>, label: NewTextLabel, actor: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const previous = await trx.selectFrom('text_labels').select('intent').where('lead_id', '=', label.lead_id).where('text_hash', '=', label.text_hash).executeTakeFirst();
    await trx
      .insertInto('text_labels')
      .values({ ...label, actor })
      .onConflict((oc) => oc.columns(['lead_id', 'text_hash']).doUpdateSet({ intent: label.intent, dataset_id: label.dataset_id, actor, created_at: new Date() }))
      .execute();
    // References and the intent only: the text stays in the lead record (erasable), not in the audit log.
    await recordAudit(trx, {
      actor,
      action: 'text_label.set',
      subject: label.lead_id,
      details: { text_hash: label.text_hash, intent: label.intent, previous: previous?.intent ?? null, dataset_id: label.dataset_id },
    });
  });
  cache.delete(db);
}
