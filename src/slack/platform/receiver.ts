// The receiver for the configured mode — HTTP (signed requests on /slack/events, the probes
// beside them) or Socket Mode (a WebSocket; the probes on their own server) — with its
// guards in front (guards/) and "is Slack reachable" kept up to date.

import { HTTPReceiver, LogLevel, SocketModeReceiver, type Logger as BoltLogger } from '@slack/bolt';
import type { Config } from '../../infra/config';
import type { Dedupe } from '../../infra/dedupe';
import type { Logger } from '../../infra/logger';
import { guardHttpReceiver } from './guards/http-guard';
import { guardSocketFrames } from './guards/socket-guard';
import { serve, type ProbeRoute } from './health';

/** Largest request body accepted on /slack/events; Slack's payloads are far smaller. */
const BODY_LIMIT = 1024 * 1024;

export type SlackState = { ok: boolean; detail: string };

export interface ReceiverOptions {
  config: Config;
  logger: Logger;
  sdkLogger: BoltLogger;
  dedupe: Dedupe;
  probes: ProbeRoute[];
  /** Socket Mode: the link's state, as it changes. */
  onSlackState: (state: SlackState) => void;
  /** Socket Mode learns the app id from the connection itself (the hello frame). */
  onSocketAppId: (appId: string) => void;
}

export function createReceiver(options: ReceiverOptions): HTTPReceiver | SocketModeReceiver {
  const { config, logger, sdkLogger } = options;
  const slack = config.slack;
  if (slack.mode === 'socket') {
    const receiver = new SocketModeReceiver({
      appToken: slack.appToken,
      logger: sdkLogger,
      logLevel: LogLevel.INFO,
      // The Socket Mode client keeps its own client for apps.connections.open (and mutates its options).
      installerOptions: {
        clientOptions: {
          slackApiUrl: slack.apiUrl,
          retryConfig: { retries: 3, factor: 2, minTimeout: 500 },
        },
      },
    });
    guardSocketFrames(receiver, logger, options.onSocketAppId);
    const state = (ok: boolean, detail: string) => () => options.onSlackState({ ok, detail });
    // In Socket Mode, "Slack is reachable" means the WebSocket is up.
    receiver.client.on('connected', state(true, 'socket connected'));
    // 'close' fires when the link drops; 'reconnecting' only after the client's back-off delay.
    receiver.client.on('close', state(false, 'socket closed'));
    receiver.client.on('reconnecting', state(false, 'socket reconnecting'));
    receiver.client.on('disconnected', state(false, 'socket disconnected'));
    return receiver;
  }
  const receiver = new HTTPReceiver({
    signingSecret: slack.signingSecret,
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
    customRoutes: options.probes.map((route) => ({
      path: route.path,
      method: ['GET'],
      handler: (req, res) => serve(route, req, res),
    })),
  });
  guardHttpReceiver(receiver, {
    signingSecret: slack.signingSecret,
    path: '/slack/events',
    bodyLimit: BODY_LIMIT,
    logger,
    dedupe: options.dedupe,
  });
  return receiver;
}
