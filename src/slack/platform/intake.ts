// Channel messages go through the durable intake (infra/intake): written to the log, then
// acknowledged, then handled from the log by Bolt's own pipeline — so a crash between the
// ack and the reply loses nothing, and live and replayed messages take the same path.

import type { App, ReceiverEvent } from '@slack/bolt';
import { currentWork } from '../../infra/intake/context';
import type { Intake } from '../../infra/intake/intake';
import type { SlackFileRef } from './files';
import { isQuietChat, toIncoming } from './message-events';

const FILE_FIELDS = [
  'id',
  'name',
  'title',
  'mode',
  'filetype',
  'mimetype',
  'size',
  'url_private',
  'url_private_download',
  'file_access',
] as const;

const EVENT_FIELDS = [
  'type',
  'subtype',
  'channel',
  'channel_type',
  'user',
  'team',
  'ts',
  'thread_ts',
  'text',
] as const;

/**
 * The part of an event callback needed to do the work again — a subset of what Slack sent —
 * or undefined for what will never produce a post (bots, edits, chat without an error word).
 */
export function journaledMessage(
  body: Record<string, unknown>,
  channels?: ReadonlySet<string>,
): Record<string, unknown> | undefined {
  if (body.type !== 'event_callback') return undefined;
  const event = body.event as Record<string, unknown> | undefined;
  if (!event || event.type !== 'message') return undefined;
  const msg = toIncoming(event, undefined);
  if (!msg || isQuietChat(body)) return undefined;
  if (channels && !channels.has(msg.channel)) return undefined;
  const kept: Record<string, unknown> = {};
  for (const f of EVENT_FIELDS) if (event[f] !== undefined) kept[f] = event[f];
  // Files are trimmed to what downloading needs; anything not shaped like a file is kept as it
  // came, so the payload guards (guards/) still see it and drop the event when it is replayed.
  if (Array.isArray(event.files))
    kept.files = (event.files as unknown[]).map((file) => {
      if (file === null || typeof file !== 'object') return file;
      const ref: Record<string, unknown> = {};
      for (const f of FILE_FIELDS)
        if ((file as SlackFileRef)[f] !== undefined) ref[f] = (file as SlackFileRef)[f];
      return ref;
    });
  else if (event.files !== undefined) kept.files = event.files;
  const envelope: Record<string, unknown> = { type: 'event_callback', event: kept };
  // …and what the installation check reads (workspace, enterprise, app).
  for (const f of [
    'team_id',
    'enterprise_id',
    'api_app_id',
    'authorizations',
    'is_ext_shared_channel',
    'event_id',
    'event_time',
    'context_team_id',
    'context_enterprise_id',
  ])
    if (body[f] !== undefined) envelope[f] = body[f];
  return envelope;
}

/** Puts the intake in front of Bolt: journal, then ack, then run from the journal. */
export function journalMessages(app: App, intake: Intake, channels?: ReadonlySet<string>): void {
  const process = app.processEvent.bind(app);
  intake.on(
    'message',
    (payload) => process({ body: payload as Record<string, unknown>, ack: async () => undefined }),
    // Channels take turns to start: each one's first reply is diagnosed before anyone's second.
    (payload) => {
      const event = (payload as { event?: { channel?: unknown } }).event;
      return typeof event?.channel === 'string' ? event.channel : undefined;
    },
  );
  app.processEvent = async (event: ReceiverEvent): Promise<void> => {
    const payload = currentWork() ? undefined : journaledMessage(event.body, channels);
    if (!payload) return process(event);
    // Not durable → not acknowledged: the receiver answers 500 and Slack delivers it again.
    await intake.accept('message', payload);
    await event.ack();
  };
}
