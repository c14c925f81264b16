// The message shortcut "Diagnose with tfauth": answered by features/diagnose/shortcut.ts.

import type {
  AllMiddlewareArgs,
  App,
  MessageShortcut,
  SlackShortcutMiddlewareArgs,
} from '@slack/bolt';
import { SHORTCUT_CALLBACK } from '../action-ids';
import type { BotContext } from '../bot-context';
import { answerShortcut } from '../features/diagnose/shortcut';

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

export function register(app: App, bot: BotContext): void {
  app.shortcut<MessageShortcut>(SHORTCUT_CALLBACK, (args) => onMessageShortcut(bot, args));
}

export async function onMessageShortcut(bot: BotContext, { ack, shortcut, respond }: ShortcutArgs) {
  await ack();
  await bot.inFlight.run(
    () => answerShortcut(bot, shortcut, respond),
    (err) => bot.logger.error('shortcut failed', { channel: shortcut.channel.id, error: err }),
  );
}
