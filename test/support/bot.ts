// Starts the real bot (as main.ts does, in-process) against the local Slack test server.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/infra/config';
import { createLogger } from '../../src/infra/logger';
import { SlackPacer, type RetryPolicy } from '../../src/infra/pacer';
import { createRuntime } from '../../src/infra/runtime';
import { startBot, type BotOptions, type RunningBot } from '../../src/slack/app';
import {
  SLACK_IDS,
  SlackHttpClient,
  SlackTestServer,
  type SlackServerOptions,
} from '@tfauth/slack-test-server';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-token';
export const APP_TOKEN = 'xapp-test-token';

export interface TestBot {
  slack: SlackTestServer;
  bot: RunningBot;
  config: Config;
  /** Signed-request client for HTTP mode. */
  http: SlackHttpClient;
  /** Every log line the bot wrote (JSON strings). */
  logs: string[];
  stop(): Promise<void>;
}

/** Backoffs a fifth of the default's: retried the same way, in less time. */
export const SHORT_BACKOFF: Partial<RetryPolicy> = { baseDelayMs: 50 };

export interface TestBotOptions {
  mode?: 'http' | 'socket';
  env?: Record<string, string>;
  slackOptions?: SlackServerOptions;
  slack?: SlackTestServer;
  botOptions?: Partial<BotOptions>;
  /**
   * The pacer's retry policy (in-process state only): shorter backoffs where a test's subject
   * is what is retried, not how long the waits are.
   */
  retry?: Partial<RetryPolicy>;
}

export function testEnv(
  mode: 'http' | 'socket',
  apiUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    ...(mode === 'socket' ? { SLACK_APP_TOKEN: APP_TOKEN } : {}),
    SLACK_API_URL: apiUrl,
    PORT: '0',
    LOG_LEVEL: 'debug',
    TFAUTH_SHUTDOWN_TIMEOUT_MS: '5000',
    // Tests post many replies to one channel; real deployments keep Slack's ~1/s.
    TFAUTH_POST_INTERVAL_MS: '20',
    // A data folder of its own: outcomes never land in the checkout, and a bot replays the journal it finds there on start.
    TFAUTH_DATA_DIR: mkdtempSync(join(tmpdir(), 'tfauth-test-')),
    ...extra,
  };
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const mode = options.mode ?? 'http';
  const slack = options.slack ?? (await SlackTestServer.start(options.slackOptions));
  const result = loadConfig(testEnv(mode, slack.apiUrl, options.env));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', write: (l) => logs.push(l) });
  const botOptions = { ...options.botOptions };
  if (options.retry) {
    if (result.config.redisUrl) throw new Error('retry: only with in-process state');
    const runtime = await createRuntime(result.config, logger);
    runtime.pacer = new SlackPacer({
      logger,
      perChannelIntervalMs: result.config.postIntervalMs,
      retry: options.retry,
    });
    botOptions.runtime = runtime;
  }
  const bot = await startBot({ config: result.config, logger, ...botOptions });
  if (mode === 'socket') await slack.socket.connected(5000);
  const http = new SlackHttpClient(`http://127.0.0.1:${bot.port}/slack/events`, SIGNING_SECRET);
  return {
    slack,
    bot,
    config: result.config,
    http,
    logs,
    async stop() {
      await bot.stop();
      if (!options.slack) await slack.close();
    },
  };
}

export { SLACK_IDS };

/**
 * For requests that must start no work: gives one `ms` to start any anyway, then waits for
 * whatever did to finish, so a test can then check that nothing was answered.
 */
export async function quiet(t: TestBot, ms = 150): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
  await t.bot.context.inFlight.settled();
}
