// /tfauth: diagnose a paste privately, open a paste box, or help/list/explain/stats.

import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import { describeClass, findClass } from '../../diagnosis';
import { COMMAND } from '../action-ids';
import type { BotContext } from '../bot-context';
import { diagnosisReply, type Reply } from '../features/diagnose/reply';
import { helpReply, listReply } from '../features/help/screens';
import { statsBlocks, storedNote } from '../features/stats/screens';
import { pasteModal } from './views';
import { privateAnswer } from '../features/diagnose/private-answer';
import { countDiagnosis } from '../../infra/metrics';

export type Subcommand = (bot: BotContext, arg: string, command: SlashCommand) => Promise<Reply>;

const SUBCOMMANDS: Record<string, Subcommand> = {
  help: async () => helpReply(),
  list: async () => listReply(),
  explain: async (bot, arg) => {
    const entry = findClass(arg);
    if (!entry)
      return helpReply(arg ? `explain ${arg}` : 'explain (what? a class id or an error code)');
    const reply = diagnosisReply(describeClass(entry.id), bot.codec, { variant: 'private' });
    return { ...reply, blocks: reply.blocks.filter((b) => b.type !== 'actions') };
  },
  stats: async (bot) => {
    const now = bot.now();
    const [week, month] = await Promise.all([
      bot.outcomes.stats(7, now),
      bot.outcomes.stats(30, now),
    ]);
    return {
      text: 'tfauth stats',
      blocks: [...statsBlocks(week), ...statsBlocks(month), storedNote(bot.config.outcomeDays)],
    };
  },
};

export function registerCommands(
  app: App,
  bot: BotContext,
  extra: Record<string, Subcommand> = {},
): void {
  const subcommands = { ...SUBCOMMANDS, ...extra };
  app.command(COMMAND, async ({ ack, command, respond, client }) => {
    await ack();
    await bot.inFlight.run(
      async () => {
        const text = command.text.trim();
        if (text === '')
          return openPasteBox(bot, command, respond, client.views.open.bind(client.views));
        const [first = '', ...rest] = text.split(/\s+/);
        const sub = subcommands[first.toLowerCase()];
        let reply: Reply;
        if (sub) reply = await sub(bot, rest.join(' '), command);
        else if (!/\s/.test(text) && !findClass(text)) reply = helpReply(text);
        else if (!/\s/.test(text))
          reply = await (subcommands.explain as Subcommand)(bot, text, command);
        else {
          const d = await bot.engine.diagnose(text);
          countDiagnosis(d, 'private', d.classId !== 'none');
          bot.logger.info('command diagnosed', {
            channel: command.channel_id,
            classId: d.classId,
            confidence: d.confidence,
            secrets: d.secrets.length,
          });
          reply = privateAnswer(bot, d, 'Your /tfauth command', {
            text,
            ref: { owner: command.user_id },
          });
        }
        await respond({ response_type: 'ephemeral', ...reply });
      },
      (err) => bot.logger.error('command failed', { channel: command.channel_id, error: err }),
    );
  });
}

async function openPasteBox(
  bot: BotContext,
  command: SlashCommand,
  respond: RespondFn,
  open: (args: { trigger_id: string; view: never }) => Promise<unknown>,
): Promise<void> {
  try {
    await open({
      trigger_id: command.trigger_id,
      view: pasteModal(command.response_url, command.channel_id) as never,
    });
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    bot.logger.warn('could not open the paste box', {
      channel: command.channel_id,
      error: code ?? err,
    });
    const why =
      code === 'expired_trigger_id' || code === 'exchanged_trigger_id'
        ? 'Slack only lets a command open a window within 3 seconds, and that time passed.'
        : 'Slack would not open it.';
    await respond({
      response_type: 'ephemeral',
      text: `I couldn't open the paste box: ${why} Run \`/tfauth\` again, or paste the error right after the command: \`/tfauth <error>\`.`,
    });
  }
}
