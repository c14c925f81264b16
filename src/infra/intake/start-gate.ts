// Journaled work starts after the acks. While events are still being accepted (written to
// the log, then acknowledged), the work of those already accepted waits — until accepts have
// been quiet for a moment, or the oldest waiting entry has waited `maxHoldMs` — and then
// starts one entry per turn of the event loop, so the sockets are read between starts. Every
// millisecond a handler spends on the event loop during a burst is a millisecond later for
// the acks still due (issue 12: ack p99 within 1.5× a bare Bolt app, files among the events).
// The work is durable already; only its start moves, by at most `maxHoldMs`.
// Entries may name a lane (a channel): waiting entries start round-robin across lanes, each
// lane's in order, so a burst of pastes in ten channels has every channel's first paste
// diagnosed first — a channel's later replies wait for its per-channel post spacing anyway,
// and arrival order would have the last channel's first reply wait for everyone else's.

export interface StartGateOptions {
  /** Accepts quiet for this long: the burst is over, work may start. */
  quietMs: number;
  /** No entry waits longer than this, however busy accepting is (a steady stream). */
  maxHoldMs: number;
  now?: () => number;
}

export class StartGate {
  private readonly queue: Array<{ start: () => void; at: number; lane: string | undefined }> = [];
  /** Entries started per lane since the queue was last empty (the round-robin's turns). */
  private readonly turns = new Map<string, number>();
  private inProgress = 0;
  private lastAccept = -Infinity;
  private timer: NodeJS.Timeout | undefined;
  private draining = false;
  private readonly now: () => number;

  constructor(private readonly options: StartGateOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Runs one accept; work does not start while any accept is in progress. */
  async accepting<T>(accept: () => Promise<T>): Promise<T> {
    this.inProgress++;
    try {
      return await accept();
    } finally {
      this.inProgress--;
      this.lastAccept = this.now();
      this.schedule();
    }
  }

  /**
   * `start` runs when the gate opens, after what was queued before it in its `lane`; lanes
   * take turns (an entry without a lane is a lane of its own).
   */
  enqueue(start: () => void, lane?: string): void {
    this.queue.push({ start, at: this.now(), lane });
    this.schedule();
  }

  /** Milliseconds until the oldest entry may start (0: now). */
  private wait(): number {
    const head = this.queue[0];
    if (!head) return Infinity;
    const now = this.now();
    const overdue = head.at + this.options.maxHoldMs - now;
    if (overdue <= 0) return 0;
    if (this.inProgress > 0) return overdue; // or sooner: schedule() runs when the accept ends
    return Math.max(0, Math.min(this.lastAccept + this.options.quietMs - now, overdue));
  }

  private schedule(): void {
    if (this.draining || this.queue.length === 0) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const wait = this.wait();
    if (wait <= 0) {
      this.draining = true;
      setImmediate(() => this.startOne());
      return;
    }
    // Unref'd: what waits here is in the durable log, and must not hold a stopping process.
    this.timer = setTimeout(() => this.schedule(), Math.ceil(wait));
    this.timer.unref();
  }

  private startOne(): void {
    this.draining = false;
    if (this.wait() > 0) return this.schedule();
    this.next()?.start();
    if (this.queue.length === 0) this.turns.clear();
    this.schedule();
  }

  /** The oldest waiting entry of the lane that has had the fewest turns. */
  private next(): { start: () => void } | undefined {
    let best = 0;
    let fewest = Infinity;
    for (let i = 0; i < this.queue.length && fewest > 0; i++) {
      const lane = this.queue[i]?.lane;
      const turns = lane === undefined ? 0 : (this.turns.get(lane) ?? 0);
      if (turns < fewest) [best, fewest] = [i, turns];
    }
    const [entry] = this.queue.splice(best, 1);
    if (entry?.lane !== undefined) this.turns.set(entry.lane, fewest + 1);
    return entry;
  }
}
