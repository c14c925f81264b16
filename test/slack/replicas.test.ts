// Two replicas sharing Redis behind one Slack app: every event is delivered to both (and
// retried), with faults injected — exactly one reply per message. And when Redis goes
// away, the replicas keep answering and say so in /healthz.

import { eventCallback, messageEvent, SlackTestServer } from '@tfauth/slack-test-server';
import { startTestBot, type TestBot } from '../support/bot';
import { RedisProcess } from '../support/redis-process';
import { describeIf, NO_REDIS, REDIS_URL } from '../support/skip';

const d = describeIf(REDIS_URL !== undefined, NO_REDIS);

/**
 * Messages diagnosed to an answer so far (`tfauth_events_processed_total`, result replied,
 * from /metrics; counted before the reply is claimed). In-process bots share one registry:
 * this is both replicas' count.
 */
async function diagnosed(bot: TestBot): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${bot.bot.port}/metrics`)).text();
  const line = /^tfauth_events_processed_total\{kind="message",result="replied"\} (\d+)$/m.exec(
    text,
  );
  return Number(line?.[1] ?? 0);
}

d('two replicas sharing Redis', () => {
  let redis: RedisProcess;
  let slack: SlackTestServer;
  let a: TestBot;
  let b: TestBot;

  beforeAll(async () => {
    redis = await RedisProcess.start();
    slack = await SlackTestServer.start();
    const env = { REDIS_URL: redis.url, TFAUTH_POST_INTERVAL_MS: '1000' };
    // Each gets a data folder of its own (testEnv), as replicas on separate volumes do.
    a = await startTestBot({ slack, env });
    b = await startTestBot({ slack, env });
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
    await slack.close();
    await redis.down();
  });

  it('post one reply per message with 20% 5xx and 15% 429 injected, each event delivered to both replicas', async () => {
    slack.setFaults({
      rate5xx: 0.2,
      rate429: 0.15,
      retryAfterSec: 1,
      seed: 11,
      methods: ['chat.postMessage'],
    });
    // Two a channel: shared turns space replies in whole seconds.
    const channels = ['C0RA', 'C0RB', 'C0RC', 'C0RD', 'C0RE', 'C0RF'];
    const messages = Array.from({ length: 12 }, (_, i) =>
      messageEvent({
        text: `Error: failed to get shared config profile, p${i}`,
        channel: channels[i % channels.length] as string,
      }),
    );
    const diagnosedBefore = await diagnosed(a);
    await Promise.all(
      messages.flatMap((m, i) => {
        const body = eventCallback(m, { eventId: `Ev0R${i}` });
        return [
          a.http.sendEvent(body),
          b.http.sendEvent(body),
          b.http.sendEvent(body, { retryNum: 1, retryReason: 'http_timeout' }),
        ];
      }),
    );
    await Promise.all([a.bot.context.inFlight.settled(), b.bot.context.inFlight.settled()]);
    slack.setFaults(undefined);
    const replies = channels.flatMap((c) => slack.messages(c)).filter((m) => m.thread_ts);
    expect(replies.map((r) => `${r.channel}:${r.thread_ts}`).sort()).toEqual(
      messages.map((m) => `${m.channel}:${m.ts}`).sort(),
    );
    expect(slack.stats.status5xx + slack.stats.status429).toBeGreaterThan(0);
    // Both replicas diagnosed what they were sent (a each message once, b at least once):
    // without the shared claim, each would have posted its own reply.
    expect((await diagnosed(a)) - diagnosedBefore).toBeGreaterThanOrEqual(24);
  });

  // Shared turns are one post per channel per one-second window across replicas: never more than
  // two inside any second, which Slack's documented short bursts allow.
  it("together stay within Slack's per-channel rate", async () => {
    slack.reset();
    slack.enforceChannelRate({ perSecond: 1, burst: 2 });
    const msgs = Array.from({ length: 4 }, (_, i) =>
      messageEvent({
        text: `Error: failed to get shared config profile, q${i}`,
        channel: 'C0PACE',
      }),
    );
    await Promise.all(msgs.map((m, i) => (i % 2 === 0 ? a : b).http.sendEvent(eventCallback(m))));
    await Promise.all([a.bot.context.inFlight.settled(), b.bot.context.inFlight.settled()]);
    slack.enforceChannelRate(undefined);
    expect(slack.messages('C0PACE').filter((m) => m.thread_ts)).toHaveLength(4);
    expect(slack.stats.status429).toBe(0);
  });

  it('keep answering while Redis is down, report it in /healthz, and share state again when it returns', async () => {
    slack.reset();
    await redis.down();
    const during = messageEvent({
      text: 'Error: failed to get shared config profile, outage',
      channel: 'C0OUT',
    });
    await a.http.sendEvent(eventCallback(during));
    await a.bot.context.inFlight.settled();
    expect(slack.messages('C0OUT').filter((m) => m.thread_ts === during.ts)).toHaveLength(1);
    const degraded = await fetch(`http://127.0.0.1:${a.bot.port}/healthz`);
    expect(degraded.status).toBe(200);
    expect(await degraded.json()).toMatchObject({
      status: 'degraded',
      checks: { redis: { ok: false } },
    });

    await redis.up();
    const status = async () =>
      ((await (await fetch(`http://127.0.0.1:${a.bot.port}/healthz`)).json()) as { status: string })
        .status;
    for (let i = 0; i < 200 && (await status()) !== 'ok'; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await status()).toBe('ok');
    const after = messageEvent({
      text: 'Error: failed to get shared config profile, back',
      channel: 'C0OUT',
    });
    await Promise.all([
      a.http.sendEvent(eventCallback(after)),
      b.http.sendEvent(eventCallback(after)),
    ]);
    await Promise.all([a.bot.context.inFlight.settled(), b.bot.context.inFlight.settled()]);
    expect(slack.messages('C0OUT').filter((m) => m.thread_ts === after.ts)).toHaveLength(1);
  });
});
