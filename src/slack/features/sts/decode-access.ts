// Who may "Decode this message": the person whose paste it is, and members of the user group
// TFAUTH_DECODE_ALLOWED (e.g. the platform team). Decoding uses the bot's own IAM permission
// and shows the policy context of someone's denial, so it is not for whoever clicks.
// Membership comes from usergroups.users.list, cached briefly; when it cannot be read the
// answer is no (only the owner decodes).

import type { BotContext } from '../../bot-context';
import type { Reply } from '../../blocks/kit';
import { section } from '../../blocks/kit';

const MEMBERS_TTL_MS = 60_000;

interface Members {
  users: ReadonlySet<string>;
  at: number;
}

const caches = new WeakMap<BotContext, Map<string, Members>>();

export type DecodeVerdict = 'owner' | 'group' | 'refused';

export async function mayDecode(
  bot: BotContext,
  user: string,
  owner: string | undefined,
): Promise<DecodeVerdict> {
  if (owner !== undefined && user === owner) return 'owner';
  const group = bot.config.decodeAllowed;
  if (group && (await members(bot, group)).has(user)) return 'group';
  return 'refused';
}

async function members(bot: BotContext, group: string): Promise<ReadonlySet<string>> {
  let cache = caches.get(bot);
  if (!cache) caches.set(bot, (cache = new Map<string, Members>()));
  const hit = cache.get(group);
  if (hit && bot.now() - hit.at < MEMBERS_TTL_MS) return hit.users;
  try {
    const res = await bot.slack.usergroupsUsersList({ usergroup: group });
    const users = new Set((res.users ?? []).filter((u) => typeof u === 'string'));
    cache.set(group, { users, at: bot.now() });
    return users;
  } catch (err) {
    bot.logger.warn('could not read TFAUTH_DECODE_ALLOWED members: only owners can decode', {
      group,
      error: (err as { data?: { error?: string } }).data?.error ?? err,
    });
    return new Set();
  }
}

/** The private answer for everyone else: who can decode it. */
export function decodeRefused(owner: string | undefined, group: string | undefined): Reply {
  const who = [
    ...(owner ? [`<@${owner}>, who pasted it`] : []),
    ...(group ? [`members of <!subteam^${group}>`] : []),
  ];
  const text = who.length
    ? `:lock: Only ${who.join(', and ')} can decode this message: it shows the policy details of someone else's denial.`
    : ':lock: Only the person who pasted this message can decode it.';
  return { text, blocks: [section(text)] };
}
