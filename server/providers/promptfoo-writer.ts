/**
 * Any promptfoo provider as a draft writer: `openai:chat:<model>` with `apiBaseUrl` at a private
 * vLLM / llama.cpp server, `ollama:chat:<model>`, `http`, ... promptfoo is imported lazily (it
 * takes about a second to load) and its own cache is off: ours is keyed by prompt + config hash.
 */
import type { ProviderConfig } from './provider-config.ts';
import { ProviderError, type DraftWriter } from './types.ts';

type PromptfooConfig = Extract<ProviderConfig, { type: 'promptfoo' }>;

function classify(message: string): ProviderError {
  if (/\b429\b|rate.?limit/i.test(message)) return new ProviderError('rate_limited', message);
  if (/ECONNREFUSED|ENOTFOUND|ECONNRESET|\b50[234]\b|fetch failed/i.test(message)) return new ProviderError('unavailable', message);
  return new ProviderError('failed', message);
}

export async function createPromptfooWriter(config: PromptfooConfig): Promise<DraftWriter> {
  process.env.PROMPTFOO_CACHE_ENABLED = 'false';
  const promptfoo = await import('promptfoo');
  const provider = await promptfoo.loadApiProvider(config.id, { options: { id: config.id, config: config.config } });
  return {
    async call(request) {
      // promptfoo's chat providers accept a JSON array of messages as the prompt.
      const raw = JSON.stringify([
        { role: 'system', content: request.prompt.system },
        { role: 'user', content: request.prompt.user },
      ]);
      const response = await provider.callApi(raw, { prompt: { raw, label: 'rekindle' }, vars: {} }, { abortSignal: request.signal });
      if (response.error) throw classify(String(response.error));
      const output = response.output;
      if (output === undefined || output === null) throw new ProviderError('failed', 'The provider returned no output.');
      return {
        text: typeof output === 'string' ? output : JSON.stringify(output),
        tokens: response.tokenUsage ? { prompt: response.tokenUsage.prompt ?? 0, completion: response.tokenUsage.completion ?? 0 } : undefined,
        cost: response.cost,
      };
    },
  };
}
