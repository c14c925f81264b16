// Private answers (slash command, shortcut, modal): the diagnosis as an ephemeral message,
// with the secret warning first when the paste held one.

import type { Diagnosis } from '../diagnosis';
import type { BotContext } from './bot-context';
import { diagnosisReply, noneReply, type Reply } from './blocks/diagnosis';
import { LIMITS } from './blocks/limits';
import { secretWarning } from './blocks/secret-warning';
import { outgoingFetch } from './outgoing';
import { stsReplyParts, type Pasted, type PasteRef } from './sts';

/** `paste`: what was diagnosed (and where it lives, if anywhere) — for the STS buttons. */
export function privateAnswer(
  bot: BotContext,
  d: Diagnosis,
  subject: string,
  paste?: { text: Pasted; ref?: PasteRef },
): Reply {
  const extraButtons = paste ? stsReplyParts(bot, paste.text, d, paste.ref).buttons : [];
  const answer =
    d.classId === 'none'
      ? noneReply(d)
      : diagnosisReply(d, bot.codec, { variant: 'private', extraButtons });
  if (!d.secrets.some((s) => s.mustRotate)) return answer;
  const warning = secretWarning(d.secrets, subject);
  return {
    text: `${warning.text}\n${answer.text}`,
    blocks: [...warning.blocks, { type: 'divider' }, ...answer.blocks].slice(
      0,
      LIMITS.messageBlocks,
    ),
  };
}

/** response_urls come from Slack payloads; refuse anything that is not Slack (or the configured API host in tests). */
export function isSlackResponseUrl(url: string, apiUrl: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'https:' && /(^|\.)slack(-gov)?\.com$/.test(u.hostname)) return true;
    return u.origin === new URL(apiUrl).origin;
  } catch {
    return false;
  }
}

export async function postToResponseUrl(
  url: string,
  payload: Record<string, unknown>,
  fetchFn: typeof fetch = outgoingFetch,
): Promise<void> {
  const res = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`);
}
