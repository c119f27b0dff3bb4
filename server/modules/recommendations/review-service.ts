/**
 * Human review of production recommendations. A rep approves, edits or rejects; an approved or
 * edited text is re-checked by the guardrails first, and a text with issues is only accepted once
 * the rep has seen them (acknowledge_issues). Pricing promises and claimed actions are never
 * accepted. Nothing here sends a message or touches the lead in any CRM.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB, RecommendationsTable } from '../../db/schema.ts';
import { checkGrounding, type GroundingIssue } from '../../domain/guardrails/index.ts';
import type { Lead } from '../../domain/lead.ts';
import { AppError } from '../../http/errors.ts';
import { draftTexts, WITHHOLDING_KINDS } from '../../pipeline/draft-guardrails.ts';
import { recordAudit } from '../audit/repository.ts';
import type { Principal } from '../auth/roles.ts';
import { mayReview, NOT_YOURS } from './assignment.ts';
import type { RecommendationView } from './service.ts';

export type RecommendationRow = Selectable<RecommendationsTable>;

export interface FinalText {
  email: { subject: string; body: string } | null;
  phone_script: string | null;
}

export async function loadForActor(db: Kysely<DB>, id: string, principal: Principal): Promise<RecommendationRow> {
  const row = await db.selectFrom('recommendations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No recommendation ${id}.`);
  if (!mayReview(principal, row.assigned_to)) throw new AppError('forbidden', NOT_YOURS);
  return row;
}

export function checkFinalText(lead: Lead, asOf: string, text: FinalText): GroundingIssue[] {
  const issues = checkGrounding(lead, draftTexts({ email: text.email, phone_script: text.phone_script, objection_handling: [] }), { asOf }).issues;
  if (text.email && lead.consent?.email === false) issues.push({ kind: 'prohibited_action', text: 'email', explanation: 'The customer has not consented to email.' } as GroundingIssue);
  if (text.phone_script && lead.consent?.phone === false) issues.push({ kind: 'prohibited_action', text: 'phone call', explanation: 'The customer has not consented to phone calls.' } as GroundingIssue);
  return issues;
}

/** Why an approval was refused, in the reviewer's words, not the API's. */
export function refusalSentence(blocking: GroundingIssue[]): string {
  const kinds = new Set(blocking.map((i) => i.kind));
  const parts: string[] = [];
  if (kinds.has('pricing_promise')) parts.push('changes or promises a price (only a new written quote can do that)');
  if (kinds.has('prohibited_action')) parts.push('says something was done that a person must do in the CRM, or uses a channel the customer has not agreed to');
  if (kinds.has('followed_injected_instruction')) parts.push('follows instructions found in the CRM notes');
  return `This text cannot be approved: it ${parts.join('; it ')}. Change the highlighted words first.`;
}

export interface ReviewInput {
  action: 'approve' | 'edit' | 'reject';
  email?: { subject: string; body: string } | null;
  phone_script?: string | null;
  reason?: string;
  acknowledge_issues?: boolean;
}

export async function reviewRecommendation(db: Kysely<DB>, id: string, principal: Principal, input: ReviewInput) {
  const row = await loadForActor(db, id, principal);
  if (row.status === 'superseded') {
    await recordAudit(db, { actor: principal.actor, action: 'recommendation.review_refused', subject: id, details: { lead_id: row.lead_id, attempted: input.action, refused_for: ['superseded'], superseded_by: row.superseded_by } });
    throw new AppError('conflict', `A newer recommendation for lead ${row.lead_id} replaced this one${row.superseded_by ? ` (${row.superseded_by})` : ''}; review the current one instead.`, { superseded_by: row.superseded_by });
  }
  if (row.status !== 'needs_review') throw new AppError('conflict', `Recommendation ${id} is ${row.status}; only one waiting for review can be reviewed.`);
  const view = row.output as RecommendationView;
  const lead = row.lead as Lead;
  let final: FinalText | null = null;
  let issues: GroundingIssue[] = [];

  if (input.action === 'reject') {
    if (!input.reason?.trim()) throw new AppError('bad_request', 'A rejection needs a reason.');
  } else {
    if (input.action === 'approve') {
      if (!view.recommendation) throw new AppError('conflict', 'There is no draft to approve; edit to write one, or reject.');
      final = { email: view.recommendation.email, phone_script: view.recommendation.phone_script };
    } else {
      if (input.email === undefined && input.phone_script === undefined) throw new AppError('bad_request', 'An edit needs the final email and/or phone_script.');
      final = { email: input.email ?? null, phone_script: input.phone_script ?? null };
    }
    issues = checkFinalText(lead, view.as_of, final);
    const blocking = issues.filter((i) => WITHHOLDING_KINDS.has(i.kind));
    if (blocking.length) {
      // A refused attempt is an audit entry too (whatever was acknowledged): who tried to approve what, and why it was refused.
      await recordAudit(db, {
        actor: principal.actor,
        action: 'recommendation.review_refused',
        subject: id,
        details: { lead_id: row.lead_id, attempted: input.action, acknowledged: Boolean(input.acknowledge_issues), refused_for: [...new Set(blocking.map((i) => i.kind))], issues: blocking },
      });
      throw new AppError('unprocessable', refusalSentence(blocking), { issues, blocking: true });
    }
    if (issues.length && !input.acknowledge_issues) {
      throw new AppError('unprocessable', 'The text says things the lead record does not back up (listed below). Check each one; if they are right, approve anyway.', { issues, blocking: false });
    }
  }
  const original: FinalText | null = view.recommendation ? { email: view.recommendation.email, phone_script: view.recommendation.phone_script } : null;

  const status = input.action === 'approve' ? 'approved' : input.action === 'edit' ? 'edited' : 'rejected';
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('recommendations').set({ status }).where('id', '=', id).where('status', '=', 'needs_review').executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict', `Recommendation ${id} was reviewed at the same time by someone else.`);
    await trx
      .insertInto('reviews')
      .values({ recommendation_id: id, action: input.action, original: original ? JSON.stringify(original) : null, final: final ? JSON.stringify(final) : null, reason: input.reason ?? null, issues: JSON.stringify(issues), actor: principal.actor })
      .execute();
    await recordAudit(trx, {
      actor: principal.actor,
      action: `recommendation.${input.action}`,
      subject: id,
      // No texts here (final text, reason, issue excerpts are in the reviews row, which erasure can clear).
      details: { lead_id: row.lead_id, reviewer: principal.name, has_final: final !== null, issue_kinds: issues.map((i) => i.kind), reasons: view.reasons.map((r) => r.code) },
    });
    return { id, status, issues, final, original, reviewed_by: principal.name };
  });
}

export const OUTCOMES = ['responded', 'reactivated', 'converted', 'no_response', 'declined', 'complained', 'unsubscribed'] as const;

export async function recordOutcome(db: Kysely<DB>, id: string, principal: Principal, outcome: (typeof OUTCOMES)[number], note: string | null) {
  const row = await loadForActor(db, id, principal);
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('outcomes').values({ recommendation_id: id, outcome, note, actor: principal.actor }).execute();
    await recordAudit(trx, { actor: principal.actor, action: 'recommendation.outcome', subject: id, details: { lead_id: row.lead_id, outcome, has_note: Boolean(note) } });
    return { id, outcome };
  });
}
