// Assembles the Bolt app: receiver (HTTP or Socket Mode), Web API client, listeners and
// /healthz. Returns a handle that stops it gracefully.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { Config } from '../infra/config';
import { MemoryDedupe, type Dedupe } from '../infra/dedupe';
import { InFlight } from '../infra/in-flight';
import { boltLogger, type Logger } from '../infra/logger';
import { FileOutcomeStore } from '../infra/outcomes-file';
import type { OutcomeStore } from '../infra/outcomes';
import { registerActions } from './actions';
import type { BotContext } from './bot-context';
import { FlowCodec } from './flow-state';
import { SlackGateway, type Pacer } from './gateway';
import { healthHandler, startHealthServer } from './health';
import { registerCommands } from './commands';
import { registerHome } from './home';
import { registerMessages } from './messages';
import { registerShortcuts } from './shortcuts';
import { registerViews } from './views';

export interface BotOptions {
  config: Config;
  logger: Logger;
  dedupe?: Dedupe;
  pacer?: Pacer;
  outcomes?: OutcomeStore;
  now?: () => number;
}

export interface RunningBot {
  app: App;
  context: BotContext;
  /** The port actually listened on (HTTP receiver, or the health server in Socket Mode). */
  port: number;
  /** Stops taking new events, waits for replies in flight, then closes connections. */
  stop(): Promise<{ drained: boolean }>;
}

/** Retries live here and only here: 5xx, resets and 429 (honouring Retry-After). */
const RETRY = { retries: 5, factor: 2, minTimeout: 300, maxTimeout: 8000, randomize: true };
const DEDUPE_TTL_MS = 6 * 3600 * 1000;
const DEDUPE_MAX = 50_000;

export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { config, logger } = options;
  const sdkLogger = boltLogger(logger, config.logLevel);
  const clientOptions = () => ({
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { ...RETRY },
    logger: sdkLogger,
    timeout: 15_000,
  });
  const inFlight = new InFlight();

  const health = healthHandler({ slack: () => ({ ok: true }) }, () => ({
    mode: config.slack.mode,
    inFlight: inFlight.size,
    accepting: inFlight.isAccepting,
  }));

  const receiver =
    config.slack.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.slack.appToken as string,
          logger: sdkLogger,
          logLevel: LogLevel.INFO,
          installerOptions: { clientOptions: clientOptions() },
        })
      : new HTTPReceiver({
          signingSecret: config.slack.signingSecret as string,
          endpoints: '/slack/events',
          logger: sdkLogger,
          processBeforeResponse: false,
          customRoutes: [
            { path: '/healthz', method: ['GET'], handler: (req, res) => void health(req, res) },
          ],
        });

  const app = new App({
    token: config.slack.botToken,
    receiver,
    logger: sdkLogger,
    clientOptions: clientOptions(),
    deferInitialization: true,
  });
  await app.init();

  const context: BotContext = {
    config,
    logger,
    dedupe: options.dedupe ?? new MemoryDedupe({ ttlMs: DEDUPE_TTL_MS, maxEntries: DEDUPE_MAX }),
    inFlight,
    codec: new FlowCodec(
      config.slack.signingSecret ?? config.slack.appToken ?? config.slack.botToken,
    ),
    slack: new SlackGateway(app.client, logger, options.pacer),
    outcomes: options.outcomes ?? (await FileOutcomeStore.open(config.dataDir)),
    now: options.now ?? Date.now,
  };
  registerMessages(app, context);
  registerActions(app, context);
  registerCommands(app, context);
  registerViews(app, context);
  registerShortcuts(app, context);
  registerHome(app, context);
  app.error(async (err) => {
    logger.error('unhandled listener error', { error: err });
  });

  let port: number;
  let healthServer: Server | undefined;
  if (receiver instanceof HTTPReceiver) {
    const server = (await app.start(config.port)) as Server;
    port = (server.address() as AddressInfo).port;
  } else {
    healthServer = await startHealthServer(config.port, health);
    port = (healthServer.address() as AddressInfo).port;
    await app.start();
  }
  logger.info('tfauth started', { mode: config.slack.mode, port });

  return {
    app,
    context,
    port,
    async stop() {
      logger.info('shutting down: no new events; finishing replies in flight', {
        inFlight: inFlight.size,
      });
      const draining = inFlight.drain(config.shutdownTimeoutMs);
      await app.stop().catch((err: unknown) => logger.warn('receiver stop failed', { error: err }));
      const drained = await draining;
      if (!drained)
        logger.warn('shutdown timeout: some replies were not finished', {
          inFlight: inFlight.size,
        });
      if (healthServer) await new Promise<void>((resolve) => healthServer?.close(() => resolve()));
      return { drained };
    },
  };
}
