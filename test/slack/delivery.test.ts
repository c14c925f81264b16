// Delivery under faults: 5xx, 429 and lost answers injected by the local Slack test server.
// Every message gets exactly one reply; a 429 only slows the channel that got it.

import { eventCallback, messageEvent, SlackTestServer } from '@tfauth/slack-test-server';
import { SHORT_BACKOFF, startTestBot, type TestBot } from '../support/bot';

const PASTE = (n: number) => `Error: failed to get shared config profile, team-${n}`;

let slack: SlackTestServer;
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({
    // A lost answer is looked for after as long as the timeout (at most 10 s): 2 s here.
    env: { TFAUTH_SLACK_TIMEOUT_MS: '2000' },
    retry: SHORT_BACKOFF,
  });
  slack = t.slack;
});
afterAll(() => t.stop());
beforeEach(() => {
  slack.reset();
  slack.setFaults(undefined);
});

/** Replies per source message, from what Slack actually stored. */
function repliesByThread(channels: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of channels)
    for (const m of slack.messages(c))
      if (m.thread_ts)
        counts.set(`${c}:${m.thread_ts}`, (counts.get(`${c}:${m.thread_ts}`) ?? 0) + 1);
  return counts;
}

async function sendAll(count: number, channels: string[]): Promise<string[]> {
  const keys: string[] = [];
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const channel = channels[i % channels.length] as string;
      const msg = messageEvent({ text: PASTE(i), channel });
      keys.push(`${channel}:${msg.ts}`);
      const res = await t.http.sendEvent(eventCallback(msg));
      expect(res.status).toBe(200);
    }),
  );
  await t.bot.context.inFlight.settled();
  return keys;
}

it('loses no reply and posts none twice with 20% 5xx and 15% 429 injected', async () => {
  const channels = ['C0AAA', 'C0BBB', 'C0CCC', 'C0DDD', 'C0EEE'];
  slack.setFaults({
    rate5xx: 0.2,
    rate429: 0.15,
    retryAfterSec: 1,
    seed: 7,
    methods: ['chat.postMessage'],
  });
  const keys = await sendAll(30, channels);
  const replies = repliesByThread(channels);
  // Each off-by-one thread with its count: 0 is a lost reply, 2 a duplicate.
  expect(
    keys.filter((k) => replies.get(k) !== 1).map((k) => `${k} → ${replies.get(k) ?? 0}`),
  ).toEqual([]);
  expect(replies.size).toBe(30);
  expect(slack.stats.status5xx).toBeGreaterThan(0);
  expect(slack.stats.status429).toBeGreaterThan(0);
});

it('does not post twice when Slack processed a call but its answer was lost (reset or 5xx after processing)', async () => {
  slack.failNext('chat.postMessage', { reset: true, afterProcessing: true });
  slack.failNext('chat.postMessage', { status: 503, afterProcessing: true });
  const keys = await sendAll(2, ['C0FFF']);
  const replies = repliesByThread(['C0FFF']);
  expect(keys.map((k) => replies.get(k))).toEqual([1, 1]);
});

it('a 429 in one channel does not hold up another channel', async () => {
  slack.failNext('chat.postMessage', { retryAfter: 2 });
  const slow = messageEvent({ text: PASTE(1), channel: 'C0SLOW' });
  await t.http.sendEvent(eventCallback(slow));
  const limited = await slack.waitFor('chat.postMessage', (c) => c.status === 429);
  const fast = messageEvent({ text: PASTE(2), channel: 'C0FAST' });
  await t.http.sendEvent(eventCallback(fast));
  const other = await slack.waitFor(
    'chat.postMessage',
    (c) => c.args.channel === 'C0FAST' && c.status === 200,
  );
  const retried = await slack.waitFor(
    'chat.postMessage',
    (c) => c.args.channel === 'C0SLOW' && c.status === 200,
  );
  // As Slack recorded them: the other channel was answered while the limited one was still
  // waiting out its Retry-After, and the limited one waited all of it (less timer rounding).
  expect(other.at - limited.at).toBeLessThan(2000);
  expect(retried.at - limited.at).toBeGreaterThanOrEqual(1950);
});

it('a post whose outcome is unknown is still made when the look in the thread fails for a while: the look retries on its own budget', async () => {
  const bot = await startTestBot({
    slack,
    env: { TFAUTH_POST_INTERVAL_MS: '0', TFAUTH_SLACK_TIMEOUT_MS: '500' },
    retry: { maxAttempts: 3, baseDelayMs: 20, budgetMs: 30_000 },
  });
  try {
    slack.failNext('chat.postMessage', { reset: true }); // not carried out: no reply yet
    // As many failed looks as the post has attempts: they must not use the post's up.
    slack.failNext('conversations.replies', { status: 503, count: 3 });
    const msg = messageEvent({ text: PASTE(11), channel: 'C0LOOK' });
    await bot.http.sendEvent(eventCallback(msg));
    await bot.bot.context.inFlight.settled();
    expect(repliesByThread(['C0LOOK']).get(`C0LOOK:${msg.ts}`)).toBe(1);
    expect(slack.callsTo('conversations.replies').filter((c) => c.status === 503)).toHaveLength(3);
  } finally {
    await bot.stop();
  }
});

it('when Slack stays down past the retry budget, the failure is logged with the message reference, not swallowed', async () => {
  const down = await startTestBot({
    slack,
    env: { TFAUTH_POST_INTERVAL_MS: '0' },
    retry: { maxAttempts: 3, baseDelayMs: 20, budgetMs: 1000 },
  });
  try {
    slack.failNext('chat.postMessage', { status: 503, count: 10 });
    const msg = messageEvent({ text: PASTE(9), channel: 'C0DOWN' });
    await down.http.sendEvent(eventCallback(msg));
    await down.bot.context.inFlight.settled();
    const failures = down.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'slack api call failed');
    expect(failures).toEqual([
      expect.objectContaining({
        level: 'error',
        method: 'chat.postMessage',
        channel: 'C0DOWN',
        ts: msg.ts,
        status: 503,
      }),
    ]);
    expect(down.logs.some((l) => l.includes('"msg":"message handling failed"'))).toBe(true);
    expect(down.logs.join('\n')).not.toContain('team-9'); // the paste itself is never logged
  } finally {
    await down.stop();
  }
});
