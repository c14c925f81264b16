// Resident memory of the bot while it takes 100,000 events: caches are bounded, so the
// curve must flatten (dedupe keeps at most 50,000 keys; per-channel queues expire).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlackTestServer } from '@tfauth/slack-test-server';
import { chatText, corpusPastes, messageBody } from './events';
import { botScript, pool, sendEvent, SIGNING_SECRET, startProcess } from './processes';
import type { BenchContext, Row, Section } from './types';

const MB = 1024 * 1024;

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
    TFAUTH_DATA_DIR: mkdtempSync(join(tmpdir(), 'tfauth-memory-')),
  });
  const total = ctx.options.quick ? 20_000 : 100_000;
  const checkpoints: Array<{ events: number; rss: number }> = [{ events: 0, rss: bot.rss() }];
  try {
    const step = total / 4;
    for (let done = 0; done < total; done += step) {
      ctx.log(`memory: events ${done}–${done + step}`);
      await pool(step, 32, async (i) => {
        const n = done + i;
        // A workspace of 500 channels; 1% auth pastes, spread over 200 of them so pacing (one reply
        // per channel per second) never holds replies back for long.
        const body =
          n % 100 === 0
            ? messageBody(`C0M${(n / 100) % 200}`, pastes[n % pastes.length] as string)
            : messageBody(`C0M${n % 500}`, chatText(n));
        await sendEvent(bot.url, body);
      });
      slack.reset(); // the test server's own records are not the bot's memory
      checkpoints.push({ events: done + step, rss: bot.rss() });
    }
  } finally {
    await bot.stop();
    await slack.close();
  }
  const first = checkpoints[1] as { rss: number };
  const last = checkpoints[checkpoints.length - 1] as { rss: number };
  const rows: Row[] = checkpoints.map((c) => ({
    name: `RSS after ${c.events.toLocaleString('en-US')} events`,
    value: c.rss / MB,
    unit: 'MiB',
  }));
  rows.push({
    name: `growth over the last ${(((checkpoints.length - 2) * total) / 4).toLocaleString('en-US')} events`,
    value: last.rss / MB - first.rss / MB,
    unit: 'MiB',
    baseline: { name: `RSS after ${(total / 4).toLocaleString('en-US')}`, value: first.rss / MB },
    target: 'flat (< 25% growth)',
    pass: last.rss < first.rss * 1.25,
  });
  return {
    title: 'Memory: resident set of the bot process over 100,000 events',
    rows,
    notes: [
      'Events: 500 channels, 99% chat (no reply), 1% auth pastes (in 200 of the channels) each answered in the thread; 32 requests in flight. RSS is read from /proc/<pid>/status of the bot process.',
    ],
  };
}
