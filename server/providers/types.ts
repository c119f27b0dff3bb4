import type { RuleDecision } from '../domain/decision.ts';
import type { Features } from '../domain/features/index.ts';
import type { Lead } from '../domain/lead.ts';
import type { RenderedPrompt } from '../domain/prompts/render-prompt.ts';
import type { LeadStory } from '../domain/story/index.ts';

export interface ProviderRequest {
  prompt: RenderedPrompt;
  lead: Lead;
  features: Features;
  decision: RuleDecision;
  /** The lead's story (the pipeline builds it once); writers that ignore the prompt draft from it. */
  story?: LeadStory;
  signal: AbortSignal;
}

export interface ProviderReply {
  /** The raw model output; the pipeline parses and validates it. */
  text: string;
  tokens?: { prompt: number; completion: number };
  cost?: number;
}

/** One writer of drafts. It only writes: the decision was taken before it is called. */
export interface DraftWriter {
  call(request: ProviderRequest): Promise<ProviderReply>;
}

export class ProviderError extends Error {
  constructor(
    readonly kind: 'timeout' | 'rate_limited' | 'unavailable' | 'refused' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
