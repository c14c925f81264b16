// Assembles the Bolt app: receiver (HTTP or Socket Mode), Web API client, listeners and
// /healthz. Returns a handle that stops it gracefully.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Logger as BoltLogger, type Receiver } from '@slack/bolt';
import { createStsService, type StsService, type StsServiceOptions } from '../aws/sts-service';
import type { Config } from '../infra/config';
import { createDiagnosisEngine } from '../infra/diagnosis-pool';
import { InFlight } from '../infra/in-flight';
import { boltLogger, type Logger } from '../infra/logger';
import { createRuntime, type Runtime } from '../infra/runtime';
import type { BotContext } from './bot-context';
import { StsValueCodec } from './features/sts/values';
import { FlowCodec } from './features/walkthrough/state';
import * as actions from './listeners/actions';
import * as commands from './listeners/commands';
import * as home from './listeners/home';
import * as mentions from './listeners/mentions';
import * as messages from './listeners/messages';
import * as shortcuts from './listeners/shortcuts';
import * as views from './listeners/views';
import { SlackGateway } from './platform/gateway';
import { outgoingFetch } from './platform/outgoing';
import { PasteReader } from './platform/paste';
import { guardEvents } from './platform/guards/event-guard';
import { installationFrom, type Installation } from './platform/guards/installation';
import { botProbes, startHealthServer, type Check } from './platform/health';
import { journalRequests } from './platform/intake';
import { createReceiver, type SlackState } from './platform/receiver';
import { countRequests } from './platform/request-metrics';
import { valueSigningSecret } from './platform/signed-value';

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

export interface BoltAppParts {
  config: Config;
  logger: Logger;
  sdkLogger: BoltLogger;
  runtime: Runtime;
  /** Where requests come from: HTTP or Socket Mode (platform/receiver.ts), or a test's fake. */
  receiver: Receiver;
  inFlight: InFlight;
  sts: StsService;
  /** Everything sent to Slack (Web API calls, respond()) goes through this fetch. */
  fetch: typeof fetch;
  /** Socket Mode learns the app id from the connection itself (the hello frame). */
  socketAppId?: () => string | undefined;
  now?: () => number;
}

/**
 * The Bolt app as it answers Slack: guards, the durable intake, request counting and every
 * listener, over a context built from `parts`; `auth.test` has answered (the installation the
 * guards compare with). startBot runs it behind the real receiver; the unit tests behind a
 * fake one (test/support/fake-receiver.ts), calling `app.processEvent` directly.
 */
export async function createBoltApp(
  parts: BoltAppParts,
): Promise<{ app: App; context: BotContext }> {
  const { config, logger, runtime, inFlight } = parts;
  // Retries and 429s are handled by the pacer only: the WebClient's own 429 handling
  // pauses its whole queue, which would stall every channel for one channel's limit.
  const apiClientOptions = {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: parts.sdkLogger,
    timeout: config.slackTimeoutMs,
    // Every Web API body and every respond() to a response_url passes the last guard here.
    fetch: parts.fetch,
  };
  inFlight.alsoWaitFor(() => runtime.intake.idle());
  // convoStore: off — tfauth keeps no conversation state (it all travels in button values).
  const app = new App({
    convoStore: false,
    token: config.slack.botToken,
    receiver: parts.receiver,
    logger: parts.sdkLogger,
    clientOptions: apiClientOptions,
    deferInitialization: true,
  });
  // Requests from this installation only, once, and of the shape Slack sends (platform/guards/).
  // Known once auth.test has answered; until then the guards compare nothing.
  const known: { installation?: Installation } = {};
  const socketAppId = parts.socketAppId ?? (() => undefined);
  guardEvents(app, {
    logger,
    dedupe: runtime.dedupe,
    installation: () => {
      const { installation } = known;
      const appId = socketAppId();
      return installation && !installation.appId && appId
        ? { ...installation, appId }
        : installation;
    },
  });
  await app.init();
  const installation = installationFrom(await app.client.auth.test(), {
    ...(config.slack.appId ? { appId: config.slack.appId } : {}),
    multiWorkspace: config.multiWorkspace,
  });
  known.installation = installation;
  if (!installation.appId && config.slack.mode === 'http')
    logger.warn('requests are not checked for api_app_id: set SLACK_APP_ID');
  // Diagnosis runs in worker threads: a 5 MB log or a burst never delays an acknowledgement.
  const engine = createDiagnosisEngine(config.diagnosisThreads);

  const slack = new SlackGateway(
    app.client,
    logger,
    runtime.pacer,
    // As long again as the call was given (capped): Slack may still be carrying it out.
    Math.min(10_000, config.slackTimeoutMs),
  );
  const secret = valueSigningSecret(config.slack);
  const context: BotContext = {
    config,
    logger,
    dedupe: runtime.dedupe,
    inFlight,
    codec: new FlowCodec(secret),
    stsValues: new StsValueCodec(secret),
    slack,
    paste: new PasteReader(slack, {
      botToken: config.slack.botToken,
      maxBytes: config.maxFileBytes,
    }),
    outcomes: runtime.outcomes,
    engine,
    sts: parts.sts,
    fetch: parts.fetch,
    now: parts.now ?? Date.now,
  };
  // Wrapped last, run first: every request is counted, whatever may post is journaled
  // (intake), then the guards above, then the listeners.
  journalRequests(app, runtime.intake, config.channels);
  countRequests(app);
  for (const listener of [messages, mentions, actions, commands, views, shortcuts, home])
    listener.register(app, context);
  app.error(async (err) => {
    logger.error('unhandled listener error', { error: err });
  });
  return { app, context };
}

export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { config, logger } = options;
  const sdkLogger = boltLogger(logger, config.logLevel);
  const runtime = options.runtime ?? (await createRuntime(config, logger));
  const inFlight = new InFlight();
  // Off unless TFAUTH_STS=on; then on only if the bot's own AWS credentials are found.
  const sts = createStsService(config, logger, options.sts);
  let slackOk: SlackState = { ok: false, detail: 'not started' };

  const probes = botProbes({
    mode: config.slack.mode,
    slack: () => slackOk,
    runtime,
    inFlight,
    sts,
    ...(options.checks ? { extra: options.checks } : {}),
  });

  // Socket Mode learns the app id from the connection itself (the hello frame).
  let socketAppId: string | undefined;
  const receiver = createReceiver({
    config,
    logger,
    sdkLogger,
    dedupe: runtime.dedupe,
    probes,
    onSlackState: (state) => (slackOk = state),
    onSocketAppId: (id) => (socketAppId = id),
  });

  const [built, stsStarted] = await Promise.allSettled([
    createBoltApp({
      config,
      logger,
      sdkLogger,
      runtime,
      receiver,
      inFlight,
      sts,
      fetch: outgoingFetch,
      socketAppId: () => socketAppId,
      ...(options.now ? { now: options.now } : {}),
    }),
    sts.start(),
  ]);
  if (built.status === 'rejected' || stsStarted.status === 'rejected') {
    if (built.status === 'fulfilled') await built.value.context.engine.close();
    await sts.close();
    await runtime.close();
    throw built.status === 'rejected' ? built.reason : (stsStarted as PromiseRejectedResult).reason;
  }
  const { app, context } = built.value;
  slackOk = { ok: true, detail: 'token verified (auth.test)' };
  const engine = context.engine;

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
