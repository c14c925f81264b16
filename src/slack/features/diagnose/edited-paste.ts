// Edited pastes (message_changed): when tfauth answered the message, its reply is updated in
// place with the diagnosis of the edited text — or, when the edit no longer holds a
// credentials error, it becomes one line saying so. An edited message tfauth never answered
// is answered like a new paste when it now holds one. Only edits within 24 hours of the
// original message count: an old thread is not brought back to life; and a reply someone
// already closed ("It worked", "Not an auth error") keeps what it says.

import type { BotContext } from '../../bot-context';
import { section, type Reply } from '../../blocks/kit';
import type { EditedMessage } from '../../platform/message-events';
import { secretWarning } from '../secrets/warning';
import { stsReplyParts } from '../sts/checks';
import { teamMemory } from '../stats/team-memory';
import { gatherPaste, handleMessage, isAnswerable, replyInThread } from './channel-reply';
import { diagnosisReply } from './reply';
import { countDiagnosis } from '../../../infra/metrics';

/** Edits of messages older than this are left alone. */
export const EDIT_WINDOW_MS = 24 * 3600_000;

export const NO_LONGER_LINE =
  ':pencil2: The edited message no longer shows a credentials or authorization error.';

/** The reply once the edit no longer holds an auth error: one line, no buttons. */
export function noLongerReply(): Reply {
  return { text: NO_LONGER_LINE, blocks: [section(NO_LONGER_LINE)] };
}

export async function handleEdit(
  bot: BotContext,
  msg: EditedMessage,
  key: string,
  ref: Record<string, unknown>,
): Promise<void> {
  const age = bot.now() - Number(msg.ts) * 1000;
  if (!(age <= EDIT_WINDOW_MS)) {
    bot.logger.debug('edit of a message older than 24 h left alone', ref);
    return;
  }
  const [replyTs] = await bot.slack.findReplies(msg.channel, msg.threadTs ?? msg.ts, key);
  if (!replyTs) {
    await handleMessage(bot, msg, key, ref);
    return;
  }
  // Someone already said how it ended ("It worked", "Not an auth error"): that answer stays.
  if (await closedByOutcome(bot, msg.channel, msg.threadTs ?? msg.ts, replyTs)) {
    bot.logger.info('edit of a paste whose reply was already closed: left as it is', ref);
    return;
  }
  const { paste } = await gatherPaste(bot, msg, ref);
  const { diagnosis: d, keyIds } = await bot.engine.diagnosePaste(paste);
  const answer = isAnswerable(d, bot.config.minConfidence);
  countDiagnosis(d, 'channel', answer);
  bot.logger.info('edited message diagnosed', {
    ...ref,
    reply: replyTs,
    classId: d.classId,
    confidence: d.confidence,
    answered: answer,
  });
  const warned = d.secrets.some((s) => s.mustRotate) && msg.user ? msg.user : undefined;
  if (warned)
    await bot.slack
      .postEphemeral(
        {
          channel: msg.channel,
          user: warned,
          ...(msg.threadTs ? { thread_ts: msg.threadTs } : {}),
          ...secretWarning(d.secrets, 'Your edited message in this channel'),
        },
        ref,
      )
      .catch(() => undefined); // logged by the gateway; the reply is updated all the same
  let reply = noLongerReply();
  if (answer) {
    const sts = stsReplyParts(bot, { keyIds }, d, {
      channel: msg.channel,
      ts: msg.ts,
      root: msg.threadTs ?? msg.ts,
      ...(msg.user ? { owner: msg.user } : {}),
    });
    reply = diagnosisReply(d, bot.codec.withOwner(msg.user), {
      ...(warned ? { secretsWarnedTo: warned } : {}),
      extraButtons: sts.buttons,
      team: await teamMemory(bot, d),
    });
  }
  // chat.update sets what it is given: the same edit replayed leaves the same reply.
  await bot.slack.updateReply({ channel: msg.channel, ts: replyTs, ...reply }, key, {
    ...ref,
    reply: replyTs,
  });
}

/** The reply lost its buttons to an outcome (not to an earlier edit's one line). */
async function closedByOutcome(
  bot: BotContext,
  channel: string,
  thread: string,
  ts: string,
): Promise<boolean> {
  const reply = await replyInThread(bot, channel, thread, ts);
  if (!reply || reply.text === NO_LONGER_LINE) return false;
  return !reply.buttons;
}
