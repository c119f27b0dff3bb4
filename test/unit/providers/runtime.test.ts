import { describe, expect, it } from 'vitest';
import { ProviderRuntime, type ResultCache } from '../../../server/providers/runtime.ts';
import { ProviderError, type DraftWriter, type ProviderReply } from '../../../server/providers/types.ts';
import { isExternal, providerConfigHash, ProviderConfig } from '../../../server/providers/provider-config.ts';

const request = (hash: string) => ({ prompt: { system: 's', user: 'u', temperature: 0, max_tokens: 10, hash } }) as never;

function memoryCache(): ResultCache & { map: Map<string, ProviderReply> } {
  const map = new Map<string, ProviderReply>();
  return { map, get: async (k) => map.get(k), set: async (k, v) => void map.set(k, v) };
}

describe('ProviderRuntime', () => {
  it('times out a slow provider and aborts its call', async () => {
    let aborted = false;
    const writer: DraftWriter = {
      call: ({ signal }) => new Promise((resolve) => {
        signal.addEventListener('abort', () => (aborted = true));
        setTimeout(() => resolve({ text: 'late' }), 1000);
      }),
    };
    const runtime = new ProviderRuntime(writer, { timeoutMs: 50, concurrency: 1, retries: 0, configHash: 'c' });
    await expect(runtime.call(request('p'))).rejects.toMatchObject({ kind: 'timeout' });
    expect(aborted).toBe(true);
  });

  it('retries rate limits with backoff, then succeeds', async () => {
    let calls = 0;
    const writer: DraftWriter = {
      call: async () => {
        calls++;
        if (calls < 3) throw new ProviderError('rate_limited', '429 Too Many Requests');
        return { text: 'ok' };
      },
    };
    const runtime = new ProviderRuntime(writer, { timeoutMs: 1000, concurrency: 1, retries: 2, configHash: 'c', backoffMs: 1 });
    const out = await runtime.call(request('p'));
    expect(out).toMatchObject({ reply: { text: 'ok' }, attempts: 3, cached: false });
  });

  it('does not retry a plain failure', async () => {
    let calls = 0;
    const writer: DraftWriter = { call: async () => { calls++; throw new ProviderError('failed', 'bad request'); } };
    const runtime = new ProviderRuntime(writer, { timeoutMs: 1000, concurrency: 1, retries: 3, configHash: 'c', backoffMs: 1 });
    await expect(runtime.call(request('p'))).rejects.toThrow('bad request');
    expect(calls).toBe(1);
  });

  it('never runs more calls at once than its concurrency limit', async () => {
    let active = 0;
    let peak = 0;
    const writer: DraftWriter = {
      call: async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 10));
        active--;
        return { text: 'x' };
      },
    };
    const runtime = new ProviderRuntime(writer, { timeoutMs: 1000, concurrency: 3, retries: 0, configHash: 'c' });
    await Promise.all(Array.from({ length: 12 }, (_, i) => runtime.call(request(`p${i}`))));
    expect(peak).toBe(3);
  });

  it('serves a repeated (prompt, config) from the cache without calling the provider', async () => {
    let calls = 0;
    const writer: DraftWriter = { call: async () => ({ text: `answer ${++calls}` }) };
    const cache = memoryCache();
    const runtime = new ProviderRuntime(writer, { timeoutMs: 1000, concurrency: 1, retries: 0, configHash: 'cfg', cache });
    const first = await runtime.call(request('same'));
    const second = await runtime.call(request('same'));
    expect(second).toMatchObject({ cached: true, reply: first.reply });
    expect(calls).toBe(1);
    const other = new ProviderRuntime(writer, { timeoutMs: 1000, concurrency: 1, retries: 0, configHash: 'other-cfg', cache });
    expect((await other.call(request('same'))).cached).toBe(false);
  });
});

describe('provider configs', () => {
  it('hashes what changes the output, not limits', () => {
    const a = ProviderConfig.parse({ type: 'promptfoo', id: 'openai:chat:m', config: { apiBaseUrl: 'http://127.0.0.1:8000/v1', temperature: 0 } });
    const b = ProviderConfig.parse({ type: 'promptfoo', id: 'openai:chat:m', config: { temperature: 0, apiBaseUrl: 'http://127.0.0.1:8000/v1' }, timeout_ms: 5000 });
    const c = ProviderConfig.parse({ type: 'promptfoo', id: 'openai:chat:other', config: { apiBaseUrl: 'http://127.0.0.1:8000/v1' } });
    expect(providerConfigHash(a)).toBe(providerConfigHash(b));
    expect(providerConfigHash(a)).not.toBe(providerConfigHash(c));
  });

  it('knows which providers send lead data off the machine', () => {
    const p = (config: Record<string, unknown>) => ProviderConfig.parse({ type: 'promptfoo', id: 'openai:chat:m', config });
    expect(isExternal(ProviderConfig.parse({ type: 'template' }))).toBe(false);
    expect(isExternal(ProviderConfig.parse({ type: 'local', model: 'x' }))).toBe(false);
    expect(isExternal(p({ apiBaseUrl: 'http://127.0.0.1:8000/v1' }))).toBe(false);
    expect(isExternal(p({ apiBaseUrl: 'http://10.1.2.3:8000/v1' }))).toBe(false);
    expect(isExternal(p({ apiBaseUrl: 'https://llm.internal/v1' }))).toBe(false);
    expect(isExternal(p({}))).toBe(true);
    expect(isExternal(p({ apiBaseUrl: 'https://api.example.com/v1' }))).toBe(true);
  });
});

describe('TokenBuckets', () => {
  const load = () => import('../../../server/modules/recommendations/rate-limit.ts');
  const retryAfter = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      return (e as { headers: Record<string, string> }).headers['Retry-After'];
    }
    return null;
  };

  it('allows the burst, refuses past it with a wait, and refills over time', async () => {
    const { TokenBuckets } = await load();
    const buckets = new TokenBuckets(10, 20);
    const t0 = 1_000_000;
    for (let i = 0; i < 20; i++) buckets.take('a', 1, t0);
    expect(() => buckets.take('a', 1, t0)).toThrow(/Rate limit/);
    expect(() => buckets.take('b', 1, t0)).not.toThrow();
    expect(() => buckets.take('a', 5, t0 + 500)).not.toThrow();
    expect(retryAfter(() => buckets.take('a', 1, t0 + 500))).toBe('1');
  });

  it('serves a batch larger than the burst at once, then makes the next request wait exactly the debt', async () => {
    const { TokenBuckets } = await load();
    const buckets = new TokenBuckets(100, 200); // the defaults
    const t0 = 5_000_000;
    expect(() => buckets.take('a', 1000, t0)).not.toThrow();
    // 800 in debt at 100/s: the next request is admitted 8.01 s later, and told so.
    expect(retryAfter(() => buckets.take('a', 1, t0))).toBe('9');
    expect(retryAfter(() => buckets.take('a', 1, t0 + 7_000))).toBe('2');
    expect(() => buckets.take('a', 1000, t0 + 8_010)).not.toThrow();
  });
});
