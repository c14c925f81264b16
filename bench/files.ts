// Shared files under load, for the Slack section (bench/slack.ts):
//  * a file storm (issue 11): 50 hostile 2 MB files shared at once, and a paste every 100 ms
//    while the bot works through them; every acknowledgement is timed.
//  * 200 events at once with 5 MB debug logs among them (issue 12), beside a bare Bolt app.

import { generate } from '../test/leak/generate';
import type { SlackTestServer } from '@tfauth/slack-test-server';
import { messageBody } from './events';
import { makeDebugLog, prng } from './fixtures';
import { postEvent, type AppProcess } from './processes';
import { quantile } from './stats';

const MB = 1024 * 1024;
const ACK_LIMIT_MS = 3000;

const repeatTo = (unit: string, size: number): string =>
  unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Pasted secrets of every kind and placement (test/leak/generate.ts) until `size`. */
function secretsGalore(size: number): string {
  const parts: string[] = [];
  let length = 0;
  for (const paste of generate(4000, { seed: 12 })) {
    parts.push(paste.text);
    length += paste.text.length + 1;
    if (length >= size) break;
  }
  return parts.join('\n').slice(0, size);
}

/** Text with no line breaks at all and random runs of value characters. */
function oneLongLine(size: number): string {
  const r = prng(11);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-.:';
  let s = '';
  while (s.length < size) {
    let run = '';
    for (let i = 0; i < 4096; i++) run += alphabet[Math.floor(r() * alphabet.length)];
    s += `token=${run} `;
  }
  return s.slice(0, size);
}

/** The shapes of issue 11 (and of test/diagnosis/secret-linearity.test.ts), `size` bytes each. */
export function hostileShapes(size = 2 * MB): Array<{ shape: string; text: string }> {
  return [
    { shape: 'eyJ-', text: repeatTo('eyJ-', size) },
    { shape: 'PEM headers', text: repeatTo('-----BEGIN RSA PRIVATE KEY-----\n', size) },
    {
      shape: 'PEM header, no footer',
      text: repeatTo('-----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', size),
    },
    { shape: 'assignments', text: repeatTo('aws_secret_access_key=aws_secret_access_key=', size) },
    { shape: 'URL credentials', text: repeatTo('https://u:p@https://u:p@', size) },
    { shape: 'one long line of tokens', text: oneLongLine(size) },
    { shape: 'secrets galore', text: secretsGalore(size) },
  ];
}

export interface AckStats {
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers that were not a 200 (Slack counts them as failures and retries the event). */
  refused: number;
  /** Slower than Slack's 3 s, or not a 200: events Slack would send again. */
  over3s: number;
}

export type Answer = { ms: number; status: number };

export function ackStats(answers: Answer[]): AckStats {
  const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
  const refused = answers.filter((a) => a.status !== 200).length;
  return {
    count: sorted.length,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? 0,
    refused,
    over3s: answers.filter((a) => a.status !== 200 || a.ms > ACK_LIMIT_MS).length,
  };
}

/** Sends every body at once; each answer is timed (non-200 answers are counted, not thrown). */
export async function burstAcks(app: AppProcess, bodies: string[]): Promise<AckStats> {
  return ackStats(await Promise.all(bodies.map((b) => postEvent(app.url, b))));
}

/** A file_share event: what Slack sends when someone uploads `file` with a comment. */
export function fileShareBody(channel: string, file: unknown, text = 'here is the log'): string {
  const body = JSON.parse(messageBody(channel, text)) as { event: Record<string, unknown> };
  Object.assign(body.event, {
    subtype: 'file_share',
    files: [file],
    upload: false,
    display_as_bot: false,
  });
  return JSON.stringify(body);
}

/** The bot's counter of finished message work (diagnosed: replied, silent or failed). */
export async function processedMessages(
  app: AppProcess,
): Promise<{ done: number; failed: number }> {
  const res = await fetch(`http://127.0.0.1:${app.port}/metrics`);
  const text = await res.text();
  let done = 0;
  let failed = 0;
  for (const m of text.matchAll(
    /^tfauth_events_processed_total\{kind="message",result="(\w+)"\} (\d+)/gm,
  )) {
    done += Number(m[2]);
    if (m[1] === 'failed') failed += Number(m[2]);
  }
  return { done, failed };
}

/** Waits until the bot's durable intake holds nothing (every reply posted). */
export async function idle(app: AppProcess, limitMs = 120_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const res = await fetch(`http://127.0.0.1:${app.port}/healthz`);
    const health = (await res.json()) as { intake?: { pending?: number } };
    if ((health.intake?.pending ?? 0) === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface StormResult {
  shares: AckStats;
  /** Pastes sent every 100 ms while the files were being read. */
  during: AckStats;
  all: AckStats;
  /** From the first share until every share and paste was diagnosed (tfauth only). */
  seconds: number;
  /** Message work that failed (a diagnosis stopped, a download failed…). */
  failed: number;
}

/**
 * Shares `files` (one event each) all at once and sends `paste()` every 100 ms until the
 * bot has diagnosed everything — or, for an app with no /metrics (the bare Bolt baseline),
 * for `seconds`. Every request's acknowledgement time is kept.
 */
export async function fileStorm(
  app: AppProcess,
  shares: string[],
  paste: (i: number) => string,
  options: { counts: boolean; seconds?: number; limitSeconds?: number },
): Promise<StormResult> {
  const before = options.counts ? await processedMessages(app) : { done: 0, failed: 0 };
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const during: Answer[] = [];
  const inFlight: Array<Promise<void>> = [];
  const shared = Promise.all(shares.map((b) => postEvent(app.url, b)));
  let sent = 0;
  let finished = false;
  let failed = 0;
  const limit = options.limitSeconds ?? 300;
  while (!finished) {
    const body = paste(sent++);
    inFlight.push(postEvent(app.url, body).then((a) => void during.push(a)));
    await new Promise((r) => setTimeout(r, 100));
    if (options.counts && sent % 5 === 0) {
      const now = await processedMessages(app);
      failed = now.failed - before.failed;
      finished = now.done - before.done >= shares.length + sent;
    } else if (!options.counts) finished = elapsed() >= (options.seconds ?? 10);
    if (elapsed() > limit) break;
  }
  const shareTimes = await shared;
  await Promise.all(inFlight);
  const seconds = elapsed();
  return {
    shares: ackStats(shareTimes),
    during: ackStats(during),
    all: ackStats([...shareTimes, ...during]),
    seconds,
    failed,
  };
}

/** Registers one file per body on the Slack test server and returns the share events. */
export function hostileShares(slack: SlackTestServer, count: number, size = 2 * MB): string[] {
  const shapes = hostileShapes(size);
  return Array.from({ length: count }, (_, i) => {
    const { shape, text } = shapes[i % shapes.length] as { shape: string; text: string };
    const file = slack.addFile({
      name: `${shape.replace(/\W+/g, '-')}-${i}.log`,
      content: text,
      filetype: 'text',
    });
    return fileShareBody(`C0F${i % 10}`, file);
  });
}

/** `count` 5 MB TF_LOG=TRACE logs ending in an auth failure (bench/fixtures.ts), as files. */
export function debugLogFiles(slack: SlackTestServer, count: number): unknown[] {
  const log = makeDebugLog(5 * MB);
  return Array.from({ length: count }, (_, i) =>
    slack.addFile({ name: `plan-${i}.log`, content: log, filetype: 'text' }),
  );
}
