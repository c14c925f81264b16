// "Answered or being answered", shared by every replica through Redis (SET NX PX). When
// Redis is unreachable the in-process dedupe takes over (with a warning): replies keep
// flowing, and the work is marked uncertain, so the gateway looks in the thread for our
// reply before posting (and keeps only the first copy if two replicas raced).

import type Redis from 'ioredis';
import type { Dedupe } from './dedupe';
import { markUncertain } from './intake/context';
import type { Logger } from './logger';
import { noteRedisFailure, redisHealthy } from './redis';

const PREFIX = 'tfauth:dedupe:';

export class RedisDedupe implements Dedupe {
  private degraded = false;

  constructor(
    private readonly redis: Redis,
    private readonly fallback: Dedupe,
    private readonly logger: Logger,
    private readonly ttlMs: number,
  ) {}

  async claim(key: string): Promise<boolean> {
    if (redisHealthy(this.redis)) {
      try {
        const won = (await this.redis.set(PREFIX + key, '1', 'PX', this.ttlMs, 'NX')) === 'OK';
        // Keep the local copy too, so a later outage still remembers recent messages.
        await this.fallback.claim(key);
        this.recovered();
        return won;
      } catch (err) {
        noteRedisFailure(this.redis, err, this.logger, 'state');
        this.degrade(err);
      }
    } else this.degrade(new Error(`redis ${this.redis.status}`));
    markUncertain();
    return this.fallback.claim(key);
  }

  async release(key: string): Promise<void> {
    await this.fallback.release(key);
    if (redisHealthy(this.redis)) await this.redis.del(PREFIX + key).catch(() => undefined);
  }

  private degrade(err: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn('redis unavailable: deduplicating in-process until it returns', {
      error: err,
    });
  }

  private recovered(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.logger.info('redis back: deduplication is shared again');
  }
}
