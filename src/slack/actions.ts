// Button clicks on the threaded reply. Each click is acknowledged at once and answered by
// updating the message in place (or privately), never with a stream of new messages.

import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTIONS } from './action-ids';
import type { BotContext } from './bot-context';
import { context } from './blocks/diagnosis';

type Block = Record<string, unknown>;

export function registerActions(app: App, bot: BotContext): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.fixed, async ({ ack, body }) => {
    await ack();
    await closeFlow(
      bot,
      body,
      `:white_check_mark: <@${body.user.id}> says this fixed it. Thanks for closing the loop!`,
    );
  });
  app.action<BlockAction<ButtonAction>>(ACTIONS.notAuth, async ({ ack, body }) => {
    await ack();
    await closeFlow(
      bot,
      body,
      `:see_no_evil: <@${body.user.id}> marked this as not an auth error. tfauth will learn from it.`,
    );
  });
  app.action<BlockAction<ButtonAction>>(ACTIONS.walk, async ({ ack, body }) => {
    await ack();
    await closeFlow(
      bot,
      body,
      `:compass: <@${body.user.id}> is working through the checklist above.`,
    );
  });
}

/** Replaces the buttons of the reply with a line saying what happened. */
async function closeFlow(
  bot: BotContext,
  body: BlockAction<ButtonAction>,
  line: string,
): Promise<void> {
  const message = body.message as { ts?: string; blocks?: Block[]; text?: string } | undefined;
  const channel = body.channel?.id;
  if (!message?.ts || !channel) return;
  const blocks = (message.blocks ?? []).filter((b) => b.type !== 'actions');
  blocks.push(context([line]));
  await bot.slack.update(
    { channel, ts: message.ts, text: message.text ?? 'tfauth', blocks },
    { channel, ts: message.ts, action: body.actions[0]?.action_id },
  );
}
