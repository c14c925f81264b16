// The walk-through: pick a credential source, then one step at a time, then either
// "fixed" or a ready-to-copy summary for asking for help. Pure builders.

import { catalogEntry, sourcesFor, type Step } from '../../../diagnosis';
import { ACTIONS } from '../../action-ids';
import type { FlowCodec, FlowState } from './state';
import {
  actions,
  button,
  context,
  section,
  type Button,
  type ContextBlock,
  type Reply,
} from '../../blocks/kit';
import { codeBlock, escape } from '../../blocks/mrkdwn';

export function sourceLabel(state: FlowState): string {
  return sourcesFor(state.c).find((s) => s.id === state.s)?.label ?? 'Not sure';
}

function footer(state: FlowState, extra = ''): ContextBlock {
  return context([`\`${state.c}\`${state.s ? ` · ${escape(sourceLabel(state))}` : ''}${extra}`]);
}

export function sourceQuestion(state: FlowState, codec: FlowCodec): Reply {
  const title = catalogEntry(state.c).title;
  const buttons = sourcesFor(state.c).map((s) =>
    button(
      s.label,
      `${ACTIONS.source}:${s.id}`,
      codec.encode({ ...state, s: s.id, i: 0, d: [] }),
      s.id === state.s ? 'primary' : undefined,
    ),
  );
  return {
    text: `Walk-through: ${title}`,
    blocks: [
      section(
        `:compass: *Walk-through: ${escape(title)}*\nWhere do Terraform's credentials come from?${state.s ? ' _(the highlighted one is what the paste suggests)_' : ''}`,
      ),
      actions('tfauth_sources', buttons),
      footer(state),
    ],
  };
}

export function stepScreen(state: FlowState, steps: Step[], codec: FlowCodec): Reply {
  const i = state.i ?? 0;
  const step = steps[i] as Step;
  const parts = [`*Step ${i + 1} of ${steps.length} — ${escape(step.title)}*`];
  if (step.detail) parts.push(escape(step.detail));
  if (step.commands.length > 0) parts.push(codeBlock(step.commands));
  const done = [...(state.d ?? []), step.id];
  return {
    text: `Step ${i + 1} of ${steps.length}: ${step.title}`,
    blocks: [
      section(parts.join('\n')),
      actions('tfauth_step', [
        button(
          'Done, still failing',
          ACTIONS.stepDone,
          codec.encode({ ...state, i: i + 1, d: done }),
        ),
        button('That fixed it', ACTIONS.stepFixed, codec.encode({ ...state, d: done }), 'primary'),
        button('Skip', ACTIONS.stepSkip, codec.encode({ ...state, i: i + 1 })),
        button('Change source', ACTIONS.restart, codec.encode({ ...state, i: 0, d: [] })),
      ]),
      footer(state),
    ],
  };
}

/** The copyable case summary: class, masked facts, steps tried. */
export function caseSummary(state: FlowState, steps: Step[], permalink?: string): string {
  const entry = catalogEntry(state.c);
  const facts = Object.entries(state.x ?? {})
    .filter(([k]) =>
      [
        'key',
        'key_account',
        'region',
        'partition',
        'profile',
        'role',
        'principal',
        'block',
        'code',
        'operation',
        'status',
        'host',
        'subscription',
        'tenant',
        'client',
        'project',
        'action',
        'skew',
      ].includes(k),
    )
    .map(([k, v]) => `${k}=${v}`);
  const tried = (state.d ?? []).map((id) => steps.find((s) => s.id === id)?.title ?? id);
  return [
    `tfauth case: ${entry.id} — ${entry.title}`,
    `Credential source: ${sourceLabel(state)}`,
    facts.length > 0 ? `Facts: ${facts.join(', ')}` : 'Facts: none in the paste',
    tried.length > 0
      ? `Tried (still failing):\n${tried.map((t, n) => `  ${n + 1}. ${t}`).join('\n')}`
      : 'Tried: nothing yet',
    ...(permalink ? [`Thread: ${permalink}`] : []),
  ].join('\n');
}

export function stuckScreen(
  state: FlowState,
  steps: Step[],
  codec: FlowCodec,
  escalation?: { mention: string },
): Reply {
  const summary = caseSummary(state, steps);
  const elements: Button[] = [
    button('Start over', ACTIONS.restart, codec.encode({ ...state, i: 0, d: [] })),
  ];
  if (escalation)
    elements.unshift(
      button(
        'Ask for help', // a plain_text label cannot render a mention; the text above names who
        ACTIONS.escalate,
        codec.encode(state),
        'primary',
      ),
    );
  return {
    text: 'Still stuck: here is a summary to share',
    blocks: [
      section(
        `:sos: *Still stuck.* That was every step for this source. Here is the case, ready to copy${escalation ? `, or ask ${escalation.mention} directly` : ''}:`,
      ),
      section(codeBlock(summary.split('\n'))),
      actions('tfauth_stuck', elements),
      footer(state),
    ],
  };
}

export function fixedScreen(state: FlowState, step: Step | undefined, user: string): Reply {
  const how = step ? ` with step “${escape(step.title)}”` : '';
  return {
    text: 'Fixed — recorded',
    blocks: [
      section(
        `:white_check_mark: <@${user}> fixed it${how}. Recorded, so the team learns which fixes work.`,
      ),
      footer(state),
    ],
  };
}

export function escalatedScreen(state: FlowState, target: string, user: string): Reply {
  return {
    text: `Asked ${target}`,
    blocks: [
      section(`:raising_hand: <@${user}> asked ${target} for help with the summary above.`),
      footer(state),
    ],
  };
}

export function expiredNotice(): Reply {
  return {
    text: 'This walk-through has expired',
    blocks: [
      section(
        ':hourglass: This walk-through has expired or its buttons are no longer valid — here is the diagnosis again.',
      ),
    ],
  };
}
