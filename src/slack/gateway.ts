// The bot's own Web API calls go through here: pacing and retries (infra/pacer), and
// logging failures with their message reference — never with message text. (Bolt's
// start-up auth.test, views.open within a trigger's 3 seconds, and response_url posts
// do not: they are not rate-limited the same way and must not wait in a queue.)

import type { WebClient } from '@slack/web-api';
import type { Logger } from '../infra/logger';
import { classifyFailure } from '../infra/slack-errors';
import { guardSlackArgs } from '../diagnosis';

type Args = Record<string, unknown>;

export interface Pacer {
  /** Waits for a slot for `method` (per channel for chat.postMessage), then runs `call` with retries. */
  schedule<T>(method: string, channel: string | undefined, call: () => Promise<T>): Promise<T>;
}

export const NO_PACING: Pacer = { schedule: (_m, _c, call) => call() };

/** Marks our replies so a retry after an ambiguous failure can tell whether Slack already posted. */
const REPLY_EVENT = 'tfauth_reply';

export class SlackGateway {
  constructor(
    private readonly client: WebClient,
    private readonly logger: Logger,
    private readonly pacer: Pacer = NO_PACING,
  ) {}

  async call<T = Record<string, unknown>>(
    method: string,
    unguarded: Args,
    ref: Record<string, unknown> = {},
    attempt?: () => Promise<unknown>,
  ): Promise<T> {
    // The last guard over every body the bot sends (postMessage's retry path included).
    const args = guardSlackArgs(unguarded);
    const channel = typeof args.channel === 'string' ? args.channel : undefined;
    try {
      return (await this.pacer.schedule(
        method,
        channel,
        attempt ?? (() => this.client.apiCall(method, args)),
      )) as T;
    } catch (err) {
      const e = err as {
        code?: string;
        data?: { error?: string };
        statusCode?: number;
        message?: string;
      };
      this.logger.error('slack api call failed', {
        method,
        ...ref,
        error: e.data?.error ?? e.code ?? e.message,
        status: e.statusCode,
      });
      throw err;
    }
  }

  /**
   * Posts a message. With `idempotencyKey`, a retry after a timeout, reset or 5xx first checks
   * the thread for a reply carrying the same key, so one message never gets two replies.
   */
  postMessage(args: Args, ref?: Record<string, unknown>, idempotencyKey?: string) {
    if (!idempotencyKey || typeof args.channel !== 'string' || typeof args.thread_ts !== 'string')
      return this.call<{ ts?: string; channel?: string }>('chat.postMessage', args, ref);
    const channel = args.channel;
    const thread = args.thread_ts;
    const withKey = {
      ...guardSlackArgs(args),
      metadata: { event_type: REPLY_EVENT, event_payload: { key: idempotencyKey } },
    };
    let uncertain = false;
    const attempt = async () => {
      if (uncertain) {
        const existing = await this.findReply(channel, thread, idempotencyKey);
        if (existing) return { ok: true, ts: existing, channel };
      }
      try {
        return await this.client.apiCall('chat.postMessage', withKey);
      } catch (err) {
        const kind = classifyFailure(err).kind;
        if (kind === 'network' || kind === 'server') uncertain = true;
        throw err;
      }
    };
    return this.call<{ ts?: string; channel?: string }>('chat.postMessage', withKey, ref, attempt);
  }

  private async findReply(
    channel: string,
    thread: string,
    key: string,
  ): Promise<string | undefined> {
    try {
      const res = (await this.client.apiCall('conversations.replies', {
        channel,
        ts: thread,
        include_all_metadata: true,
        limit: 200,
      })) as {
        messages?: Array<{
          ts?: string;
          metadata?: { event_type?: string; event_payload?: { key?: string } };
        }>;
      };
      return res.messages?.find(
        (m) => m.metadata?.event_type === REPLY_EVENT && m.metadata.event_payload?.key === key,
      )?.ts;
    } catch {
      return undefined; // cannot tell: post again rather than lose the reply
    }
  }

  postEphemeral(args: Args, ref?: Record<string, unknown>) {
    return this.call('chat.postEphemeral', args, ref);
  }

  update(args: Args, ref?: Record<string, unknown>) {
    return this.call('chat.update', args, ref);
  }
}
