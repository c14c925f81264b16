// Socket Mode frames are parsed by @slack/socket-mode before Bolt sees them, and an
// events_api envelope whose `event` is not an object throws there (reading `event.type`),
// inside an async handler nobody awaits: the envelope is never acknowledged, so Slack
// delivers it again. Here such envelopes are acknowledged and dropped first; everything
// else goes to the client's own handler, with any failure logged.

import type { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../infra/logger';
import { isObject } from './payload-shape';

type FrameHandler = (data: string | ArrayBuffer, isBinary: boolean) => Promise<void>;
/** The client's own handler and its acknowledgement (not public in its types). */
interface ClientInternals {
  onWebSocketMessage: FrameHandler;
  send(envelopeId: string): Promise<void>;
}

export function guardSocketFrames(receiver: SocketModeReceiver, logger: Logger): void {
  const client = receiver.client;
  const internals = client as unknown as ClientInternals;
  const original = internals.onWebSocketMessage.bind(client);
  client.removeAllListeners('ws_message');
  client.on('ws_message', (data: string | ArrayBuffer, isBinary: boolean) => {
    const bad = isBinary ? undefined : unusableEnvelope(data);
    if (bad) {
      logger.warn('dropped a request', { reason: `malformed: ${bad.reason}` });
      internals.send.call(client, bad.envelopeId).catch(() => undefined);
      return;
    }
    original(data, isBinary).catch((err: unknown) =>
      logger.error('socket mode frame handling failed', { error: err }),
    );
  });
}

function unusableEnvelope(
  data: string | ArrayBuffer,
): { envelopeId: string; reason: string } | undefined {
  let frame: unknown;
  try {
    frame = JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data));
  } catch {
    return undefined; // the client ignores what it cannot parse
  }
  if (!isObject(frame) || typeof frame.envelope_id !== 'string') return undefined;
  if (!isObject(frame.payload)) return { envelopeId: frame.envelope_id, reason: 'payload' };
  if (frame.type === 'events_api' && !isObject(frame.payload.event))
    return { envelopeId: frame.envelope_id, reason: 'payload.event' };
  return undefined;
}
