// `/tfauth explain <class id or error code>`: one class's causes and checklist, privately.

import { describeClass, findClass } from '../../../diagnosis';
import type { BotContext } from '../../bot-context';
import type { Reply } from '../../blocks/kit';
import { diagnosisReply } from '../diagnose/reply';
import { helpReply } from './screens';

export function explainReply(bot: BotContext, arg: string): Reply {
  const entry = findClass(arg);
  if (!entry)
    return helpReply(arg ? `explain ${arg}` : 'explain (what? a class id or an error code)');
  const reply = diagnosisReply(describeClass(entry.id), bot.codec, { variant: 'private' });
  return { ...reply, blocks: reply.blocks.filter((b) => b.type !== 'actions') };
}

/** A single word that names a class (or an error code of one): `/tfauth ExpiredToken`. */
export function namesAClass(word: string): boolean {
  return findClass(word) !== undefined;
}
