// Counts every request Slack sends (received) and every acknowledgement (acked), by kind, as
// the outermost wrapper of Bolt's processEvent: what reaches the listeners, and what Slack saw.

import type { App, ReceiverEvent } from '@slack/bolt';
import { metrics } from '../../infra/metrics';

export function requestKind(body: unknown): string {
  if (body === null || typeof body !== 'object') return 'other';
  const b = body as { type?: unknown; command?: unknown; event?: { type?: unknown } };
  if (typeof b.command === 'string') return 'command';
  if (b.type === 'event_callback')
    return typeof b.event?.type === 'string' && /^[a-z_]{1,40}$/.test(b.event.type)
      ? b.event.type
      : 'event';
  if (b.type === 'block_actions') return 'action';
  if (b.type === 'view_submission' || b.type === 'view_closed') return 'view';
  if (b.type === 'message_action' || b.type === 'shortcut') return 'shortcut';
  return 'other';
}

export function countRequests(app: App): void {
  const process = app.processEvent.bind(app);
  app.processEvent = (event: ReceiverEvent): Promise<void> => {
    const kind = requestKind(event.body);
    metrics.eventsReceived.inc({ kind });
    const ack = event.ack.bind(event);
    return process({
      ...event,
      ack: async (response?: unknown) => {
        await ack(response);
        metrics.eventsAcked.inc({ kind });
      },
    });
  };
}
