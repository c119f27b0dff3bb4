/**
 * What every provider call goes through: a concurrency limit, a timeout, retries with backoff on
 * rate limits and transient errors, and a result cache keyed by (rendered prompt hash, provider
 * config hash). Same prompt + same config = same answer, so a re-run is served from the cache.
 */
import { ProviderError, type DraftWriter, type ProviderReply, type ProviderRequest } from './types.ts';

export interface ResultCache {
  get(key: string): Promise<ProviderReply | undefined>;
  set(key: string, value: ProviderReply): Promise<void>;
}

export interface RuntimeOptions {
  timeoutMs: number;
  concurrency: number;
  retries: number;
  configHash: string;
  cache?: ResultCache;
  /** Backoff base; tests shorten it. */
  backoffMs?: number;
}

export interface CallOutcome {
  reply: ProviderReply;
  cached: boolean;
  attempts: number;
}

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async acquire(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    return () => {
      this.active--;
      this.waiting.shift()?.();
    };
  }
}

function isRetryable(error: unknown): boolean {
  if (error instanceof ProviderError) return error.kind === 'rate_limited' || error.kind === 'unavailable';
  const e = error as { status?: number; code?: string; message?: string };
  return e?.status === 429 || e?.status === 503 || /rate.?limit|ECONNRESET|ETIMEDOUT|socket hang up/i.test(`${e?.code ?? ''} ${e?.message ?? ''}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ProviderRuntime {
  private readonly semaphore: Semaphore;
  constructor(
    private readonly writer: DraftWriter,
    private readonly options: RuntimeOptions,
  ) {
    this.semaphore = new Semaphore(options.concurrency);
  }

  cacheKey(request: Pick<ProviderRequest, 'prompt'>): string {
    return `${request.prompt.hash}:${this.options.configHash}`;
  }

  async call(request: Omit<ProviderRequest, 'signal'>): Promise<CallOutcome> {
    const key = this.cacheKey(request);
    const hit = await this.options.cache?.get(key);
    if (hit) return { reply: hit, cached: true, attempts: 0 };

    let attempts = 0;
    for (;;) {
      attempts++;
      try {
        const reply = await this.once(request);
        await this.options.cache?.set(key, reply);
        return { reply, cached: false, attempts };
      } catch (error) {
        if (attempts > this.options.retries || !isRetryable(error)) throw error;
        await sleep((this.options.backoffMs ?? 500) * 2 ** (attempts - 1));
      }
    }
  }

  private async once(request: Omit<ProviderRequest, 'signal'>): Promise<ProviderReply> {
    const release = await this.semaphore.acquire();
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new ProviderError('timeout', `The provider did not answer within ${this.options.timeoutMs} ms.`));
        }, this.options.timeoutMs);
      });
      return await Promise.race([this.writer.call({ ...request, signal: controller.signal }), timeout]);
    } finally {
      clearTimeout(timer);
      release();
    }
  }
}
