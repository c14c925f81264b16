// What the work in progress knows about itself, without threading a flag through every
// call: set by the intake around each entry, read where claims and posts are made.

import { AsyncLocalStorage } from 'node:async_hooks';

export interface WorkContext {
  /** Replayed from the durable log (a restart, or taken over from a dead replica). */
  replayed: boolean;
  /** Our reply may already be in the thread: look before posting. */
  checkThread: boolean;
  /** The work was refused (shutting down): keep the entry for the next start. */
  refused: boolean;
}

const storage = new AsyncLocalStorage<WorkContext>();

export function runWork<T>(ctx: WorkContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentWork(): WorkContext | undefined {
  return storage.getStore();
}

/** The shared claim could not settle who answers: the thread must be checked before posting. */
export function markUncertain(): void {
  const ctx = storage.getStore();
  if (ctx) ctx.checkThread = true;
}

export function markRefused(): void {
  const ctx = storage.getStore();
  if (ctx) ctx.refused = true;
}

export function mustCheckThread(): boolean {
  const ctx = storage.getStore();
  return ctx !== undefined && (ctx.replayed || ctx.checkThread);
}
