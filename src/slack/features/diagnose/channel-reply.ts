// Answering a channel message: replies only for credential/authorization failures at or
// above the minimum confidence (with the STS checks and team memory), a private warning for
// a pasted secret, a note for files too big to read; silence for everything else.

import type { Diagnosis } from '../../../diagnosis';
import type { IncomingMessage } from '../../platform/message-events';
import type { BotContext } from '../../bot-context';
import { diagnosisReply, REPLY_ACTIONS_BLOCK, type ReplyOptions } from './reply';
import { THREAD_PAGE } from '../../platform/gateway';
import { secretWarning } from '../secrets/warning';
import { escape } from '../../blocks/mrkdwn';
import { confirmForReply, stsReplyParts } from '../sts/checks';
import { teamMemory } from '../stats/team-memory';
import type { FlowCodec } from '../walkthrough/state';
import { countDiagnosis, metrics } from '../../../infra/metrics';
import type { SharedPaste } from '../../../infra/shared-paste';

/** Diagnoses and answers one message; true when it was (or already had been) answered. */
export async function handleMessage(
  bot: BotContext,
  msg: IncomingMessage,
  key: string,
  ref: Record<string, unknown>,
): Promise<boolean> {
  const { paste, notes } = await gatherPaste(bot, msg, ref);
  const { diagnosis: d, keyIds } = await bot.engine.diagnosePaste(paste);
  d.notes.push(...notes);
  const answer = isAnswerable(d, bot.config.minConfidence);
  const warn = d.secrets.some((s) => s.mustRotate) && msg.user !== undefined;
  const note =
    !answer && notes.length > 0 && d.classId === 'none' && /terraform|error/i.test(msg.text);
  // Most channel traffic is ordinary chat: only answers and secrets are worth an info line.
  countDiagnosis(d, 'channel', answer);
  metrics.eventsProcessed.inc({ kind: 'message', result: answer ? 'replied' : 'silent' });
  bot.logger[answer || warn ? 'info' : 'debug']('message diagnosed', {
    ...ref,
    classId: d.classId,
    confidence: d.confidence,
    answered: answer,
    secrets: d.secrets.length,
  });
  if (!answer && !warn && !note) return false; // nothing to post, so nothing to deduplicate
  if (!(await bot.dedupe.claim(key))) {
    bot.logger.debug('duplicate delivery ignored', ref);
    return answer;
  }
  let posted = false;
  // The private warning has its own queue and budget: the channel reply never waits for it.
  let warningSent: Promise<void> = Promise.resolve();
  try {
    const warned = warn ? msg.user : undefined;
    if (warned) {
      const warning = secretWarning(d.secrets, 'Your message in this channel');
      warningSent = bot.slack
        .postEphemeral(
          {
            channel: msg.channel,
            user: warned,
            ...(msg.threadTs ? { thread_ts: msg.threadTs } : {}),
            ...warning,
          },
          ref,
        )
        .then(
          () => {
            posted = true;
          },
          // Logged by the gateway; the diagnosis reply must not be lost because the warning was.
          () => undefined,
        );
    }
    if (!answer) {
      if (note) await postNote(bot, msg, notes, ref);
      await warningSent;
      return false;
    }
    // STS checks (when on): buttons, and the key ids' accounts confirmed — see confirmForReply.
    const sts = stsReplyParts(bot, { keyIds }, d, {
      channel: msg.channel,
      ts: msg.ts,
      root: msg.threadTs ?? msg.ts,
      ...(msg.user ? { owner: msg.user } : {}),
    });
    const confirmed = await confirmForReply(bot, sts);
    const options = {
      ...(warned ? { secretsWarnedTo: warned } : {}),
      extraButtons: sts.buttons,
    };
    const team = await teamMemory(bot, d);
    // The buttons record who pasted: only they (or whoever runs the walk-through) may act on them.
    const codec = bot.codec.withOwner(msg.user);
    const reply = diagnosisReply(d, codec, { ...options, team, factNotes: confirmed.lines });
    const res = await bot.slack.postMessage(
      {
        channel: msg.channel,
        thread_ts: msg.threadTs ?? msg.ts,
        unfurl_links: false,
        unfurl_media: false,
        ...reply,
      },
      ref,
      key,
    );
    posted = true;
    await warningSent;
    await recordDiagnosed(bot, d, msg.channel, ref);
    if (confirmed.later && res.ts)
      await lateConfirmation(
        bot,
        confirmed.later,
        d,
        { ...options, team },
        res.ts,
        msg.channel,
        msg.threadTs ?? msg.ts,
        ref,
        codec,
      );
    return true;
  } catch (err) {
    await warningSent;
    // Nothing reached Slack: let a redelivery of the same message try again.
    if (!posted) await bot.dedupe.release(key);
    throw err;
  }
}

/** STS answered after the reply went out: add the confirmation with one chat.update. */
async function lateConfirmation(
  bot: BotContext,
  later: Promise<string[]>,
  d: Diagnosis,
  options: ReplyOptions,
  ts: string,
  channel: string,
  thread: string,
  ref: Record<string, unknown>,
  codec: FlowCodec,
): Promise<void> {
  const lines = await later;
  if (lines.length === 0) return;
  try {
    // Someone may have clicked "It worked" meanwhile: never bring the buttons back.
    if (!(await stillUntouched(bot, channel, thread, ts))) return;
    const reply = diagnosisReply(d, codec, { ...options, factNotes: lines });
    await bot.slack.update({ channel, ts, ...reply }, { ...ref, reply: ts });
  } catch (err) {
    bot.logger.warn('could not add the STS confirmation', { ...ref, error: err });
  }
}

/** Our reply `ts` as the thread shows it now, and whether it still has its buttons. */
export async function replyInThread(
  bot: BotContext,
  channel: string,
  thread: string,
  ts: string,
): Promise<{ text?: string; buttons: boolean } | undefined> {
  const res = await bot.slack.conversationsReplies({ channel, ts: thread, limit: THREAD_PAGE });
  const reply = res.messages?.find((m) => m.ts === ts);
  if (!reply) return undefined;
  return {
    ...(reply.text !== undefined ? { text: reply.text } : {}),
    buttons: reply.blocks?.some((b) => b.block_id === REPLY_ACTIONS_BLOCK) ?? false,
  };
}

/** Whether our reply still has its buttons (nobody has acted on it yet). */
async function stillUntouched(
  bot: BotContext,
  channel: string,
  thread: string,
  ts: string,
): Promise<boolean> {
  return (await replyInThread(bot, channel, thread, ts))?.buttons ?? false;
}

export function isAnswerable(d: Diagnosis, minConfidence: number): boolean {
  return d.classId !== 'none' && d.confidence >= minConfidence;
}

/**
 * The message's text and files (bytes, for the worker); a note for files too big to read
 * (nothing public for other failures).
 */
export async function gatherPaste(
  bot: BotContext,
  msg: IncomingMessage,
  ref: Record<string, unknown>,
): Promise<{ paste: SharedPaste; notes: string[] }> {
  const { text, files, tooBig } = await bot.paste.read(msg, (_name, reason) =>
    bot.logger.warn('could not read a shared file', { ...ref, reason }),
  );
  const notes = tooBig.map(
    (f) =>
      `${f.name} is ${mb(f.size)}; tfauth reads files up to ${mb(bot.config.maxFileBytes)}. Paste the error section, or run \`tfauth diagnose ${f.name}\` locally.`,
  );
  return { paste: { text, files }, notes };
}

async function postNote(
  bot: BotContext,
  msg: IncomingMessage,
  notes: string[],
  ref: Record<string, unknown>,
): Promise<void> {
  // File names are user text: escaped so a file called `<!channel>.log` pings nobody.
  await bot.slack.postMessage(
    { channel: msg.channel, thread_ts: msg.threadTs ?? msg.ts, text: notes.map(escape).join('\n') },
    ref,
  );
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

async function recordDiagnosed(
  bot: BotContext,
  d: Diagnosis,
  channel: string,
  ref: Record<string, unknown>,
): Promise<void> {
  const source = d.facts.credentialSource;
  try {
    await bot.outcomes.record({
      kind: 'diagnosed',
      classId: d.classId,
      ...(source ? { source } : {}),
      ...(d.signatureId ? { signature: d.signatureId } : {}),
      channel,
      at: bot.now(),
    });
  } catch (err) {
    bot.logger.warn('could not record outcome', { ...ref, error: err });
  }
}
