// Tracks work in progress so a shutdown can wait for replies already being written.

import { markRefused } from './intake/context';

export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private accepting = true;

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

  /** Waits for the work running now without closing the door (tests use it instead of sleeps). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
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
