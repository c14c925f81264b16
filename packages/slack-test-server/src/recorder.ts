// An append-only log that tests can await on: waitFor resolves with the first
// matching item, including ones recorded before the call.

interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export class Recorder<T> {
  private readonly log: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  /** `describe` renders one item for timeout messages. */
  constructor(private readonly describe: (item: T) => string) {}

  get items(): readonly T[] {
    return this.log;
  }

  push(item: T): void {
    this.log.push(item);
    for (const w of [...this.waiters]) {
      if (!w.predicate(item)) continue;
      this.settle(w);
      w.resolve(item);
    }
  }

  waitFor(predicate: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    const found = this.log.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    // Created now so the stack points at the test, not at a timer.
    const error = new Error(what);
    const promise = new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          error.message = `${what}: timed out after ${timeoutMs}ms. ${this.summary()}`;
          reject(error);
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
    return handled(promise);
  }

  summary(limit = 30): string {
    const shown = this.log.slice(-limit).map((item) => `  - ${this.describe(item)}`);
    const more = this.log.length > limit ? `  … ${this.log.length - limit} earlier\n` : '';
    return `Recorded (${this.log.length}):${shown.length ? `\n${more}${shown.join('\n')}` : ' none'}`;
  }

  clear(): void {
    this.log.length = 0;
  }

  /** Fail every pending waiter (used on close so no timer outlives the server). */
  rejectAll(reason: string): void {
    for (const w of [...this.waiters]) {
      this.settle(w);
      w.reject(new Error(reason));
    }
  }

  private settle(w: Waiter<T>): void {
    clearTimeout(w.timer);
    this.waiters.delete(w);
  }
}

/** Compact one-line JSON for messages. */
export function brief(value: unknown, max = 160): string {
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * Mark a promise as handled so a waiter nobody awaits (e.g. after a failed
 * test) cannot crash jest with an unhandled rejection; awaiting it still throws.
 */
export function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
