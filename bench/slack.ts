// The bot's Slack edge under load, next to a bare Bolt app with a no-op listener on the
// same receiver (bench/bare-bolt.ts), alternating rounds so both see the same machine.
//  * 200 events at once: ack time p50 / p99 (Slack's limit is 3 s).
//  * sustained stream: events/s and ack p50 / p99 (90% chat, 10% auth pastes).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlackTestServer } from '@tfauth/slack-test-server';
import { chatText, corpusPastes, messageBody } from './events';
import {
  bareScript,
  botScript,
  pool,
  sendEvent,
  SIGNING_SECRET,
  startProcess,
  type AppProcess,
} from './processes';
import { median, quantile } from './stats';
import type { BenchContext, Row, Section } from './types';

interface Round {
  p50: number;
  p99: number;
  perSecond: number;
}

async function burst(app: AppProcess, bodies: string[]): Promise<Round> {
  const started = performance.now();
  const times = await Promise.all(bodies.map((b) => sendEvent(app.url, b)));
  const seconds = (performance.now() - started) / 1000;
  const sorted = times.sort((a, b) => a - b);
  return {
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    perSecond: bodies.length / seconds,
  };
}

async function stream(app: AppProcess, bodies: string[], concurrency: number): Promise<Round> {
  const times: number[] = [];
  const started = performance.now();
  await pool(bodies.length, concurrency, async (i) => {
    times.push(await sendEvent(app.url, bodies[i] as string));
  });
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    perSecond: bodies.length / seconds,
  };
}

export async function run(ctx: BenchContext): Promise<Section> {
  const slack = await SlackTestServer.start();
  const pastes = corpusPastes(ctx.root).filter((p) => p.auth);
  const env = (extra: Record<string, string> = {}) => ({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    ...extra,
  });
  const apps = {
    tfauth: await startProcess(
      botScript(ctx.root),
      env({ TFAUTH_DATA_DIR: mkdtempSync(join(tmpdir(), 'tfauth-bench-')) }),
    ),
    bare: await startProcess(bareScript(ctx.root), env()),
  };
  const rounds = ctx.options.quick ? 2 : 4;
  const streamSize = ctx.options.quick ? 600 : 3000;
  const results = {
    burst: { tfauth: [] as Round[], bare: [] as Round[] },
    stream: { tfauth: [] as Round[], bare: [] as Round[] },
  };
  try {
    // Warm both up (JIT, connection pools).
    for (const app of Object.values(apps))
      await stream(
        app,
        Array.from({ length: 200 }, (_, i) => messageBody('C0WARM', chatText(i))),
        16,
      );
    for (let r = 0; r < rounds; r++) {
      const order: Array<'tfauth' | 'bare'> = r % 2 === 0 ? ['tfauth', 'bare'] : ['bare', 'tfauth'];
      for (const name of order) {
        ctx.log(`slack: round ${r + 1}/${rounds}, ${name}`);
        // 200 auth pastes at once, spread over 20 channels.
        const burstBodies = Array.from({ length: 200 }, (_, i) =>
          messageBody(`C0B${r}${i % 20}`, (pastes[i % pastes.length] as { text: string }).text),
        );
        results.burst[name].push(await burst(apps[name], burstBodies));
        const streamBodies = Array.from({ length: streamSize }, (_, i) =>
          messageBody(
            `C0S${r}${i % 50}`,
            i % 10 === 0 ? (pastes[i % pastes.length] as { text: string }).text : chatText(i),
          ),
        );
        results.stream[name].push(await stream(apps[name], streamBodies, 32));
        ctx.gc();
      }
    }
  } finally {
    await Promise.all(Object.values(apps).map((a) => a.stop()));
    await slack.close();
  }
  const med = (list: Round[], key: keyof Round) => median(list.map((x) => x[key]));
  const rows: Row[] = [
    {
      name: '200 events at once: ack p50',
      value: med(results.burst.tfauth, 'p50'),
      unit: 'ms',
      baseline: { name: 'bare Bolt', value: med(results.burst.bare, 'p50') },
    },
    {
      name: '200 events at once: ack p99',
      value: med(results.burst.tfauth, 'p99'),
      unit: 'ms',
      baseline: { name: 'bare Bolt', value: med(results.burst.bare, 'p99') },
      target: '< 3000 ms (Slack)',
      pass: med(results.burst.tfauth, 'p99') < 3000,
    },
    {
      name: 'event throughput',
      value: med(results.stream.tfauth, 'perSecond'),
      unit: 'events/s',
      baseline: { name: 'bare Bolt', value: med(results.stream.bare, 'perSecond') },
      target: '≥ 0.8× bare Bolt',
      pass: med(results.stream.tfauth, 'perSecond') >= 0.8 * med(results.stream.bare, 'perSecond'),
    },
    {
      name: 'stream: ack p50',
      value: med(results.stream.tfauth, 'p50'),
      unit: 'ms',
      baseline: { name: 'bare Bolt', value: med(results.stream.bare, 'p50') },
    },
    {
      name: 'stream: ack p99',
      value: med(results.stream.tfauth, 'p99'),
      unit: 'ms',
      baseline: { name: 'bare Bolt', value: med(results.stream.bare, 'p99') },
    },
  ];
  return {
    title: 'Slack edge: acks under load, tfauth vs a bare Bolt app',
    rows,
    notes: [
      `Both apps run as their own node processes on loopback, against the local Slack test server; rounds alternate (${rounds} each) and the median round is shown.`,
      '"200 events at once": 200 signed Events API requests, each a real auth paste from the dev corpus, sent concurrently; tfauth diagnoses and replies to every one (after the ack).',
      `"stream": ${streamSize} events per round, 32 in flight, 90% chat and 10% auth pastes over 50 channels.`,
    ],
  };
}
