// Shared durable intake: a Redis Stream read through one consumer group by every replica.
// XADD before Slack is acknowledged; XREADGROUP hands each entry to one replica; XACK (and
// XDEL) once its post succeeded or failed for good. An entry its replica holds longer than
// `claimIdleMs` without refreshing it (the replica died, or froze) is taken over with
// XAUTOCLAIM by a live one, replayed with a look in the thread first. Live replicas refresh
// the entries they hold (XCLAIM … JUSTID), so a long pacing queue is never taken from them.
// An XADD that Redis carried out only after the appender gave up on it (a frozen Redis runs
// what was sent to it when it thaws) has a twin in that replica's journal file: each entry
// carries the time it was sent (`at`), and one carried out later than the append deadline is
// handed out as a possible twin: the thread is looked in before posting (the stream id is the
// time Redis carried the XADD out, not when it was sent, so the id alone cannot tell).
// Durable only as far as Redis is: it needs AOF (appendonly yes) — see the README.

import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import type { Logger } from '../logger';
import { noteRedisFailure, redisHealthy, redisState } from '../redis';
import { SHARED_APPEND_DEADLINE_MS, type Deliver, type SharedLog } from './intake';
import type { JournalEntry } from './journal';

export interface StreamLogOptions {
  stream?: string;
  group?: string;
  /** How long an entry may sit unrefreshed with a replica before another takes it over. */
  claimIdleMs: number;
  blockMs?: number;
}

/** An entry read this late after its XADD waited on something (an outage): check the thread. */
const STALE_MS = 3000;
/**
 * Carried out this long after it was sent, an XADD had been given up on by its appender, which
 * journaled the work locally as well (intake.ts). Compares Redis's clock (the id) with the
 * appender's (`at`): replicas and Redis are assumed to keep NTP time, far closer than this.
 */
const LATE_APPEND_MS = SHARED_APPEND_DEADLINE_MS;
/** Consumers (replicas gone) holding nothing and idle this long are removed from the group. */
const FORGET_CONSUMER_MS = 3600_000;

/** Marks outlive any entry still worth doing (response_urls last 30 minutes). */
const MARKS_TTL_MS = 86_400_000;

type RawEntry = [string, string[]] | null;

export class RedisStreamLog implements SharedLog {
  readonly consumer = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private readonly stream: string;
  private readonly group: string;
  private readonly blockMs: number;
  private readonly heldIds = new Set<string>();
  /** Completions Redis did not take; retried with the refresh. */
  private readonly unacked = new Set<string>();
  private running = false;
  private groupReady = false;
  private loops: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();
  /**
   * A read that timed out may still have been carried out by Redis, handing us entries we
   * never saw: after any failed read, our own pending list is read back (id 0) first.
   */
  private recheckOwn = true;
  private lastForget = 0;

  constructor(
    private readonly redis: Redis,
    /** A connection of its own: XREADGROUP BLOCK holds it. */
    private readonly reader: Redis,
    private readonly logger: Logger,
    private readonly options: StreamLogOptions,
  ) {
    this.stream = options.stream ?? 'tfauth:intake';
    this.group = options.group ?? 'tfauth';
    this.blockMs = options.blockMs ?? 1000;
  }

  healthy(): boolean {
    return redisHealthy(this.redis);
  }

  health(): { ok: boolean; detail: string } {
    return {
      ok: this.healthy(),
      detail: `stream ${redisState(this.redis)}, ${this.heldIds.size} held`,
    };
  }

  held(): number {
    return this.heldIds.size;
  }

  async idle(): Promise<boolean> {
    if (this.heldIds.size > 0) return false;
    if (!this.healthy()) return true;
    try {
      return (await this.redis.xlen(this.stream)) === 0;
    } catch {
      return true;
    }
  }

  async append(kind: string, data: string): Promise<string> {
    // Stamped before anything is sent: the appender's deadline runs from about now.
    const at = String(Date.now());
    try {
      await this.ensureGroup();
      return (await this.redis.xadd(
        this.stream,
        '*',
        'kind',
        kind,
        'data',
        data,
        'at',
        at,
      )) as string;
    } catch (err) {
      noteRedisFailure(this.redis, err, this.logger, 'state');
      throw err;
    }
  }

  /** Marks live beside the stream (entries cannot be changed), as long as an entry can wait. */
  async mark(id: string, mark: string): Promise<void> {
    const key = this.marksKey(id);
    await this.redis.multi().sadd(key, mark).pexpire(key, MARKS_TTL_MS).exec();
  }

  async marks(id: string): Promise<string[]> {
    return this.redis.smembers(this.marksKey(id));
  }

  private marksKey(id: string): string {
    return `${this.stream}:marks:${id}`;
  }

  async complete(id: string): Promise<void> {
    this.heldIds.delete(id);
    try {
      await this.redis
        .multi()
        .xack(this.stream, this.group, id)
        .xdel(this.stream, id)
        .del(this.marksKey(id))
        .exec();
      this.unacked.delete(id);
    } catch (err) {
      noteRedisFailure(this.redis, err, this.logger, 'state');
      this.unacked.add(id);
    }
  }

  /** XCLAIM and XREADGROUP already count deliveries: the first was not a replay. */
  async replaying(id: string): Promise<number> {
    const info = (await this.redis.xpending(this.stream, this.group, id, id, 1)) as Array<
      [string, string, number, number]
    >;
    return Math.max(0, (info[0]?.[3] ?? 1) - 1);
  }

  start(deliver: Deliver): void {
    this.running = true;
    this.loops = [this.readLoop(deliver), this.claimLoop(deliver)];
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const wake of this.wakers) wake();
    await Promise.allSettled(this.loops);
  }

  private async ensureGroup(): Promise<void> {
    if (this.groupReady) return;
    try {
      // From the start of the stream: entries added before any replica read them are not skipped.
      await this.redis.xgroup('CREATE', this.stream, this.group, '0', 'MKSTREAM');
    } catch (err) {
      if (!/BUSYGROUP/.test((err as Error).message)) throw err;
    }
    this.groupReady = true;
  }

  private async readLoop(deliver: Deliver) {
    while (this.running) {
      if (!redisHealthy(this.redis) || this.reader.status !== 'ready') {
        await this.pause(250);
        continue;
      }
      try {
        await this.ensureGroup();
        const own = this.recheckOwn;
        const res = (await this.reader.call(
          'XREADGROUP',
          'GROUP',
          this.group,
          this.consumer,
          'COUNT',
          own ? '1000' : '50',
          ...(own ? [] : ['BLOCK', String(this.blockMs)]),
          'STREAMS',
          this.stream,
          own ? '0' : '>',
        )) as Array<[string, RawEntry[]]> | null;
        this.recheckOwn = false;
        for (const [, entries] of res ?? [])
          for (const raw of entries) {
            const entry = toEntry(raw);
            if (!entry || this.heldIds.has(entry.id)) continue;
            this.heldIds.add(entry.id);
            const replayed = own || Date.now() - entry.addedMs > STALE_MS;
            deliver(entry.entry, replayed, !replayed && lateAppend(entry));
          }
      } catch (err) {
        this.recheckOwn = true;
        if (/NOGROUP/.test((err as Error).message)) this.groupReady = false;
        else if (this.running) this.logger.debug('stream read failed', { error: err });
        await this.pause(250);
      }
    }
  }

  private async claimLoop(deliver: Deliver) {
    while (this.running) {
      await this.pause(Math.max(100, Math.floor(this.options.claimIdleMs / 3)));
      if (!this.running || !this.healthy()) continue;
      try {
        await this.refreshHeld();
        for (const id of [...this.unacked]) await this.complete(id);
        await this.takeOver(deliver);
        await this.forgetGoneConsumers();
      } catch (err) {
        noteRedisFailure(this.redis, err, this.logger, 'state');
        this.logger.debug('stream refresh or takeover failed', { error: err });
      }
    }
  }

  /** Resets the idle time of what this replica still owns (not of what was taken from it). */
  private async refreshHeld(): Promise<void> {
    if (this.heldIds.size === 0) return;
    const owned = (await this.redis.xpending(
      this.stream,
      this.group,
      '-',
      '+',
      1000,
      this.consumer,
    )) as Array<[string, string, number, number]>;
    const ids = owned.map(([id]) => id).filter((id) => this.heldIds.has(id));
    if (ids.length > 0)
      await this.redis.xclaim(this.stream, this.group, this.consumer, 0, ...ids, 'JUSTID');
  }

  private async takeOver(deliver: Deliver) {
    let cursor = '0-0';
    do {
      const res = (await this.redis.call(
        'XAUTOCLAIM',
        this.stream,
        this.group,
        this.consumer,
        String(this.options.claimIdleMs),
        cursor,
        'COUNT',
        '50',
      )) as [string, RawEntry[], string[]?];
      cursor = res[0];
      for (const raw of res[1]) {
        const entry = toEntry(raw)?.entry;
        if (!entry || this.heldIds.has(entry.id)) continue;
        this.heldIds.add(entry.id);
        this.logger.info('took over an entry another replica held too long', { id: entry.id });
        deliver(entry, true, false);
      }
    } while (cursor !== '0-0' && this.running);
  }

  /** Every replica start adds a consumer; the ones of replicas long gone are dropped. */
  private async forgetGoneConsumers(): Promise<void> {
    const now = Date.now();
    if (now - this.lastForget < FORGET_CONSUMER_MS / 12) return;
    this.lastForget = now;
    const consumers = (await this.redis.xinfo('CONSUMERS', this.stream, this.group)) as unknown[][];
    for (const fields of consumers) {
      const info: Record<string, unknown> = {};
      for (let i = 0; i + 1 < fields.length; i += 2) info[String(fields[i])] = fields[i + 1];
      if (info.name === this.consumer || Number(info.pending) > 0) continue;
      if (Number(info.idle) < FORGET_CONSUMER_MS) continue;
      await this.redis.xgroup('DELCONSUMER', this.stream, this.group, String(info.name));
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }
}

interface StreamEntry {
  entry: JournalEntry;
  /** When Redis carried out the XADD (the id's time, Redis's clock). */
  addedMs: number;
  /** When the appender sent it (its clock); the id's time for entries written without it. */
  sentMs: number;
}

function toEntry(raw: RawEntry): (StreamEntry & { id: string }) | undefined {
  if (!raw) return undefined;
  const [id, fields] = raw;
  const f: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i] as string] = fields[i + 1] as string;
  if (!f.kind || !f.data) return undefined;
  const addedMs = Number(id.split('-')[0]);
  const sent = Number(f.at);
  return {
    id,
    entry: { id, kind: f.kind, data: f.data },
    addedMs,
    sentMs: Number.isFinite(sent) && f.at ? sent : addedMs,
  };
}

/** Carried out after its appender gave up on it: the work was journaled locally as well. */
export function lateAppend(e: Pick<StreamEntry, 'addedMs' | 'sentMs'>): boolean {
  return e.addedMs - e.sentMs > LATE_APPEND_MS;
}
