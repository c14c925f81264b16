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

/** An edit (message_changed) of someone's message, as the message now reads. */
export interface EditedMessage extends IncomingMessage {
  edited: true;
  /** The text before the edit. */
  previousText: string;
}

/**
 * The edited message as it now reads, or undefined for what is not a person's edit of its text
 * or files: Slack also sends message_changed when a reply is added to a thread, a link
 * unfurls, or a bot (us included) updates its message — those leave the text as it was.
 */
export function toEdited(
  event: Record<string, unknown>,
  botUserId: string | undefined,
): EditedMessage | undefined {
  if (event.subtype !== 'message_changed') return undefined;
  const m = event.message as Record<string, unknown> | undefined;
  if (!m || typeof m !== 'object' || typeof event.channel !== 'string') return undefined;
  const prev = (event.previous_message ?? {}) as Record<string, unknown>;
  const inner = toIncoming(
    {
      ...m,
      subtype: m.subtype === 'thread_broadcast' ? m.subtype : undefined,
      channel: event.channel,
      ...(event.channel_type !== undefined ? { channel_type: event.channel_type } : {}),
    },
    botUserId,
  );
  if (!inner || (m.subtype !== undefined && m.subtype !== 'thread_broadcast')) return undefined;
  const previousText = typeof prev.text === 'string' ? prev.text : '';
  const sameFiles = JSON.stringify(fileIds(m.files)) === JSON.stringify(fileIds(prev.files));
  if (inner.text === previousText && sameFiles) return undefined;
  // A thread parent carries thread_ts = its own ts: it is not a reply.
  if (inner.threadTs === inner.ts) delete inner.threadTs;
  return { ...inner, edited: true, previousText };
}

function fileIds(files: unknown): unknown[] {
  return Array.isArray(files) ? files.map((f) => (f as { id?: unknown } | null)?.id) : [];
}

/**
 * Ordinary chat — no file, no word any error shares, nothing shaped like a secret — needs no
 * listener at all. Events are acknowledged before middleware runs, so stopping here only
 * saves the work of every listener chain (see the Slack section of `npm run bench`).
 */
export function isQuietChat(body: { event?: Record<string, unknown> }): boolean {
  const e = body.event;
  if (e?.type === 'message' && e.subtype === 'message_changed') {
    // An edit matters when the text may hold an error now, or did before (the reply changes).
    const now = e.message as Record<string, unknown> | undefined;
    const before = e.previous_message as Record<string, unknown> | undefined;
    if (!now || now.files !== undefined || before?.files !== undefined) return false;
    return [now.text, before?.text].every((t) => {
      const text = typeof t === 'string' ? t : '';
      return !mayBeAnError(text) && !mayContainSecret(text);
    });
  }
  if (!e || e.type !== 'message' || e.subtype !== undefined || e.files !== undefined) return false;
  const text = typeof e.text === 'string' ? e.text : '';
  return !mayBeAnError(text) && !mayContainSecret(text);
}
