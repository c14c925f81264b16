// The one door every request passes in both modes (HTTP and Socket Mode call
// app.processEvent): payloads of the wrong shape, for another installation, or replayed
// (the same trigger_id again) are acknowledged — so Slack does not retry — and dropped
// before Bolt or any listener reads them.

import type { App, ReceiverEvent } from '@slack/bolt';
import type { Dedupe } from '../../../infra/dedupe';
import type { Logger } from '../../../infra/logger';
import { foreignReason, type Installation } from './installation';
import { isObject, malformedReason } from './payload-shape';

export interface EventGuardOptions {
  logger: Logger;
  dedupe: Dedupe;
  /** Known once auth.test has answered; until then nothing is compared. */
  installation: () => Installation | undefined;
}

export function guardEvents(app: App, options: EventGuardOptions): void {
  const original = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent): Promise<void> => {
    const drop = await dropReason(event.body, options);
    if (!drop) return original(event);
    options.logger[drop.level]('dropped a request', { reason: drop.reason, ...drop.ref });
    try {
      await event.ack();
    } catch {
      // already answered (e.g. a timed-out HTTP request): nothing more to say
    }
  };
}

async function dropReason(
  body: unknown,
  options: EventGuardOptions,
): Promise<{ reason: string; level: 'warn' | 'info'; ref: Record<string, unknown> } | undefined> {
  const malformed = malformedReason(body);
  if (malformed) return { reason: `malformed: ${malformed}`, level: 'warn', ref: {} };
  const b = body as Record<string, unknown>;
  const ref = {
    type: b.type,
    team: typeof b.team_id === 'string' ? b.team_id : isObject(b.team) ? b.team.id : undefined,
    app: b.api_app_id,
  };
  const foreign = foreignReason(b, options.installation());
  if (foreign) return { reason: `from ${foreign}`, level: 'warn', ref };
  // Slack never sends one interaction twice (it does not retry them): a second one is a replay.
  if (typeof b.trigger_id === 'string' && !(await options.dedupe.claim(`trigger:${b.trigger_id}`)))
    return { reason: 'replayed (trigger_id seen before)', level: 'info', ref };
  return undefined;
}
