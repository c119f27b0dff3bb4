/**
 * A provider config says which writer produces drafts: the model-free `template` writer, a
 * `local` Transformers.js model from MODELS_DIR, or any promptfoo provider id (an OpenAI-compatible
 * vLLM / llama.cpp server, Ollama, http). Its hash pins it inside a release.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

const Limits = {
  /** Per call; a slower answer counts as a failure and the lead keeps its rules decision. */
  timeout_ms: z.number().int().min(100).max(600_000).default(30_000),
  concurrency: z.number().int().min(1).max(64).default(4),
  /** Extra attempts after a rate limit (429) or a transient network error, with backoff. */
  retries: z.number().int().min(0).max(5).default(2),
};

export const ProviderConfig = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('template'), ...Limits }),
  z.strictObject({
    type: z.literal('local'),
    model: z.string().min(1).regex(/^[\w.\-/]+$/, 'a model folder name inside MODELS_DIR'),
    max_new_tokens: z.number().int().min(16).max(4096).default(400),
    ...Limits,
  }),
  z.strictObject({
    type: z.literal('promptfoo'),
    /** A promptfoo provider id: `openai:chat:<model>`, `ollama:chat:<model>`, `http`, ... */
    id: z.string().min(1).max(200),
    /** promptfoo's provider config, e.g. `{ apiBaseUrl: "http://10.0.0.5:8000/v1" }`. */
    config: z.record(z.string(), z.unknown()).default({}),
    ...Limits,
  }),
]);
export type ProviderConfig = z.infer<typeof ProviderConfig>;

export const DEFAULT_PROVIDER: ProviderConfig = ProviderConfig.parse({ type: 'template' });

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Hash of what changes the output (not of timeouts or concurrency). Secrets are never part of a config. */
export function providerConfigHash(config: ProviderConfig): string {
  const { timeout_ms: _t, concurrency: _c, retries: _r, ...identity } = config;
  return createHash('sha256').update(canonical(identity)).digest('hex');
}

export function describeProvider(config: ProviderConfig): string {
  if (config.type === 'template') return 'template';
  if (config.type === 'local') return `local:${config.model}`;
  return config.id;
}

const IN_HOUSE_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|[\w-]+\.(local|internal|lan|home\.arpa))$/i;

/**
 * Whether lead data would leave the company's machines. Template and local models never do; a
 * promptfoo provider is in-house only when its base URL points at loopback or a private network.
 */
export function isExternal(config: ProviderConfig): boolean {
  if (config.type !== 'promptfoo') return false;
  const c = config.config as Record<string, unknown>;
  const base = [c.apiBaseUrl, c.baseUrl, c.url, c.host].find((v) => typeof v === 'string') as string | undefined;
  if (!base) return true;
  try {
    return !IN_HOUSE_HOST.test(new URL(base).hostname);
  } catch {
    return true;
  }
}
