// Tracks work in progress so a shutdown can wait for replies already being written.

import { markRefused } from './intake/context';

export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private accepting = true;
  private readonly idleChecks: Array<() => Promise<boolean>> = [];

  get size(): number {
    return this.running.size;
  }

  get isAccepting(): boolean {
    return this.accepting;
  }

  /** Runs `work` unless we are shutting down; resolves when it settles, never rejects. */
  async run(work: () => Promise<void>, onError: (err: unknown) => void): Promise<void> {
    if (!this.accepting) {
      markRefused(); // journaled work stays in the log for the next start
      onError(new Error('shutting down: work arrived after the receiver closed and was not done'));
      return;
    }
    const p = work().catch(onError);
    this.running.add(p);
    try {
      await p;
    } finally {
      this.running.delete(p);
    }
  }

  /** Work not started yet that settled() also waits for (the durable intake's entries). */
  alsoWaitFor(idle: () => Promise<boolean>): void {
    this.idleChecks.push(idle);
  }

  /** Waits for the work running or accepted now without closing the door (tests use it instead of sleeps). */
  async settled(): Promise<void> {
    for (;;) {
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
      const idle = await Promise.all(this.idleChecks.map((check) => check()));
      if (idle.every(Boolean) && this.running.size === 0) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Stops taking new work and waits (up to `timeoutMs`) for what is running. True if all finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.accepting = false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const done = (async () => {
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
      return true as const;
    })();
    try {
      return await Promise.race([done, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
