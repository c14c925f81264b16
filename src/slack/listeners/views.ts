// The paste box that `/tfauth` opens, and its submission.

import type { App } from '@slack/bolt';
import { MODAL_CALLBACK } from '../action-ids';
import type { BotContext } from '../bot-context';
import { LIMITS } from '../blocks/limits';
import {
  isSlackResponseUrl,
  postToResponseUrl,
  privateAnswer,
} from '../features/diagnose/private-answer';
import { countDiagnosis } from '../../infra/metrics';

const BLOCK = 'tfauth_paste';
const INPUT = 'paste';

interface PasteMeta {
  responseUrl: string;
  channel: string;
}

export function pasteModal(responseUrl: string, channel: string): Record<string, unknown> {
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
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'The answer comes back privately. Longer logs: share the `.log` file in the channel, or run `tfauth diagnose` locally.',
          },
        ],
      },
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

export function registerViews(app: App, bot: BotContext): void {
  app.view(MODAL_CALLBACK, async ({ ack, view, body }) => {
    const text = view.state.values[BLOCK]?.[INPUT]?.value ?? '';
    if (text.trim() === '') {
      await ack({
        response_action: 'errors',
        errors: { [BLOCK]: 'Paste the error output first.' },
      });
      return;
    }
    await ack();
    await bot.inFlight.run(
      async () => {
        const meta = parseMeta(view.private_metadata);
        const d = await bot.engine.diagnose(text);
        countDiagnosis(d, 'private', d.classId !== 'none');
        bot.logger.info('modal diagnosed', {
          user: body.user.id,
          classId: d.classId,
          confidence: d.confidence,
        });
        const answer = privateAnswer(bot, d, 'What you pasted in the tfauth box', {
          text,
          ref: { owner: body.user.id },
        });
        // The command's response_url lasts 30 minutes: after that, answer privately in the channel.
        if (meta && isSlackResponseUrl(meta.responseUrl, bot.config.slack.apiUrl)) {
          try {
            await postToResponseUrl(meta.responseUrl, { response_type: 'ephemeral', ...answer });
            return;
          } catch (err) {
            bot.logger.warn('response_url refused the answer; posting it privately instead', {
              user: body.user.id,
              error: err,
            });
          }
        }
        if (!meta) throw new Error('paste box without its channel: cannot answer');
        await bot.slack.postEphemeral(
          { channel: meta.channel, user: body.user.id, ...answer },
          { user: body.user.id },
        );
      },
      (err) => bot.logger.error('modal submission failed', { user: body.user.id, error: err }),
    );
  });
}
