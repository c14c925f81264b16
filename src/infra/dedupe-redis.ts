// "Answered or being answered", shared by every replica through Redis (SET NX PX). When
// Redis is unreachable the in-process dedupe takes over (with a warning): replies keep
// flowing, and the work is marked uncertain, so the gateway looks in the thread for our
// reply before posting (and keeps only the first copy if two replicas raced).
//
// Replicas do not come back at the same moment: one reconnects while another still decides
// alone. So a replica that has just come back keeps checking threads for a while (a claim
// it wins in Redis may be a message another replica is answering from its in-process
// memory), and it writes the claims it took alone into Redis, so a later delivery of those
// messages to any replica loses.

import type Redis from 'ioredis';
import type { Dedupe } from './dedupe';
import { markUncertain } from './intake/context';
import type { Logger } from './logger';
import { noteRedisFailure, redisHealthy } from './redis';

const PREFIX = 'tfauth:dedupe:';

/**
 * How long after this replica's own return others may still be deciding alone: ioredis
 * retries at most every 5 s (redis.ts) plus a 2 s connect timeout and a ping to notice a
 * thaw; three times that covers a staggered return.
 */
export const RECOVERY_GRACE_MS = 20_000;

/** Claims remembered from an outage, to be written into Redis when it returns. */
const MAX_OUTAGE_CLAIMS = 10_000;

export interface RedisDedupeOptions {
  recoveryGraceMs?: number;
  now?: () => number;
}

export class RedisDedupe implements Dedupe {
  private degraded = false;
  private recoveredAt = Number.NEGATIVE_INFINITY;
  /** Key → when its claim expires, for claims won in-process while Redis was away. */
  private readonly outageClaims = new Map<string, number>();
  private readonly graceMs: number;
  private readonly now: () => number;

  constructor(
    private readonly redis: Redis,
    private readonly fallback: Dedupe,
    private readonly logger: Logger,
    private readonly ttlMs: number,
    options: RedisDedupeOptions = {},
  ) {
    this.graceMs = options.recoveryGraceMs ?? RECOVERY_GRACE_MS;
    this.now = options.now ?? Date.now;
  }

  async claim(key: string): Promise<boolean> {
    if (redisHealthy(this.redis)) {
      try {
        const won = (await this.redis.set(PREFIX + key, '1', 'PX', this.ttlMs, 'NX')) === 'OK';
        // Keep the local copy too, so a later outage still remembers recent messages.
        await this.fallback.claim(key);
        await this.recovered();
        if (won && this.now() - this.recoveredAt < this.graceMs) markUncertain();
        return won;
      } catch (err) {
        noteRedisFailure(this.redis, err, this.logger, 'state');
        this.degrade(err);
      }
    } else this.degrade(new Error(`redis ${this.redis.status}`));
    markUncertain();
    const won = await this.fallback.claim(key);
    if (won) this.rememberOutageClaim(key);
    return won;
  }

  async release(key: string): Promise<void> {
    this.outageClaims.delete(key);
    await this.fallback.release(key);
    if (redisHealthy(this.redis)) await this.redis.del(PREFIX + key).catch(() => undefined);
  }

  private rememberOutageClaim(key: string): void {
    if (this.outageClaims.size >= MAX_OUTAGE_CLAIMS) {
      const oldest = this.outageClaims.keys().next();
      if (!oldest.done) this.outageClaims.delete(oldest.value);
    }
    this.outageClaims.set(key, this.now() + this.ttlMs);
  }

  private degrade(err: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn('redis unavailable: deduplicating in-process until it returns', {
      error: err,
    });
  }

  private async recovered(): Promise<void> {
    if (!this.degraded) return;
    this.degraded = false;
    const t = this.now();
    this.recoveredAt = t;
    const claims = [...this.outageClaims].filter(([, expires]) => expires > t);
    this.outageClaims.clear();
    if (claims.length > 0) {
      const pipeline = this.redis.pipeline();
      for (const [key, expires] of claims) pipeline.set(PREFIX + key, '1', 'PX', expires - t, 'NX');
      // Lost here, a later delivery of one of them could be answered again: logged, not fatal.
      await pipeline.exec().catch(() => undefined);
    }
    this.logger.info('redis back: deduplication is shared again', {
      outageClaims: claims.length,
    });
  }
}
