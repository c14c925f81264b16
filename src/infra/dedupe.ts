// "Answered or being answered" markers, so one message gets one reply however many times
// Slack delivers it (retries, or the same message under two event ids).

export interface Dedupe {
  /** True the first time a key is claimed within its lifetime; false for every repeat. */
  claim(key: string): Promise<boolean>;
  /** Gives a claim back (the work failed before anything was posted), so a redelivery may retry. */
  release(key: string): Promise<void>;
}

export interface MemoryDedupeOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

/** Bounded by both age and count: memory stays flat whatever the traffic. */
export class MemoryDedupe implements Dedupe {
  private readonly seen = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: MemoryDedupeOptions) {
    this.now = options.now ?? Date.now;
  }

  async claim(key: string): Promise<boolean> {
    const t = this.now();
    this.evict(t);
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > t) return false;
    this.seen.delete(key);
    this.seen.set(key, t + this.options.ttlMs);
    return true;
  }

  async release(key: string): Promise<void> {
    this.seen.delete(key);
  }

  get size(): number {
    return this.seen.size;
  }

  private evict(t: number): void {
    // Map iteration is insertion order, i.e. oldest first.
    for (const [key, expires] of this.seen) {
      if (expires > t && this.seen.size < this.options.maxEntries) break;
      this.seen.delete(key);
    }
  }
}
