// /tfauth: diagnose a paste privately, open the paste box, or a subcommand — each answered
// by its feature (help, explain, stats, whoami).

import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs, SlashCommand } from '@slack/bolt';
import { COMMAND } from '../action-ids';
import type { BotContext } from '../bot-context';
import type { Reply } from '../blocks/kit';
import { openPasteBox } from '../features/diagnose/paste-box';
import { privateAnswer } from '../features/diagnose/private-answer';
import { explainReply, namesAClass } from '../features/help/explain';
import { helpReply, listReply } from '../features/help/screens';
import { statsReply } from '../features/stats/team-stats';
import { whoamiAnswer } from '../features/sts/whoami';
import { countDiagnosis } from '../../infra/metrics';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type Subcommand = (bot: BotContext, arg: string, command: SlashCommand) => Promise<Reply>;

export const SUBCOMMANDS: Record<string, Subcommand> = {
  help: async () => helpReply(),
  list: async () => listReply(),
  explain: async (bot, arg) => explainReply(bot, arg),
  stats: (bot) => statsReply(bot),
  whoami: (bot, _arg, command) => whoamiAnswer(bot, command),
};

export function register(app: App, bot: BotContext): void {
  app.command(COMMAND, (args) => onCommand(bot, args));
}

export async function onCommand(bot: BotContext, { ack, command, respond }: CommandArgs) {
  await ack();
  await bot.inFlight.run(
    async () => {
      const text = command.text.trim();
      if (text === '') return openPasteBox(bot, command, respond);
      await respond({ response_type: 'ephemeral', ...(await commandReply(bot, text, command)) });
    },
    (err) => bot.logger.error('command failed', { channel: command.channel_id, error: err }),
  );
}

/** A subcommand, a class to explain (one word), or a paste to diagnose privately. */
async function commandReply(bot: BotContext, text: string, command: SlashCommand): Promise<Reply> {
  const [first = '', ...rest] = text.split(/\s+/);
  const sub = SUBCOMMANDS[first.toLowerCase()];
  if (sub) return sub(bot, rest.join(' '), command);
  if (!/\s/.test(text)) return namesAClass(text) ? explainReply(bot, text) : helpReply(text);
  const d = await bot.engine.diagnose(text);
  countDiagnosis(d, 'private', d.classId !== 'none');
  bot.logger.info('command diagnosed', {
    channel: command.channel_id,
    classId: d.classId,
    confidence: d.confidence,
    secrets: d.secrets.length,
  });
  return privateAnswer(bot, d, 'Your /tfauth command', { text, ref: { owner: command.user_id } });
}
