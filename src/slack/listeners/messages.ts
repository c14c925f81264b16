// Message events in the channels the bot is in (threads included): ordinary chat stops at
// the first middleware; everything else is answered by features/diagnose/channel-reply.ts.

import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../bot-context';
import { handleMessage } from '../features/diagnose/channel-reply';
import { handleEdit } from '../features/diagnose/edited-paste';
import { isQuietChat, toEdited, toIncoming } from '../platform/message-events';
import { metrics } from '../../infra/metrics';

type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

export function register(app: App, bot: BotContext): void {
  app.use(skipQuietChat);
  app.event('message', (args) => onMessage(bot, args));
}

/** Middleware: chat that cannot hold an error or a secret reaches no listener. */
export async function skipQuietChat({
  body,
  next,
}: AllMiddlewareArgs & { body: unknown }): Promise<void> {
  if (!isQuietChat(body as { event?: Record<string, unknown> })) await next();
}

export async function onMessage(bot: BotContext, { event, body, context }: MessageArgs) {
  const raw = event as unknown as Record<string, unknown>;
  const edit = toEdited(raw, context.botUserId);
  const msg = toIncoming(raw, context.botUserId) ?? edit;
  if (!msg) return;
  if (bot.config.channels && !bot.config.channels.has(msg.channel)) return;
  const ref = { team: body.team_id, channel: msg.channel, ts: msg.ts };
  // The reply's key names the message, not the edit: an edit finds the reply it updates.
  const key = `${body.team_id}:${msg.channel}:${msg.ts}`;
  await bot.inFlight.run(
    async () => {
      if (edit) await handleEdit(bot, edit, key, { ...ref, edit: true });
      else await handleMessage(bot, msg, key, ref);
    },
    (err) => {
      metrics.eventsProcessed.inc({ kind: 'message', result: 'failed' });
      bot.logger.error('message handling failed', { ...ref, error: err });
    },
  );
}
