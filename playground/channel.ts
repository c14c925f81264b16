// One Slack channel, as the playground page shows it: what the user sends becomes a real,
// signed Slack request to the bot; what the bot does comes back from the local Slack server's
// records (its messages, its ephemerals, its views and every response_url post).

import { SHORTCUT_CALLBACK, MODAL_CALLBACK } from '../src/slack/action-ids';
import { findSecrets, maskSecret, redactor } from '../src/diagnosis/secrets';
import {
  blockActions,
  eventCallback,
  messageEvent,
  messageShortcut,
  nextTs,
  SLACK_IDS,
  slackEncode,
  slackLinkify,
  slashCommand,
  viewSubmission,
  type SlackHttpClient,
  type SlackHttpResponse,
  type SlackTestServer,
} from '@tfauth/slack-test-server';

type Obj = Record<string, unknown>;

/** What the page renders for one message. */
export interface ShownMessage {
  key: string;
  kind: 'user' | 'bot' | 'ephemeral';
  ts: string;
  thread_ts?: string;
  user: string;
  text: string;
  blocks?: unknown[];
  edited?: boolean;
}

export interface ModalState {
  viewId: string;
  view: Obj;
  errors?: Record<string, string>;
}

export interface ChannelState {
  channel: { id: string; name: string };
  user: { id: string; name: string };
  bot: { id: string; name: string };
  messages: ShownMessage[];
  modal?: ModalState;
}

interface UserMessage {
  ts: string;
  thread_ts?: string;
  /** Exactly what the user typed: sent to the bot, never to the page. */
  raw: string;
  /** What the page shows: the same text with any secret replaced by its masked form. */
  shown: string;
  wire: string;
}

/** Where a response_url was handed out: an answer posted to it lands there. */
interface Origin {
  thread_ts?: string;
  /** The private message the click came from (replace_original / delete_original act on it). */
  ephemeralKey?: string;
  /** Or the public message a response_url posted ("Share in channel"), which it may replace. */
  sharedKey?: string;
}

interface Ephemeral {
  key: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
}

export class PlaygroundChannel {
  readonly channel: string = SLACK_IDS.channelId;
  readonly user: string = SLACK_IDS.userId;
  private readonly users: UserMessage[] = [];
  private readonly ephemerals = new Map<string, Ephemeral>();
  /** Public messages posted through a response_url ("Share in channel"). */
  private readonly shared: ShownMessage[] = [];
  private readonly origins = new Map<string, Origin>();
  private responsesSeen = 0;
  private ephemeralsSeen = 0;
  private viewsSeen = 0;
  private modal: ModalState | undefined;

  constructor(
    private readonly slack: SlackTestServer,
    private readonly http: SlackHttpClient,
  ) {}

  /** A message typed in the composer: a `message` event_callback, as Slack delivers it. */
  async post(text: string, threadTs?: string): Promise<{ ts: string; status: number }> {
    const event = messageEvent({
      text,
      linkify: true,
      channel: this.channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    this.users.push({
      ts: event.ts,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      raw: text,
      shown: masked(text),
      wire: event.text,
    });
    const res = await this.http.sendEvent(eventCallback(event));
    return { ts: event.ts, status: res.status };
  }

  /** `/tfauth …` typed in the composer: the slash command's form post. */
  async command(text: string, threadTs?: string): Promise<SlackHttpResponse> {
    const responseUrl = this.responseUrl('command', threadTs ? { thread_ts: threadTs } : {});
    return this.http.sendCommand({
      ...slashCommand({ text, channel_id: this.channel, response_url: responseUrl }),
    });
  }

  /** A button on a message the page shows (bot message or private one). */
  async click(key: string, blockId: string, actionId: string): Promise<SlackHttpResponse> {
    const target = this.find(key);
    if (!target) throw new Error(`no message ${key}`);
    const button = findButton(target.blocks, blockId, actionId);
    if (!button) throw new Error(`no button ${actionId} on ${key}`);
    const ephemeral = target.kind === 'ephemeral';
    const responseUrl = this.responseUrl('click', {
      ...(target.thread_ts ? { thread_ts: target.thread_ts } : {}),
      ...(ephemeral ? { ephemeralKey: key } : {}),
      ...(key.startsWith('s:') ? { sharedKey: key } : {}),
    });
    const payload = blockActions({
      actionId,
      blockId,
      ...(typeof button.value === 'string' ? { value: button.value } : {}),
      text: isObj(button.text) && typeof button.text.text === 'string' ? button.text.text : '',
      channel: this.channel,
      responseUrl,
      message: {
        type: 'message',
        ts: target.ts,
        text: target.text,
        ...(target.blocks ? { blocks: target.blocks } : {}),
        ...(target.thread_ts ? { thread_ts: target.thread_ts } : {}),
      },
      ...(target.thread_ts ? { threadTs: target.thread_ts } : {}),
    });
    (payload.container as { is_ephemeral: boolean }).is_ephemeral = ephemeral;
    return this.http.sendInteraction(payload);
  }

  /** The message shortcut "Diagnose with tfauth" from a message's ⋯ menu. */
  async shortcut(key: string): Promise<SlackHttpResponse> {
    const user = this.users.find((m) => `u:${m.ts}` === key);
    const other = user ? undefined : this.find(key);
    if (!user && !other) throw new Error(`no message ${key}`);
    const threadTs = user?.thread_ts ?? other?.thread_ts;
    const message = user
      ? {
          type: 'message' as const,
          ts: user.ts,
          text: user.wire,
          user: this.user,
          ...(user.thread_ts ? { thread_ts: user.thread_ts } : {}),
        }
      : {
          type: 'message' as const,
          ts: other?.ts ?? '',
          text: other?.text ?? '',
          user: other?.user ?? SLACK_IDS.botUserId,
          ...(threadTs ? { thread_ts: threadTs } : {}),
        };
    const responseUrl = this.responseUrl('shortcut', threadTs ? { thread_ts: threadTs } : {});
    return this.http.sendInteraction(
      messageShortcut({
        callbackId: SHORTCUT_CALLBACK,
        message,
        channel: this.channel,
        responseUrl,
      }),
    );
  }

  /** The open modal's Submit: a view_submission; errors the bot answers stay on the modal. */
  async submitModal(
    values: Record<string, Record<string, string>>,
  ): Promise<ModalState | undefined> {
    const modal = this.modal;
    if (!modal) throw new Error('no modal is open');
    const res = await this.http.sendInteraction(
      viewSubmission({
        callbackId:
          typeof modal.view.callback_id === 'string' ? modal.view.callback_id : MODAL_CALLBACK,
        privateMetadata:
          typeof modal.view.private_metadata === 'string' ? modal.view.private_metadata : '',
        values,
        viewId: modal.viewId,
        blocks: (Array.isArray(modal.view.blocks) ? modal.view.blocks : []) as never,
      }),
    );
    const ack = isObj(res.json) ? res.json : {};
    if (ack.response_action === 'errors' && isObj(ack.errors)) {
      this.modal = { ...modal, errors: ack.errors as Record<string, string> };
      return this.modal;
    }
    this.modal = undefined;
    return undefined;
  }

  closeModal(): void {
    this.modal = undefined;
  }

  /** Everything the page shows, oldest first. */
  state(): ChannelState {
    this.sync();
    const users: ShownMessage[] = this.users.map((m) => ({
      key: `u:${m.ts}`,
      kind: 'user',
      ts: m.ts,
      ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
      user: this.user,
      // Shown the way Slack shows it: the wire text (entities, link markup), secrets masked.
      text: slackLinkify(slackEncode(m.shown)),
    }));
    const bots: ShownMessage[] = this.slack.messages(this.channel).map((m) => ({
      key: `b:${m.ts}`,
      kind: 'bot',
      ts: m.ts,
      ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
      user: m.user,
      text: m.text,
      ...(m.blocks ? { blocks: m.blocks } : {}),
      ...(m.edited ? { edited: true } : {}),
    }));
    const privates: ShownMessage[] = [...this.ephemerals.values()].map((e) => ({
      key: e.key,
      kind: 'ephemeral',
      ts: e.ts,
      ...(e.thread_ts ? { thread_ts: e.thread_ts } : {}),
      user: SLACK_IDS.botUserId,
      text: e.text,
      ...(e.blocks ? { blocks: e.blocks } : {}),
    }));
    const messages = [...users, ...bots, ...privates, ...this.shared].sort((a, b) =>
      compareTs(a.ts, b.ts),
    );
    return {
      channel: { id: this.channel, name: SLACK_IDS.channelName },
      user: { id: this.user, name: SLACK_IDS.userName },
      bot: { id: SLACK_IDS.botUserId, name: SLACK_IDS.botName },
      messages,
      ...(this.modal ? { modal: this.modal } : {}),
    };
  }

  private find(key: string): ShownMessage | undefined {
    return this.state().messages.find((m) => m.key === key);
  }

  private responseUrl(tag: string, origin: Origin): string {
    const url = this.slack.responseUrl(tag);
    this.origins.set(url.slice(url.lastIndexOf('/') + 1), origin);
    return url;
  }

  /** Applies what the bot did since the last look: ephemerals, response_url posts, views. */
  private sync(): void {
    const posted = this.slack.ephemerals(this.channel);
    for (const e of posted.slice(this.ephemeralsSeen)) {
      if (e.visibleTo !== this.user) continue;
      this.ephemerals.set(`e:${e.ts}`, {
        key: `e:${e.ts}`,
        ts: e.ts,
        ...(e.thread_ts ? { thread_ts: e.thread_ts } : {}),
        text: e.text,
        ...(e.blocks ? { blocks: e.blocks } : {}),
      });
    }
    this.ephemeralsSeen = posted.length;

    const responses = this.slack.responses;
    for (const r of responses.slice(this.responsesSeen)) {
      if (r.status === 200 && isObj(r.body))
        this.applyResponse(this.origins.get(r.id) ?? {}, r.body, r.id);
    }
    this.responsesSeen = responses.length;

    const opened = this.slack.callsTo('views.open');
    for (const call of opened.slice(this.viewsSeen)) {
      const view =
        isObj(call.response) && isObj(call.response.view) ? call.response.view : undefined;
      if (call.response?.ok === true && view) this.modal = { viewId: String(view.id), view };
    }
    this.viewsSeen = opened.length;
  }

  /** Slack's response_url rules: replace or delete the original, else a new message (private unless in_channel). */
  private applyResponse(origin: Origin, body: Obj, id: string): void {
    const target = origin.ephemeralKey ? this.ephemerals.get(origin.ephemeralKey) : undefined;
    const shared = this.shared.findIndex((m) => m.key === origin.sharedKey);
    if (body.delete_original === true) {
      if (origin.ephemeralKey) this.ephemerals.delete(origin.ephemeralKey);
      if (shared >= 0) this.shared.splice(shared, 1);
      return;
    }
    const content = {
      text: typeof body.text === 'string' ? body.text : '',
      ...(Array.isArray(body.blocks) ? { blocks: withBlockIds(body.blocks) } : {}),
    };
    if (body.replace_original === true && shared >= 0) {
      const { text: _t, blocks: _b, ...kept } = this.shared[shared] as ShownMessage;
      this.shared[shared] = { ...kept, ...content, edited: true };
      return;
    }
    if (body.replace_original === true && target) {
      this.ephemerals.set(target.key, {
        key: target.key,
        ts: target.ts,
        ...(target.thread_ts ? { thread_ts: target.thread_ts } : {}),
        ...content,
      });
      return;
    }
    const ts = nextTs();
    const thread = origin.thread_ts ? { thread_ts: origin.thread_ts } : {};
    if (body.response_type === 'in_channel') {
      this.shared.push({
        key: `s:${id}`,
        kind: 'bot',
        ts,
        ...thread,
        user: SLACK_IDS.botUserId,
        ...content,
      });
      return;
    }
    this.ephemerals.set(`r:${id}`, { key: `r:${id}`, ts, ...thread, ...content });
  }
}

/**
 * The pasted text with every secret tfauth finds replaced by its masked form, and access-key
 * ids masked as tfauth masks them: the page (and its screenshots) never shows a secret.
 */
export function masked(text: string): string {
  const scan = findSecrets(text);
  let out = text;
  for (const value of scan.values) {
    const finding = scan.findings.find((f) => f.masked === maskSecret(f.kind, value));
    out = out.split(value).join(finding?.masked ?? '[secret]');
  }
  return redactor([])(out);
}

/** Slack gives every block without a block_id a short one (response_url posts included). */
function withBlockIds(blocks: unknown[]): unknown[] {
  return blocks.map((b, i) =>
    isObj(b) && b.block_id === undefined ? { ...b, block_id: `r${i}` } : b,
  );
}

function findButton(
  blocks: unknown[] | undefined,
  blockId: string,
  actionId: string,
): Obj | undefined {
  for (const b of blocks ?? []) {
    if (!isObj(b) || b.type !== 'actions' || b.block_id !== blockId) continue;
    const els = Array.isArray(b.elements) ? b.elements : [];
    const found = els.find((e) => isObj(e) && e.action_id === actionId);
    if (isObj(found)) return found;
  }
  return undefined;
}

function compareTs(a: string, b: string): number {
  const [as = '0', au = '0'] = a.split('.');
  const [bs = '0', bu = '0'] = b.split('.');
  return Number(as) - Number(bs) || Number(au) - Number(bu);
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
