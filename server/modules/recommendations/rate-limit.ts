/**
 * Per-token rate limit for the recommendation endpoints: a token bucket in memory. Over the limit
 * is a 429 with Retry-After, so an integration that loops too fast backs off instead of flooding.
 */
import { AppError } from '../../http/errors.ts';

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  take(key: string, cost = 1, now = Date.now()): void {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    if (bucket.tokens < cost) {
      const waitS = Math.max(1, Math.ceil((cost - bucket.tokens) / this.perSecond));
      this.buckets.set(key, bucket);
      throw new AppError('rate_limited', `Rate limit of ${this.perSecond} recommendations per second for this token exceeded.`, {}, { 'Retry-After': String(waitS) });
    }
    bucket.tokens -= cost;
    this.buckets.set(key, bucket);
  }
}
