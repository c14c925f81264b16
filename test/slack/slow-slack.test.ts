// A Slack that answers slower than the bot waits: the outcome of a post is unknown, and the
// bot must look in the thread before trying again — never simply post twice. Counted in
// what Slack stored.

import { eventCallback, messageEvent, SlackTestServer } from '@tfauth/slack-test-server';
import { SHORT_BACKOFF, startTestBot, type TestBot } from '../support/bot';
import { replyCounts } from '../support/reply-counts';

jest.setTimeout(120_000);

// Short on purpose: the bot's behaviour depends on the order of these times, not their size.
// It gives each Web API call TIMEOUT_MS, then lets Slack finish for as long again before it
// looks in the thread; Slack takes SLOW_MS (between the two), then carries the call out anyway.
/** The bot gives each Web API call this long … */
const TIMEOUT_MS = 500;
/** … and Slack takes this long, then carries the call out anyway. */
const SLOW_MS = 800;

let slack: SlackTestServer;
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({
    env: { TFAUTH_SLACK_TIMEOUT_MS: String(TIMEOUT_MS) },
    retry: SHORT_BACKOFF,
  });
  slack = t.slack;
});
afterAll(() => t.stop());
beforeEach(() => slack.reset());

async function burst(tag: string, count: number, channels: string[]): Promise<string[]> {
  const msgs = Array.from({ length: count }, (_, i) =>
    messageEvent({
      text: `Error: failed to get shared config profile, ${tag}-${i}`,
      channel: channels[i % channels.length] as string,
    }),
  );
  const acks = await Promise.all(msgs.map((m) => t.http.sendEvent(eventCallback(m))));
  expect(acks.map((r) => r.status)).toEqual(msgs.map(() => 200));
  await t.bot.context.inFlight.settled();
  return msgs.map((m) => `${m.channel}:${m.ts}`);
}

it('posts that time out (Slack slower than the timeout) are looked for, not re-sent: 0 lost, 0 duplicates', async () => {
  slack.failNext('chat.postMessage', { delayMs: SLOW_MS, count: 10 });
  const keys = await burst('slow-post', 20, ['C0SA', 'C0SB', 'C0SC', 'C0SD']);
  expect(replyCounts(slack, keys)).toEqual({ lost: 0, dupes: 0 });
});

it('every call slow, the look in the thread too: 0 lost, 0 duplicates', async () => {
  slack.failNext('*', { delayMs: SLOW_MS, count: 30 });
  const keys = await burst('slow-all', 12, ['C0SE', 'C0SF', 'C0SG']);
  expect(replyCounts(slack, keys)).toEqual({ lost: 0, dupes: 0 });
});
