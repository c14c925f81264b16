// Nothing acknowledged is lost: the bot is SIGKILLed right after acknowledging a burst (its
// replies still queued behind Slack's per-channel pacing), restarted on the same data
// directory, and every message ends up with exactly one reply — counted in what Slack stored.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  eventCallback,
  messageEvent,
  SlackHttpClient,
  SlackTestServer,
} from '@tfauth/slack-test-server';
import { SIGNING_SECRET, testEnv } from '../support/bot';
import { eventually, startBotProcess, type BotProcess } from '../support/bot-process';
import { pendingWork, replyCounts } from '../support/reply-counts';

jest.setTimeout(120_000);

const CHANNELS = ['C0KA', 'C0KB', 'C0KC', 'C0KD', 'C0KE'];
/** Reply spacing per channel: 30 pastes in 5 channels take about 2.5 s to answer, long enough to cut. */
const INTERVAL_MS = 400;

let slack: SlackTestServer;
let dir: string;
const running: BotProcess[] = [];
beforeAll(async () => {
  slack = await SlackTestServer.start();
});
beforeEach(() => {
  slack.reset();
  dir = mkdtempSync(join(tmpdir(), 'tfauth-durable-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.kill()));
  rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await slack.close();
});

function pastes(n: number): ReturnType<typeof messageEvent>[] {
  return Array.from({ length: n }, (_, i) =>
    messageEvent({
      text: `Error: failed to get shared config profile, kill-${i}`,
      channel: CHANNELS[i % CHANNELS.length] as string,
    }),
  );
}

async function start(mode: 'http' | 'socket'): Promise<BotProcess> {
  const p = await startBotProcess(
    testEnv(mode, slack.apiUrl, {
      TFAUTH_DATA_DIR: dir,
      TFAUTH_POST_INTERVAL_MS: String(INTERVAL_MS),
    }),
  );
  running.push(p);
  return p;
}

/** After the restart: until every message has a reply and the bot holds nothing more. */
async function settle(bot: BotProcess, keys: string[]): Promise<void> {
  await eventually(
    async () => replyCounts(slack, keys).lost === 0 && (await pendingWork(bot.port)) === 0,
    30_000,
  );
}

it('HTTP mode: SIGKILL right after the last ack of 30 pastes in 5 channels, restart → 0 lost, 0 duplicates', async () => {
  const first = await start('http');
  const http = new SlackHttpClient(`http://127.0.0.1:${first.port}/slack/events`, SIGNING_SECRET);
  const msgs = pastes(30);
  const acks = await Promise.all(msgs.map((m) => http.sendEvent(eventCallback(m))));
  expect(acks.map((r) => r.status)).toEqual(msgs.map(() => 200));
  await first.kill();
  const keys = msgs.map((m) => `${m.channel}:${m.ts}`);
  const beforeRestart = replyCounts(slack, keys);
  expect(beforeRestart.lost).toBeGreaterThan(0); // the kill did interrupt the burst

  const second = await start('http');
  await settle(second, keys);
  expect(replyCounts(slack, keys)).toEqual({ lost: 0, dupes: 0 });
});

it('Socket Mode: SIGKILL right after the last envelope ack, restart → 0 lost, 0 duplicates', async () => {
  const first = await start('socket');
  await slack.socket.connected(5000);
  const msgs = pastes(30);
  await Promise.all(msgs.map((m) => slack.socket.send('events_api', eventCallback(m))));
  await first.kill();
  const keys = msgs.map((m) => `${m.channel}:${m.ts}`);
  expect(replyCounts(slack, keys).lost).toBeGreaterThan(0);

  const second = await start('socket');
  await settle(second, keys);
  expect(replyCounts(slack, keys)).toEqual({ lost: 0, dupes: 0 });
});

it('killed while Slack was still carrying out its post, restarted → the replay finds that reply and posts no second one', async () => {
  const first = await start('http');
  const http = new SlackHttpClient(`http://127.0.0.1:${first.port}/slack/events`, SIGNING_SECRET);
  // Slack holds the post for a second, then stores it — after the bot is gone.
  slack.failNext('chat.postMessage', { delayMs: 1000 });
  const [msg] = pastes(1);
  if (!msg) throw new Error('no paste');
  expect((await http.sendEvent(eventCallback(msg))).status).toBe(200);
  const keys = [`${msg.channel}:${msg.ts}`];
  expect(await eventually(() => hasPostStarted(first), 10_000)).toBe(true);
  await new Promise((r) => setTimeout(r, 300)); // the post is now held by Slack
  await first.kill();
  expect(await eventually(() => replyCounts(slack, keys).lost === 0, 10_000)).toBe(true);

  const second = await start('http');
  await settle(second, keys);
  expect(replyCounts(slack, keys)).toEqual({ lost: 0, dupes: 0 });
  expect(await pendingWork(second.port)).toBe(0);
});

/** The bot logs its verdict right before calling chat.postMessage. */
function hasPostStarted(bot: BotProcess): boolean {
  return bot.stdout.join('').includes('"msg":"message diagnosed"');
}

it('SIGTERM during a burst, then SIGKILL before the drain ends (a grace period too short), restart → 0 lost, 0 duplicates', async () => {
  const first = await start('http');
  const http = new SlackHttpClient(`http://127.0.0.1:${first.port}/slack/events`, SIGNING_SECRET);
  const msgs = pastes(30);
  const acks = await Promise.all(msgs.map((m) => http.sendEvent(eventCallback(m))));
  expect(acks.map((r) => r.status)).toEqual(msgs.map(() => 200));
  first.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, INTERVAL_MS)); // the drain needs ~2.5 s: cut it short
  await first.kill();
  const keys = msgs.map((m) => `${m.channel}:${m.ts}`);
  expect(replyCounts(slack, keys).lost).toBeGreaterThan(0);

  const second = await start('http');
  await settle(second, keys);
  expect(replyCounts(slack, keys)).toEqual({ lost: 0, dupes: 0 });
});
