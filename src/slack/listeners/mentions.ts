// `@tfauth` mentions. In a thread: the thread's parent (the paste) is diagnosed and answered
// like a channel message, under the same dedupe key, so the message listener, a redelivery
// or a second mention never post twice. No auth error: a private answer to the mentioner.

import type { App } from '@slack/bolt';
import type { BotContext } from '../bot-context';
import { noneReply } from '../features/diagnose/reply';
import { handleMessage, toIncoming } from '../features/diagnose/channel-reply';
import { parentText } from '../platform/paste';

const USAGE =
  'Mention tfauth in the thread of a message with a Terraform error (or paste the error in the mention) and it explains the credentials failure.';

export function registerMentions(app: App, bot: BotContext): void {
  app.event('app_mention', async ({ event, body, context }) => {
    const msg = toIncoming(event as unknown as Record<string, unknown>, context.botUserId);
    if (!msg?.user) return;
    if (bot.config.channels && !bot.config.channels.has(msg.channel)) return;
    const user = msg.user;
    const ref = { team: body.team_id, channel: msg.channel, ts: msg.ts, mention: true };
    const key = (ts: string) => `${body.team_id}:${msg.channel}:${ts}`;
    await bot.inFlight.run(
      async () => {
        // The mention's own paste: the same key as the message listener's, so one answer only.
        if (await handleMessage(bot, msg, key(msg.ts), ref)) return;
        const root = msg.threadTs !== undefined && msg.threadTs !== msg.ts ? msg.threadTs : '';
        const parent = root ? await parentText(bot, msg.channel, root) : undefined;
        // The parent's author is not known here: no owner, no secret warning to the mentioner.
        const asParent = { channel: msg.channel, ts: root, text: parent ?? '', files: [] };
        if (parent !== undefined && (await handleMessage(bot, asParent, key(root), ref))) return;
        const reply =
          parent !== undefined ? noneReply(await bot.engine.diagnose(parent)) : { text: USAGE };
        await bot.slack.postEphemeral(
          {
            channel: msg.channel,
            user,
            ...(msg.threadTs ? { thread_ts: msg.threadTs } : {}),
            ...reply,
          },
          ref,
        );
      },
      (err) => bot.logger.error('mention handling failed', { ...ref, error: err }),
    );
  });
}
