// The private note to whoever pasted a secret. It names the kind and line, never the value.

import { ROTATION } from '../../../diagnosis';
import type { SecretFinding } from '../../../diagnosis';
import { clip, LIMITS } from '../../blocks/limits';
import { codeBlock, escape } from '../../blocks/mrkdwn';
import { context, messageBlocks, section, type KnownBlock, type Reply } from '../../blocks/kit';

/** `subject` names the message ("Your message in this channel", "The message you asked about"). */
export function secretWarning(findings: SecretFinding[], subject: string): Reply {
  const rotate = findings.filter((f) => f.mustRotate);
  const kinds = [...new Set(rotate.map((f) => f.kind))];
  const list = rotate
    .slice(0, 10)
    .map((f) => `• ${ROTATION[f.kind].label} on line ${f.line} (${escape(f.masked)})`)
    .join('\n');
  const blocks: KnownBlock[] = [
    section(
      `:rotating_light: *${subject} contains ${rotate.length === 1 ? 'a secret' : 'secrets'}.* Treat ${rotate.length === 1 ? 'it' : 'them'} as leaked and rotate now — deleting the message is not enough.\n${list}`,
    ),
  ];
  for (const kind of kinds.slice(0, 8)) {
    const r = ROTATION[kind];
    const text = [`*${r.label}:* ${escape(r.how)}`];
    if (r.commands.length > 0) text.push(codeBlock(r.commands));
    blocks.push(section(text.join('\n')));
  }
  blocks.push(
    context([
      'Then delete or edit your message. tfauth never stores or logs message text, and its reply does not repeat the secret.',
    ]),
  );
  return {
    text: clip(
      `${subject} contains ${kinds.map((k) => ROTATION[k].label).join(', ')}: rotate now.`,
      LIMITS.fallbackText,
    ),
    blocks: messageBlocks(blocks),
  };
}
