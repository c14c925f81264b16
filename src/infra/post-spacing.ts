// When the next chat.postMessage of a channel may start. Slack counts posts as they
// arrive, so spacing counts from when the previous post started, not from when its answer
// came back (that added every post's latency to the next: 1.2x the bound in a burst). A
// post's arrival is only known to lie between its start and its answer, though: when its
// round trip was longer than the shortest one seen (a busy event loop delayed the send, a
// slow network), spacing also counts from the answer minus that shortest round trip, so two
// posts never arrive closer than the interval.

interface Last {
  start: number;
  end?: number;
}

export class PostSpacing {
  private readonly last = new Map<string, Last>();
  /** Shortest recent round trip of a post (decays so one lucky sample does not stick). */
  private minRtt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The interval plus a 2% margin (at most 20 ms) for loopback and scheduling jitter. */
  get spacing(): number {
    return this.intervalMs + Math.min(20, Math.ceil(this.intervalMs * 0.02));
  }

  /** Milliseconds to wait before the channel's next post may start. */
  waitFor(channel: string): number {
    const last = this.last.get(channel);
    if (!last) return 0;
    let earliest = last.start + this.spacing;
    if (last.end !== undefined && Number.isFinite(this.minRtt))
      earliest = Math.max(earliest, last.end + this.spacing - this.minRtt);
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
    if (ok) this.minRtt = Math.min(rtt, this.minRtt === Infinity ? rtt : this.minRtt * 1.05 + 1);
  }
}
