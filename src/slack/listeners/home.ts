// App Home: published whenever someone opens the Home tab (features/stats/team-stats.ts).

import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../bot-context';
import { publishHome } from '../features/stats/team-stats';

type HomeArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

export function register(app: App, bot: BotContext): void {
  app.event('app_home_opened', (args) => onHomeOpened(bot, args));
}

export async function onHomeOpened(bot: BotContext, { event }: HomeArgs) {
  if (event.tab !== 'home') return;
  await bot.inFlight.run(
    () => publishHome(bot, event.user),
    (err) => bot.logger.error('app home failed', { user: event.user, error: err }),
  );
}
