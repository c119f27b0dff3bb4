/**
 * Retention: recommendation payloads, drafts, review texts, outcome notes and evaluation results
 * keep personal data for `retention_days` (workspace setting, default 180); older ones keep their
 * metrics (decision, priority, reason codes, statuses, the result summaries metrics read) and lose
 * their text. Provider cache entries older than that are deleted. Run by the server on an interval
 * and by `npm run privacy:retention`; `now` is passed in, so tests move the clock instead of waiting.
 * Datasets are not touched: they are the labeled history, erased person by person.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Lead } from '../../domain/lead.ts';
import { scrubLead, scrubRecommendationView, type PersonalDataRemoved } from '../../domain/privacy/scrub.ts';
import { recordAudit } from '../audit/repository.ts';
import { getSettings } from '../settings/service.ts';
import { scrubbedResult } from './scrub-sql.ts';

export interface RetentionResult {
  cutoff: string;
  retention_days: number;
  recommendations: number;
  reviews: number;
  outcomes: number;
  eval_runs: number;
  eval_results: number;
  provider_cache: number;
}

const BATCH = 500;

export async function applyRetention(db: Kysely<DB>, options: { now: Date; actor?: string }): Promise<RetentionResult> {
  const { retention_days } = await getSettings(db);
  const cutoff = new Date(options.now.getTime() - retention_days * 86_400_000);
  const removed: PersonalDataRemoved = { cause: 'retention', at: options.now.toISOString() };
  const out: RetentionResult = { cutoff: cutoff.toISOString(), retention_days, recommendations: 0, reviews: 0, outcomes: 0, eval_runs: 0, eval_results: 0, provider_cache: 0 };

  // In batches, each its own transaction: a large backlog does not hold one huge lock.
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('recommendations')
        .select(['id', 'lead', 'output'])
        .where('created_at', '<', cutoff)
        .where('personal_data_removed_at', 'is', null)
        .orderBy('created_at')
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const r of rows) {
        await trx
          .updateTable('recommendations')
          .set({ lead: JSON.stringify(scrubLead(r.lead as Lead, removed)), output: JSON.stringify(scrubRecommendationView(r.output as Record<string, unknown>, removed)), personal_data_removed_at: options.now })
          .where('id', '=', r.id)
          .execute();
      }
      const ids = rows.map((r) => r.id);
      if (ids.length) {
        out.reviews += Number((await trx.updateTable('reviews').set({ final: null, original: null, reason: null, issues: '[]' }).where('recommendation_id', 'in', ids).executeTakeFirst()).numUpdatedRows);
        out.outcomes += Number((await trx.updateTable('outcomes').set({ note: null }).where('recommendation_id', 'in', ids).executeTakeFirst()).numUpdatedRows);
      }
      out.recommendations += rows.length;
      return rows.length < BATCH;
    });
    if (done) break;
  }

  // Finished runs only: a running one still writes results.
  const runs = await db
    .selectFrom('eval_runs')
    .select('id')
    .where('created_at', '<', cutoff)
    .where('personal_data_removed_at', 'is', null)
    .where('status', 'in', ['done', 'failed', 'cancelled'])
    .execute();
  for (const run of runs) {
    await db.transaction().execute(async (trx) => {
      const res = await trx.updateTable('eval_results').set({ result: scrubbedResult('retention', options.now) }).where('run_id', '=', run.id).executeTakeFirst();
      await trx.updateTable('eval_runs').set({ personal_data_removed_at: options.now }).where('id', '=', run.id).execute();
      out.eval_results += Number(res.numUpdatedRows);
      out.eval_runs++;
    });
  }

  out.provider_cache = Number((await db.deleteFrom('provider_cache').where('created_at', '<', cutoff).executeTakeFirst()).numDeletedRows);
  if (out.recommendations || out.eval_runs || out.provider_cache) {
    await recordAudit(db, { actor: options.actor ?? 'system', action: 'privacy.retention', subject: 'retention', details: { ...out } });
  }
  return out;
}

const HOUR_MS = 3_600_000;

/** The server's schedule: once shortly after start, then hourly. Errors are logged, never thrown. */
export function scheduleRetention(db: Kysely<DB>, log: { info(o: object, m: string): void; error(o: object, m: string): void }, everyMs = HOUR_MS): () => void {
  const run = () =>
    applyRetention(db, { now: new Date() }).then(
      (r) => (r.recommendations || r.eval_runs || r.provider_cache ? log.info(r, 'retention applied') : undefined),
      (error) => log.error({ err: error }, 'retention failed'),
    );
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
