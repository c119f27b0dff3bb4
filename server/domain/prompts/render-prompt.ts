/** Renders a prompt template for one lead: the exact text a provider receives, and its hash. */
import { createHash } from 'node:crypto';
import type { RuleDecision } from '../decision.ts';
import type { Features } from '../features/index.ts';
import type { Lead } from '../lead.ts';
import type { LeadStory } from '../story/index.ts';
import { fillPlaceholders, type PromptTemplate } from './prompt-template.ts';
import { buildPromptValues } from './prompt-variables.ts';

export interface RenderedPrompt {
  system: string;
  user: string;
  temperature: number;
  max_tokens: number;
  /** sha256 of system + user: with the provider config hash, the result-cache key. */
  hash: string;
}

export function renderPrompt(template: PromptTemplate, lead: Lead, features: Features, decision: RuleDecision, story?: LeadStory): RenderedPrompt {
  const values = buildPromptValues(lead, features, decision, story);
  const system = fillPlaceholders(template.system, values);
  const user = fillPlaceholders(template.user, values);
  const hash = createHash('sha256').update(system).update('\0').update(user).digest('hex');
  return { system, user, temperature: template.settings.temperature, max_tokens: template.settings.max_tokens, hash };
}
