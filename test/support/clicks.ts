// Pasting into a channel and clicking the buttons of the bot's reply, as Slack sends both
// (signed event_callback and block_actions).

import type { TestBot } from './bot';
import {
  blockActions,
  eventCallback,
  messageEvent,
  SLACK_IDS,
  type StoredMessage,
} from '@tfauth/slack-test-server';

type Block = { type?: string; elements?: Array<{ action_id?: string; value?: string }> };

export function buttons(
  blocks: unknown[] | undefined,
): Array<{ action_id: string; value: string }> {
  const out: Array<{ action_id: string; value: string }> = [];
  for (const b of (blocks ?? []) as Block[]) {
    if (b.type !== 'actions') continue;
    for (const e of b.elements ?? [])
      if (e.action_id && e.value !== undefined)
        out.push({ action_id: e.action_id, value: e.value });
  }
  return out;
}

export function button(
  blocks: unknown[] | undefined,
  actionId: string,
): { action_id: string; value: string } {
  const found = buttons(blocks).find((b) => b.action_id === actionId);
  if (!found)
    throw new Error(
      `no button ${actionId} in ${JSON.stringify(buttons(blocks).map((b) => b.action_id))}`,
    );
  return found;
}

export interface ClickOptions {
  user?: string;
  responseUrl?: string;
  ephemeral?: boolean;
  value?: string;
}

/** Clicks `actionId` on a message the bot posted (as stored by the Slack test server). */
export async function click(
  t: TestBot,
  message: StoredMessage,
  actionId: string,
  opts: ClickOptions = {},
) {
  const b = button(message.blocks, actionId);
  const payload = blockActions({
    actionId: b.action_id,
    value: opts.value ?? b.value,
    user: opts.user ?? SLACK_IDS.userId,
    channel: message.channel,
    responseUrl: opts.responseUrl ?? t.slack.responseUrl('click'),
    message: {
      type: 'message',
      ts: message.ts,
      text: message.text,
      blocks: message.blocks,
      ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
    },
    ...(message.thread_ts ? { threadTs: message.thread_ts } : {}),
  });
  if (opts.ephemeral) (payload.container as { is_ephemeral: boolean }).is_ephemeral = true;
  const res = await t.http.sendInteraction(payload);
  if (res.status !== 200) throw new Error(`click answered ${res.status}: ${res.body}`);
  await t.bot.context.inFlight.settled();
  return res;
}

/** The bot's latest message in a channel (after updates). */
export function latest(
  t: TestBot,
  channel: string = SLACK_IDS.channelId,
  index = -1,
): StoredMessage {
  const all = t.slack.messages(channel);
  const m = all[index < 0 ? all.length + index : index];
  if (!m) throw new Error(`no message #${index} in ${channel}`);
  return m;
}

/** Posts `text` in a channel (as `user`) and returns it with the bot's reply, once all is done. */
export async function pasteAndReply(
  t: TestBot,
  text: string,
  user: string = SLACK_IDS.userId,
): Promise<{ msg: ReturnType<typeof messageEvent>; reply: StoredMessage }> {
  const msg = messageEvent({ text, user });
  await t.http.sendEvent(eventCallback(msg));
  await t.slack.waitFor('chat.postMessage');
  await t.bot.context.inFlight.settled();
  return { msg, reply: latest(t, msg.channel) };
}

/** Clicks as `user`; returns what the bot told them privately (the click's response_url bodies). */
export async function clickAs(
  t: TestBot,
  user: string,
  message: StoredMessage,
  actionId: string,
  opts: Omit<ClickOptions, 'user' | 'responseUrl'> = {},
): Promise<Array<Record<string, unknown>>> {
  const tag = `${user}-${actionId}-${Math.random()}`;
  await click(t, message, actionId, { ...opts, user, responseUrl: t.slack.responseUrl(tag) });
  return t.slack.responses
    .filter((r) => r.tag === tag)
    .map((r) => r.body as Record<string, unknown>);
}
