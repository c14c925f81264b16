// Private answers (slash command, shortcut, modal): the diagnosis as an ephemeral message,
// with the secret warning first when the paste held one.

import type { Diagnosis } from '../../../diagnosis';
import type { BotContext } from '../../bot-context';
import { divider, messageBlocks, type Reply } from '../../blocks/kit';
import { diagnosisReply, noneReply } from './reply';
import { secretWarning } from '../secrets/warning';
import { stsReplyParts, type Pasted, type PasteRef } from '../sts/checks';

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
    blocks: messageBlocks([...warning.blocks, divider(), ...answer.blocks]),
  };
}
