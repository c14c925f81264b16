// Modal submissions: the paste box (features/diagnose/paste-box.ts).

import type {
  AllMiddlewareArgs,
  App,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { MODAL_CALLBACK } from '../action-ids';
import type { BotContext } from '../bot-context';
import { answerPasteBox, EMPTY_PASTE, pastedText } from '../features/diagnose/paste-box';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export function register(app: App, bot: BotContext): void {
  app.view<ViewSubmitAction>(MODAL_CALLBACK, (args) => onPasteSubmitted(bot, args));
}

export async function onPasteSubmitted(bot: BotContext, { ack, view, body }: SubmitArgs) {
  const text = pastedText(view);
  if (text.trim() === '') {
    await ack(EMPTY_PASTE);
    return;
  }
  await ack();
  await bot.inFlight.run(
    () => answerPasteBox(bot, view, body.user.id, text),
    (err) => bot.logger.error('modal submission failed', { user: body.user.id, error: err }),
  );
}
