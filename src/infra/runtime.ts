// Builds the stateful parts from the settings: in-process by default, shared through Redis
// when REDIS_URL is set (with in-process fallbacks while Redis is unreachable).

import type Redis from 'ioredis';
import type { Config } from './config';
import { MemoryDedupe, type Dedupe } from './dedupe';
import { RedisDedupe } from './dedupe-redis';
import type { Logger } from './logger';
import type { OutcomeStore } from './outcomes';
import { FileOutcomeStore } from './outcomes-file';
import { RedisOutcomeStore } from './outcomes-redis';
import { ResilientOutcomeStore } from './outcomes-resilient';
import { SlackPacer } from './pacer';
import { createRedis, redisHealthy } from './redis';
import { RedisTurns } from './shared-turns';

export const DEDUPE_TTL_MS = 6 * 3600 * 1000;
const DEDUPE_MAX = 50_000;

export interface Runtime {
  dedupe: Dedupe;
  outcomes: OutcomeStore;
  pacer: SlackPacer;
  redis?: Redis;
  redisState(): { ok: boolean; detail: string };
  close(): Promise<void>;
}

export async function createRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const memoryDedupe = new MemoryDedupe({ ttlMs: DEDUPE_TTL_MS, maxEntries: DEDUPE_MAX });
  const fileOutcomes = await FileOutcomeStore.open(config.dataDir, Date.now(), config.outcomeDays);
  if (!config.redisUrl) {
    return {
      dedupe: memoryDedupe,
      outcomes: fileOutcomes,
      pacer: new SlackPacer({ logger, perChannelIntervalMs: config.postIntervalMs }),
      redisState: () => ({ ok: true, detail: 'not configured (in-process)' }),
      close: async () => fileOutcomes.close(),
    };
  }
  const redis = createRedis(config.redisUrl, logger, 'state');
  try {
    await redis.connect();
  } catch (err) {
    // Start anyway: everything degrades to in-process state and recovers when Redis returns.
    logger.warn('redis unreachable at start; running in-process until it is back', { error: err });
  }
  const outcomes = new ResilientOutcomeStore(
    new RedisOutcomeStore(redis, config.outcomeDays),
    fileOutcomes,
    logger,
  );
  redis.on('ready', () => void outcomes.replay());
  return {
    dedupe: new RedisDedupe(redis, memoryDedupe, logger, DEDUPE_TTL_MS),
    outcomes,
    pacer: new SlackPacer({
      logger,
      perChannelIntervalMs: config.postIntervalMs,
      shared: new RedisTurns(redis, logger, Math.max(1, Math.round(config.postIntervalMs / 1000))),
    }),
    redis,
    redisState: () =>
      redisHealthy(redis)
        ? { ok: true, detail: 'connected' }
        : { ok: false, detail: `redis ${redis.status}; running in-process` },
    close: async () => {
      await fileOutcomes.close();
      redis.disconnect();
    },
  };
}
