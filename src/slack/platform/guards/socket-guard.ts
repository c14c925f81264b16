// Socket Mode frames are parsed by @slack/socket-mode before Bolt sees them, and an
// events_api envelope whose `event` is not an object throws there (reading `event.type`),
// inside an async handler nobody awaits: the envelope is never acknowledged, so Slack
// delivers it again. Here such envelopes are acknowledged and dropped first; everything
// else goes to the client's own handler, with any failure logged. The `hello` frame names
// the app the connection belongs to (connection_info.app_id): the app id to hold envelopes to.

import type { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../../infra/logger';
import { isObject } from './payload-shape';

type FrameHandler = (data: string | ArrayBuffer, isBinary: boolean) => Promise<void>;
/** The client's own handler and its acknowledgement (not public in its types). */
interface ClientInternals {
  onWebSocketMessage: FrameHandler;
  send(envelopeId: string): Promise<void>;
}

export function guardSocketFrames(
  receiver: SocketModeReceiver,
  logger: Logger,
  onAppId: (appId: string) => void = () => undefined,
): void {
  const client = receiver.client;
  const internals = client as unknown as ClientInternals;
  const original = internals.onWebSocketMessage.bind(client);
  client.removeAllListeners('ws_message');
  client.on('ws_message', (data: string | ArrayBuffer, isBinary: boolean) => {
    const frame = isBinary ? undefined : parse(data);
    const appId = helloAppId(frame);
    if (appId) onAppId(appId);
    const bad = unusableEnvelope(frame);
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

function parse(data: string | ArrayBuffer): unknown {
  try {
    return JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data));
  } catch {
    return undefined; // the client ignores what it cannot parse
  }
}

function helloAppId(frame: unknown): string | undefined {
  if (!isObject(frame) || frame.type !== 'hello' || !isObject(frame.connection_info))
    return undefined;
  const id = frame.connection_info.app_id;
  return typeof id === 'string' && /^A[A-Z0-9]{2,}$/.test(id) ? id : undefined;
}

function unusableEnvelope(frame: unknown): { envelopeId: string; reason: string } | undefined {
  if (!isObject(frame) || typeof frame.envelope_id !== 'string') return undefined;
  if (!isObject(frame.payload)) return { envelopeId: frame.envelope_id, reason: 'payload' };
  if (frame.type === 'events_api' && !isObject(frame.payload.event))
    return { envelopeId: frame.envelope_id, reason: 'payload.event' };
  return undefined;
}
