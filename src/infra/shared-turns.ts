// Turns shared by every replica: at most one chat.postMessage per channel per interval,
// counted in Redis. rate-limiter-flexible keeps an in-memory limiter as insurance, so a
// Redis outage degrades to per-replica pacing instead of stopping replies.

import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from './logger';
import type { SharedTurns } from './pacer';
import { redisHealthy } from './redis';

export class RedisTurns implements SharedTurns {
  private readonly limiter: RateLimiterRedis;

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    intervalSeconds = 1,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((r) => setTimeout(r, ms)),
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'tfauth:turns',
      points: 1,
      duration: intervalSeconds,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ points: 1, duration: intervalSeconds }),
    });
  }

  async wait(key: string): Promise<void> {
    // A frozen Redis would hold every post for a command timeout: pace in-process instead.
    if (!redisHealthy(this.redis)) return;
    for (let i = 0; i < 600; i++) {
      try {
        await this.limiter.consume(key);
        return;
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) {
          this.logger.warn('shared pacing unavailable; pacing in-process only', { error: res });
          return;
        }
        await this.sleep(Math.max(10, res.msBeforeNext));
      }
    }
  }
}
