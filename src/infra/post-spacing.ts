// When the next chat.postMessage of a channel may start. Slack counts posts as they
// arrive, so spacing counts from when the previous post started, not from when its answer
// came back (that added every post's latency to the next: 1.2x the bound in a burst). A
// post's arrival is only known to lie between its start and its answer, though: when its
// round trip was longer than the shortest one seen (a busy event loop delayed the send, a
// slow network), spacing also counts from the answer minus that shortest round trip, so two
// posts never arrive closer than the interval.
//
// Slack's answer says when the post arrived: its message ts, on Slack's clock. Each answer
// bounds the offset of that clock from ours from below (ts − answer time: the post arrived
// before we had the answer), so ts − that bound is a time by which the post had surely
// arrived, on our clock. When it is earlier than the rules above (the answer was read late —
// a busy event loop — not sent late), the next post starts an interval after it, with a small
// margin instead of the 2%: an answer read late no longer delays the channel's next post.

// Short, so a lasting change of latency (a slower network) is learned within a few seconds.
const RTT_WINDOW = 20;
const MIN_SAMPLES = 5;

interface Last {
  start: number;
  end?: number;
  /** Slack's ts of the post (ms on Slack's clock), when its answer carried one for it. */
  slackMs?: number;
}

/** A message ts (`seconds.micros`) in milliseconds; undefined when it is not one. */
function tsMs(ts: unknown): number | undefined {
  if (typeof ts !== 'string' || !/^\d+\.\d{1,6}$/.test(ts)) return undefined;
  const [sec, frac] = ts.split('.') as [string, string];
  return Number(sec) * 1000 + Number(frac.padEnd(6, '0')) / 1000;
}

export class PostSpacing {
  private readonly last = new Map<string, Last>();
  /** Round trips of the last posts (all channels): their minimum is the shortest recent one. */
  private readonly rtts: number[] = [];
  private minRtt = Number.POSITIVE_INFINITY;
  /** ts − answer time of the last posts: each a lower bound of Slack's clock minus ours. */
  private readonly offsets: number[] = [];
  private offsetLow = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The interval plus a 2% margin (at most 20 ms): Slack (and the test server) see sends a few ms apart from when we made them. */
  get spacing(): number {
    return this.intervalMs + Math.min(20, Math.ceil(this.intervalMs * 0.02));
  }

  /** Slack's clock has its ms resolution at worst: a margin of a few ms covers it. */
  get slackMargin(): number {
    return Math.min(5, Math.ceil(this.intervalMs * 0.005));
  }

  /** Milliseconds to wait before the channel's next post may start. */
  waitFor(channel: string): number {
    const last = this.last.get(channel);
    if (!last) return 0;
    let earliest = last.start + this.spacing;
    // Until a few round trips are known, count from the answer (the shortest is not known yet).
    const shortest = this.rtts.length >= MIN_SAMPLES ? this.minRtt : 0;
    if (last.end !== undefined) earliest = Math.max(earliest, last.end + this.spacing - shortest);
    if (last.slackMs !== undefined && this.offsets.length >= MIN_SAMPLES) {
      // Arrived by then for sure (and not before it was sent).
      const arrivedBy = Math.max(last.start, last.slackMs - this.offsetLow);
      earliest = Math.min(earliest, arrivedBy + this.intervalMs + this.slackMargin);
    }
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

  /** `slackTs`: the ts Slack gave the message this post created (not an older reply's). */
  finished(channel: string, ok: boolean, slackTs?: unknown): void {
    const last = this.last.get(channel);
    if (!last || last.end !== undefined) return;
    last.end = this.now();
    const rtt = last.end - last.start;
    if (!ok) return;
    this.rtts.push(rtt);
    if (this.rtts.length > RTT_WINDOW) this.rtts.shift();
    this.minRtt = Math.min(...this.rtts);
    const slackMs = tsMs(slackTs);
    if (slackMs === undefined) return;
    // A ts from before this post was sent is another message's (a reply found in the thread).
    if (this.offsets.length > 0 && slackMs - last.start < this.offsetLow) return;
    this.offsets.push(slackMs - last.end);
    if (this.offsets.length > RTT_WINDOW) this.offsets.shift();
    this.offsetLow = Math.max(...this.offsets);
    last.slackMs = slackMs;
  }
}
