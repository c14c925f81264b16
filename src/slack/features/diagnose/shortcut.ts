// The message shortcut "Diagnose with tfauth": any message, answered privately — also
// when it is not a credentials error (then it says what it found instead).

import type { MessageShortcut, RespondFn } from '@slack/bolt';
import type { BotContext } from '../../bot-context';
import type { SlackFileRef } from '../../platform/files';
import { privateAnswer } from './private-answer';
import { countDiagnosis } from '../../../infra/metrics';

export async function answerShortcut(
  bot: BotContext,
  shortcut: MessageShortcut,
  respond: RespondFn,
): Promise<void> {
  const message = shortcut.message as {
    ts?: string;
    user?: string;
    thread_ts?: string;
    text?: string;
    files?: SlackFileRef[];
  };
  const { text, files } = await bot.paste.read(message);
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
}
