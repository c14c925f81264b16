// Assembles the Bolt app: receiver (HTTP or Socket Mode), Web API client, listeners and
// /healthz. Returns a handle that stops it gracefully.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { createStsService, type StsServiceOptions } from '../aws/sts-service';
import type { Config } from '../infra/config';
import { InFlight } from '../infra/in-flight';
import { boltLogger, type Logger } from '../infra/logger';
import { createRuntime, type Runtime } from '../infra/runtime';
import { ActionRouter } from './action-router';
import { registerActions } from './actions';
import type { BotContext } from './bot-context';
import { registerCommands } from './commands';
import { buttonSigningSecret, FlowCodec } from './flow-state';
import { SlackGateway } from './gateway';
import {
  healthHandler,
  probeRoutes,
  readinessHandler,
  serve,
  startHealthServer,
  type Check,
} from './health';
import { registerHome } from './home';
import { journalMessages } from './intake';
import { createDiagnosisEngine } from '../infra/diagnosis-pool';
import { countRequests } from './request-metrics';
import { registerMentions } from './mentions';
import { registerMessages } from './messages';
import { registerShortcuts } from './shortcuts';
import { registerSts, stsSubcommands } from './sts';
import { registerViews } from './views';
import { guardEvents } from './guards/event-guard';
import { guardHttpReceiver } from './guards/http-guard';
import { guardSocketFrames } from './guards/socket-guard';
import { installationFrom, type Installation } from './guards/installation';
import { unexpectedRejections } from '../infra/unexpected';
import { outgoingFetch } from './outgoing';

export interface BotOptions {
  config: Config;
  logger: Logger;
  /** Replace parts of the runtime (tests). */
  runtime?: Runtime;
  now?: () => number;
  /** Extra /healthz checks (e.g. STS). */
  checks?: Record<string, Check>;
  /** Tuning of the STS checks (tests: budgets, timeouts). */
  sts?: StsServiceOptions;
  /** Listen on this address only (the playground: 127.0.0.1). Default: all interfaces. */
  host?: string;
}

export interface RunningBot {
  app: App;
  context: BotContext;
  runtime: Runtime;
  /** The port actually listened on (HTTP receiver, or the health server in Socket Mode). */
  port: number;
  /** Stops taking new events, waits for replies in flight, then closes connections. */
  stop(): Promise<{ drained: boolean }>;
}

/** Largest request body accepted on /slack/events; Slack's payloads are far smaller. */
const BODY_LIMIT = 1024 * 1024;

export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { config, logger } = options;
  const sdkLogger = boltLogger(logger, config.logLevel);
  const runtime = options.runtime ?? (await createRuntime(config, logger));
  // Retries and 429s are handled by the pacer only: the WebClient's own 429 handling
  // pauses its whole queue, which would stall every channel for one channel's limit.
  const apiClientOptions = {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: sdkLogger,
    timeout: config.slackTimeoutMs,
    // Every Web API body and every respond() to a response_url passes the last guard here.
    fetch: outgoingFetch,
  };
  const inFlight = new InFlight();
  inFlight.alsoWaitFor(() => runtime.intake.idle());
  // Off unless TFAUTH_STS=on; then on only if the bot's own AWS credentials are found.
  const sts = createStsService(config, logger, options.sts);
  let slackOk: { ok: boolean; detail: string } = { ok: false, detail: 'not started' };

  const health = healthHandler(
    {
      slack: () => slackOk,
      redis: () => runtime.redisState(),
      outcomes: () => runtime.outcomes.health(),
      intake: () => runtime.intake.health(),
      sts: () => sts.health(),
      ...options.checks,
    },
    () => ({
      mode: config.slack.mode,
      inFlight: inFlight.size,
      accepting: inFlight.isAccepting,
      pacer: runtime.pacer.stats,
      unhandledRejections: unexpectedRejections(),
      intake: { pending: runtime.intake.pending(), ...runtime.intake.stats },
    }),
  );
  const ready = readinessHandler({
    slack: () => slackOk,
    accepting: () => ({
      ok: inFlight.isAccepting,
      detail: inFlight.isAccepting ? 'yes' : 'stopping',
    }),
  });
  const probes = probeRoutes(health, ready);

  const receiver =
    config.slack.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.slack.appToken as string,
          logger: sdkLogger,
          logLevel: LogLevel.INFO,
          // The Socket Mode client keeps its own client for apps.connections.open (and mutates its options).
          installerOptions: {
            clientOptions: {
              slackApiUrl: config.slack.apiUrl,
              retryConfig: { retries: 3, factor: 2, minTimeout: 500 },
            },
          },
        })
      : new HTTPReceiver({
          signingSecret: config.slack.signingSecret as string,
          endpoints: '/slack/events',
          logger: sdkLogger,
          processBeforeResponse: false,
          bodyLimit: BODY_LIMIT,
          // Bolt cannot route some payloads (unknown types): answer them with a 400 instead of
          // holding the connection and logging an error. Not sooner: under load a real event's
          // ack (journal write first) can take over a second, and a 400 makes Slack retry it.
          unhandledRequestTimeoutMillis: 2900,
          unhandledRequestHandler: ({ response }) => {
            logger.warn('ignored a request Slack payloads never look like (no known type)');
            if (!response.headersSent) response.writeHead(400).end();
          },
          customRoutes: probes.map((route) => ({
            path: route.path,
            method: ['GET'],
            handler: (req, res) => serve(route, req, res),
          })),
        });

  // convoStore: off — tfauth keeps no conversation state (it all travels in button values).
  const app = new App({
    convoStore: false,
    token: config.slack.botToken,
    receiver,
    logger: sdkLogger,
    clientOptions: apiClientOptions,
    deferInitialization: true,
  });
  // Requests from this installation only, once, and of the shape Slack sends (guards/).
  let installation: Installation | undefined;
  // Socket Mode learns the app id from the connection itself (the hello frame).
  let socketAppId: string | undefined;
  if (receiver instanceof HTTPReceiver)
    guardHttpReceiver(receiver, {
      signingSecret: config.slack.signingSecret as string,
      path: '/slack/events',
      bodyLimit: BODY_LIMIT,
      logger,
      dedupe: runtime.dedupe,
    });
  else guardSocketFrames(receiver, logger, (id) => (socketAppId = id));
  guardEvents(app, {
    logger,
    dedupe: runtime.dedupe,
    installation: () =>
      installation && !installation.appId && socketAppId
        ? { ...installation, appId: socketAppId }
        : installation,
  });
  if (receiver instanceof SocketModeReceiver) {
    // In Socket Mode, "Slack is reachable" means the WebSocket is up.
    receiver.client.on('connected', () => (slackOk = { ok: true, detail: 'socket connected' }));
    // 'close' fires when the link drops; 'reconnecting' only after the client's back-off delay.
    receiver.client.on('close', () => (slackOk = { ok: false, detail: 'socket closed' }));
    receiver.client.on(
      'reconnecting',
      () => (slackOk = { ok: false, detail: 'socket reconnecting' }),
    );
    receiver.client.on(
      'disconnected',
      () => (slackOk = { ok: false, detail: 'socket disconnected' }),
    );
  }
  try {
    await Promise.all([
      app.init().then(async () => {
        slackOk = { ok: true, detail: 'token verified (auth.test)' };
        installation = installationFrom(await app.client.auth.test(), {
          ...(config.slack.appId ? { appId: config.slack.appId } : {}),
          multiWorkspace: config.multiWorkspace,
        });
        if (!installation.appId && config.slack.mode === 'http')
          logger.warn('requests are not checked for api_app_id: set SLACK_APP_ID');
      }),
      sts.start(),
    ]);
  } catch (err) {
    await sts.close();
    await runtime.close();
    throw err;
  }
  // Diagnosis runs in worker threads: a 5 MB log or a burst never delays an acknowledgement.
  const engine = createDiagnosisEngine(config.diagnosisThreads);

  const context: BotContext = {
    config,
    logger,
    dedupe: runtime.dedupe,
    inFlight,
    codec: new FlowCodec(buttonSigningSecret(config.slack)),
    slack: new SlackGateway(
      app.client,
      logger,
      runtime.pacer,
      // As long again as the call was given (capped): Slack may still be carrying it out.
      Math.min(10_000, config.slackTimeoutMs),
    ),
    outcomes: runtime.outcomes,
    engine,
    sts,
    now: options.now ?? Date.now,
  };
  journalMessages(app, runtime.intake, config.channels);
  countRequests(app);
  registerMessages(app, context);
  registerMentions(app, context);
  const buttons = new ActionRouter();
  registerActions(buttons, context);
  registerSts(buttons, context);
  buttons.register(app);
  registerCommands(app, context, stsSubcommands());
  registerViews(app, context);
  registerShortcuts(app, context);
  registerHome(app, context);
  app.error(async (err) => {
    logger.error('unhandled listener error', { error: err });
  });

  let port: number;
  let healthServer: Server | undefined;
  if (receiver instanceof HTTPReceiver) {
    const listen = options.host ? { port: config.port, host: options.host } : config.port;
    const server = (await app.start(listen)) as Server;
    port = (server.address() as AddressInfo).port;
  } else {
    healthServer = await startHealthServer(config.port, probes);
    port = (healthServer.address() as AddressInfo).port;
    await app.start();
  }
  runtime.intake.start();
  logger.info('tfauth started', {
    mode: config.slack.mode,
    port,
    redis: config.redisUrl ? 'shared state' : 'in-process',
    sts: sts.health().detail,
  });

  return {
    app,
    context,
    runtime,
    port,
    async stop() {
      logger.info('shutting down: no new events; finishing replies in flight', {
        inFlight: inFlight.size,
      });
      // Close the door first (no new events reach us; Slack retries elsewhere), then wait for
      // everything already acknowledged: nothing acknowledged is ever dropped.
      await app.stop().catch((err: unknown) => logger.warn('receiver stop failed', { error: err }));
      // What has not started stays in the durable log for the next start (or another replica).
      await runtime.intake.stop();
      const drained = await inFlight.drain(config.shutdownTimeoutMs);
      if (!drained)
        logger.warn('shutdown timeout: some replies were not finished', {
          inFlight: inFlight.size,
        });
      if (healthServer) await new Promise<void>((resolve) => healthServer?.close(() => resolve()));
      await runtime.pacer.stop();
      await sts.close();
      await engine.close();
      await runtime.close();
      return { drained };
    },
  };
}
