// Builds the stateful parts from the settings: in-process by default, shared through Redis
// when REDIS_URL is set (with in-process fallbacks while Redis is unreachable).

import type Redis from 'ioredis';
import type { Config } from './config';
import { MemoryDedupe, type Dedupe } from './dedupe';
import { RedisDedupe } from './dedupe-redis';
import { Intake } from './intake/intake';
import { FileJournal } from './intake/journal-file';
import { RedisStreamLog } from './intake/journal-redis';
import { ReplayAwareDedupe } from './intake/dedupe-replay';
import { Sealer } from './intake/sealed';
import type { Logger } from './logger';
import type { OutcomeStore } from './outcomes';
import { FileOutcomeStore } from './outcomes-file';
import { RedisOutcomeStore } from './outcomes-redis';
import { ResilientOutcomeStore } from './outcomes-resilient';
import { SlackPacer } from './pacer';
import { COMMAND_TIMEOUT_MS, createRedis, redisHealthy, redisState } from './redis';
import { RedisTurns } from './shared-turns';

export const DEDUPE_TTL_MS = 6 * 3600 * 1000;
const DEDUPE_MAX = 50_000;

export interface Runtime {
  dedupe: Dedupe;
  outcomes: OutcomeStore;
  pacer: SlackPacer;
  /** Durable intake: work journaled before Slack is acknowledged (see intake/intake.ts). */
  intake: Intake;
  redis?: Redis;
  redisState(): { ok: boolean; detail: string };
  close(): Promise<void>;
}

export async function createRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const memoryDedupe = new MemoryDedupe({ ttlMs: DEDUPE_TTL_MS, maxEntries: DEDUPE_MAX });
  const fileOutcomes = await FileOutcomeStore.open(config.dataDir, Date.now(), config.outcomeDays);
  const journal = await FileJournal.open(config.dataDir);
  // The key never touches the disk: derived from the Slack credentials the bot already has.
  const sealer = new Sealer(`${config.slack.botToken}\n${config.slack.signingSecret ?? ''}`);
  if (!config.redisUrl) {
    const intake = new Intake(journal, sealer, logger);
    return {
      dedupe: new ReplayAwareDedupe(memoryDedupe),
      outcomes: fileOutcomes,
      pacer: new SlackPacer({ logger, perChannelIntervalMs: config.postIntervalMs }),
      intake,
      redisState: () => ({ ok: true, detail: 'not configured (in-process)' }),
      close: async () => {
        await fileOutcomes.close();
        await intake.close();
      },
    };
  }
  const redis = createRedis(config.redisUrl, logger, 'state');
  try {
    await redis.connect();
  } catch (err) {
    // Start anyway: everything degrades to in-process state and recovers when Redis returns.
    logger.warn('redis unreachable at start; running in-process until it is back', { error: err });
  }
  const reader = createRedis(config.redisUrl, logger, 'intake', {
    commandTimeoutMs: 1000 + COMMAND_TIMEOUT_MS,
    watch: false,
  });
  await reader.connect().catch(() => undefined);
  const stream = new RedisStreamLog(redis, reader, logger, {
    claimIdleMs: config.intakeClaimIdleMs,
  });
  const intake = new Intake(journal, sealer, logger, stream);
  const outcomes = new ResilientOutcomeStore(
    new RedisOutcomeStore(redis, config.outcomeDays),
    fileOutcomes,
    logger,
  );
  redis.on('ready', () => void outcomes.replay());
  return {
    dedupe: new ReplayAwareDedupe(new RedisDedupe(redis, memoryDedupe, logger, DEDUPE_TTL_MS)),
    outcomes,
    pacer: new SlackPacer({
      logger,
      perChannelIntervalMs: config.postIntervalMs,
      shared: new RedisTurns(redis, logger, Math.max(1, Math.round(config.postIntervalMs / 1000))),
    }),
    intake,
    redis,
    redisState: () =>
      redisHealthy(redis)
        ? { ok: true, detail: 'connected' }
        : { ok: false, detail: `${redisState(redis)}; running in-process` },
    close: async () => {
      await fileOutcomes.close();
      await intake.close();
      reader.disconnect();
      redis.disconnect();
    },
  };
}
