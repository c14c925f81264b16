// The STS checks in Slack: the buttons a reply gets ("Which account is this key from?",
// "Decode this message"), their handlers (answers are private to whoever clicked), the
// automatic "confirmed by STS" line of a diagnosis reply, and `/tfauth whoami`.
//
// Nothing here ever uses a credential from a paste: the STS service signs with the bot's own
// credentials, and only key *ids* and encoded messages are sent to it.

import { createHash } from 'node:crypto';
import type { ActionRouter } from './action-router';
import { decodeRefused, mayDecode } from './decode-access';
import type { BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { toStsFailure } from '../aws/sts-client';
import { STS_OFF_BY_CONFIG } from '../aws/sts-service';
import { arnRole, credentialKeyIds, maskKeyId, type ArnFact, type Diagnosis } from '../diagnosis';
import { accountIdFromKeyId } from '../diagnosis';
import { ACTIONS } from './action-ids';
import type { BotContext } from './bot-context';
import type { Reply } from './blocks/diagnosis';
import {
  confirmationLines,
  decodeButton,
  decodedSummary,
  decodeFailure,
  keyAccountAnswer,
  keyAccountButton,
  pasteGone,
  stsButtonExpired,
  stsOff,
  whoamiFailed,
  whoamiReply,
  type KeyResult,
} from './blocks/sts';
import type { Subcommand } from './commands';
import { messageParts, type SlackFileRef } from './files';
import { buttonSigningSecret } from './flow-state';
import { StsValueCodec, type PasteAccount, type StsButtonValue } from './sts-values';
import { metrics } from '../infra/metrics';
import type { SharedPaste } from '../infra/shared-paste';

type Block = Record<string, unknown>;
type Click = BlockAction<ButtonAction>;

/** Key ids looked up per reply: a paste rarely holds more than one or two. */
const MAX_KEYS = 3;
const MAX_ACCOUNTS = 4;
/** A confirmation that misses the reply still updates it — but not after this long. */
const LATE_UPDATE_LIMIT_MS = 10_000;

/** Where a paste lives, so a click can read it again (for long encoded messages). */
export interface PasteRef {
  channel?: string;
  ts?: string;
  /** The thread root (the paste itself when it is not in a thread). */
  root?: string;
  /** Who pasted it: the one (with TFAUTH_DECODE_ALLOWED) who may decode its message. */
  owner?: string;
}

export interface StsReplyParts {
  buttons: Block[];
  /** Key ids to confirm (identifiers, never secrets). */
  keyIds: string[];
  accounts: PasteAccount[];
}

const NONE: StsReplyParts = { buttons: [], keyIds: [], accounts: [] };

/**
 * What was pasted: its text when it is small (a command, the paste box), or the access-key ids
 * the diagnosis worker found in a message and its files (never scanned on the event loop).
 */
export type Pasted = string | { keyIds: readonly string[] };

const codecs = new WeakMap<BotContext, StsValueCodec>();

function values(bot: BotContext): StsValueCodec {
  let codec = codecs.get(bot);
  if (!codec) {
    const s = bot.config.slack;
    codec = new StsValueCodec(buttonSigningSecret(s));
    codecs.set(bot, codec);
  }
  return codec;
}

/** Accounts of the paste's ARNs, roles first (assumed-role sessions describe the caller). */
export function pasteAccounts(arns: ArnFact[]): PasteAccount[] {
  const sorted = [...arns].sort(
    (a, b) => Number(b.resourceType === 'role') - Number(a.resourceType === 'role'),
  );
  const out: PasteAccount[] = [];
  for (const a of sorted) {
    if (!a.accountId || a.service === 'sts' || out.some(([acct]) => acct === a.accountId)) continue;
    out.push([a.accountId, arnRole(a)]);
    if (out.length >= MAX_ACCOUNTS) break;
  }
  return out;
}

/**
 * The STS buttons for a reply, and the key ids to confirm — nothing when the checks are off
 * or the paste does not qualify. `text` is the paste (key ids are masked in the Diagnosis);
 * only ids the diagnosis also found are used, so the buttons match what the reply shows.
 */
export function stsReplyParts(
  bot: BotContext,
  pasted: Pasted,
  d: Diagnosis,
  where: PasteRef = {},
): StsReplyParts {
  if (!bot.sts?.active || d.classId === 'none') return NONE;
  const shown = new Set(d.facts.accessKeys.map((k) => k.masked));
  const keyIds = (typeof pasted === 'string' ? credentialKeyIds(pasted, 10) : pasted.keyIds)
    .filter((id) => shown.has(maskKeyId(id)))
    .slice(0, MAX_KEYS);
  const accounts = pasteAccounts(d.facts.arns);
  const codec = values(bot);
  const buttons: Block[] = [];
  if (keyIds.length > 0) {
    // A public reply's buttons are readable by anyone in the channel (and stay after the paste
    // is deleted): they carry masked ids and where the paste is; private answers carry the ids.
    const ids =
      where.channel && where.ts
        ? {
            m: keyIds.map(maskKeyId),
            c: where.channel,
            p: where.ts,
            ...(where.root ? { r: where.root } : {}),
          }
        : { k: keyIds };
    const value = codec.encode({ ...ids, ...(accounts.length > 0 ? { a: accounts } : {}) });
    if (value) buttons.push(keyAccountButton(value));
  }
  const encoded = d.facts.encodedAuthorizationMessage;
  if (encoded && /^[A-Za-z0-9_-]+$/.test(encoded)) {
    // Short enough: the message rides in the button. Otherwise the click reads the paste
    // again (conversations.replies) — possible only when we know where the paste is.
    const owner = where.owner ? { u: where.owner } : {};
    const ref =
      where.channel && where.ts
        ? { c: where.channel, p: where.ts, ...(where.root ? { r: where.root } : {}), ...owner }
        : undefined;
    const value =
      codec.encode({ ...ref, ...owner }, encoded) ?? (ref ? codec.encode(ref) : undefined);
    if (value) buttons.push(decodeButton(value));
  }
  return { buttons, keyIds, accounts };
}

async function lookUp(bot: BotContext, keyIds: string[]): Promise<KeyResult[]> {
  const sts = bot.sts;
  return Promise.all(
    keyIds.map(async (id): Promise<KeyResult> => {
      const base = { masked: maskKeyId(id), ...offline(id) };
      if (!sts) return base;
      try {
        return { ...base, account: (await sts.keyAccount(id)).account };
      } catch (err) {
        return { ...base, failure: toStsFailure(err) };
      }
    }),
  );
}

function offline(id: string): { offline?: string } {
  const account = accountIdFromKeyId(id);
  return account ? { offline: account } : {};
}

/**
 * Automatic confirmation for a diagnosis reply. Timing: we wait for STS at most
 * `confirmBudgetMs` (750 ms by default) before posting, so in the common case — a cached
 * id, or STS answering in ~100 ms — the reply is posted once, already confirmed, with no
 * edit and no extra chat.update (Tier 3, 50/min). When STS is slower, the reply goes out
 * without the line and `later` resolves with the lines for one chat.update. Posting first
 * and always updating would cost an update per reply and a visible flicker; waiting with no
 * bound would let an STS outage delay every reply.
 */
export async function confirmForReply(
  bot: BotContext,
  parts: StsReplyParts,
): Promise<{ lines: string[]; later?: Promise<string[]> }> {
  if (!bot.sts?.active || parts.keyIds.length === 0) return { lines: [] };
  const lines = lookUp(bot, parts.keyIds).then((r) => confirmationLines(r, parts.accounts));
  const early = await within(lines, bot.sts.confirmBudgetMs);
  if (early.done) return { lines: early.value };
  return {
    lines: [],
    later: within(lines, LATE_UPDATE_LIMIT_MS).then((late) => (late.done ? late.value : [])),
  };
}

async function within<T>(
  p: Promise<T>,
  ms: number,
): Promise<{ done: true; value: T } | { done: false }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([p.then((value) => ({ done: true as const, value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function offReason(bot: BotContext): string {
  return bot.sts?.offReason() ?? STS_OFF_BY_CONFIG;
}

/** `/tfauth whoami`: the bot's own AWS identity, for operators (answered privately). */
export function stsSubcommands(): Record<string, Subcommand> {
  return {
    whoami: async (bot, _arg, command) => {
      const sts = bot.sts;
      if (!sts?.enabled) return stsOff(STS_OFF_BY_CONFIG);
      try {
        const identity = await sts.whoAmI();
        bot.logger.info('whoami', { user: command.user_id, account: identity.account });
        return whoamiReply(identity);
      } catch (err) {
        const failure = toStsFailure(err);
        return failure.kind === 'no-credentials' ? stsOff(offReason(bot)) : whoamiFailed(failure);
      }
    },
  };
}

interface StsClick {
  body: Click;
  value: StsButtonValue;
  answer: (reply: Reply) => Promise<void>;
}

export function registerSts(router: ActionRouter, bot: BotContext): void {
  const on = (id: string, handler: (c: StsClick) => Promise<void>) =>
    router.on(id, async ({ ack, body, respond, action }) => {
      await ack();
      const answer = (reply: Reply) => privately(respond, reply);
      await bot.inFlight.run(
        async () => {
          const value = values(bot).decode(action.value);
          if (!value) {
            bot.logger.info('rejected sts button value', { action: id, channel: body.channel?.id });
            return answer(stsButtonExpired());
          }
          if (!bot.sts?.active) return answer(stsOff(offReason(bot)));
          await handler({ body, value, answer });
        },
        (err) =>
          bot.logger.error('sts button failed', {
            action: id,
            channel: body.channel?.id,
            error: err,
          }),
      );
    });

  on(ACTIONS.keyAccount, async ({ value, answer }) => {
    const { meta } = value;
    const ids =
      meta.k ??
      (meta.m && meta.c && meta.p
        ? (await pasteKeyIds(bot, meta.c, meta.r ?? meta.p, meta.p)).filter((id) =>
            meta.m?.includes(maskKeyId(id)),
          )
        : []);
    if (ids.length === 0) return answer(pasteGone('access key ids'));
    const results = await lookUp(bot, ids);
    await answer(keyAccountAnswer(results, value.meta.a ?? []));
  });

  on(ACTIONS.decode, async ({ body, value, answer }) => {
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
      (meta.c && meta.p
        ? await encodedFromPaste(bot, meta.c, meta.r ?? meta.p, meta.p)
        : undefined);
    if (!message) return answer(pasteGone('encoded message'));
    try {
      const decoded = await (bot.sts as NonNullable<BotContext['sts']>).decode(message);
      await answer(decodedSummary(decoded));
    } catch (err) {
      await answer(decodeFailure(toStsFailure(err), botAccount(bot)));
    }
  });
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
async function pasteParts(
  bot: BotContext,
  channel: string,
  root: string,
  ts: string,
): Promise<SharedPaste | undefined> {
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
  const { text, files } = await messageParts(message.text ?? '', message.files ?? [], {
    botToken: bot.config.slack.botToken,
    maxBytes: bot.config.maxFileBytes,
  });
  return { text, files };
}

/** The key ids of the paste as it is now (read again, files included, by the worker). */
async function pasteKeyIds(
  bot: BotContext,
  channel: string,
  root: string,
  ts: string,
): Promise<string[]> {
  const paste = await pasteParts(bot, channel, root, ts);
  return paste ? (await bot.engine.diagnosePaste(paste)).keyIds : [];
}

async function encodedFromPaste(
  bot: BotContext,
  channel: string,
  root: string,
  ts: string,
): Promise<string | undefined> {
  const paste = await pasteParts(bot, channel, root, ts);
  return paste === undefined
    ? undefined
    : (await bot.engine.diagnosePaste(paste)).diagnosis.facts.encodedAuthorizationMessage;
}
