// `@tfauth` mentions: answered by features/diagnose/mention.ts.

import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../bot-context';
import { answerMention } from '../features/diagnose/mention';
import { toIncoming } from '../platform/message-events';

type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

export function register(app: App, bot: BotContext): void {
  app.event('app_mention', (args) => onMention(bot, args));
}

export async function onMention(bot: BotContext, { event, body, context }: MentionArgs) {
  const msg = toIncoming(event as unknown as Record<string, unknown>, context.botUserId);
  if (!msg?.user) return;
  if (bot.config.channels && !bot.config.channels.has(msg.channel)) return;
  const ref = { team: body.team_id, channel: msg.channel, ts: msg.ts, mention: true };
  const user = msg.user;
  await bot.inFlight.run(
    () => answerMention(bot, { ...msg, user }, body.team_id, ref),
    (err) => bot.logger.error('mention handling failed', { ...ref, error: err }),
  );
}
