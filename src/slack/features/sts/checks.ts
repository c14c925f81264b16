// The STS checks on a diagnosis reply: which buttons it gets ("Which account is this key
// from?", "Decode this message") and the automatic "confirmed by STS" line. The buttons'
// handlers are in buttons.ts, `/tfauth whoami` in whoami.ts.
//
// Nothing here ever uses a credential from a paste: the STS service signs with the bot's own
// credentials, and only key *ids* and encoded messages are sent to it.

import { toStsFailure } from '../../../aws/sts-client';
import { STS_OFF_BY_CONFIG } from '../../../aws/sts-service';
import {
  arnRole,
  credentialKeyIds,
  maskKeyId,
  type ArnFact,
  type Diagnosis,
} from '../../../diagnosis';
import { accountIdFromKeyId } from '../../../diagnosis';
import type { BotContext } from '../../bot-context';
import type { Button } from '../../blocks/kit';
import { confirmationLines, decodeButton, keyAccountButton, type KeyResult } from './screens';
import type { PasteAccount } from './values';

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
  buttons: Button[];
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
 * or the paste does not qualify. `pasted` is the paste or its key ids (masked in the Diagnosis);
 * only ids the diagnosis also found are used, so the buttons match what the reply shows.
 */
export function stsReplyParts(
  bot: BotContext,
  pasted: Pasted,
  d: Diagnosis,
  where: PasteRef = {},
): StsReplyParts {
  if (!bot.sts.active || d.classId === 'none') return NONE;
  const shown = new Set(d.facts.accessKeys.map((k) => k.masked));
  const keyIds = (typeof pasted === 'string' ? credentialKeyIds(pasted, 10) : pasted.keyIds)
    .filter((id) => shown.has(maskKeyId(id)))
    .slice(0, MAX_KEYS);
  const accounts = pasteAccounts(d.facts.arns);
  const codec = bot.stsValues;
  const buttons: Button[] = [];
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

export async function lookUp(bot: BotContext, keyIds: string[]): Promise<KeyResult[]> {
  return Promise.all(
    keyIds.map(async (id): Promise<KeyResult> => {
      const base = { masked: maskKeyId(id), ...offline(id) };
      try {
        return { ...base, account: (await bot.sts.keyAccount(id)).account };
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
  if (!bot.sts.active || parts.keyIds.length === 0) return { lines: [] };
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
  return bot.sts.offReason() ?? STS_OFF_BY_CONFIG;
}
