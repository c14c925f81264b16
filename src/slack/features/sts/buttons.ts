// The STS buttons' handlers: "Which account is this key from?" and "Decode this message".
// Answers are private to whoever clicked; the value is signed (values.ts), so nobody can make
// the bot look up or decode something no paste held. listeners/actions.ts routes to them.

import { createHash } from 'node:crypto';
import type { BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { toStsFailure } from '../../../aws/sts-client';
import { credentialKeyIds, maskKeyId } from '../../../diagnosis';
import type { BotContext } from '../../bot-context';
import type { Reply } from '../../blocks/kit';
import type { ButtonHandler } from '../../platform/action-router';
import { messageText, type SlackFileRef } from '../../platform/files';
import { metrics } from '../../../infra/metrics';
import { lookUp, offReason, stsValues } from './checks';
import { decodeRefused, mayDecode } from './decode-access';
import {
  decodedSummary,
  decodeFailure,
  keyAccountAnswer,
  pasteGone,
  stsButtonExpired,
  stsOff,
} from './screens';
import type { StsButtonValue } from './values';

type Click = BlockAction<ButtonAction>;

export interface StsClick {
  body: Click;
  value: StsButtonValue;
  answer: (reply: Reply) => Promise<void>;
}

/** A button handler that gets the click's verified STS value, when the checks are on. */
export function stsButton(
  bot: BotContext,
  handler: (bot: BotContext, c: StsClick) => Promise<void>,
): ButtonHandler {
  return async ({ ack, body, respond, action }) => {
    const id = action.action_id;
    await ack();
    const answer = (reply: Reply) => privately(respond, reply);
    await bot.inFlight.run(
      async () => {
        const value = stsValues(bot).decode(action.value);
        if (!value) {
          bot.logger.info('rejected sts button value', { action: id, channel: body.channel?.id });
          return answer(stsButtonExpired());
        }
        if (!bot.sts?.active) return answer(stsOff(offReason(bot)));
        await handler(bot, { body, value, answer });
      },
      (err) =>
        bot.logger.error('sts button failed', {
          action: id,
          channel: body.channel?.id,
          error: err,
        }),
    );
  };
}

/** "Which account is this key from?": sts:GetAccessKeyInfo for the paste's key ids. */
export async function keyAccount(bot: BotContext, { value, answer }: StsClick) {
  const { meta } = value;
  const ids =
    meta.k ??
    (meta.m && meta.c && meta.p
      ? credentialKeyIds((await pasteText(bot, meta.c, meta.r ?? meta.p, meta.p)) ?? '', 10).filter(
          (id) => meta.m?.includes(maskKeyId(id)),
        )
      : []);
  if (ids.length === 0) return answer(pasteGone('access key ids'));
  const results = await lookUp(bot, ids);
  await answer(keyAccountAnswer(results, value.meta.a ?? []));
}

/** "Decode this message": for the paste's owner and TFAUTH_DECODE_ALLOWED only. */
export async function decodeMessage(bot: BotContext, { body, value, answer }: StsClick) {
  const { meta } = value;
  const verdict = await mayDecode(bot, body.user.id, meta.u);
  // Who, whose paste, which message — never what it decodes to.
  metrics.decodes.inc({ result: verdict === 'refused' ? 'refused' : 'allowed' });
  bot.logger.info(`decode ${verdict === 'refused' ? 'refused' : 'allowed'}`, {
    user: body.user.id,
    owner: meta.u,
    channel: meta.c ?? body.channel?.id,
    message: meta.p,
    ...(value.message ? { fingerprint: fingerprint(value.message) } : {}),
    allowed: verdict !== 'refused',
    as: verdict,
  });
  if (verdict === 'refused') return answer(decodeRefused(meta.u, bot.config.decodeAllowed));
  const message =
    value.message ??
    (meta.c && meta.p ? await encodedFromPaste(bot, meta.c, meta.r ?? meta.p, meta.p) : undefined);
  if (!message) return answer(pasteGone('encoded message'));
  try {
    const decoded = await (bot.sts as NonNullable<BotContext['sts']>).decode(message);
    await answer(decodedSummary(decoded));
  } catch (err) {
    await answer(decodeFailure(toStsFailure(err), botAccount(bot)));
  }
}

/** Tells log lines about one message apart without saying anything about it. */
function fingerprint(message: string): string {
  return createHash('sha256').update(message).digest('hex').slice(0, 12);
}

function botAccount(bot: BotContext): string | undefined {
  const s = bot.sts?.state();
  return s?.kind === 'ok' ? s.identity.account : undefined;
}

/** Private to whoever clicked: a new ephemeral message through the click's response_url. */
async function privately(respond: RespondFn, reply: Reply): Promise<void> {
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    ...reply,
  });
}

/**
 * Reads the paste again (its text and text files) and lets the engine find the encoded
 * message in it: used when the message was too long to ride in the button value.
 */
async function pasteText(
  bot: BotContext,
  channel: string,
  root: string,
  ts: string,
): Promise<string | undefined> {
  let message: { ts?: string; text?: string; files?: SlackFileRef[] } | undefined;
  try {
    const res = await bot.slack.call<{
      messages?: Array<{ ts?: string; text?: string; files?: SlackFileRef[] }>;
    }>(
      'conversations.replies',
      { channel, ts: root, oldest: ts, inclusive: true, limit: 2 },
      { channel, ts },
    );
    message = res.messages?.find((m) => m.ts === ts);
  } catch {
    return undefined;
  }
  if (!message) return undefined;
  const { text } = await messageText(message.text ?? '', message.files ?? [], {
    botToken: bot.config.slack.botToken,
    maxBytes: bot.config.maxFileBytes,
  });
  return text;
}

async function encodedFromPaste(
  bot: BotContext,
  channel: string,
  root: string,
  ts: string,
): Promise<string | undefined> {
  const text = await pasteText(bot, channel, root, ts);
  return text === undefined
    ? undefined
    : (await bot.engine.diagnose(text)).facts.encodedAuthorizationMessage;
}
