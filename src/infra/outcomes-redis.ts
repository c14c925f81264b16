// Outcomes shared by every replica: one Redis hash per day (field → count), expiring after
// the retention period, so memory in Redis stays bounded too.

import type Redis from 'ioredis';
import {
  dayOf,
  fieldOf,
  lastDays,
  RETENTION_DAYS,
  summarize,
  type OutcomeEvent,
  type OutcomeStore,
  type StatsReport,
} from './outcomes';
import { redisHealthy } from './redis';

const PREFIX = 'tfauth:outcomes:';

export class RedisOutcomeStore implements OutcomeStore {
  constructor(private readonly redis: Redis) {}

  async record(event: OutcomeEvent): Promise<void> {
    const key = PREFIX + dayOf(event.at);
    await this.redis
      .multi()
      .hincrby(key, fieldOf(event), 1)
      .expire(key, (RETENTION_DAYS + 5) * 86_400)
      .exec();
  }

  async stats(days: number, now: number): Promise<StatsReport> {
    const pipeline = this.redis.pipeline();
    for (const day of lastDays(days, now)) pipeline.hgetall(PREFIX + day);
    const results = (await pipeline.exec()) ?? [];
    const buckets = results.map(([err, value]) => {
      if (err) throw err;
      const m = new Map<string, number>();
      for (const [field, count] of Object.entries((value ?? {}) as Record<string, string>))
        m.set(field, Number(count));
      return m;
    });
    return summarize(buckets, days);
  }

  health(): { ok: boolean; detail: string } {
    return redisHealthy(this.redis)
      ? { ok: true, detail: 'redis' }
      : { ok: false, detail: `redis ${this.redis.status}` };
  }

  async close(): Promise<void> {
    // The connection is owned by whoever created it.
  }
}
