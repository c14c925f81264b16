// Durable intake: work that will post to Slack is written to a durable log before Slack is
// acknowledged, done from the log, and completed only when its post succeeded or failed for
// good. With Redis the log is a stream shared by every replica (a dead replica's entries are
// taken over); without it, or while Redis is unreachable, a journal file in TFAUTH_DATA_DIR.
// Entries left by a crash are replayed on start, flagged so the reply is looked for in the
// thread before anything is posted.

import type { Logger } from '../logger';
import { runWork, type WorkContext } from './context';
import type { FileJournal } from './journal-file';
import { acceptedAt, type Journal, type JournalEntry } from './journal';
import type { Sealer } from './sealed';
import { StartGate, type StartGateOptions } from './start-gate';

export type Handler = (payload: unknown) => Promise<void>;
/** The lane an entry's work starts in (its channel): lanes take turns (start-gate.ts). */
export type LaneOf = (payload: unknown) => string | undefined;

/**
 * How long the shared log may take to confirm an append before the entry is journaled
 * locally instead: Slack wants its ack within 3 s, and a Redis that stopped answering is only
 * declared down after a command timeout. Redis may still carry out the late append (a frozen
 * Redis does when it thaws), so the work may exist twice: the local copy looks in the thread
 * before posting and keeps only the first reply, and the shared log hands out an append
 * carried out after this deadline as a replay, which does the same (journal-redis.ts).
 */
export const SHARED_APPEND_DEADLINE_MS = 300;

/** An entry whose replay started this often without completing likely crashes the process. */
const MAX_REPLAYS = 3;

/**
 * A burst's requests arrive within a few milliseconds of each other; its work starts once
 * they stop for 20 ms. A steady stream never pauses: no entry waits more than 500 ms.
 */
const START_GATE: StartGateOptions = { quietMs: 20, maxHoldMs: 500 };

/**
 * Runs an entry of the shared log. `replayed`: taken over from a replica that held it too
 * long, or read long after it was added — whoever holds its claim may be gone. `twin`: its
 * append was carried out after the appender gave up on it and journaled the work locally —
 * whoever holds the claim is that copy (or another live one), but the reply may be posted.
 */
export type Deliver = (entry: JournalEntry, replayed: boolean, twin: boolean) => void;

/** The shared log (journal-redis.ts): entries reach whichever replica reads them. */
export interface SharedLog extends Journal {
  healthy(): boolean;
  /** Starts reading (and taking over idle entries); `deliver` runs each one. */
  start(deliver: Deliver): void;
  stop(): Promise<void>;
  /** Entries this replica holds and has not completed. */
  held(): number;
  /** Nothing held here and nothing waiting in the log (true when that cannot be known). */
  idle(): Promise<boolean>;
  health(): { ok: boolean; detail: string };
}

export class Intake {
  private readonly handlers = new Map<string, { handler: Handler; laneOf?: LaneOf }>();
  private stopping = false;
  private readonly gate: StartGate;
  /** Running counters for /healthz and the tests. */
  readonly stats = { accepted: 0, replayed: 0, completed: 0, failed: 0 };

  constructor(
    private readonly file: FileJournal,
    private readonly sealer: Sealer,
    private readonly logger: Logger,
    private readonly shared?: SharedLog,
    gate: StartGateOptions = START_GATE,
  ) {
    this.gate = new StartGate(gate);
  }

  on(kind: string, handler: Handler, laneOf?: LaneOf): void {
    this.handlers.set(kind, { handler, ...(laneOf ? { laneOf } : {}) });
  }

  /** Resolves once the work is durable: only then may Slack be acknowledged. Throws if it is not. */
  accept(kind: string, payload: unknown): Promise<void> {
    return this.gate.accepting(async () => {
      const data = this.sealer.seal(payload);
      this.stats.accepted++;
      let sent = false;
      if (this.shared?.healthy()) {
        try {
          sent = true;
          await deadline(this.shared.append(kind, data), SHARED_APPEND_DEADLINE_MS);
          return;
        } catch (err) {
          this.logger.warn('shared intake unavailable: journaling locally', { error: err });
        }
      }
      const id = await this.file.append(kind, data);
      // An append that failed after it was sent may still be carried out: a twin may run.
      this.begin(this.file, { id, kind, data }, false, sent);
    });
  }

  /** Replays what a previous run left, then starts reading the shared log. */
  start(): void {
    const left = this.file.pending();
    if (left.length > 0)
      this.logger.info('replaying work acknowledged before the last stop', {
        entries: left.length,
      });
    for (const entry of left) this.begin(this.file, entry, true);
    const shared = this.shared;
    if (shared) shared.start((entry, replayed, twin) => this.begin(shared, entry, replayed, twin));
  }

  /** Nothing accepted is waiting or running (what tests wait for instead of sleeping). */
  async idle(): Promise<boolean> {
    return this.file.size === 0 && (this.shared ? await this.shared.idle() : true);
  }

  pending(): number {
    return this.file.size + (this.shared?.held() ?? 0);
  }

  health(): { ok: boolean; detail: string } {
    const file = this.file.health();
    if (!file.ok || !this.shared) return file;
    const shared = this.shared.health();
    return { ok: file.ok, detail: `${shared.detail}; local ${file.detail}` };
  }

  /** Journaled work starts through the gate: after the acks of a burst (start-gate.ts). */
  private begin(log: Journal, entry: JournalEntry, replayed: boolean, checkThread = false): void {
    const handler = this.handlers.get(entry.kind);
    const payload = this.sealer.open(entry.data);
    const lane = payload === undefined ? undefined : handler?.laneOf?.(payload);
    this.gate.enqueue(
      () => void this.run(log, entry, payload, handler?.handler, replayed, checkThread),
      lane,
    );
  }

  private async run(
    log: Journal,
    entry: JournalEntry,
    payload: unknown,
    handler: Handler | undefined,
    replayed: boolean,
    checkThread: boolean,
  ): Promise<void> {
    if (this.stopping) return; // stays in the log for the next start (or another replica)
    if (replayed) this.stats.replayed++;
    if (!handler || payload === undefined) {
      this.logger.warn('dropped a journal entry that cannot be read (other key, or unknown kind)', {
        kind: entry.kind,
      });
      await log.complete(entry.id).catch(() => undefined);
      return;
    }
    if (replayed) {
      const before = await log.replaying(entry.id).catch(() => 0);
      if (before >= MAX_REPLAYS) {
        this.stats.failed++;
        this.logger.error('gave up on a journal entry replayed too often (it may crash the bot)', {
          kind: entry.kind,
          replays: before,
        });
        await log.complete(entry.id).catch(() => undefined);
        return;
      }
    }
    const marks = new Set<string>(
      replayed ? (entry.marks ?? (await log.marks(entry.id).catch(() => []))) : [],
    );
    const at = acceptedAt(entry.id);
    const ctx: WorkContext = {
      replayed,
      checkThread,
      refused: false,
      ...(at !== undefined ? { acceptedAt: at } : {}),
      marks,
      mark: async (mark) => {
        marks.add(mark);
        await log.mark(entry.id, mark);
      },
    };
    try {
      await runWork(ctx, () => handler(payload));
    } catch (err) {
      // Definitively failed (retries exhausted or a final error): logged, not retried forever.
      this.stats.failed++;
      this.logger.error('journaled work failed', { kind: entry.kind, error: err });
    }
    if (ctx.refused) return;
    this.stats.completed++;
    await log
      .complete(entry.id)
      .catch((err: unknown) =>
        this.logger.warn('could not complete a journal entry; it may be replayed', { error: err }),
      );
  }

  /** No new entries are started; what is running finishes (the bot's in-flight drain waits). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.shared?.stop();
  }

  async close(): Promise<void> {
    await this.file.close();
  }
}

function deadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => undefined); // a late failure is already handled by the fallback
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
