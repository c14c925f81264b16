// Claims for replayed work: a replayed entry's claim may still be held by the process that
// died holding it, so losing the claim does not mean "someone else answers". The entry goes
// ahead and the gateway looks for the reply in the thread before posting. A twin (an append
// Redis carried out after its appender gave up, intake.ts) is not a replay: whoever holds its
// claim is alive or journaled, so it loses the claim like any other copy.

import type { Dedupe } from '../dedupe';
import { currentWork, markUncertain } from './context';

export class ReplayAwareDedupe implements Dedupe {
  constructor(private readonly inner: Dedupe) {}

  async claim(key: string): Promise<boolean> {
    const won = await this.inner.claim(key);
    if (won || !currentWork()?.replayed) return won;
    markUncertain();
    return true;
  }

  release(key: string): Promise<void> {
    return this.inner.release(key);
  }
}
