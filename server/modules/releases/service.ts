/**
 * The release flow: propose -> gates pass on the gating datasets against production -> a manager
 * other than the proposer approves (four eyes) -> production. One production release at a time:
 * a promotion moves the current one back to `approved` only if it is still production, so two
 * concurrent promotions cannot both win (the loser gets a 409). Rollback re-promotes any earlier
 * approved release. Every transition is audited with who, when and the metrics seen.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { describeIssues } from '../../domain/lead.ts';
import { AppError } from '../../http/errors.ts';
import { DEFAULT_PROVIDER, ProviderConfig, providerConfigHash } from '../../providers/provider-config.ts';
import { recordAudit } from '../audit/repository.ts';
import type { GateResult } from '../evals/gates.ts';
import { findVersion, latestVersion } from '../versions/repository.ts';
import * as repo from './repository.ts';

export interface GateReport {
  passed: boolean;
  checked_at: string;
  /** The production release the gates compared against; approval needs it to still be production. */
  baseline_release_id: string | null;
  datasets: { dataset: string; run_id: string; baseline_run_id: string | null; passed: boolean; gates: GateResult[]; metrics: Record<string, number> }[];
  /** The ruleset version's own test scenarios: any failure fails the gates. */
  scenarios?: { total: number; passed: number; failed: number; failures: { name: string; lead_id: string; failure: string }[] };
  error?: string;
}

export async function proposeRelease(
  db: Kysely<DB>,
  input: { ruleset_version_id: string; prompt_version_id: string; provider: unknown; description: string },
  actor: string,
): Promise<repo.ReleaseRow> {
  const provider = ProviderConfig.safeParse(input.provider);
  if (!provider.success) throw new AppError('bad_request', describeIssues(provider.error, 'provider').join('; '));
  if (!(await findVersion(db, 'ruleset', input.ruleset_version_id))) throw new AppError('bad_request', `No ruleset version ${input.ruleset_version_id}.`);
  if (!(await findVersion(db, 'prompt', input.prompt_version_id))) throw new AppError('bad_request', `No prompt version ${input.prompt_version_id}.`);
  return db.transaction().execute(async (trx) => {
    const release = await repo.insertRelease(trx, {
      ruleset_version_id: input.ruleset_version_id,
      prompt_version_id: input.prompt_version_id,
      provider: provider.data,
      provider_hash: providerConfigHash(provider.data),
      description: input.description,
      proposed_by: actor,
      status: 'proposed',
    });
    await recordAudit(trx, { actor, action: 'release.propose', subject: release.id, details: { number: release.number, ruleset: input.ruleset_version_id, prompt: input.prompt_version_id, provider: provider.data } });
    return release;
  });
}

async function promote(
  db: Kysely<DB>,
  releaseId: string,
  from: repo.ReleaseRow['status'][],
  actor: string,
  comment: string | null,
  action: string,
  details: Record<string, unknown>,
  /** For approvals: the production release the gates were checked against (undefined = any). */
  expectedProduction?: string | null,
) {
  try {
    return await db.transaction().execute(async (trx) => {
      const current = await repo.findProduction(trx);
      if (current?.id === releaseId) throw new AppError('conflict', `Release ${releaseId} is already in production.`);
      if (expectedProduction !== undefined && (current?.id ?? null) !== expectedProduction) {
        throw new AppError('conflict', 'Production changed since this release\'s gates were checked (another promotion won); run the gates again before approving.');
      }
      if (current && !(await repo.transition(trx, current.id, ['production'], 'approved'))) {
        throw new AppError('conflict', 'Another promotion happened at the same time; reload and try again.');
      }
      const now = new Date();
      // An approval records the decision; a rollback records itself beside it and keeps who approved the release.
      const fields = action === 'release.rollback'
        ? { rolled_back_by: actor, rolled_back_at: now, rollback_comment: comment, promoted_at: now }
        : { decided_by: actor, decided_at: now, decision_comment: comment, promoted_at: now };
      const moved = await repo.transition(trx, releaseId, from, 'production', fields);
      if (!moved) throw new AppError('conflict', `Release ${releaseId} is no longer in a state that can be promoted (expected ${from.join(' or ')}).`);
      await recordAudit(trx, { actor, action, subject: releaseId, details: { ...details, previous_production: current?.id ?? null, comment } });
      // The release it replaced gets an entry of its own, so its history shows when it left production and why.
      if (current && action === 'release.rollback') await recordAudit(trx, { actor, action: 'release.rolled_back', subject: current.id, details: { replaced_by: releaseId, comment } });
      return (await repo.findRelease(trx, releaseId))!;
    });
  } catch (e) {
    // The one-production index caught a promotion that raced past the checks above.
    if ((e as { code?: string }).code === '23505') throw new AppError('conflict', 'Another promotion happened at the same time; reload and try again.');
    throw e;
  }
}

export async function approveRelease(db: Kysely<DB>, id: string, actor: string, comment: string | null) {
  const release = await repo.findRelease(db, id);
  if (!release) throw new AppError('not_found', `No release ${id}.`);
  if (release.status !== 'proposed') throw new AppError('conflict', `Release ${release.number} is ${release.status}, not proposed.`);
  if (release.proposed_by === actor) {
    // The refused attempt is on the record too: who tried to approve their own proposal.
    await recordAudit(db, { actor, action: 'release.approve_refused', subject: id, details: { number: release.number, reason: 'four_eyes' } });
    throw new AppError('forbidden', 'Four eyes: you proposed this release, so someone else must approve it.');
  }
  const gates = release.gate_results as GateReport | null;
  if (!gates) throw new AppError('conflict', 'The gates have not been checked yet for this release; run them first.');
  if (!gates.passed) throw new AppError('conflict', 'The release failed its gates and cannot be approved.', { gate_results: gates });
  return promote(db, id, ['proposed'], actor, comment, 'release.approve', { gate_results: gates }, gates.baseline_release_id ?? null);
}

export async function rejectRelease(db: Kysely<DB>, id: string, actor: string, comment: string) {
  const ok = await repo.transition(db, id, ['proposed'], 'rejected', { decided_by: actor, decided_at: new Date(), decision_comment: comment });
  if (!ok) throw new AppError('conflict', `Release ${id} is not a proposal (anymore).`);
  await recordAudit(db, { actor, action: 'release.reject', subject: id, details: { comment } });
  return (await repo.findRelease(db, id))!;
}

export async function rollbackTo(db: Kysely<DB>, id: string, actor: string, comment: string | null) {
  const release = await repo.findRelease(db, id);
  if (!release) throw new AppError('not_found', `No release ${id}.`);
  if (release.status !== 'approved') throw new AppError('conflict', `Only an earlier approved release can be rolled back to; release ${release.number} is ${release.status}.`);
  return promote(db, id, ['approved'], actor, comment, 'release.rollback', { number: release.number, approved_by: release.decided_by, approved_at: release.decided_at?.toISOString() ?? null });
}

/** First start: release 1 = default ruleset + default prompt + template provider, in production. */
export async function seedDefaultRelease(db: Kysely<DB>, actor: string): Promise<repo.ReleaseRow | null> {
  const existing = await db.selectFrom('releases').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  const ruleset = await latestVersion(db, 'ruleset', 'default');
  const prompt = await latestVersion(db, 'prompt', 'default');
  if (!ruleset || !prompt) throw new Error('Seed the default ruleset and prompt before the default release.');
  return db.transaction().execute(async (trx) => {
    const release = await repo.insertRelease(trx, {
      ruleset_version_id: ruleset.id,
      prompt_version_id: prompt.id,
      provider: DEFAULT_PROVIDER,
      provider_hash: providerConfigHash(DEFAULT_PROVIDER),
      description: 'Default release: default ruleset, default prompt, template writer.',
      proposed_by: actor,
      status: 'production',
    });
    await trx.updateTable('releases').set({ decided_by: actor, decided_at: new Date(), promoted_at: new Date() }).where('id', '=', release.id).execute();
    await recordAudit(trx, { actor, action: 'release.seed', subject: release.id, details: { number: release.number } });
    return release;
  });
}
