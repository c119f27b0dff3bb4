/**
 * The one path every lead takes: features -> rules decision -> (contact / wait only) prompt ->
 * provider -> parse + validate -> guardrails. Rules decide, the model only writes: nothing the
 * provider returns can change the decision, and any failure leaves the rules decision with no
 * draft and a risk flag saying why (fail closed).
 */
import { performance } from 'node:perf_hooks';
import type { RuleDecision } from '../domain/decision.ts';
import { computeFeatures, type DatasetIndex, type Features } from '../domain/rules/index.ts';
import type { SuppressionHit } from '../domain/privacy/suppression.ts';
import { redactLead, unredactText, type GroundingIssue } from '../domain/guardrails/index.ts';
import { leadKnownAsOf } from '../domain/features/known-as-of.ts';
import type { Lead } from '../domain/lead.ts';
import { renderPrompt, type RenderedPrompt } from '../domain/prompts/render-prompt.ts';
import type { DraftRecommendation } from '../domain/recommendation.ts';
import { buildLeadStory, type LeadStory } from '../domain/story/index.ts';
import type { Candidate } from './candidate.ts';
import type { TextLabels } from '../domain/text/understand.ts';
import { decideLead } from './decide-lead.ts';
import { guardDraft, WITHHOLDING_KINDS } from './draft-guardrails.ts';
import { parseDraft } from './parse-draft.ts';

export type DraftStatus = 'not_needed' | 'ok' | 'withheld' | 'schema_failure' | 'provider_error' | 'refused';

export interface LeadResult {
  lead_id: string;
  as_of: string;
  decision: RuleDecision;
  /** The lead's story as of as_of: where contact was lost. The writer drafts from it. */
  story: LeadStory;
  recommendation: DraftRecommendation | null;
  draft_status: DraftStatus;
  /** Why there is no draft, or what the rep must check; shown even when recommendation is null. */
  risk_flags: string[];
  guardrail_issues: GroundingIssue[];
  provider_error: string | null;
  latency_ms: number;
  tokens: { prompt: number; completion: number } | null;
  cost: number | null;
  cached: boolean;
}

export interface RecommendOptions {
  index?: DatasetIndex;
  /** Precomputed features (the preview caches them per dataset version and as_of). */
  features?: Features;
  /** The lead's entry on the suppression list (looked up by the caller): decides before any rule. */
  suppressed?: SuppressionHit | null;
  /** Managers' readings of texts the engine could not read (the "Needs a human read" list). */
  textLabels?: TextLabels;
}

const DRAFTED = new Set(['contact', 'wait']);

function retryPrompt(prompt: RenderedPrompt, error: string): RenderedPrompt {
  const user = `${prompt.user}\n\nYour previous reply could not be used (${error}). Reply again with one JSON object only, matching the schema.`;
  return { ...prompt, user, hash: `${prompt.hash}:retry` };
}

/**
 * The decision alone: the first step of recommendLead, for callers that need only who is
 * selected (a campaign decides every lead and drafts only the ones it queues).
 */
export async function decideAsOf(candidate: Candidate, recorded: Lead, asOf: string, options: RecommendOptions = {}): Promise<{ lead: Lead; features: Features; decision: RuleDecision }> {
  // The story and the draft see what the features see: nothing dated after as_of.
  const lead = leadKnownAsOf(recorded, asOf);
  const features = options.features ?? computeFeatures(lead, asOf, options.index);
  const suppressed = options.suppressed ?? null;
  const classifier = !suppressed && candidate.prepareSignals ? await candidate.prepareSignals([features]) : undefined;
  const decision = decideLead(candidate.ruleset, features, suppressed, { ...(classifier ? { classifier } : {}), ...(options.textLabels ? { text_labels: options.textLabels } : {}) });
  return { lead, features, decision };
}

export async function recommendLead(candidate: Candidate, recorded: Lead, asOf: string, options: RecommendOptions = {}): Promise<LeadResult> {
  const started = performance.now();
  const { lead, features, decision } = await decideAsOf(candidate, recorded, asOf, options);
  const story = buildLeadStory(lead, features.as_of, { features });
  const result: LeadResult = {
    lead_id: lead.id, as_of: features.as_of, decision, story, recommendation: null, draft_status: 'not_needed', risk_flags: [],
    guardrail_issues: [], provider_error: null, latency_ms: 0, tokens: null, cost: null, cached: false,
  };
  const finish = () => ({ ...result, latency_ms: performance.now() - started });
  if (!DRAFTED.has(decision.decision)) return finish();

  if (candidate.external && !candidate.allowExternal) {
    result.draft_status = 'refused';
    result.provider_error = 'This provider sends data outside the company and external processing is not allowed in this workspace.';
    result.risk_flags.push(`No draft: ${result.provider_error}`);
    return finish();
  }

  // External providers see placeholders instead of names, emails, phones and addresses.
  const { lead: promptLead, map } = candidate.external ? redactLead(lead) : { lead, map: null };
  // The story holds no CRM free text and no contact details, so it goes to every writer as it is.
  let prompt = renderPrompt(candidate.prompt, promptLead, features, decision, story);
  for (let attempt = 1; ; attempt++) {
    let text: string;
    try {
      const outcome = await candidate.runtime.call({ prompt, lead: promptLead, features, decision, story });
      result.cached = outcome.cached;
      result.tokens = outcome.reply.tokens ?? result.tokens;
      result.cost = outcome.reply.cost ?? result.cost;
      text = map ? unredactText(outcome.reply.text, map) : outcome.reply.text;
    } catch (error) {
      result.draft_status = 'provider_error';
      result.provider_error = (error as Error).message;
      result.risk_flags.push(`No draft: the writer failed (${(error as Error).message}). The rules decision stands.`);
      return finish();
    }
    const parsed = parseDraft(text);
    if (!parsed.ok) {
      if (attempt < 2) {
        prompt = retryPrompt(prompt, parsed.error);
        continue;
      }
      result.draft_status = 'schema_failure';
      result.risk_flags.push(`No draft: the writer's reply did not match the draft schema twice (${parsed.error}).`);
      return finish();
    }
    const guarded = guardDraft(parsed.draft, lead, features.as_of);
    result.guardrail_issues = guarded.issues;
    if (guarded.withheld) {
      result.draft_status = 'withheld';
      result.risk_flags.push(
        `Draft withheld: ${guarded.issues.filter((i) => WITHHOLDING_KINDS.has(i.kind)).map((i) => `${i.kind} ("${i.text}")`).join(', ')}.`,
      );
      return finish();
    }
    result.recommendation = guarded.draft;
    result.draft_status = 'ok';
    return finish();
  }
}
