// Reading a thread's first message (the paste a click or a mention is about).

import type { BotContext } from '../bot-context';

/** The text of the message at `ts` (a thread's parent), or undefined when Slack cannot tell. */
export async function parentText(
  bot: BotContext,
  channel: string,
  ts: string,
): Promise<string | undefined> {
  try {
    const res = await bot.slack.call<{ messages?: Array<{ text?: string }> }>(
      'conversations.replies',
      { channel, ts, limit: 1, inclusive: true },
    );
    return res.messages?.[0]?.text;
  } catch {
    return undefined;
  }
}
