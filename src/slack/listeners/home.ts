// App Home: published whenever someone opens the Home tab.

import type { App } from '@slack/bolt';
import type { BotContext } from '../bot-context';
import { homeView } from '../features/stats/home-view';

export function registerHome(app: App, bot: BotContext): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    await bot.inFlight.run(
      async () => {
        const now = bot.now();
        const [week, month] = await Promise.all([
          bot.outcomes.stats(7, now),
          bot.outcomes.stats(30, now),
        ]);
        await bot.slack.call(
          'views.publish',
          {
            user_id: event.user,
            view: homeView(week, month, settingsLine(bot), bot.config.outcomeDays),
          },
          { user: event.user },
        );
      },
      (err) => bot.logger.error('app home failed', { user: event.user, error: err }),
    );
  });
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
