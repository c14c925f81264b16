// Everything that produces a Slack post goes through the durable intake (infra/intake):
// channel messages (edits too), /tfauth, the message shortcut, tfauth's buttons and the paste
// box's submission are written to the log, then acknowledged, then handled from the log by
// Bolt's own pipeline — so a crash between the ack and the answer loses nothing, and live and
// replayed requests take the same path. Interactions are kept as Slack sent them minus the
// verification token; the answers that cannot be looked up afterwards (response_url posts,
// ephemeral messages) are sent once per entry (replay-once.ts, gateway.ts).

import type { App, ReceiverEvent } from '@slack/bolt';
import { currentWork } from '../../infra/intake/context';
import type { Intake } from '../../infra/intake/intake';
import { COMMAND, MODAL_CALLBACK, SHORTCUT_CALLBACK } from '../action-ids';
import type { SlackFileRef } from './files';
import { isQuietChat, toEdited, toIncoming } from './message-events';

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
  'hidden',
] as const;

/** What an edit (message_changed) needs of the message before and after. */
const EDITED_FIELDS = ['type', 'subtype', 'user', 'bot_id', 'ts', 'thread_ts', 'text'] as const;

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
  const msg = toIncoming(event, undefined) ?? toEdited(event, undefined);
  if (!msg || isQuietChat(body)) return undefined;
  if (channels && !channels.has(msg.channel)) return undefined;
  const kept: Record<string, unknown> = {};
  for (const f of EVENT_FIELDS) if (event[f] !== undefined) kept[f] = event[f];
  keepFiles(event, kept);
  for (const which of ['message', 'previous_message'] as const) {
    const m = event[which];
    if (m === null || typeof m !== 'object') continue;
    const part: Record<string, unknown> = {};
    for (const f of EDITED_FIELDS)
      if ((m as Record<string, unknown>)[f] !== undefined)
        part[f] = (m as Record<string, unknown>)[f];
    keepFiles(m as Record<string, unknown>, part);
    kept[which] = part;
  }
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

/** Files trimmed to what downloading needs; anything not shaped like a file is kept as it came,
 * so the payload guards (guards/) still see it and drop the event when it is replayed. */
function keepFiles(from: Record<string, unknown>, to: Record<string, unknown>): void {
  if (Array.isArray(from.files))
    to.files = (from.files as unknown[]).map((file) => {
      if (file === null || typeof file !== 'object') return file;
      const ref: Record<string, unknown> = {};
      for (const f of FILE_FIELDS)
        if ((file as SlackFileRef)[f] !== undefined) ref[f] = (file as SlackFileRef)[f];
      return ref;
    });
  else if (from.files !== undefined) to.files = from.files;
}

const TFAUTH_ACTION = /^tfauth_/;

/** A submission whose inputs are all empty is answered by its ack (the input's error). */
function hasInput(view: Record<string, unknown>): boolean {
  const state = view.state as { values?: Record<string, Record<string, { value?: unknown }>> };
  return Object.values(state?.values ?? {}).some((block) =>
    Object.values(block ?? {}).some((i) => typeof i?.value === 'string' && i.value.trim() !== ''),
  );
}

/**
 * The interaction as Slack sent it, minus the verification token — or undefined for one
 * that is not tfauth's, or whose answer is the ack itself (an empty paste box).
 */
export function journaledInteraction(
  body: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const view = body.view as Record<string, unknown> | undefined;
  const actions = body.actions as Array<{ action_id?: unknown }> | undefined;
  const ours =
    body.command === COMMAND ||
    (body.type === 'message_action' && body.callback_id === SHORTCUT_CALLBACK) ||
    (body.type === 'block_actions' &&
      Array.isArray(actions) &&
      actions.some((a) => typeof a?.action_id === 'string' && TFAUTH_ACTION.test(a.action_id))) ||
    (body.type === 'view_submission' && view?.callback_id === MODAL_CALLBACK && hasInput(view));
  if (!ours) return undefined;
  const { token: _token, ...kept } = body;
  return kept;
}

/** The channel a journaled request answers in (a message's, or an interaction's). */
function laneOf(payload: unknown): string | undefined {
  const body = payload as {
    event?: { channel?: unknown };
    channel?: unknown;
    channel_id?: unknown;
  };
  if (typeof body.event?.channel === 'string') return body.event.channel;
  if (typeof body.channel_id === 'string') return body.channel_id; // a slash command
  const channel = body.channel as { id?: unknown } | string | undefined;
  if (typeof channel === 'string') return channel;
  return typeof channel?.id === 'string' ? channel.id : undefined;
}

/** Journal kinds: each replays through Bolt's pipeline like the request it came from. */
const KINDS = ['message', 'interaction'] as const;

/** Puts the intake in front of Bolt: journal, then ack, then run from the journal. */
export function journalRequests(app: App, intake: Intake, channels?: ReadonlySet<string>): void {
  const process = app.processEvent.bind(app);
  for (const kind of KINDS)
    intake.on(
      kind,
      (payload) =>
        process({ body: payload as Record<string, unknown>, ack: async () => undefined }),
      // Channels take turns to start: each one's first reply is diagnosed before anyone's second.
      laneOf,
    );
  app.processEvent = async (event: ReceiverEvent): Promise<void> => {
    if (currentWork()) return process(event);
    const message = journaledMessage(event.body, channels);
    const interaction = message ? undefined : journaledInteraction(event.body);
    const payload = message ?? interaction;
    if (!payload) return process(event);
    // Not durable → not acknowledged: the receiver answers 500 and Slack delivers it again
    // (an interaction is not redelivered: Slack shows the user an error and they can retry).
    await intake.accept(message ? 'message' : 'interaction', payload);
    await event.ack();
  };
}
