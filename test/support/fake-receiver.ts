// The unit layer's Slack: the real Bolt app with every real listener and guard (built by
// src/slack/app.ts's createBoltApp, as startBot builds it), driven through a fake receiver
// that calls `app.processEvent({ body, ack })` directly — as bolt-js's own unit tests do
// (test/unit/helpers FakeReceiver) — and a Web API held in memory: the app's WebClient and
// respond() send through an in-memory fetch that records every call and answers the methods
// tfauth uses. No sockets, no worker threads: a request runs in milliseconds. What Slack
// validates (Block Kit limits, trigger expiry, faults) is the end-to-end tests' job, through
// the local Slack test server (test/support/bot.ts).

import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { SLACK_IDS, botIdentity, dmChannelFor, nextTs } from '@tfauth/slack-test-server';
import { createStsService } from '../../src/aws/sts-service';
import { loadConfig, type Config } from '../../src/infra/config';
import { InFlight } from '../../src/infra/in-flight';
import { boltLogger, createLogger } from '../../src/infra/logger';
import { createRuntime, type Runtime } from '../../src/infra/runtime';
import type { BotContext } from '../../src/slack/bot-context';
import { createBoltApp } from '../../src/slack/app';
import { guardedFetch } from '../../src/slack/platform/outgoing';
import { testEnv } from './bot';

/** A receiver that hands each body straight to Bolt, recording what was acknowledged. */
export class FakeReceiver implements Receiver {
  private app: App | undefined;

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** Runs one request through the app; resolves with what it was acknowledged with. */
  async send(payload: object): Promise<{ acked: boolean; response?: unknown }> {
    if (!this.app) throw new Error('FakeReceiver: no app (createBoltApp not called)');
    const ack: { acked: boolean; response?: unknown } = { acked: false };
    const event: ReceiverEvent = {
      body: payload,
      ack: async (response?: unknown) => {
        if (ack.acked) throw new Error('acknowledged twice');
        ack.acked = true;
        if (response !== undefined) ack.response = response;
      },
    };
    await this.app.processEvent(event);
    return ack;
  }
}

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
}

export interface Posted {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  user?: string;
  metadata?: unknown;
}

export interface ResponsePost {
  url: string;
  body: Record<string, unknown>;
}

type Method = (args: Record<string, unknown>) => Record<string, unknown>;

/** A text field as the WebClient sent it (always a string, when present). */
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/** Form fields Slack reads as JSON (the WebClient serialises them so). */
function decodeForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    if (/^\s*[[{]/.test(value)) {
      try {
        out[key] = JSON.parse(value) as unknown;
        continue;
      } catch {
        // not JSON after all: kept as text
      }
    }
    out[key] = value;
  }
  return out;
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

/** The Web API tfauth calls, in memory: messages by channel, every call and response_url post recorded. */
export class MemorySlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  /** Channel messages (the bot's and any a test seeds), updates applied. */
  readonly messages: Posted[] = [];
  readonly ephemerals: Array<Posted & { user: string }> = [];
  readonly homeViews = new Map<string, Record<string, unknown>>();
  readonly openedViews: Array<Record<string, unknown>> = [];
  private readonly overrides = new Map<string, Method>();

  /** The fetch Bolt's WebClient and respond() send with. */
  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const text = typeof init?.body === 'string' ? init.body : '';
    const type = new Headers(init?.headers).get('content-type') ?? '';
    const body = type.startsWith('application/json')
      ? (JSON.parse(text || '{}') as Record<string, unknown>)
      : decodeForm(text);
    const api = /^\/api\/([a-zA-Z.]+)$/.exec(url.pathname);
    if (!api?.[1]) {
      this.responses.push({ url: url.href, body });
      return new Response('ok', { status: 200 });
    }
    const method = api[1];
    this.calls.push({ method, args: body });
    const handler = this.overrides.get(method) ?? this.methods[method];
    return json(200, handler ? handler(body) : { ok: false, error: 'unknown_method' });
  };

  /** Replaces (or, with undefined, restores) one method's answer. */
  onMethod(method: string, handler: Method | undefined): void {
    if (handler) this.overrides.set(method, handler);
    else this.overrides.delete(method);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** A user's message, as Slack would have stored it (what conversations.replies returns). */
  addMessage(m: Posted): void {
    this.messages.push(m);
  }

  /** The bot's messages in a channel (after updates), oldest first. */
  botMessages(channel: string = SLACK_IDS.channelId): Posted[] {
    return this.messages.filter((m) => m.channel === channel && m.user === SLACK_IDS.botUserId);
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.messages.length = 0;
    this.ephemerals.length = 0;
    this.homeViews.clear();
    this.openedViews.length = 0;
    this.overrides.clear();
  }

  private channelOf(raw: unknown): string {
    const c = String(raw);
    return /^[UW]/.test(c) ? dmChannelFor(c) : c;
  }

  private readonly methods: Record<string, Method> = {
    'auth.test': () => ({ ok: true, ...botIdentity() }),
    'chat.postMessage': (args) => {
      const m: Posted = {
        channel: this.channelOf(args.channel),
        ts: nextTs(),
        text: str(args.text),
        user: SLACK_IDS.botUserId,
        ...(typeof args.thread_ts === 'string' ? { thread_ts: args.thread_ts } : {}),
        ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
        ...(args.metadata !== undefined ? { metadata: args.metadata } : {}),
      };
      this.messages.push(m);
      return { ok: true, channel: m.channel, ts: m.ts, message: { ...m, bot_id: SLACK_IDS.botId } };
    },
    'chat.postEphemeral': (args) => {
      const m = {
        channel: this.channelOf(args.channel),
        ts: nextTs(),
        text: str(args.text),
        user: String(args.user),
        ...(typeof args.thread_ts === 'string' ? { thread_ts: args.thread_ts } : {}),
        ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
      };
      this.ephemerals.push(m);
      return { ok: true, message_ts: m.ts };
    },
    'chat.update': (args) => {
      const m = this.messages.find((x) => x.channel === args.channel && x.ts === args.ts);
      if (!m) return { ok: false, error: 'message_not_found' };
      m.text = str(args.text, m.text);
      if (Array.isArray(args.blocks)) m.blocks = args.blocks;
      return { ok: true, channel: m.channel, ts: m.ts, text: m.text };
    },
    'chat.delete': (args) => {
      const i = this.messages.findIndex((x) => x.channel === args.channel && x.ts === args.ts);
      if (i < 0) return { ok: false, error: 'message_not_found' };
      this.messages.splice(i, 1);
      return { ok: true, channel: args.channel, ts: args.ts };
    },
    'chat.getPermalink': (args) => ({
      ok: true,
      channel: args.channel,
      permalink: `https://${SLACK_IDS.teamDomain}.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}`,
    }),
    'conversations.replies': (args) => {
      const root = String(args.ts);
      const thread = this.messages.filter(
        (m) => m.channel === args.channel && (m.ts === root || m.thread_ts === root),
      );
      if (thread.length === 0) return { ok: false, error: 'thread_not_found' };
      return { ok: true, messages: thread, has_more: false };
    },
    'views.open': (args) => {
      const view = args.view as Record<string, unknown>;
      this.openedViews.push(view);
      return { ok: true, view: { id: `V${this.openedViews.length}`, ...view } };
    },
    'views.publish': (args) => {
      this.homeViews.set(String(args.user_id), args.view as Record<string, unknown>);
      return { ok: true, view: { id: 'VHOME', ...(args.view as object) } };
    },
    'usergroups.users.list': () => ({ ok: true, users: [] }),
  };
}

export interface FakeBot {
  app: App;
  context: BotContext;
  config: Config;
  runtime: Runtime;
  receiver: FakeReceiver;
  slack: MemorySlack;
  /** Sends one request and waits until everything it started has finished. */
  send(payload: object): Promise<{ acked: boolean; response?: unknown }>;
  stop(): Promise<void>;
}

/**
 * The real app over a fake receiver and the in-memory Web API. Diagnosis runs on the event
 * loop (TFAUTH_DIAGNOSIS_THREADS=0); STS checks off; state in-process, in a temporary folder.
 */
export async function startFakeBot(env: Record<string, string> = {}): Promise<FakeBot> {
  const result = loadConfig(
    testEnv('http', 'https://slack.com/api/', {
      LOG_LEVEL: 'error',
      TFAUTH_POST_INTERVAL_MS: '0',
      TFAUTH_DIAGNOSIS_THREADS: '0',
      ...env,
    }),
  );
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const config = result.config;
  const logger = createLogger({ level: 'error', write: () => undefined });
  const runtime = await createRuntime(config, logger);
  const slack = new MemorySlack();
  const receiver = new FakeReceiver();
  const inFlight = new InFlight();
  const sts = createStsService(config, logger);
  const { app, context } = await createBoltApp({
    config,
    logger,
    sdkLogger: boltLogger(logger, 'error'),
    runtime,
    receiver,
    inFlight,
    sts,
    // The last guard stays in front of the fake, as in production (platform/outgoing.ts).
    fetch: guardedFetch(slack.fetch),
  });
  runtime.intake.start();
  // Start-up's auth.test is not what the tests look at: they see only what requests cause.
  slack.reset();
  return {
    app,
    context,
    config,
    runtime,
    receiver,
    slack,
    async send(payload) {
      const ack = await receiver.send(payload);
      await inFlight.settled();
      return ack;
    },
    async stop() {
      await runtime.intake.stop();
      await inFlight.drain(1000);
      await runtime.pacer.stop();
      await sts.close();
      await context.engine.close();
      await runtime.close();
    },
  };
}
