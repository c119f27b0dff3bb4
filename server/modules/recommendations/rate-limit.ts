/**
 * Per-token rate limit for the recommendation endpoints: a token bucket in memory. Over the limit
 * is a 429 with Retry-After, so an integration that loops too fast backs off instead of flooding.
 *
 * A batch costs one token per lead, and may cost more than the bucket holds (a batch of 1,000
 * with the default 100/s and a burst of 200): it is admitted whenever the bucket is not empty and
 * leaves the bucket in debt, paid back before the next request is admitted. So every batch the
 * contract allows is served, the long-run rate stays the configured one, and Retry-After is the
 * true wait until the next request will be admitted.
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
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const waitS = Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
      throw new AppError(
        'rate_limited',
        `Rate limit of ${this.perSecond} recommendations per second for this token exceeded; retry in ${waitS} s.`,
        {},
        { 'Retry-After': String(waitS) },
      );
    }
    bucket.tokens -= cost;
  }
}
