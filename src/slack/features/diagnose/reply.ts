// The threaded reply: a pure function from a Diagnosis to Block Kit, always within limits.

import { factList, rerankSteps, type Diagnosis } from '../../../diagnosis';
import { headlineText, type TeamMemory } from '../stats/team-line';
import { ACTIONS } from '../../action-ids';
import { FlowCodec } from '../walkthrough/state';
import {
  actions,
  button,
  context,
  divider,
  fields,
  header,
  messageBlocks,
  section,
  type ActionsBlock,
  type Button,
  type KnownBlock,
  type Reply,
  type SectionBlock,
} from '../../blocks/kit';
import { clip, LIMITS } from '../../blocks/limits';
import { codeBlock, escape, link } from '../../blocks/mrkdwn';

/** The reply's buttons: while they are there, nobody has acted on the reply. */
export const REPLY_ACTIONS_BLOCK = 'tfauth_actions';

const MAX_CAUSES = 4;
const MAX_STEPS = 6;

const pct = (n: number): string => `${Math.round(n * 100)}%`;

export function causesText(d: Diagnosis, max = MAX_CAUSES): string {
  const lines = ['*Likely causes*'];
  d.causes.slice(0, max).forEach((c, i) => {
    lines.push(`*${i + 1}. ${escape(c.title)}* _(${pct(c.score)})_`);
    for (const e of c.evidence) lines.push(`    ↳ ${escape(e)}`);
  });
  return lines.join('\n');
}

/** A step's title, saying which shell its commands are for when it is not bash. */
export function stepTitleText(s: Diagnosis['steps'][number]): string {
  return `${escape(s.title)}${s.shell ? (s.shell === 'powershell' ? ' (PowerShell)' : ' (bash)') : ''}`;
}

export function stepBlocks(steps: Diagnosis['steps'], offset = 0): SectionBlock[] {
  return steps.map((s, i) => {
    const parts = [`*${offset + i + 1}. ${stepTitleText(s)}*`];
    if (s.detail) parts.push(escape(s.detail));
    if (s.commands.length > 0) parts.push(codeBlock(s.commands));
    return section(parts.join('\n'));
  });
}

export function factFields(d: Diagnosis): SectionBlock | undefined {
  const facts = factList(d.facts);
  if (facts.length === 0) return undefined;
  return fields(facts.map((f) => `*${f.label}*\n${escape(f.value)}`));
}

export function docsLine(d: Diagnosis): string | undefined {
  if (d.docs.length === 0) return undefined;
  return `:books: ${d.docs.map((doc) => link(doc.url, doc.title)).join('  ·  ')}`;
}

export interface ReplyOptions {
  secretsWarnedTo?: string;
  /** `thread`: the public reply; `private`: an ephemeral answer with a "Share in channel" button. */
  variant?: 'thread' | 'private';
  /** More buttons after the standard ones (the STS checks, when they are on). */
  extraButtons?: Button[];
  /** Context lines right under the facts (e.g. "confirmed by STS: account …"). */
  factNotes?: string[];
  /** What fixed this class here before: reorders the checklist and adds one line on top. */
  team?: TeamMemory;
}

/**
 * The reply reads top-down in the order an engineer acts: what failed, why (the top cause and
 * what in the paste points to it), the first commands to run, the buttons — all on the first
 * screen. Facts, the other causes, the rest of the checklist and the docs follow for whoever
 * wants them.
 */
export function diagnosisReply(d: Diagnosis, codec: FlowCodec, options: ReplyOptions = {}): Reply {
  const blocks: KnownBlock[] = [];
  blocks.push(header(`🔐 ${d.title}`));
  blocks.push(section(whyLine(d)));
  const ranked = rerankSteps(d.steps, options.team?.history);
  if (ranked.headline && options.team)
    blocks.push(section(headlineText(ranked.headline, options.team.today)));
  blocks.push(
    context([
      `\`${d.classId}\` · confidence ${pct(d.confidence)}${d.platform ? ` · ${d.platform.toUpperCase()}` : ''}`,
    ]),
  );
  const [first, ...rest] = ranked.steps.slice(0, MAX_STEPS);
  if (first) blocks.push(firstStepBlock(first));
  blocks.push(actionsBlock(d, codec, options.variant ?? 'thread', options.extraButtons));

  blocks.push(divider());
  const facts = factFields(d);
  if (facts) blocks.push(facts);
  if (options.factNotes && options.factNotes.length > 0) blocks.push(context(options.factNotes));
  if (d.causes.length > 1) blocks.push(section(causesText(d)));
  if (rest.length > 0) blocks.push(section('*Then*'), ...stepBlocks(rest, 1));
  for (const other of d.others.filter((o) => o.checklist && o.checklist.length > 0))
    blocks.push(section(otherErrorText(other)));
  const notes: string[] = [];
  const docs = docsLine(d);
  if (docs) notes.push(docs);
  if (d.others.length > 0)
    notes.push(`Also in this paste: ${d.others.map((o) => escape(o.title)).join('; ')}`);
  if (options.secretsWarnedTo)
    notes.push(
      `:warning: This message contains a secret. <@${options.secretsWarnedTo}> was told privately how to rotate it.`,
    );
  for (const n of d.notes) notes.push(escape(n));
  if (notes.length > 0) blocks.push(context(notes));
  return {
    text: clip(fallbackText(d), LIMITS.fallbackText),
    blocks: messageBlocks(blocks),
  };
}

/** One line: the summary's point, sharpened by the top cause and what in the paste shows it. */
export function whyLine(d: Diagnosis): string {
  const top = d.causes[0];
  if (!top) return escape(d.summary);
  const evidence = top.evidence[0] ? ` — ${escape(top.evidence[0])}` : '';
  return `*Most likely:* ${escape(top.title)}${evidence}`;
}

/** Another auth error in the same paste, with its own short checklist (from its own block). */
function otherErrorText(o: Diagnosis['others'][number]): string {
  const parts = [`*Also failing: ${escape(o.title)}*`];
  for (const step of o.checklist ?? []) {
    parts.push(`• ${stepTitleText(step)}`);
    if (step.commands.length > 0) parts.push(codeBlock(step.commands));
  }
  return parts.join('\n');
}

/** The first step, with its commands ready to copy: what to do before reading further. */
function firstStepBlock(step: Diagnosis['steps'][number]): SectionBlock {
  const parts = [`*Do this first — ${stepTitleText(step)}*`];
  if (step.detail) parts.push(escape(step.detail));
  if (step.commands.length > 0) parts.push(codeBlock(step.commands));
  return section(parts.join('\n'));
}

export function actionsBlock(
  d: Diagnosis,
  codec: FlowCodec,
  variant: 'thread' | 'private',
  extra: Button[] = [],
): ActionsBlock {
  const value = codec.encode(FlowCodec.start(d));
  const elements =
    variant === 'thread'
      ? [
          button('Walk me through it', ACTIONS.walk, value, 'primary'),
          button('It worked', ACTIONS.fixed, value),
          button('Not an auth error', ACTIONS.notAuth, value),
        ]
      : [
          button('Walk me through it', ACTIONS.walk, value, 'primary'),
          button('Share in channel', ACTIONS.share, value),
          button('Not an auth error', ACTIONS.notAuth, value),
        ];
  return actions(REPLY_ACTIONS_BLOCK, [...elements, ...extra]);
}

/** The private answer when a paste holds no credentials or authorization error. */
export function noneReply(d: Diagnosis): Reply {
  const found = d.others.find((o) => o.classId === 'none')?.title;
  const lines = [`:mag: *${escape(d.title)}.* ${escape(d.summary)}`];
  if (d.evidence[0]) lines.push(`What matched: \`${escape(d.evidence[0]).replace(/`/g, 'ʼ')}\``);
  if (found) lines.push(`Also found: ${escape(found)}`);
  lines.push(
    '_If this is a credentials problem tfauth missed, paste the full `terraform` output — the `Error:` block and the lines under it._',
  );
  return { text: `tfauth: ${d.title}`, blocks: [section(lines.join('\n'))] };
}

function fallbackText(d: Diagnosis): string {
  const top = d.causes[0];
  return `tfauth: ${d.title}${top ? ` — most likely: ${top.title}` : ''}`;
}
