// Counting replies the way a user would: what Slack stored in each pasted message's thread.

import { type SlackTestServer } from '@tfauth/slack-test-server';

/** Replies Slack stored per pasted message (0 = lost, 2+ = duplicates). */
export function replyCounts(s: SlackTestServer, keys: string[]): { lost: number; dupes: number } {
  const counts = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const c of new Set(keys.map((k) => k.split(':')[0] as string)))
    for (const m of s.messages(c))
      if (m.thread_ts && counts.has(`${c}:${m.thread_ts}`))
        counts.set(`${c}:${m.thread_ts}`, (counts.get(`${c}:${m.thread_ts}`) ?? 0) + 1);
  let lost = 0;
  let dupes = 0;
  for (const n of counts.values()) {
    if (n === 0) lost++;
    else dupes += n - 1;
  }
  return { lost, dupes };
}

/** Work the bot still holds (the durable intake's pending entries), from /healthz. */
export async function pendingWork(port: number): Promise<number | undefined> {
  return (await intakeStats(port))?.pending;
}

/** The durable intake's counters from /healthz (undefined when the bot does not answer). */
export async function intakeStats(
  port: number,
): Promise<{ pending?: number; replayed?: number } | undefined> {
  try {
    const body = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as {
      intake?: { pending?: number; replayed?: number };
    };
    return body.intake;
  } catch {
    return undefined;
  }
}
