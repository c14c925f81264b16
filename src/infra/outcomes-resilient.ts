// Outcomes in Redis, with a local store behind it: while Redis is down, events go to the
// local store and a bounded backlog, which is replayed into Redis when it returns.

import type { Logger } from './logger';
import type { OutcomeEvent, OutcomeStore, StatsReport } from './outcomes';

const MAX_BACKLOG = 10_000;

export class ResilientOutcomeStore implements OutcomeStore {
  private backlog: OutcomeEvent[] = [];

  constructor(
    private readonly primary: OutcomeStore,
    private readonly fallback: OutcomeStore,
    private readonly logger: Logger,
  ) {}

  async record(event: OutcomeEvent): Promise<void> {
    try {
      await this.flush();
      await this.primary.record(event);
    } catch (err) {
      if (this.backlog.length === 0)
        this.logger.warn('redis unavailable: keeping outcomes locally until it returns', {
          error: err,
        });
      if (this.backlog.length < MAX_BACKLOG) this.backlog.push(event);
      await this.fallback.record(event);
    }
  }

  async stats(days: number, now: number): Promise<StatsReport> {
    try {
      await this.flush();
      return await this.primary.stats(days, now);
    } catch {
      return this.fallback.stats(days, now);
    }
  }

  health(): { ok: boolean; detail: string } {
    const h = this.primary.health();
    return this.backlog.length > 0
      ? { ok: h.ok, detail: `${h.detail}; ${this.backlog.length} outcomes waiting to be replayed` }
      : h;
  }

  /** Replays the backlog now (called when Redis reconnects). */
  async replay(): Promise<void> {
    try {
      await this.flush();
    } catch {
      // still down: the next record() or stats() tries again
    }
  }

  async close(): Promise<void> {
    await this.fallback.close();
  }

  private async flush(): Promise<void> {
    if (this.backlog.length === 0) return;
    const pending = this.backlog;
    this.backlog = [];
    for (let i = 0; i < pending.length; i++) {
      try {
        await this.primary.record(pending[i] as OutcomeEvent);
      } catch (err) {
        this.backlog = pending.slice(i).concat(this.backlog);
        throw err;
      }
    }
    this.logger.info('redis back: replayed outcomes recorded during the outage', {
      count: pending.length,
    });
  }
}
