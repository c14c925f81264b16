// Delivery at Slack's per-channel limit. The local Slack test server enforces one
// chat.postMessage per second per channel (no burst) and answers 429 beyond it; tfauth
// must pace itself so that no 429 happens and replies arrive close to the bound of
// (n − 1) seconds for n replies in one channel.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlackTestServer } from '@tfauth/slack-test-server';
import { corpusPastes, messageBody } from './events';
import { botScript, sendEvent, SIGNING_SECRET, startProcess } from './processes';
import type { BenchContext, Row, Section } from './types';

async function scenario(
  slack: SlackTestServer,
  url: string,
  perChannel: number,
  channels: number,
  pastes: string[],
  tag: string,
  /** Every post takes this long at the test server (then its 1/s check is not applied). */
  latencyMs = 0,
) {
  slack.reset();
  slack.enforceChannelRate({ perSecond: 1, burst: 1 });
  if (latencyMs > 0)
    slack.failNext('chat.postMessage', { delayMs: latencyMs, count: perChannel * channels });
  const ids = Array.from({ length: channels }, (_, c) => `C0${tag}${c}`);
  const bodies = ids.flatMap((ch, c) =>
    Array.from({ length: perChannel }, (_, i) =>
      messageBody(ch, pastes[(c * perChannel + i) % pastes.length] as string),
    ),
  );
  const expected = perChannel * channels;
  // The reply that completes the set, as the test server answers it. Waiting on its call log
  // (not polling its message store, which copies every stored message) keeps the load
  // generator from slowing the test server it shares this process with.
  let delivered = 0;
  const all = slack.waitFor(
    'chat.postMessage',
    (c) =>
      c.status === 200 &&
      c.response?.ok === true &&
      typeof c.args.thread_ts === 'string' &&
      ids.includes(String(c.args.channel)) &&
      ++delivered >= expected,
    120_000,
  );
  const started = Date.now();
  await Promise.all(bodies.map((b) => sendEvent(url, b)));
  await all;
  const seconds = (Date.now() - started) / 1000;
  // Closest two posts of one channel, as they arrived at the test server.
  let minGapMs = Number.POSITIVE_INFINITY;
  let spanMs = 0; // first to last arrival of one channel's posts, the longest
  for (const ch of ids) {
    const at = slack
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === ch)
      .map((c) => c.at)
      .sort((x, y) => x - y);
    for (let i = 1; i < at.length; i++)
      minGapMs = Math.min(minGapMs, (at[i] as number) - (at[i - 1] as number));
    if (at.length > 1) spanMs = Math.max(spanMs, (at[at.length - 1] as number) - (at[0] as number));
  }
  return {
    seconds,
    bound: perChannel - 1,
    status429: slack.stats.status429,
    minGapMs,
    spanSeconds: spanMs / 1000,
  };
}

export async function run(ctx: BenchContext): Promise<Section> {
  const slack = await SlackTestServer.start();
  const pastes = corpusPastes(ctx.root)
    .filter((p) => p.auth)
    .map((p) => p.text);
  const bot = await startProcess(botScript(ctx.root), {
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    TFAUTH_DATA_DIR: mkdtempSync(join(tmpdir(), 'tfauth-delivery-')),
  });
  const rows: Row[] = [];
  try {
    // First: spacing learns the round trip from the last 20 posts, so a change of latency in the
    // middle of a run is paced conservatively (from post ends) for a few seconds.
    ctx.log('delivery: 6 pastes in each of 10 channels, each post taking 200 ms');
    const c = await scenario(slack, bot.url, 6, 10, pastes, 'LAT', 200);
    rows.push({
      name: '6 × 10 channels, posts taking 200 ms: first to last arrival',
      value: c.spanSeconds,
      unit: 's',
      baseline: { name: '(n−1) s bound', value: c.bound },
      target: '≤ 1.1× bound',
      pass: c.spanSeconds <= 1.1 * c.bound,
    });
    rows.push({
      name: '6 × 10 channels, posts taking 200 ms: closest arrivals',
      value: c.minGapMs,
      unit: 'ms',
      target: '≥ 1000 ms',
      pass: c.minGapMs >= 1000,
    });
    const one = ctx.options.quick ? 8 : 20;
    ctx.log(`delivery: ${one} pastes in one channel`);
    const a = await scenario(slack, bot.url, one, 1, pastes, 'ONE');
    ctx.log('delivery: 6 pastes in each of 10 channels');
    const b = await scenario(slack, bot.url, 6, 10, pastes, 'TEN');
    for (const [name, r] of [
      [`${one} pastes in one channel`, a],
      ['6 pastes in each of 10 channels', b],
    ] as const) {
      rows.push({
        name: `${name}: all delivered`,
        value: r.seconds,
        unit: 's',
        baseline: { name: '(n−1) s bound', value: r.bound },
        target: '≤ 1.05× bound',
        pass: r.seconds <= 1.05 * r.bound,
      });
      rows.push({
        name: `${name}: first to last arrival`,
        value: r.spanSeconds,
        unit: 's',
        baseline: { name: '(n−1) s bound', value: r.bound },
        target: '≤ 1.05× bound',
        pass: r.spanSeconds <= 1.05 * r.bound,
      });
      rows.push({
        name: `${name}: 429s received`,
        value: r.status429,
        unit: '',
        target: '0',
        pass: r.status429 === 0,
      });
    }
  } finally {
    await bot.stop();
    await slack.close();
  }
  return {
    title: "Delivery at Slack's per-channel rate (1 message/s, enforced by the test server)",
    rows,
    notes: [
      "tfauth (its own process, default settings) gets every paste at once; the clock runs from the first event sent to the test server's answer to the last reply (awaited on its call log: polling its message store copied every stored message and slowed the server in this same process).",
      'The bound is (n − 1) s per channel: one reply per second after the first. "All delivered" counts from the first event sent, so it includes acknowledging the burst, diagnosing and the first post of each channel (about 0.1–0.25 s on this 2-core machine, where the bot, its worker threads and this load generator share the cores); "first to last arrival" is the pacing alone: a channel\'s first post to its last, where the test server received them.',
      'With 200 ms posts the test server holds each post before answering and does not apply its 1/s check; both rows are measured where posts reach it: the longest span from the first post of a channel to its last, and the shortest gap between two posts of one channel.',
    ],
  };
}
