// The bot's own Web API calls go through here: pacing and retries (infra/pacer), and
// logging failures with their message reference — never with message text. (Bolt's
// start-up auth.test, views.open within a trigger's 3 seconds, and response_url posts
// do not: they are not rate-limited the same way and must not wait in a queue.)

import type { WebClient } from '@slack/web-api';
import { mustCheckThread } from '../infra/intake/context';
import type { Logger } from '../infra/logger';
import { classifyFailure } from '../infra/slack-errors';

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
    /** After a timeout or reset, how long Slack gets to finish the post before we look for it. */
    private readonly settleMs = 5000,
  ) {}

  async call<T = Record<string, unknown>>(
    method: string,
    args: Args,
    ref: Record<string, unknown> = {},
    attempt?: () => Promise<unknown>,
  ): Promise<T> {
    // The last guard is applied to every body where it is sent: the client's fetch (outgoing.ts).
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
   * Posts a message. With `idempotencyKey`, a post whose outcome is unknown (timeout, reset,
   * 5xx) is looked for in the thread before it is tried again — never simply sent twice. Work
   * replayed from the intake, or whose shared claim could not be taken, looks first, and
   * after posting makes sure it is the only reply with that key (the later copy removes itself).
   */
  postMessage(args: Args, ref?: Record<string, unknown>, idempotencyKey?: string) {
    if (!idempotencyKey || typeof args.channel !== 'string' || typeof args.thread_ts !== 'string')
      return this.call<{ ts?: string; channel?: string }>('chat.postMessage', args, ref);
    const channel = args.channel;
    const thread = args.thread_ts;
    const key = idempotencyKey;
    const withKey = {
      ...args,
      metadata: { event_type: REPLY_EVENT, event_payload: { key } },
    };
    const checkFirst = mustCheckThread();
    let uncertain = checkFirst;
    let settle = false;
    const attempt = async () => {
      if (uncertain) {
        if (settle) await new Promise((r) => setTimeout(r, this.settleMs));
        settle = false;
        const existing = await this.findReplies(channel, thread, key);
        if (existing[0]) return { ok: true, ts: existing[0], channel };
      }
      let res: { ts?: string };
      try {
        res = (await this.client.apiCall('chat.postMessage', withKey)) as { ts?: string };
      } catch (err) {
        const kind = classifyFailure(err).kind;
        if (kind === 'network' || kind === 'server') uncertain = true;
        if (kind === 'network') settle = true;
        throw err;
      }
      return checkFirst ? this.keepFirst(channel, thread, key, res) : res;
    };
    return this.call<{ ts?: string; channel?: string }>('chat.postMessage', withKey, ref, attempt);
  }

  /** Another replica may have posted the same reply meanwhile: the earliest one stays. */
  private async keepFirst(
    channel: string,
    thread: string,
    key: string,
    res: { ts?: string },
  ): Promise<{ ts?: string }> {
    let ours: string[];
    try {
      ours = await this.findReplies(channel, thread, key);
    } catch {
      return res;
    }
    const first = ours[0];
    if (!first || !res.ts || first === res.ts) return res;
    await this.client.apiCall('chat.delete', { channel, ts: res.ts }).catch(() => undefined);
    this.logger.info('removed a second copy of a reply another replica also posted', {
      channel,
      thread,
    });
    return { ...res, ts: first };
  }

  /**
   * Our replies in the thread carrying `key`, oldest first. Throws when Slack cannot be asked
   * right now (so the caller retries the check, not the post); an empty list only when the
   * answer is known, or the check can never work (a final error).
   */
  private async findReplies(channel: string, thread: string, key: string): Promise<string[]> {
    let res: {
      messages?: Array<{
        ts?: string;
        metadata?: { event_type?: string; event_payload?: { key?: string } };
      }>;
    };
    try {
      res = (await this.client.apiCall('conversations.replies', {
        channel,
        ts: thread,
        include_all_metadata: true,
        limit: 200,
      })) as typeof res;
    } catch (err) {
      if (classifyFailure(err).kind === 'final') return [];
      throw err;
    }
    return (res.messages ?? [])
      .filter(
        (m) => m.metadata?.event_type === REPLY_EVENT && m.metadata.event_payload?.key === key,
      )
      .map((m) => m.ts as string)
      .filter(Boolean)
      .sort((a, b) => (a.padStart(20, '0') < b.padStart(20, '0') ? -1 : 1));
  }

  postEphemeral(args: Args, ref?: Record<string, unknown>) {
    return this.call('chat.postEphemeral', args, ref);
  }

  update(args: Args, ref?: Record<string, unknown>) {
    return this.call('chat.update', args, ref);
  }
}
