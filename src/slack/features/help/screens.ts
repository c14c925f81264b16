// /tfauth help and /tfauth list.

import { listClasses } from '../../../diagnosis';
import { section, context, type KnownBlock, type Reply } from '../../blocks/kit';
import { escape } from '../../blocks/mrkdwn';

export const USAGE = [
  '*tfauth explains Terraform credential and authorization failures.*',
  '• Paste a failing `terraform init/plan/apply` output in a channel tfauth is in: it answers in the thread, and stays quiet on everything else.',
  '• `/tfauth <paste>` — diagnose privately (with a *Share in channel* button)',
  '• `/tfauth` — open a box to paste into (up to 3,000 characters; share a `.log` file in the channel for more)',
  '• `/tfauth explain <class id or error code>` — e.g. `/tfauth explain ExpiredToken`',
  '• `/tfauth list` — the failures tfauth knows',
  '• `/tfauth stats` — what the team hit and what fixed it, last 7 and 30 days',
  '• `/tfauth whoami` — the AWS identity the bot itself uses (operators)',
  '• *Inside a thread:* Slack does not allow slash commands in threads — use the message shortcut *Diagnose with tfauth* (⋯ on any message) instead.',
  '• On your machine: `tfauth diagnose plan.log` (the same engine as a CLI).',
].join('\n');

export function helpReply(unknown?: string): Reply {
  const lead = unknown ? `:thinking_face: I don't know \`${escape(unknown)}\`.\n\n` : '';
  return {
    text: 'tfauth help',
    blocks: [
      section(`${lead}${USAGE}`),
      context([
        'tfauth never asks for secrets; if you paste one, it tells you privately how to rotate it.',
      ]),
    ],
  };
}

export function listReply(): Reply {
  const blocks: KnownBlock[] = listClasses().map((p) =>
    section(
      `*${escape(p.platform)}*\n${p.classes.map((c) => `• \`${c.id}\` — ${escape(c.title)}`).join('\n')}`,
    ),
  );
  blocks.push(context(['`/tfauth explain <id>` shows the causes and checklist of one class.']));
  return { text: 'Failures tfauth knows', blocks };
}
