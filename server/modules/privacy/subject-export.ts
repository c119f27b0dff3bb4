/**
 * Everything held about one person (GDPR Art. 15 access request), as JSON: every copy of their
 * lead in every dataset version, their production recommendations with reviews and outcomes,
 * evaluation results for their leads, suppression-list entries and erasures matching their
 * identifiers, and the audit entries about their recommendations.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { keyedHash } from '../../domain/privacy/identifiers.ts';
import { findSubject, type SubjectQuery } from './find-subject.ts';
import { privacyKey } from './privacy-key.ts';

export async function exportSubject(db: Kysely<DB>, query: SubjectQuery) {
  const subject = await findSubject(db, query);
  const key = await privacyKey(db);
  const { emails, phones, leadIds } = subject.identifiers;
  const datasetIds = [...new Set(subject.leads.map((l) => l.dataset_id))];
  const recIds = subject.recommendations.map((r) => r.id);

  const datasets = datasetIds.length ? await db.selectFrom('datasets').select(['id', 'name', 'version', 'locked_at']).where('id', 'in', datasetIds).execute() : [];
  const datasetOf = new Map(datasets.map((d) => [d.id, d]));
  const recs = recIds.length ? await db.selectFrom('recommendations').selectAll().where('id', 'in', recIds).orderBy('created_at').execute() : [];
  const reviews = recIds.length ? await db.selectFrom('reviews').selectAll().where('recommendation_id', 'in', recIds).orderBy('id').execute() : [];
  const outcomes = recIds.length ? await db.selectFrom('outcomes').selectAll().where('recommendation_id', 'in', recIds).orderBy('id').execute() : [];
  const audit = recIds.length ? await db.selectFrom('audit_log').selectAll().where('subject', 'in', recIds).orderBy('id').execute() : [];

  const evalResults = [];
  for (const datasetId of datasetIds) {
    const ids = subject.leads.filter((l) => l.dataset_id === datasetId).map((l) => l.lead_id);
    const rows = await db
      .selectFrom('eval_results as r')
      .innerJoin('eval_runs as e', 'e.id', 'r.run_id')
      .select(['r.run_id', 'r.lead_id', 'r.decision', 'r.gold_decision', 'r.priority', 'r.result', 'e.created_at'])
      .where('e.dataset_id', '=', datasetId)
      .where('r.lead_id', 'in', ids)
      .execute();
    evalResults.push(...rows.map((r) => ({ ...r, dataset_id: datasetId, created_at: r.created_at.toISOString() })));
  }

  const hashes = [...[...emails].map((v) => keyedHash(key, 'email', v)), ...[...phones].map((v) => keyedHash(key, 'phone', v))];
  const suppression = hashes.length
    ? await db.selectFrom('privacy_suppressions').select(['kind', 'reason', 'source', 'effective_at', 'created_at']).where('hash', 'in', hashes).execute()
    : [];
  const leadHashes = new Set([...leadIds].map((v) => keyedHash(key, 'lead_id', v)));
  const hashSet = new Set([...hashes, ...leadHashes]);
  const erasures = (await db.selectFrom('privacy_erasures').select(['id', 'at', 'actor', 'identifier_hashes', 'records_erased']).execute())
    .filter((e) => Object.values(e.identifier_hashes).some((list) => list.some((h) => hashSet.has(h))))
    .map((e) => ({ id: e.id, at: e.at.toISOString(), actor: e.actor, records_erased: e.records_erased }));

  return {
    generated_at: new Date().toISOString(),
    identifiers: { emails: [...emails], phones: [...phones], lead_ids: [...leadIds] },
    leads: subject.leads.map((l) => {
      const d = datasetOf.get(l.dataset_id);
      return { dataset_id: l.dataset_id, dataset_name: d?.name ?? null, dataset_version: d?.version ?? null, locked: Boolean(d?.locked_at), record: l.record };
    }),
    recommendations: recs.map((r) => ({
      id: r.id,
      lead_id: r.lead_id,
      as_of: r.as_of,
      created_at: r.created_at.toISOString(),
      decision: r.decision,
      status: r.status,
      lead: r.lead,
      output: r.output,
      reviews: reviews.filter((v) => v.recommendation_id === r.id).map((v) => ({ ...v, id: String(v.id), at: v.at.toISOString() })),
      outcomes: outcomes.filter((o) => o.recommendation_id === r.id).map((o) => ({ ...o, id: String(o.id), at: o.at.toISOString() })),
    })),
    evaluation_results: evalResults,
    suppression: suppression.map((s) => ({ ...s, effective_at: s.effective_at.toISOString(), created_at: s.created_at.toISOString() })),
    erasures,
    audit: audit.map((a) => ({ id: String(a.id), at: a.at.toISOString(), actor: a.actor, action: a.action, subject: a.subject, details: a.details })),
  };
}
