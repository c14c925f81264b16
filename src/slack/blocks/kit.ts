// Block Kit primitives in Slack's own types (@slack/types, through Bolt), each cut to
// Slack's limits (limits.ts) so no message is rejected.

import type { types } from '@slack/bolt';
import { clip, LIMITS } from './limits';

export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type ContextBlock = types.ContextBlock;
export type HeaderBlock = types.HeaderBlock;
export type ActionsBlock = types.ActionsBlock;
export type DividerBlock = types.DividerBlock;
export type Button = types.Button;
export type HomeView = types.HomeView;
export type ModalView = types.ModalView;

/** A message or ephemeral answer: the notification text and its blocks. */
export interface Reply {
  text: string;
  blocks: KnownBlock[];
}

export function section(text: string, extra: Partial<SectionBlock> = {}): SectionBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) },
    ...extra,
  };
}

/** A section of two-column fields (e.g. facts), at most Slack's ten. */
export function fields(texts: string[]): SectionBlock {
  return {
    type: 'section',
    fields: texts
      .slice(0, LIMITS.sectionFields)
      .map((t) => ({ type: 'mrkdwn', text: clip(t, LIMITS.fieldText) })),
  };
}

export function context(texts: string[]): ContextBlock {
  return {
    type: 'context',
    elements: texts
      .slice(0, LIMITS.contextElements)
      .map((t) => ({ type: 'mrkdwn', text: clip(t, LIMITS.sectionText) })),
  };
}

export function header(text: string): HeaderBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: clip(text, LIMITS.headerText), emoji: true },
  };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export function button(
  text: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: clip(text, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

/** A row of buttons, at most Slack's limit per actions block. */
export function actions(blockId: string, elements: Button[]): ActionsBlock {
  return {
    type: 'actions',
    block_id: blockId,
    elements: elements.slice(0, LIMITS.actionsElements),
  };
}

/** At most the blocks one message may hold. */
export function messageBlocks(blocks: KnownBlock[]): KnownBlock[] {
  return blocks.slice(0, LIMITS.messageBlocks);
}
