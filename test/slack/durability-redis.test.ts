// Two replicas sharing Redis (AOF on): one is SIGKILLed for good right after acknowledging
// a burst; the other takes over what it held (XAUTOCLAIM) and what it never read. Every
// message ends up with exactly one reply, counted in what Slack stored.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  blockActions,
  eventCallback,
  messageEvent,
  messageShortcut,
  slashCommand,
  SlackHttpClient,
  SlackTestServer,
  viewSubmission,
} from '@tfauth/slack-test-server';
import { MODAL_CALLBACK, SHORTCUT_CALLBACK } from '../../src/slack/action-ids';
import { button } from '../support/clicks';
import { SIGNING_SECRET, startTestBot, testEnv, type TestBot } from '../support/bot';
import { eventually, startBotProcess, type BotProcess } from '../support/bot-process';
import { RedisProcess } from '../support/redis-process';
import { intakeStats, pendingWork, replyCounts } from '../support/reply-counts';
import { describeIf, NO_REDIS, REDIS_URL } from '../support/skip';

const d = describeIf(REDIS_URL !== undefined, NO_REDIS);
jest.setTimeout(120_000);

d('two replicas, Redis Stream intake', () => {
  let redis: RedisProcess;
  let slack: SlackTestServer;
  const dirs: string[] = [];
  const running: BotProcess[] = [];

  beforeAll(async () => {
    const aof = mkdtempSync(join(tmpdir(), 'tfauth-aof-'));
    dirs.push(aof);
    redis = await RedisProcess.start(undefined, { aofDir: aof });
    slack = await SlackTestServer.start();
  });
  afterAll(async () => {
    await Promise.all(running.map((p) => p.kill()));
    await slack.close();
    await redis.down();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function replica(): Promise<BotProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'tfauth-replica-'));
    dirs.push(dir);
    const p = await startBotProcess(
      testEnv('http', slack.apiUrl, {
        REDIS_URL: redis.url,
        TFAUTH_DATA_DIR: dir,
        TFAUTH_POST_INTERVAL_MS: '1000',
        TFAUTH_INTAKE_CLAIM_IDLE_MS: '2000',
      }),
    );
    running.push(p);
    return p;
  }

  it('one replica SIGKILLed for good after acking 30 pastes in 10 channels → the other answers them all, once', async () => {
    const a = await replica();
    const b = await replica();
    const http = new SlackHttpClient(`http://127.0.0.1:${a.port}/slack/events`, SIGNING_SECRET);
    // Three a channel: with Redis, replies are spaced in whole seconds (at least 1).
    const channels = Array.from({ length: 10 }, (_, i) => `C0X${String.fromCharCode(65 + i)}`);
    const msgs = Array.from({ length: 30 }, (_, i) =>
      messageEvent({
        text: `Error: failed to get shared config profile, takeover-${i}`,
        channel: channels[i % channels.length] as string,
      }),
    );
    const acks = await Promise.all(msgs.map((m) => http.sendEvent(eventCallback(m))));
    expect(acks.map((r) => r.status)).toEqual(msgs.map(() => 200));
    await a.kill();
    const keys = msgs.map((m) => `${m.channel}:${m.ts}`);
    expect(replyCounts(slack, keys).lost).toBeGreaterThan(0);

    await eventually(
      async () => replyCounts(slack, keys).lost === 0 && (await pendingWork(b.port)) === 0,
      60_000,
    );
    expect(replyCounts(slack, keys)).toEqual({ lost: 0, dupes: 0 });
    // Some of them were taken over from the dead replica, not only read fresh.
    expect((await intakeStats(b.port))?.replayed).toBeGreaterThan(0);
  });

  it('one replica SIGKILLed for good after acking a command, a shortcut, a click and a paste-box submission → the other answers each, once', async () => {
    const a = await replica();
    const b = await replica();
    const http = new SlackHttpClient(`http://127.0.0.1:${a.port}/slack/events`, SIGNING_SECRET);
    const channel = 'C0XINTER';
    const paste = messageEvent({
      text: 'Error: failed to get shared config profile, interactions-takeover',
      channel,
    });
    const replies = () => slack.messages(channel).filter((m) => m.thread_ts === paste.ts);
    expect((await http.sendEvent(eventCallback(paste))).status).toBe(200);
    expect(await eventually(() => replies().length === 1, 30_000)).toBe(true);
    const reply = replies()[0];
    if (!reply) throw new Error('no reply');
    const urls = {
      command: slack.responseUrl('x-command'),
      shortcut: slack.responseUrl('x-shortcut'),
      box: slack.responseUrl('x-box'),
    };
    const acks = await Promise.all([
      http.sendCommand({
        ...slashCommand({ text: paste.text, channel_id: channel, response_url: urls.command }),
      }),
      http.sendInteraction(
        messageShortcut({
          callbackId: SHORTCUT_CALLBACK,
          channel,
          message: paste,
          responseUrl: urls.shortcut,
        }),
      ),
      http.sendInteraction(
        blockActions({
          actionId: 'tfauth_walk',
          value: button(reply.blocks, 'tfauth_walk').value,
          channel,
          responseUrl: slack.responseUrl('x-walk'),
          threadTs: paste.ts,
          message: {
            type: 'message',
            ts: reply.ts,
            text: reply.text,
            blocks: reply.blocks,
            thread_ts: paste.ts,
          },
        }),
      ),
      http.sendInteraction(
        viewSubmission({
          callbackId: MODAL_CALLBACK,
          privateMetadata: JSON.stringify({ responseUrl: urls.box, channel }),
          values: { tfauth_paste: { paste: paste.text } },
        }),
      ),
    ]);
    await a.kill();
    expect(acks.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const answers = (tag: string) => slack.responses.filter((r) => r.tag === tag).length;
    const answered = () =>
      ['x-command', 'x-shortcut', 'x-box'].filter((t) => answers(t) > 0).length +
      (replies().length > 1 ? 1 : 0);
    expect(answered()).toBeLessThan(4); // the kill cut in before the answers

    await eventually(async () => answered() === 4 && (await pendingWork(b.port)) === 0, 60_000);
    expect(['x-command', 'x-shortcut', 'x-box'].map(answers)).toEqual([1, 1, 1]);
    expect(replies()).toHaveLength(2); // the reply and one walk-through
  });
});

d('two replicas, Redis frozen (SIGSTOP)', () => {
  let redis: RedisProcess;
  let slack: SlackTestServer;
  let a: TestBot;
  let b: TestBot;
  const dirs: string[] = [];

  beforeAll(async () => {
    redis = await RedisProcess.start();
    slack = await SlackTestServer.start();
    const env = (dir: string) => ({
      REDIS_URL: redis.url,
      TFAUTH_DATA_DIR: dir,
      TFAUTH_POST_INTERVAL_MS: '200',
    });
    for (let i = 0; i < 2; i++) dirs.push(mkdtempSync(join(tmpdir(), 'tfauth-freeze-')));
    a = await startTestBot({ slack, env: env(dirs[0] as string) });
    b = await startTestBot({ slack, env: env(dirs[1] as string) });
  });
  afterAll(async () => {
    redis.thaw();
    await a.stop();
    await b.stop();
    await slack.close();
    await redis.down();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const health = async (t: TestBot) =>
    (await (await fetch(`http://127.0.0.1:${t.bot.port}/healthz`)).json()) as {
      status: string;
      checks: { redis: { ok: boolean } };
    };

  // The burst's appends are sent before the freeze is noticed, given up on after its deadline (the work
  // journaled locally) and carried out by Redis when it thaws: each message then runs up to four
  // times (two replicas × local and late stream copy), and still gets one reply.
  it('replies continue, each message delivered to both replicas is answered once, and /healthz says degraded', async () => {
    redis.freeze();
    const channels = ['C0FA', 'C0FB', 'C0FC'];
    const msgs = Array.from({ length: 12 }, (_, i) =>
      messageEvent({
        text: `Error: failed to get shared config profile, frozen-${i}`,
        channel: channels[i % channels.length] as string,
      }),
    );
    const acks = await Promise.all(
      msgs.flatMap((m) => [
        a.http.sendEvent(eventCallback(m)),
        b.http.sendEvent(eventCallback(m), { retryNum: 1, retryReason: 'http_timeout' }),
      ]),
    );
    expect(acks.map((r) => r.status)).toEqual(acks.map(() => 200));
    await Promise.all([a.bot.context.inFlight.settled(), b.bot.context.inFlight.settled()]);
    const keys = msgs.map((m) => `${m.channel}:${m.ts}`);
    expect(replyCounts(slack, keys)).toEqual({ lost: 0, dupes: 0 });
    expect(await health(a)).toMatchObject({
      status: 'degraded',
      checks: { redis: { ok: false } },
    });

    // Thawed, Redis carries out what was sent to it while frozen: still no second reply.
    redis.thaw();
    expect(await eventually(async () => (await health(a)).status === 'ok', 30_000)).toBe(true);
    await Promise.all([a.bot.context.inFlight.settled(), b.bot.context.inFlight.settled()]);
    expect(replyCounts(slack, keys)).toEqual({ lost: 0, dupes: 0 });
  });

  it('Redis stopped: each message delivered to both replicas is answered once, during the outage and after it', async () => {
    await redis.down();
    const during = Array.from({ length: 12 }, (_, i) =>
      messageEvent({
        text: `Error: failed to get shared config profile, down-${i}`,
        channel: ['C0DA', 'C0DB', 'C0DC'][i % 3] as string,
      }),
    );
    const sendBoth = async (msgs: ReturnType<typeof messageEvent>[]) => {
      const acks = await Promise.all(
        msgs.flatMap((m) => [
          a.http.sendEvent(eventCallback(m)),
          b.http.sendEvent(eventCallback(m), { retryNum: 1, retryReason: 'http_timeout' }),
        ]),
      );
      expect(acks.map((r) => r.status)).toEqual(acks.map(() => 200));
      await Promise.all([a.bot.context.inFlight.settled(), b.bot.context.inFlight.settled()]);
      return msgs.map((m) => `${m.channel}:${m.ts}`);
    };
    const keysDuring = await sendBoth(during);
    expect(replyCounts(slack, keysDuring)).toEqual({ lost: 0, dupes: 0 });

    await redis.up(); // empty: the claims taken during the outage were only in-process
    expect(await eventually(async () => (await health(a)).status === 'ok', 30_000)).toBe(true);
    const after = during.slice(0, 6).map((m, i) =>
      messageEvent({
        text: `Error: failed to get shared config profile, back-${i}`,
        channel: m.channel,
      }),
    );
    const keysAfter = await sendBoth(after);
    expect(replyCounts(slack, [...keysDuring, ...keysAfter])).toEqual({ lost: 0, dupes: 0 });
  });
});
