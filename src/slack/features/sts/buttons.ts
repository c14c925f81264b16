// The STS buttons' handlers: "Which account is this key from?" and "Decode this message".
// Answers are private to whoever clicked; the value is signed (values.ts), so nobody can make
// the bot look up or decode something no paste held. listeners/actions.ts routes to them.

import { createHash } from 'node:crypto';
import type { BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { toStsFailure } from '../../../aws/sts-client';
import { maskKeyId } from '../../../diagnosis';
import type { BotContext } from '../../bot-context';
import type { Reply } from '../../blocks/kit';
import type { ButtonHandler } from '../../platform/action-router';
import type { PasteWhere } from '../../platform/paste';
import { metrics } from '../../../infra/metrics';
import { lookUp, offReason } from './checks';
import { decodeRefused, mayDecode } from './decode-access';
import {
  decodedSummary,
  decodeFailure,
  keyAccountAnswer,
  pasteGone,
  stsButtonExpired,
  stsOff,
} from './screens';
import type { StsButtonMeta, StsButtonValue } from './values';

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
        const value = bot.stsValues.decode(action.value);
        if (!value) {
          bot.logger.info('rejected sts button value', { action: id, channel: body.channel?.id });
          return answer(stsButtonExpired());
        }
        if (!bot.sts.active) return answer(stsOff(offReason(bot)));
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
  const paste = pasteOf(meta);
  // A public reply's button carries masked ids only: the full ids come from the paste itself.
  const ids =
    meta.k ??
    (meta.m && paste
      ? (await pasteKeyIds(bot, paste)).filter((id) => meta.m?.includes(maskKeyId(id)))
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
  const paste = pasteOf(meta);
  const message = value.message ?? (paste ? await encodedFromPaste(bot, paste) : undefined);
  if (!message) return answer(pasteGone('encoded message'));
  try {
    const decoded = await bot.sts.decode(message);
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
  const s = bot.sts.state();
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

/** The encoded message in the paste, read again: it was too long to ride in the button value. */
async function encodedFromPaste(bot: BotContext, where: PasteWhere): Promise<string | undefined> {
  const paste = await bot.paste.reread(where);
  return paste === undefined
    ? undefined
    : (await bot.engine.diagnosePaste(paste)).diagnosis.facts.encodedAuthorizationMessage;
}

/** The key ids of the paste as it is now (read again, files included, scanned by the worker). */
async function pasteKeyIds(bot: BotContext, where: PasteWhere): Promise<string[]> {
  const paste = await bot.paste.reread(where);
  return paste ? (await bot.engine.diagnosePaste(paste)).keyIds : [];
}

/** Where the button's paste is, when the value names it. */
function pasteOf(meta: StsButtonMeta): PasteWhere | undefined {
  return meta.c && meta.p ? { channel: meta.c, ts: meta.p, root: meta.r ?? meta.p } : undefined;
}
