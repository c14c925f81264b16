// When the next chat.postMessage of a channel may start. Slack counts posts as they
// arrive, so spacing counts from when the previous post started, not from when its answer
// came back (that added every post's latency to the next: 1.2x the bound in a burst). A
// post's arrival is only known to lie between its start and its answer, though: when its
// round trip was longer than the shortest one seen (a busy event loop delayed the send, a
// slow network), spacing also counts from the answer minus that shortest round trip, so two
// posts never arrive closer than the interval.

// Short, so a lasting change of latency (a slower network) is learned within a few seconds.
const RTT_WINDOW = 20;
const MIN_SAMPLES = 5;

interface Last {
  start: number;
  end?: number;
}

export class PostSpacing {
  private readonly last = new Map<string, Last>();
  /** Round trips of the last posts (all channels): their minimum is the shortest recent one. */
  private readonly rtts: number[] = [];
  private minRtt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The interval plus a 2% margin (at most 20 ms): Slack (and the test server) see sends a few ms apart from when we made them. */
  get spacing(): number {
    return this.intervalMs + Math.min(20, Math.ceil(this.intervalMs * 0.02));
  }

  /** Milliseconds to wait before the channel's next post may start. */
  waitFor(channel: string): number {
    const last = this.last.get(channel);
    if (!last) return 0;
    let earliest = last.start + this.spacing;
    // Until a few round trips are known, count from the answer (the shortest is not known yet).
    const shortest = this.rtts.length >= MIN_SAMPLES ? this.minRtt : 0;
    if (last.end !== undefined) earliest = Math.max(earliest, last.end + this.spacing - shortest);
    return Math.max(0, earliest - this.now());
  }

  started(channel: string): void {
    const t = this.now();
    this.last.delete(channel);
    this.last.set(channel, { start: t });
    // Insertion order is oldest first: forget channels already past their interval.
    for (const [key, at] of this.last) {
      if (t - (at.end ?? t) < this.spacing * 2) break;
      this.last.delete(key);
    }
  }

  finished(channel: string, ok: boolean): void {
    const last = this.last.get(channel);
    if (!last || last.end !== undefined) return;
    last.end = this.now();
    const rtt = last.end - last.start;
    if (!ok) return;
    this.rtts.push(rtt);
    if (this.rtts.length > RTT_WINDOW) this.rtts.shift();
    this.minRtt = Math.min(...this.rtts);
  }
}
