// Which message events can need an answer: the parts of an event tfauth reads, and the
// cheap test that lets ordinary chat skip every listener (shared by the listener and the
// durable intake, so both agree on what is worth journaling).

import { mayBeAnError, mayContainSecret } from '../../diagnosis';
import type { SlackFileRef } from './files';

/** The parts of a message event we use. */
export interface IncomingMessage {
  channel: string;
  channelType?: string;
  user?: string;
  ts: string;
  threadTs?: string;
  text: string;
  files: SlackFileRef[];
}

const HANDLED_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** Undefined for everything we must ignore: bots (us included), edits, deletions, joins… */
export function toIncoming(
  event: Record<string, unknown>,
  botUserId: string | undefined,
): IncomingMessage | undefined {
  const subtype = event.subtype as string | undefined;
  if (!HANDLED_SUBTYPES.has(subtype)) return undefined;
  if (event.bot_id !== undefined || event.bot_profile !== undefined || event.hidden === true)
    return undefined;
  if (typeof event.user !== 'string' || event.user === botUserId) return undefined;
  if (typeof event.channel !== 'string' || typeof event.ts !== 'string') return undefined;
  const channelType = event.channel_type as string | undefined;
  if (channelType !== undefined && channelType !== 'channel' && channelType !== 'group')
    return undefined;
  return {
    channel: event.channel,
    ...(channelType ? { channelType } : {}),
    user: event.user,
    ts: event.ts,
    ...(typeof event.thread_ts === 'string' ? { threadTs: event.thread_ts } : {}),
    text: typeof event.text === 'string' ? event.text : '',
    files: Array.isArray(event.files) ? (event.files as SlackFileRef[]) : [],
  };
}

/**
 * Ordinary chat — no file, no word any error shares, nothing shaped like a secret — needs no
 * listener at all. Events are acknowledged before middleware runs, so stopping here only
 * saves the work of every listener chain (see the Slack section of `npm run bench`).
 */
export function isQuietChat(body: { event?: Record<string, unknown> }): boolean {
  const e = body.event;
  if (!e || e.type !== 'message' || e.subtype !== undefined || e.files !== undefined) return false;
  const text = typeof e.text === 'string' ? e.text : '';
  return !mayBeAnError(text) && !mayContainSecret(text);
}
