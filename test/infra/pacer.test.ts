// The pacer on its own, on a fake clock (the fast layer under delivery.test.ts and
// replicas.test.ts, which drive it through the real WebClient and the Slack test server):
// per-channel spacing counted from when posts start, a 429 pausing only its own queue for
// exactly Retry-After, retries within their limits, and failures that are never retried.

import { createLogger } from '../../src/infra/logger';
import { SlackPacer } from '../../src/infra/pacer';
import { PostSpacing } from '../../src/infra/post-spacing';

// WebClient's error shapes, as classifyFailure reads them.
const rateLimited = (retryAfter: number) =>
  Object.assign(new Error('ratelimited'), { code: 'slack_webapi_rate_limited_error', retryAfter });
const http503 = () =>
  Object.assign(new Error('503'), { code: 'slack_webapi_http_error', statusCode: 503 });
const notInChannel = () =>
  Object.assign(new Error('not_in_channel'), {
    code: 'slack_webapi_platform_error',
    data: { error: 'not_in_channel' },
  });

const logger = createLogger({ level: 'error', write: () => undefined });

describe('PostSpacing', () => {
  it('spaces a channel from the start of its previous post (interval + 2%, at most 20 ms more)', () => {
    let now = 0;
    const spacing = new PostSpacing(1000, () => now);
    expect(spacing.waitFor('C1')).toBe(0);
    spacing.started('C1');
    now = 100; // a 100 ms round trip, counted from the answer until round trips are known
    spacing.finished('C1', true);
    expect(spacing.waitFor('C1')).toBe(1020);
    expect(spacing.waitFor('C2')).toBe(0); // other channels never wait
  });

  it('once round trips are known, counts from the start, unless a slow answer says the post arrived later', () => {
    let now = 0;
    const spacing = new PostSpacing(1000, () => now);
    for (let i = 0; i < 5; i++) {
      spacing.started('C1');
      now += 10; // shortest round trip: 10 ms
      spacing.finished('C1', true);
      now += 2000;
    }
    spacing.started('C1');
    now += 10;
    spacing.finished('C1', true);
    expect(spacing.waitFor('C1')).toBe(1020 - 10); // from the start
    now += 1010 - 10;
    spacing.started('C1');
    now += 500; // a slow one: it may have reached Slack up to 490 ms after it started
    spacing.finished('C1', true);
    // From its answer less the shortest round trip (1020 - 10), not from its start (520 more).
    expect(spacing.waitFor('C1')).toBe(1010);
  });
});

describe('SlackPacer', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  /** Runs `promise` to the end on the fake clock; returns how long it took and its outcome. */
  async function timed<T>(
    promise: Promise<T>,
  ): Promise<{ ms: number; value?: T; error?: unknown }> {
    const started = Date.now();
    let outcome: { value?: T; error?: unknown } | undefined;
    promise.then(
      (value) => (outcome = { value }),
      (error: unknown) => (outcome = { error }),
    );
    while (!outcome) await jest.advanceTimersByTimeAsync(10);
    return { ms: Date.now() - started, ...outcome };
  }

  it('a 429 in one channel waits exactly Retry-After there; another channel posts meanwhile', async () => {
    const pacer = new SlackPacer({ logger, perChannelIntervalMs: 0 });
    const at = { C1: [] as number[], C2: [] as number[] };
    let first = true;
    const post = (channel: 'C1' | 'C2') =>
      pacer.schedule('chat.postMessage', channel, async () => {
        at[channel].push(Date.now());
        if (channel === 'C1' && first) {
          first = false;
          throw rateLimited(2);
        }
        return { ok: true };
      });
    const [slow, fast] = await Promise.all([timed(post('C1')), timed(post('C2'))]);
    expect(slow.value).toEqual({ ok: true });
    expect(fast.value).toEqual({ ok: true });
    const [tried, retried] = at.C1;
    expect((retried ?? 0) - (tried ?? 0)).toBeGreaterThanOrEqual(2000);
    expect((retried ?? 0) - (tried ?? 0)).toBeLessThan(2100);
    expect(at.C2).toHaveLength(1);
    expect(at.C2[0]).toBeLessThan(100);
    expect(pacer.stats).toMatchObject({ rateLimited: 1, retries: 1, gaveUp: 0 });
    await timed(pacer.stop());
  });

  it('posts of one channel go one at a time, spaced by the interval', async () => {
    const pacer = new SlackPacer({ logger, perChannelIntervalMs: 1000 });
    const starts: number[] = [];
    const posts = Array.from({ length: 3 }, () =>
      timed(
        pacer.schedule('chat.postMessage', 'C1', async () => {
          starts.push(Date.now());
          return { ok: true };
        }),
      ),
    );
    await Promise.all(posts);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(1000);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(1000);
    await timed(pacer.stop());
  });

  it('retries a 5xx with growing backoff up to maxAttempts, then gives up with the error', async () => {
    const pacer = new SlackPacer({
      logger,
      retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 10_000, budgetMs: 60_000 },
    });
    const attempts: number[] = [];
    const r = await timed(
      pacer.schedule('chat.update', 'C1', async () => {
        attempts.push(Date.now());
        throw http503();
      }),
    );
    expect((r.error as { statusCode?: number }).statusCode).toBe(503);
    expect(attempts).toHaveLength(4);
    // Jittered between half and all of 100, 200, 400 ms.
    const gaps = attempts.slice(1).map((t, i) => t - (attempts[i] as number));
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(50 * 2 ** i);
      expect(gap).toBeLessThanOrEqual(100 * 2 ** i + 10);
    });
    expect(pacer.stats).toMatchObject({ retries: 3, gaveUp: 1 });
    await timed(pacer.stop());
  });

  it('stops retrying when the next wait would pass the budget', async () => {
    const pacer = new SlackPacer({
      logger,
      retry: { maxAttempts: 100, baseDelayMs: 1000, maxDelayMs: 1000, budgetMs: 3000 },
    });
    let attempts = 0;
    const r = await timed(
      pacer.schedule('chat.update', 'C1', async () => {
        attempts++;
        throw http503();
      }),
    );
    expect(r.error).toBeDefined();
    expect(r.ms).toBeLessThanOrEqual(3000);
    expect(attempts).toBeGreaterThanOrEqual(3);
    await timed(pacer.stop());
  });

  it('never retries a final error (ok:false such as not_in_channel)', async () => {
    const pacer = new SlackPacer({ logger });
    let attempts = 0;
    const r = await timed(
      pacer.schedule('chat.postMessage', 'C1', async () => {
        attempts++;
        throw notInChannel();
      }),
    );
    expect((r.error as Error).message).toBe('not_in_channel');
    expect(attempts).toBe(1);
    expect(pacer.stats.retries).toBe(0);
    await timed(pacer.stop());
  });

  it('retries a call whose answer could not be read in time (a timeout while reading the body)', async () => {
    const pacer = new SlackPacer({ logger, retry: { baseDelayMs: 1 } });
    let attempts = 0;
    const r = await timed(
      pacer.schedule('conversations.replies', 'C1', async () => {
        attempts++;
        // What fetch throws when the WebClient's timeout signal aborts reading a body.
        if (attempts === 1)
          throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
        return 'ok';
      }),
    );
    expect(r.value).toBe('ok');
    expect(attempts).toBe(2);
    await timed(pacer.stop());
  });
});
