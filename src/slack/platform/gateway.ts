// The bot's own Web API calls go through here, one typed method per Web API method it uses
// (Slack's own argument and response types): pacing and retries (infra/pacer), and logging
// failures with their message reference — never with message text. (Bolt's start-up
// auth.test and response_url posts do not; views.open is not paced: a trigger lasts 3
// seconds and must not wait in a queue.) The last guard is not here but in the fetch every
// body is sent with (platform/outgoing.ts), so nothing sent around the gateway escapes it.

import type { webApi } from '@slack/bolt';
import { mustCheckThread, sendOnce } from '../../infra/intake/context';
import type { Logger } from '../../infra/logger';
import { classifyFailure } from '../../infra/slack-errors';

type WebClient = webApi.WebClient;
type Ref = Record<string, unknown>;
type ThreadMessage = NonNullable<webApi.ConversationsRepliesResponse['messages']>[number];

/** Slack's argument types are interfaces (no index signature); apiCall takes any fields. */
function fields(args: object): Record<string, unknown> {
  return args as Record<string, unknown>;
}

/** A message's metadata (Slack's response types leave the payload's shape open). */
export function metadataOf(m: ThreadMessage): { type?: string; payload: Record<string, unknown> } {
  const payload = m.metadata?.event_payload;
  return {
    ...(m.metadata?.event_type ? { type: m.metadata.event_type } : {}),
    payload: payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {},
  };
}

export interface Pacer {
  /** Waits for a slot for `method` (per channel for chat.postMessage), then runs `call` with retries. */
  schedule<T>(method: string, channel: string | undefined, call: () => Promise<T>): Promise<T>;
  /** Runs `call` with the retries of `method` (429s wait Retry-After), outside its budget. */
  retrying<T>(method: string, call: () => Promise<T>): Promise<T>;
}

export const NO_PACING: Pacer = {
  schedule: (_m, _c, call) => call(),
  retrying: (_m, call) => call(),
};

/** Marks our replies so a retry after an ambiguous failure can tell whether Slack already posted. */
const REPLY_EVENT = 'tfauth_reply';

/** Messages asked for when a thread is read whole. */
export const THREAD_PAGE = 200;

export class SlackGateway {
  constructor(
    private readonly client: WebClient,
    private readonly logger: Logger,
    private readonly pacer: Pacer = NO_PACING,
    /** After a timeout or reset, how long Slack gets to finish the post before we look for it. */
    private readonly settleMs = 5000,
  ) {}

  private async call<T>(
    method: string,
    typed: object,
    ref: Ref = {},
    attempt?: () => Promise<unknown>,
  ): Promise<T> {
    // The last guard is applied to every body where it is sent: the client's fetch (outgoing.ts).
    const args = fields(typed);
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
  postMessage(
    args: webApi.ChatPostMessageArguments,
    ref?: Ref,
    idempotencyKey?: string,
  ): Promise<webApi.ChatPostMessageResponse> {
    type Posted = webApi.ChatPostMessageResponse;
    // Without a key and a thread to look in, journaled work posts it at most once (sendOnce).
    if (!idempotencyKey || typeof args.thread_ts !== 'string')
      return sendOnce(
        'post',
        () => this.call<Posted>('chat.postMessage', args, ref),
        () => ({ ok: true }),
      );
    const channel = args.channel;
    const thread = args.thread_ts;
    const key = idempotencyKey;
    // A message that carries its own metadata (the walk-through) keeps its type; the key joins it.
    const own = args.metadata as
      { event_type?: string; event_payload?: Record<string, unknown> } | undefined;
    const withKey = {
      ...fields(args),
      metadata: {
        event_type: own?.event_type ?? REPLY_EVENT,
        event_payload: { ...(own?.event_payload ?? {}), key },
      },
    };
    const checkFirst = mustCheckThread();
    let uncertain = checkFirst;
    let settle = false;
    const attempt = async () => {
      if (uncertain) {
        if (settle) await new Promise((r) => setTimeout(r, this.settleMs));
        settle = false;
        const existing = await this.lookInThread(channel, thread, key);
        if (existing[0]) return { ok: true, ts: existing[0], channel };
      }
      let res: Posted;
      try {
        res = await this.client.apiCall('chat.postMessage', withKey);
      } catch (err) {
        const kind = classifyFailure(err).kind;
        if (kind === 'network' || kind === 'server') uncertain = true;
        if (kind === 'network') settle = true;
        throw err;
      }
      return checkFirst ? this.keepFirst(channel, thread, key, res) : res;
    };
    return this.call<Posted>('chat.postMessage', withKey, ref, attempt);
  }

  /** Another replica may have posted the same reply meanwhile: the earliest one stays. */
  private async keepFirst(
    channel: string,
    thread: string,
    key: string,
    res: webApi.ChatPostMessageResponse,
  ): Promise<webApi.ChatPostMessageResponse> {
    let ours: string[];
    try {
      ours = await this.lookInThread(channel, thread, key);
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
   * A look in the thread made for a post: retried as a call of its own, so a look that Slack
   * rate-limits or fails uses up its own attempts, not the post's — a reply is not dropped
   * because the look before it could not be made for a while. Not held to the method's
   * per-minute budget: a replay of a burst looks twice per reply, and a 429 says when to wait.
   */
  private lookInThread(channel: string, thread: string, key: string): Promise<string[]> {
    return this.pacer.retrying('conversations.replies', () =>
      this.findReplies(channel, thread, key),
    );
  }

  /**
   * Our replies in the thread carrying `key`, oldest first. Throws when Slack cannot be asked
   * right now (so the caller retries the check, not the post); an empty list only when the
   * answer is known, or the check can never work (a final error).
   */
  async findReplies(channel: string, thread: string, key: string): Promise<string[]> {
    let res: webApi.ConversationsRepliesResponse;
    try {
      res = await this.client.apiCall('conversations.replies', {
        channel,
        ts: thread,
        include_all_metadata: true,
        limit: THREAD_PAGE,
      });
    } catch (err) {
      // Only Slack's own final answer (missing scope, thread gone) means the check can never
      // work. Anything else — an answer whose body could not be read — says nothing about the
      // thread: treating it as "no reply there" posted the reply a second time.
      const failure = classifyFailure(err);
      if (failure.kind === 'final' && failure.answered) return [];
      throw err;
    }
    return (res.messages ?? [])
      .filter((m) => {
        const meta = metadataOf(m);
        return meta.type?.startsWith('tfauth_') === true && meta.payload.key === key;
      })
      .map((m) => m.ts as string)
      .filter(Boolean)
      .sort((a, b) => (a.padStart(20, '0') < b.padStart(20, '0') ? -1 : 1));
  }

  /**
   * An ephemeral message cannot be looked up afterwards: journaled work sends each one at most
   * once (a replay after the send skips it; see infra/intake/context.ts `sendOnce`).
   */
  postEphemeral(
    args: webApi.ChatPostEphemeralArguments,
    ref?: Ref,
  ): Promise<webApi.ChatPostEphemeralResponse> {
    return sendOnce(
      'ephemeral',
      () => this.call<webApi.ChatPostEphemeralResponse>('chat.postEphemeral', args, ref),
      () => ({ ok: true }),
    );
  }

  update(args: webApi.ChatUpdateArguments, ref?: Ref): Promise<webApi.ChatUpdateResponse> {
    return this.call('chat.update', args, ref);
  }

  /** Replaces a reply posted with `postMessage(…, key)`, keeping the key its thread is searched by. */
  updateReply(
    args: webApi.ChatUpdateArguments,
    key: string,
    ref?: Ref,
  ): Promise<webApi.ChatUpdateResponse> {
    return this.call(
      'chat.update',
      {
        ...fields(args),
        metadata: { event_type: REPLY_EVENT, event_payload: { key } },
      },
      ref,
    );
  }

  getPermalink(
    args: webApi.ChatGetPermalinkArguments,
    ref?: Ref,
  ): Promise<webApi.ChatGetPermalinkResponse> {
    return this.call('chat.getPermalink', args, ref);
  }

  /** A thread's messages (the first page: THREAD_PAGE is more than any tfauth thread holds). */
  conversationsReplies(
    args: webApi.ConversationsRepliesArguments,
    ref?: Ref,
  ): Promise<webApi.ConversationsRepliesResponse> {
    return this.call('conversations.replies', args, ref);
  }

  filesInfo(args: webApi.FilesInfoArguments, ref?: Ref): Promise<webApi.FilesInfoResponse> {
    return this.call('files.info', args, ref);
  }

  usergroupsUsersList(
    args: webApi.UsergroupsUsersListArguments,
    ref?: Ref,
  ): Promise<webApi.UsergroupsUsersListResponse> {
    return this.call('usergroups.users.list', args, ref);
  }

  viewsPublish(
    args: webApi.ViewsPublishArguments,
    ref?: Ref,
  ): Promise<webApi.ViewsPublishResponse> {
    return this.call('views.publish', args, ref);
  }

  /**
   * Opens a modal. Not paced and not logged here: a trigger expires 3 seconds after the click,
   * and the caller tells the user why Slack would not open it.
   */
  viewsOpen(args: webApi.ViewsOpenArguments): Promise<webApi.ViewsOpenResponse> {
    return this.client.apiCall('views.open', fields(args));
  }
}
