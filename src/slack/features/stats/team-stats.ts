// The team's numbers, last 7 and 30 days: `/tfauth stats` and the App Home tab.

import type { BotContext } from '../../bot-context';
import type { Reply } from '../../blocks/kit';
import type { StatsReport } from '../../../infra/outcomes';
import { homeView } from './home-view';
import { statsBlocks, storedNote } from './screens';

/** The two windows every stats screen shows. */
export async function recentStats(
  bot: BotContext,
): Promise<[week: StatsReport, month: StatsReport]> {
  const now = bot.now();
  return Promise.all([bot.outcomes.stats(7, now), bot.outcomes.stats(30, now)]);
}

export async function statsReply(bot: BotContext): Promise<Reply> {
  const [week, month] = await recentStats(bot);
  return {
    text: 'tfauth stats',
    blocks: [...statsBlocks(week), ...statsBlocks(month), storedNote(bot.config.outcomeDays)],
  };
}

/** Publishes the Home tab for `user`: usage, the team's numbers, this deployment's settings. */
export async function publishHome(bot: BotContext, user: string): Promise<void> {
  const [week, month] = await recentStats(bot);
  await bot.slack.viewsPublish(
    { user_id: user, view: homeView(week, month, settingsLine(bot), bot.config.outcomeDays) },
    { user },
  );
}

function settingsLine(bot: BotContext): string[] {
  const c = bot.config;
  return [
    `Replies when confidence ≥ ${Math.round(c.minConfidence * 100)}%`,
    c.channels ? `Watching ${c.channels.size} channel(s)` : 'Watching every channel it is in',
    c.escalation
      ? `Escalates to ${c.escalation.kind === 'usergroup' ? `<!subteam^${c.escalation.id}>` : `<#${c.escalation.id}>`}`
      : 'No escalation target set',
  ];
}
