/** Builds the draft writer a provider config names. */
import { writeTemplateDraft } from '../domain/drafting/index.ts';
import type { ProviderConfig } from './provider-config.ts';
import type { DraftWriter } from './types.ts';

export interface WriterEnvironment {
  modelsDir: string;
}

/** The model-free baseline: reviewed phrase templates filled from the facts. Deterministic. */
export const templateWriter: DraftWriter = {
  async call({ lead, decision, features }) {
    return { text: JSON.stringify(writeTemplateDraft(lead, decision, { asOf: features.as_of })) };
  },
};

export async function createDraftWriter(config: ProviderConfig, env: WriterEnvironment): Promise<DraftWriter> {
  switch (config.type) {
    case 'template':
      return templateWriter;
    case 'local': {
      const { createLocalTextGenerator } = await import('./local/text-generator.ts');
      const generator = createLocalTextGenerator({ modelsDir: env.modelsDir, model: config.model, maxNewTokens: config.max_new_tokens });
      return {
        async call({ prompt, signal }) {
          const out = await generator.generate(`${prompt.system}\n\n${prompt.user}\n`, { signal });
          return { text: out.text, tokens: out.tokens };
        },
      };
    }
    case 'promptfoo': {
      const { createPromptfooWriter } = await import('./promptfoo-writer.ts');
      return createPromptfooWriter(config);
    }
  }
}
