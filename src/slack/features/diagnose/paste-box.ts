// The paste box that `/tfauth` opens, and its submission: answered privately through the
// command's response_url, or as an ephemeral message once that has expired.

import type { RespondFn, SlashCommand, ViewOutput } from '@slack/bolt';
import { MODAL_CALLBACK } from '../../action-ids';
import type { BotContext } from '../../bot-context';
import { context, type ModalView } from '../../blocks/kit';
import { LIMITS } from '../../blocks/limits';
import { isSlackResponseUrl, postToResponseUrl } from '../../platform/response-url';
import { privateAnswer } from './private-answer';
import { countDiagnosis } from '../../../infra/metrics';

const BLOCK = 'tfauth_paste';
const INPUT = 'paste';

interface PasteMeta {
  responseUrl: string;
  channel: string;
}

export function pasteModal(responseUrl: string, channel: string): ModalView {
  const meta: PasteMeta = { responseUrl, channel };
  return {
    type: 'modal',
    callback_id: MODAL_CALLBACK,
    title: { type: 'plain_text', text: 'tfauth' },
    submit: { type: 'plain_text', text: 'Diagnose' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(meta).slice(0, LIMITS.privateMetadata),
    blocks: [
      {
        type: 'input',
        block_id: BLOCK,
        label: { type: 'plain_text', text: 'Paste the failing Terraform output' },
        element: {
          type: 'plain_text_input',
          action_id: INPUT,
          multiline: true,
          max_length: LIMITS.inputText,
          placeholder: { type: 'plain_text', text: '│ Error: …' },
        },
      },
      context([
        'The answer comes back privately. Longer logs: share the `.log` file in the channel, or run `tfauth diagnose` locally.',
      ]),
    ],
  };
}

function parseMeta(raw: string | undefined): PasteMeta | undefined {
  try {
    const v = JSON.parse(raw ?? '') as Partial<PasteMeta>;
    return typeof v.responseUrl === 'string' && typeof v.channel === 'string'
      ? { responseUrl: v.responseUrl, channel: v.channel }
      : undefined;
  } catch {
    return undefined;
  }
}

/** What was pasted in the box. */
export function pastedText(view: ViewOutput): string {
  return view.state.values[BLOCK]?.[INPUT]?.value ?? '';
}

/** The submission's answer when the box was empty: Slack shows it under the input. */
export const EMPTY_PASTE = {
  response_action: 'errors',
  errors: { [BLOCK]: 'Paste the error output first.' },
} as const;

export async function answerPasteBox(
  bot: BotContext,
  view: ViewOutput,
  user: string,
  text: string,
): Promise<void> {
  const meta = parseMeta(view.private_metadata);
  const d = await bot.engine.diagnose(text);
  countDiagnosis(d, 'private', d.classId !== 'none');
  bot.logger.info('modal diagnosed', {
    user,
    classId: d.classId,
    confidence: d.confidence,
  });
  const answer = privateAnswer(bot, d, 'What you pasted in the tfauth box', {
    text,
    ref: { owner: user },
  });
  // The command's response_url lasts 30 minutes: after that, answer privately in the channel.
  if (meta && isSlackResponseUrl(meta.responseUrl, bot.config.slack.apiUrl)) {
    try {
      await postToResponseUrl(
        meta.responseUrl,
        { response_type: 'ephemeral', ...answer },
        bot.fetch,
      );
      return;
    } catch (err) {
      bot.logger.warn('response_url refused the answer; posting it privately instead', {
        user,
        error: err,
      });
    }
  }
  if (!meta) throw new Error('paste box without its channel: cannot answer');
  await bot.slack.postEphemeral({ channel: meta.channel, user, ...answer }, { user });
}

/** `/tfauth` alone: opens the box, or says privately why Slack would not. */
export async function openPasteBox(
  bot: BotContext,
  command: SlashCommand,
  respond: RespondFn,
): Promise<void> {
  try {
    await bot.slack.viewsOpen({
      trigger_id: command.trigger_id,
      view: pasteModal(command.response_url, command.channel_id),
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
