// `/tfauth whoami`: the bot's own AWS identity, for operators (answered privately).

import type { SlashCommand } from '@slack/bolt';
import { toStsFailure } from '../../../aws/sts-client';
import { STS_OFF_BY_CONFIG } from '../../../aws/sts-service';
import type { BotContext } from '../../bot-context';
import type { Reply } from '../../blocks/kit';
import { offReason } from './checks';
import { stsOff, whoamiFailed, whoamiReply } from './screens';

export async function whoamiAnswer(bot: BotContext, command: SlashCommand): Promise<Reply> {
  const sts = bot.sts;
  if (!sts?.enabled) return stsOff(STS_OFF_BY_CONFIG);
  try {
    const identity = await sts.whoAmI();
    bot.logger.info('whoami', { user: command.user_id, account: identity.account });
    return whoamiReply(identity);
  } catch (err) {
    const failure = toStsFailure(err);
    return failure.kind === 'no-credentials' ? stsOff(offReason(bot)) : whoamiFailed(failure);
  }
}
