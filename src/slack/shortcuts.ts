// The message shortcut "Diagnose with tfauth": any message, answered privately — also
// when it is not a credentials error (then it says what it found instead).

import type { App, MessageShortcut, RespondFn } from '@slack/bolt';
import { diagnose } from '../diagnosis';
import { SHORTCUT_CALLBACK } from './action-ids';
import type { BotContext } from './bot-context';
import { fetchTextFile, type SlackFileRef } from './files';
import { privateAnswer } from './privately';

export function registerShortcuts(app: App, bot: BotContext): void {
  app.shortcut<MessageShortcut>(SHORTCUT_CALLBACK, async ({ ack, shortcut, respond }) => {
    await ack();
    await bot.inFlight.run(
      async () => {
        const message = shortcut.message as {
          ts?: string;
          thread_ts?: string;
          text?: string;
          files?: SlackFileRef[];
        };
        const parts = [message.text ?? ''];
        for (const file of (message.files ?? []).slice(0, 5)) {
          const r = await fetchTextFile(file, bot.config.slack.botToken, bot.config.maxFileBytes);
          if (r.kind === 'text') parts.push(r.text);
        }
        const text = parts.join('\n');
        const d = diagnose(text);
        bot.logger.info('shortcut diagnosed', {
          channel: shortcut.channel.id,
          classId: d.classId,
          confidence: d.confidence,
        });
        await respond({
          response_type: 'ephemeral',
          ...privateAnswer(bot, d, 'you asked about', {
            text,
            ref: {
              channel: shortcut.channel.id,
              ...(message.ts ? { ts: message.ts, root: message.thread_ts ?? message.ts } : {}),
            },
          }),
        } as Parameters<RespondFn>[0]);
      },
      (err) => bot.logger.error('shortcut failed', { channel: shortcut.channel.id, error: err }),
    );
  });
}
