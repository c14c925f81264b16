// `@tfauth` mentions. In a thread: the thread's parent (the paste) is diagnosed and answered
// like a channel message, under the same dedupe key, so the message listener, a redelivery
// or a second mention never post twice. No auth error: a private answer to the mentioner.

import type { BotContext } from '../../bot-context';
import type { IncomingMessage } from '../../platform/message-events';
import { noneReply } from './reply';
import { handleMessage } from './channel-reply';
import type { PastedMessage } from '../../platform/paste';
import type { Diagnosis } from '../../../diagnosis';

const USAGE =
  'Mention tfauth in the thread of a message with a Terraform error (or paste the error in the mention) and it explains the credentials failure.';

export async function answerMention(
  bot: BotContext,
  msg: IncomingMessage & { user: string },
  team: string,
  ref: Record<string, unknown>,
): Promise<void> {
  const key = (ts: string) => `${team}:${msg.channel}:${ts}`;
  // The mention's own paste: the same key as the message listener's, so one answer only.
  if (await handleMessage(bot, msg, key(msg.ts), ref)) return;
  const root = msg.threadTs !== undefined && msg.threadTs !== msg.ts ? msg.threadTs : '';
  const parent = root ? await bot.paste.fetch({ channel: msg.channel, ts: root }) : undefined;
  if (parent) {
    // The parent's author is not known here: no owner, no secret warning to the mentioner.
    const asParent = {
      channel: msg.channel,
      ts: root,
      text: parent.text ?? '',
      files: parent.files ?? [],
    };
    if (await handleMessage(bot, asParent, key(root), ref)) return;
  }
  const reply = parent ? noneReply(await diagnoseParent(bot, parent)) : { text: USAGE };
  await bot.slack.postEphemeral(
    {
      channel: msg.channel,
      user: msg.user,
      ...(msg.threadTs ? { thread_ts: msg.threadTs } : {}),
      ...reply,
    },
    ref,
  );
}

/** The parent's text and files, decoded and diagnosed by the worker. */
async function diagnoseParent(bot: BotContext, parent: PastedMessage): Promise<Diagnosis> {
  const { text, files } = await bot.paste.read(parent);
  return (await bot.engine.diagnosePaste({ text, files })).diagnosis;
}
