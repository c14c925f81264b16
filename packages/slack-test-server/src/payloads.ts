// Factories for realistic Slack payloads (shapes taken from @slack/types, Bolt's
// types and payloads captured from Slack). Every factory has defaults that
// line up with SlackTestServer (team T0TEAM, app A0APP, bot U0BOT/B0BOT), so a
// test usually only passes what it cares about.
import { randomBytes, randomUUID } from 'node:crypto';
import type {
  BlockAction,
  ButtonAction,
  EnvelopedEvent,
  MessageShortcut,
  SlashCommand,
  ViewOutput,
  ViewResponseUrl,
  ViewStateValue,
  ViewSubmitAction,
  types,
} from '@slack/bolt';

export const SLACK_IDS = {
  teamId: 'T0TEAM',
  teamDomain: 'tfauth-test',
  teamName: 'tfauth test',
  appId: 'A0APP',
  botUserId: 'U0BOT',
  botId: 'B0BOT',
  botName: 'tfauth',
  userId: 'U0USER',
  userName: 'alice',
  channelId: 'C0CHAN',
  channelName: 'infra-help',
  /** The bot's DM ("Messages" tab) with U0USER; see dmChannelFor. */
  dmChannelId: 'D0USER',
  /** Legacy verification token that Slack still puts in every payload. */
  verificationToken: 'vErIfIcAtIoNtOkEn0000000',
} as const;

// ---------------------------------------------------------------------------
// Ids and timestamps
// ---------------------------------------------------------------------------

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Slack-style id: prefix + upper-case alphanumerics (e.g. `Ev08MFMKH6`, `F07ABC123`). */
export function slackId(prefix: string, length = 10): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += ALNUM[b % ALNUM.length];
  return out;
}

function digits(n: number): string {
  let out = '';
  for (const b of randomBytes(n)) out += String(b % 10);
  return out.replace(/^0/, '1');
}

let lastTsMicros = 0;

/**
 * Message timestamps are `seconds.micros` strings, unique per channel and
 * increasing. One process-wide clock is shared by the factories and the test
 * server so events and bot replies order correctly.
 */
export function nextTs(nowMs = Date.now()): string {
  lastTsMicros = Math.max(nowMs * 1000, lastTsMicros + 1);
  return formatTs(lastTsMicros);
}

function formatTs(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000);
  return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

/** Trigger ids look like `13345224609.738474920.8088930838d88f008e0`. */
export function triggerId(): string {
  return `${digits(11)}.${digits(12)}.${randomBytes(16).toString('hex')}`;
}

/** A hooks.slack.com response_url of the given kind (not served by the test server). */
export function hooksUrl(kind: 'commands' | 'actions' = 'commands'): string {
  return `https://hooks.slack.com/${kind}/${SLACK_IDS.teamId}/${digits(13)}/${randomBytes(12).toString('base64url')}`;
}

// ---------------------------------------------------------------------------
// Text encoding
// ---------------------------------------------------------------------------

/** Escape `&`, `<`, `>` exactly as Slack does in the `text` of messages it sends. */
export function slackEncode(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inverse of slackEncode (`&amp;` last so `&amp;lt;` decodes to `&lt;`). */
export function slackDecode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Slack clients turn bare URLs a user types into `<https://…>` link markup.
 * Apply after slackEncode (it assumes `<`/`>` are already escaped).
 */
export function slackLinkify(encoded: string): string {
  return encoded.replace(/\bhttps?:\/\/[^\s<>|]+/g, (url) => {
    const trimmed = url.replace(/[.,;:!?)\]]+$/, '');
    return `<${trimmed}>${url.slice(trimmed.length)}`;
  });
}

// ---------------------------------------------------------------------------
// Events API
// ---------------------------------------------------------------------------

export interface EventCallbackOptions {
  teamId?: string;
  eventId?: string;
  eventTime?: number;
  apiAppId?: string;
  isExtSharedChannel?: boolean;
}

/** Wrap an event in the `event_callback` envelope Slack POSTs to the Events API URL. */
export function eventCallback<E extends { type: string }>(
  event: E,
  opts: EventCallbackOptions = {},
): EnvelopedEvent<E> {
  const teamId = opts.teamId ?? SLACK_IDS.teamId;
  const apiAppId = opts.apiAppId ?? SLACK_IDS.appId;
  const envelope: EnvelopedEvent<E> = {
    token: SLACK_IDS.verificationToken,
    team_id: teamId,
    context_team_id: teamId,
    api_app_id: apiAppId,
    event,
    type: 'event_callback',
    event_id: opts.eventId ?? slackId('Ev0'),
    event_time: opts.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: SLACK_IDS.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: opts.isExtSharedChannel ?? false,
    event_context: eventContext(event, teamId, apiAppId),
  };
  // Slack sends an explicit null here (Bolt's type only allows string | undefined).
  return Object.assign(envelope, { context_enterprise_id: null });
}

/** `event_context` is "4-" + base64 JSON naming event type, team, app and channel. */
function eventContext(event: { type: string }, teamId: string, appId: string): string {
  const channel = (event as { channel?: unknown }).channel;
  const ctx = {
    et: event.type,
    tid: teamId,
    aid: appId,
    cid: typeof channel === 'string' ? channel : undefined,
  };
  return `4-${Buffer.from(JSON.stringify(ctx)).toString('base64')}`;
}

/** The bot's DM channel with a user (the test server uses the same mapping). */
export function dmChannelFor(user: string): string {
  return `D${user.slice(1)}`;
}

export type ChannelType = 'channel' | 'group' | 'im' | 'mpim';

/** Slack infers channel_type from the id prefix: C public, G private/mpim, D DM. */
export function channelTypeOf(channel: string): ChannelType {
  if (channel.startsWith('D')) return 'im';
  if (channel.startsWith('G')) return 'group';
  return 'channel';
}

/** A message event as delivered to the app (user, bot, threaded, edited or file share). */
export interface MessageEventPayload {
  type: 'message';
  subtype?: string;
  client_msg_id?: string;
  text: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  bot_profile?: Record<string, unknown>;
  ts: string;
  thread_ts?: string;
  parent_user_id?: string;
  team: string;
  channel: string;
  event_ts: string;
  channel_type: ChannelType;
  blocks?: unknown[];
  files?: unknown[];
  upload?: boolean;
  display_as_bot?: boolean;
  edited?: { user: string; ts: string };
  [key: string]: unknown;
}

export interface MessageEventOptions {
  channel?: string;
  user?: string;
  /** What the user typed. Encoded with slackEncode unless `encoded` is set. */
  text?: string;
  /** `text` is already in Slack's wire format (e.g. contains `<@U0BOT>`); send it verbatim. */
  encoded?: boolean;
  /** Prefix the text with a mention of the bot, as `<@U0BOT> `. */
  mentionBot?: boolean;
  /** Turn bare URLs into `<https://…>` markup, as Slack clients do. Off by default. */
  linkify?: boolean;
  ts?: string;
  thread_ts?: string;
  parent_user_id?: string;
  subtype?: string;
  bot_id?: string;
  files?: unknown[];
  edited?: { user: string; ts: string };
  channel_type?: ChannelType;
  blocks?: unknown[];
  team?: string;
}

export function messageEvent(opts: MessageEventOptions = {}): MessageEventPayload {
  const channel = opts.channel ?? SLACK_IDS.channelId;
  const ts = opts.ts ?? nextTs();
  const rawText = opts.text ?? '';
  const wireText = toWireText(rawText, opts);
  const fromBot = opts.bot_id !== undefined;
  const user = opts.user ?? (fromBot ? SLACK_IDS.botUserId : SLACK_IDS.userId);
  const subtype = opts.subtype ?? (opts.files ? 'file_share' : undefined);
  const event: MessageEventPayload = {
    type: 'message',
    ...(subtype !== undefined ? { subtype } : {}),
    ...(!fromBot && (subtype === undefined || subtype === 'file_share')
      ? { client_msg_id: randomUUID() }
      : {}),
    text: wireText,
    user,
    ts,
    team: opts.team ?? SLACK_IDS.teamId,
    channel,
    event_ts: ts,
    channel_type: opts.channel_type ?? channelTypeOf(channel),
  };
  if (fromBot) Object.assign(event, botFields(opts.bot_id ?? SLACK_IDS.botId));
  const blocks = opts.blocks ?? (fromBot ? undefined : [richTextBlock(rawText, opts)]);
  if (blocks !== undefined) event.blocks = blocks;
  if (opts.thread_ts !== undefined) {
    event.thread_ts = opts.thread_ts;
    event.parent_user_id = opts.parent_user_id ?? SLACK_IDS.userId;
  }
  if (opts.files !== undefined)
    Object.assign(event, { files: opts.files, upload: false, display_as_bot: false });
  if (opts.edited !== undefined) event.edited = opts.edited;
  return event;
}

/**
 * `message_changed`: someone edited `original` to read `text` (Slack's shape: the event's own
 * ts is the edit's, `message` is the message as it now reads with `edited`, `previous_message`
 * as it read before; hidden). See https://docs.slack.dev/reference/events/message/message_changed
 */
export interface MessageChangedPayload {
  type: 'message';
  subtype: 'message_changed';
  hidden: true;
  channel: string;
  ts: string;
  event_ts: string;
  channel_type: ChannelType;
  message: Record<string, unknown>;
  previous_message: Record<string, unknown>;
}

export function messageChangedEvent(
  original: MessageEventPayload,
  text: string,
): MessageChangedPayload {
  const editTs = nextTs();
  const before: Record<string, unknown> = { ...original };
  for (const f of ['channel', 'channel_type', 'event_ts', 'team']) delete before[f];
  return {
    type: 'message',
    subtype: 'message_changed',
    hidden: true,
    channel: original.channel,
    ts: editTs,
    event_ts: editTs,
    channel_type: original.channel_type,
    message: {
      ...before,
      text: slackEncode(text),
      blocks: [richTextBlock(text, {})],
      edited: { user: original.user, ts: editTs },
    },
    previous_message: before,
  };
}

function toWireText(raw: string, opts: MessageEventOptions): string {
  let text = opts.encoded ? raw : slackEncode(raw);
  if (opts.linkify) text = slackLinkify(text);
  return opts.mentionBot ? `<@${SLACK_IDS.botUserId}> ${text}` : text;
}

function botFields(botId: string): Record<string, unknown> {
  return {
    bot_id: botId,
    app_id: SLACK_IDS.appId,
    bot_profile: {
      id: botId,
      deleted: false,
      name: SLACK_IDS.botName,
      updated: 1700000000,
      app_id: SLACK_IDS.appId,
      icons: { image_36: 'https://a.slack-edge.com/80588/img/plugins/app/bot_36.png' },
      team_id: SLACK_IDS.teamId,
    },
  };
}

/** User messages carry a rich_text rendition of the text; its text is NOT entity-encoded. */
function richTextBlock(raw: string, opts: MessageEventOptions): Record<string, unknown> {
  const elements: Record<string, unknown>[] = [];
  if (opts.mentionBot)
    elements.push({ type: 'user', user_id: SLACK_IDS.botUserId }, { type: 'text', text: ' ' });
  const plain = opts.encoded ? slackDecode(raw) : raw;
  if (plain !== '') elements.push({ type: 'text', text: plain });
  return {
    type: 'rich_text',
    block_id: randomBytes(3).toString('base64url'),
    elements: [{ type: 'rich_text_section', elements }],
  };
}

/** `app_mention` event: text always starts with `<@U0BOT>`. */
export function appMentionEvent(
  opts: Omit<MessageEventOptions, 'mentionBot' | 'subtype' | 'bot_id'> = {},
): types.AppMentionEvent & { client_msg_id: string } {
  const msg = messageEvent({ ...opts, mentionBot: true });
  return {
    type: 'app_mention',
    user: msg.user ?? SLACK_IDS.userId,
    text: msg.text,
    ts: msg.ts,
    ...(msg.thread_ts !== undefined ? { thread_ts: msg.thread_ts } : {}),
    team: msg.team,
    channel: msg.channel,
    event_ts: msg.event_ts,
    client_msg_id: msg.client_msg_id ?? randomUUID(),
    blocks: (msg.blocks ?? []) as types.AppMentionEvent['blocks'],
  };
}

export function appHomeOpened(
  user: string = SLACK_IDS.userId,
  opts: { channel?: string; tab?: 'home' | 'messages'; view?: types.View } = {},
): types.AppHomeOpenedEvent {
  return {
    type: 'app_home_opened',
    user,
    channel: opts.channel ?? dmChannelFor(user),
    tab: opts.tab ?? 'home',
    ...(opts.view !== undefined ? { view: opts.view } : {}),
    event_ts: nextTs(),
  };
}

// ---------------------------------------------------------------------------
// Slash commands and interactivity
// ---------------------------------------------------------------------------

export interface SlashCommandOptions {
  text?: string;
  command?: string;
  user_id?: string;
  user_name?: string;
  channel_id?: string;
  channel_name?: string;
  trigger_id?: string;
  response_url?: string;
  team_id?: string;
  enterprise_id?: string;
  enterprise_name?: string;
}

/** The form fields of a slash command POST (all strings, as Slack sends them). */
export function slashCommand(opts: SlashCommandOptions = {}): SlashCommand {
  const cmd: SlashCommand = {
    token: SLACK_IDS.verificationToken,
    team_id: opts.team_id ?? SLACK_IDS.teamId,
    team_domain: SLACK_IDS.teamDomain,
    channel_id: opts.channel_id ?? SLACK_IDS.channelId,
    channel_name: opts.channel_name ?? SLACK_IDS.channelName,
    user_id: opts.user_id ?? SLACK_IDS.userId,
    user_name: opts.user_name ?? SLACK_IDS.userName,
    command: opts.command ?? '/tfauth',
    text: opts.text ?? '',
    api_app_id: SLACK_IDS.appId,
    is_enterprise_install: 'false',
    response_url: opts.response_url ?? hooksUrl('commands'),
    trigger_id: opts.trigger_id ?? triggerId(),
  };
  if (opts.enterprise_id !== undefined) {
    cmd.enterprise_id = opts.enterprise_id;
    cmd.enterprise_name = opts.enterprise_name ?? 'tfauth enterprise';
  }
  return cmd;
}

function teamField(): { id: string; domain: string } {
  return { id: SLACK_IDS.teamId, domain: SLACK_IDS.teamDomain };
}

function userField(id: string): { id: string; username: string; name: string; team_id: string } {
  const name = id === SLACK_IDS.userId ? SLACK_IDS.userName : id.toLowerCase();
  return { id, username: name, name, team_id: SLACK_IDS.teamId };
}

/** A message as it appears inside interactive payloads (a bot message by default). */
function botMessage(
  opts: { text?: string; ts?: string; thread_ts?: string; blocks?: unknown[] } = {},
): {
  type: 'message';
  ts: string;
  text: string;
  [key: string]: unknown;
} {
  return {
    type: 'message',
    user: SLACK_IDS.botUserId,
    ts: opts.ts ?? nextTs(),
    text: opts.text ?? 'tfauth diagnosis',
    team: SLACK_IDS.teamId,
    ...botFields(SLACK_IDS.botId),
    ...(opts.thread_ts !== undefined ? { thread_ts: opts.thread_ts } : {}),
    blocks: opts.blocks ?? [],
  };
}

export interface BlockActionsOptions {
  actionId: string;
  value?: string;
  blockId?: string;
  user?: string;
  channel?: string;
  messageTs?: string;
  threadTs?: string;
  responseUrl?: string;
  triggerId?: string;
  /** The message the button lives on; defaults to a bot message with `messageTs`. */
  message?: { type: 'message'; ts: string; text?: string; [key: string]: unknown };
  /** Button label. */
  text?: string;
  /** Set to make the action come from a modal/home view instead of a message. */
  view?: ViewOutput;
  state?: Record<string, Record<string, ViewStateValue>>;
  /** Extra/override fields of the action element (e.g. a select's selected_option). */
  action?: Record<string, unknown>;
}

export function blockActions(opts: BlockActionsOptions): BlockAction<ButtonAction> {
  const action = {
    action_id: opts.actionId,
    block_id: opts.blockId ?? randomBytes(3).toString('base64url'),
    text: { type: 'plain_text' as const, text: opts.text ?? 'Button', emoji: true },
    ...(opts.value !== undefined ? { value: opts.value } : {}),
    type: 'button' as const,
    action_ts: nextTs(),
    ...opts.action,
  };
  const base = {
    type: 'block_actions' as const,
    user: userField(opts.user ?? SLACK_IDS.userId),
    api_app_id: SLACK_IDS.appId,
    token: SLACK_IDS.verificationToken,
    trigger_id: opts.triggerId ?? triggerId(),
    team: teamField(),
    is_enterprise_install: false,
    state: { values: opts.state ?? {} },
    actions: [action],
  };
  if (opts.view !== undefined) {
    return {
      ...base,
      container: { type: 'view', view_id: opts.view.id },
      view: opts.view,
      response_url: '',
    };
  }
  const channel = opts.channel ?? SLACK_IDS.channelId;
  const message =
    opts.message ??
    botMessage({
      ...(opts.messageTs ? { ts: opts.messageTs } : {}),
      ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
    });
  return {
    ...base,
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: channel,
      is_ephemeral: false,
      ...(opts.threadTs !== undefined ? { thread_ts: opts.threadTs } : {}),
    },
    channel: {
      id: channel,
      name: channel === SLACK_IDS.channelId ? SLACK_IDS.channelName : 'privategroup',
    },
    message,
    response_url: opts.responseUrl ?? hooksUrl('actions'),
  };
}

export interface MessageShortcutOptions {
  callbackId: string;
  message?: { type: 'message'; ts: string; text?: string; user?: string; [key: string]: unknown };
  channel?: string;
  user?: string;
  triggerId?: string;
  responseUrl?: string;
}

export function messageShortcut(opts: MessageShortcutOptions): MessageShortcut {
  const channel = opts.channel ?? SLACK_IDS.channelId;
  const message =
    opts.message ??
    messageEvent({
      channel,
      text: 'Error: No valid credential sources found',
    });
  const user = userField(opts.user ?? SLACK_IDS.userId);
  return {
    type: 'message_action',
    token: SLACK_IDS.verificationToken,
    action_ts: nextTs(),
    team: teamField(),
    user,
    channel: {
      id: channel,
      name: channel === SLACK_IDS.channelId ? SLACK_IDS.channelName : 'privategroup',
    },
    is_enterprise_install: false,
    callback_id: opts.callbackId,
    trigger_id: opts.triggerId ?? triggerId(),
    message_ts: message.ts,
    message,
    response_url: opts.responseUrl ?? hooksUrl('actions'),
  };
}

export interface ViewSubmissionOptions {
  callbackId: string;
  privateMetadata?: string;
  /**
   * state.values by block_id → action_id. A bare string is shorthand for a
   * plain_text_input value.
   */
  values?: Record<string, Record<string, ViewStateValue | string>>;
  user?: string;
  viewId?: string;
  blocks?: types.View['blocks'];
  title?: string;
  /** response_url_enabled inputs: either full entries or just URLs (channel C0CHAN). */
  responseUrls?: (ViewResponseUrl | string)[];
}

export function viewSubmission(opts: ViewSubmissionOptions): ViewSubmitAction {
  const viewId = opts.viewId ?? slackId('V0');
  const view: ViewOutput = {
    id: viewId,
    team_id: SLACK_IDS.teamId,
    type: 'modal',
    blocks: opts.blocks ?? [],
    private_metadata: opts.privateMetadata ?? '',
    callback_id: opts.callbackId,
    state: { values: normaliseValues(opts.values ?? {}) },
    hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(6).toString('base64url')}`,
    title: { type: 'plain_text', text: opts.title ?? 'tfauth', emoji: true },
    clear_on_close: false,
    notify_on_close: false,
    close: { type: 'plain_text', text: 'Cancel', emoji: true },
    submit: { type: 'plain_text', text: 'Submit', emoji: true },
    previous_view_id: null,
    root_view_id: viewId,
    app_id: SLACK_IDS.appId,
    external_id: '',
    app_installed_team_id: SLACK_IDS.teamId,
    bot_id: SLACK_IDS.botId,
  };
  return {
    type: 'view_submission',
    team: teamField(),
    user: userField(opts.user ?? SLACK_IDS.userId),
    api_app_id: SLACK_IDS.appId,
    token: SLACK_IDS.verificationToken,
    trigger_id: triggerId(),
    view,
    response_urls: (opts.responseUrls ?? []).map(toViewResponseUrl),
    is_enterprise_install: false,
  };
}

function normaliseValues(
  values: Record<string, Record<string, ViewStateValue | string>>,
): Record<string, Record<string, ViewStateValue>> {
  const out: Record<string, Record<string, ViewStateValue>> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const block: Record<string, ViewStateValue> = {};
    for (const [actionId, v] of Object.entries(actions)) {
      block[actionId] = typeof v === 'string' ? { type: 'plain_text_input', value: v } : v;
    }
    out[blockId] = block;
  }
  return out;
}

function toViewResponseUrl(entry: ViewResponseUrl | string, i: number): ViewResponseUrl {
  if (typeof entry !== 'string') return entry;
  return {
    block_id: `rurl_${i}`,
    action_id: `conversation_${i}`,
    channel_id: SLACK_IDS.channelId,
    response_url: entry,
  };
}
