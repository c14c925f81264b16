// The message shortcut "Diagnose with tfauth": any message, answered privately — also
// when it is not a credentials error (then it says what it found instead).

import type { App, MessageShortcut } from '@slack/bolt';
import { SHORTCUT_CALLBACK } from './action-ids';
import type { BotContext } from './bot-context';
import { messageParts, type SlackFileRef } from './files';
import { fileInfo } from './messages';
import { privateAnswer } from './privately';
import { countDiagnosis } from '../infra/metrics';

export function registerShortcuts(app: App, bot: BotContext): void {
  app.shortcut<MessageShortcut>(SHORTCUT_CALLBACK, async ({ ack, shortcut, respond }) => {
    await ack();
    await bot.inFlight.run(
      async () => {
        const message = shortcut.message as {
          ts?: string;
          user?: string;
          thread_ts?: string;
          text?: string;
          files?: SlackFileRef[];
        };
        const { text, files } = await messageParts(message.text ?? '', message.files ?? [], {
          botToken: bot.config.slack.botToken,
          maxBytes: bot.config.maxFileBytes,
          filesInfo: (id) => fileInfo(bot, id),
        });
        const { diagnosis: d, keyIds } = await bot.engine.diagnosePaste({ text, files });
        countDiagnosis(d, 'private', d.classId !== 'none');
        bot.logger.info('shortcut diagnosed', {
          channel: shortcut.channel.id,
          classId: d.classId,
          confidence: d.confidence,
        });
        await respond({
          response_type: 'ephemeral',
          ...privateAnswer(
            bot,
            d,
            'The message you asked about (tell its author to rotate what it leaked)',
            {
              text: { keyIds },
              ref: {
                channel: shortcut.channel.id,
                ...(message.ts ? { ts: message.ts, root: message.thread_ts ?? message.ts } : {}),
                // The message's author, not whoever ran the shortcut, may decode what it holds.
                ...(typeof message.user === 'string' ? { owner: message.user } : {}),
              },
            },
          ),
        });
      },
      (err) => bot.logger.error('shortcut failed', { channel: shortcut.channel.id, error: err }),
    );
  });
}
