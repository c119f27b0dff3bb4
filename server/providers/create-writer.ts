/** Builds the draft writer a provider config names. */
import { writeTemplateDraft } from '../domain/drafting/index.ts';
import type { ProviderConfig } from './provider-config.ts';
import { ProviderError, type DraftWriter } from './types.ts';

export interface WriterEnvironment {
  modelsDir: string;
}

/** The model-free baseline: reviewed phrase templates filled from the facts. Deterministic. */
export const templateWriter: DraftWriter = {
  async call({ lead, decision, features, story }) {
    return { text: JSON.stringify(writeTemplateDraft(lead, decision, { asOf: features.as_of, story })) };
  },
};

export async function createDraftWriter(config: ProviderConfig, env: WriterEnvironment): Promise<DraftWriter> {
  switch (config.type) {
    case 'template':
      return templateWriter;
    case 'local': {
      const { createLocalTextGenerator } = await import('./local/text-generator.ts');
      const { LocalModelNotFoundError } = await import('./local/transformers-env.ts');
      const generator = createLocalTextGenerator({ modelsDir: env.modelsDir, model: config.model, maxNewTokens: config.max_new_tokens, chat: 'auto' });
      return {
        async call({ prompt, signal }) {
          try {
            // The system prompt goes in as a real system message where the model has a chat template.
            const out = await generator.generate(prompt.user, { signal, system: prompt.system });
            return { text: out.text, tokens: out.tokens };
          } catch (error) {
            // A missing model will not appear by retrying: fail at once (no backoff loop).
            if (error instanceof LocalModelNotFoundError) throw new ProviderError('failed', error.message);
            throw error;
          }
        },
      };
    }
    case 'promptfoo': {
      const { createPromptfooWriter } = await import('./promptfoo-writer.ts');
      return createPromptfooWriter(config);
    }
  }
}
