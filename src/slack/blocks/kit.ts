// Block Kit primitives, each cut to Slack's limits (limits.ts) so no message is rejected.

import { clip, LIMITS } from './limits';

type Block = Record<string, unknown>;

/** A message or ephemeral answer: the notification text and its blocks. */
export interface Reply {
  text: string;
  blocks: Block[];
}

export function section(text: string, extra: Block = {}): Block {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) },
    ...extra,
  };
}

export function context(texts: string[]): Block {
  return {
    type: 'context',
    elements: texts
      .slice(0, LIMITS.contextElements)
      .map((t) => ({ type: 'mrkdwn', text: clip(t, LIMITS.sectionText) })),
  };
}

export function header(text: string): Block {
  return {
    type: 'header',
    text: { type: 'plain_text', text: clip(text, LIMITS.headerText), emoji: true },
  };
}

export function button(
  text: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
): Block {
  return {
    type: 'button',
    text: { type: 'plain_text', text: clip(text, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}
