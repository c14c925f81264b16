// Outcomes shared by every replica: one Redis hash per day (field → count), expiring after
// the retention period, so memory in Redis stays bounded too.

import type Redis from 'ioredis';
import {
  dayOf,
  fieldOf,
  lastDays,
  RETENTION_DAYS,
  retentionEnd,
  summarize,
  type DayBucket,
  type OutcomeEvent,
  type OutcomeStore,
  type StatsReport,
} from './outcomes';
import { redisHealthy } from './redis';

const PREFIX = 'tfauth:outcomes:';

export class RedisOutcomeStore implements OutcomeStore {
  constructor(
    private readonly redis: Redis,
    private readonly retentionDays = RETENTION_DAYS,
  ) {}

  async record(event: OutcomeEvent): Promise<void> {
    const day = dayOf(event.at);
    // A day's hash expires when its last day of retention ends: Redis itself forgets it.
    const end = retentionEnd(day, this.retentionDays);
    if (end <= Date.now()) return; // already past retention
    const key = PREFIX + day;
    await this.redis
      .multi()
      .hincrby(key, fieldOf(event), 1)
      .expireat(key, Math.floor(end / 1000))
      .exec();
  }

  async stats(days: number, now: number): Promise<StatsReport> {
    const pipeline = this.redis.pipeline();
    const wanted = lastDays(Math.min(days, this.retentionDays), now);
    for (const day of wanted) pipeline.hgetall(PREFIX + day);
    const results = (await pipeline.exec()) ?? [];
    const buckets: DayBucket[] = results.map(([err, value], i) => {
      if (err) throw err;
      const counts = new Map<string, number>();
      for (const [field, count] of Object.entries((value ?? {}) as Record<string, string>))
        counts.set(field, Number(count));
      return { day: wanted[i] as string, counts };
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
