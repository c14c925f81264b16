// Every Web API call the bot makes goes through here: one place for the client's retry
// policy, for pacing (infra/rate-limit), and for logging failures with their message
// reference — never with message text.

import type { WebClient } from '@slack/web-api';
import type { Logger } from '../infra/logger';

type Args = Record<string, unknown>;

export interface Pacer {
  /** Waits for a slot for `method` (per channel for chat.postMessage), then runs `call`. */
  schedule<T>(method: string, channel: string | undefined, call: () => Promise<T>): Promise<T>;
}

export const NO_PACING: Pacer = { schedule: (_m, _c, call) => call() };

export class SlackGateway {
  constructor(
    private readonly client: WebClient,
    private readonly logger: Logger,
    private readonly pacer: Pacer = NO_PACING,
  ) {}

  async call<T = Record<string, unknown>>(
    method: string,
    args: Args,
    ref: Record<string, unknown> = {},
  ): Promise<T> {
    const channel = typeof args.channel === 'string' ? args.channel : undefined;
    try {
      return (await this.pacer.schedule(method, channel, () =>
        this.client.apiCall(method, args),
      )) as T;
    } catch (err) {
      const e = err as {
        code?: string;
        data?: { error?: string };
        statusCode?: number;
        message?: string;
      };
      this.logger.error('slack api call failed', {
        method,
        ...ref,
        error: e.data?.error ?? e.code ?? e.message,
        status: e.statusCode,
      });
      throw err;
    }
  }

  postMessage(args: Args, ref?: Record<string, unknown>) {
    return this.call<{ ts?: string; channel?: string }>('chat.postMessage', args, ref);
  }

  postEphemeral(args: Args, ref?: Record<string, unknown>) {
    return this.call('chat.postEphemeral', args, ref);
  }

  update(args: Args, ref?: Record<string, unknown>) {
    return this.call('chat.update', args, ref);
  }
}
