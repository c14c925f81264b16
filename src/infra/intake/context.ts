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
  /** When Slack was acknowledged (epoch ms), if known. */
  acceptedAt?: number;
  /** What this entry's work already did (durable marks, loaded on replay). */
  marks?: Set<string>;
  /** Notes a mark durably in the entry. */
  mark?: (mark: string) => Promise<void>;
  /** Calls of each kind made so far by this run of the work (the n-th send has mark `kind#n`). */
  sends?: Map<string, number>;
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

/** How long ago Slack was acknowledged for the work in progress (undefined outside the intake). */
export function workAge(now: number = Date.now()): number | undefined {
  const at = storage.getStore()?.acceptedAt;
  return at === undefined ? undefined : now - at;
}

/**
 * Sends what cannot be looked up afterwards (an ephemeral message, a response_url post) at most
 * once per journal entry: the n-th send of `kind` in the work is marked right after it
 * succeeded, and a replay skips the sends already marked (returning `skipped`). Work runs the
 * same path again on replay, so the n-th send is the same send. Outside the intake: just sends.
 */
export async function sendOnce<T>(
  kind: string,
  send: () => Promise<T>,
  skipped: () => T,
): Promise<T> {
  const ctx = storage.getStore();
  if (!ctx?.mark || !ctx.marks) return send();
  const sends = (ctx.sends ??= new Map<string, number>());
  const n = sends.get(kind) ?? 0;
  sends.set(kind, n + 1);
  const mark = `${kind}#${n}`;
  if (ctx.marks.has(mark)) return skipped();
  const result = await send();
  await ctx.mark(mark).catch(() => undefined); // at worst a replay sends it again
  return result;
}

/**
 * Does `work` at most once for this journal entry under `key` (an outcome record): the mark
 * is written first, so a crash in between loses the record rather than counting it twice.
 * True when the work ran. Outside the intake: just runs it.
 */
export async function doOnce(key: string, work: () => Promise<void>): Promise<boolean> {
  const ctx = storage.getStore();
  if (ctx?.mark && ctx.marks) {
    const mark = `once:${key}`;
    if (ctx.marks.has(mark)) return false;
    await ctx.mark(mark);
  }
  await work();
  return true;
}
