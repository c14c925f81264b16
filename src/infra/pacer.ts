// Pacing and retries for every Web API call — the only place either happens.
//
// * chat.postMessage: one queue per channel at about one message per second (Slack's
//   per-channel limit), so channels never wait on each other. Spacing counts from when
//   the previous post arrived, as Slack's limit does: from its start, or from the ts Slack
//   gave it (post-spacing.ts).
// * chat.postEphemeral (private secret warnings) has its own queue and budget, so it never
//   delays a channel reply.
// * other methods: per-method budgets by Slack's rate-limit tier.
// * 429: only the queue that got it waits, for exactly Retry-After.
// * 5xx, resets, timeouts: retried with jittered exponential backoff within a budget.
// With several replicas, `shared` spaces chat.postMessage per channel across all of them.

import Bottleneck from 'bottleneck';
import type { Logger } from './logger';
import { PostSpacing } from './post-spacing';
import { classifyFailure } from './slack-errors';
import { metrics, queueProbes, type QueueProbe } from './metrics';

export interface SharedTurns {
  /** Resolves when this replica may post to `key` without exceeding the shared rate. */
  wait(key: string): Promise<void>;
}

export interface RetryPolicy {
  maxAttempts: number;
  /** Give up once this much time has passed since the first attempt. */
  budgetMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface PacerOptions {
  logger: Logger;
  shared?: SharedTurns;
  retry?: Partial<RetryPolicy>;
  /** Minimum spacing of chat.postMessage per channel. */
  perChannelIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Calls per minute by method, from Slack's rate-limit tiers (docs.slack.dev/apis/web-api/rate-limits). */
const TIER_PER_MINUTE: Record<string, number> = {
  'chat.update': 50, // Tier 3
  'chat.postEphemeral': 100, // Tier 4
  'chat.getPermalink': 100, // Tier 4
  'conversations.replies': 50, // Tier 3
  'views.open': 100, // Tier 4
  'views.publish': 100,
  'files.info': 100,
};
const DEFAULT_PER_MINUTE = 20; // Tier 2

const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 8,
  budgetMs: 120_000,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
};

/** Methods that put a message in front of someone (what `tfauth_replies_posted_total` counts). */
const POSTS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'views.open']);

export class SlackPacer {
  private readonly channels: Bottleneck.Group;
  private readonly methods = new Map<string, Bottleneck>();
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Running counters for /healthz and the bench. */
  readonly stats = { calls: 0, retries: 0, rateLimited: 0, gaveUp: 0 };

  constructor(private readonly options: PacerOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.spacing = new PostSpacing(options.perChannelIntervalMs ?? 1000);
    // One post at a time per channel; idle channel queues are dropped after 5 minutes.
    this.channels = new Bottleneck.Group({ maxConcurrent: 1, timeout: 300_000 });
  }

  private readonly spacing: PostSpacing;

  /** Calls scheduled but not started yet: id → when scheduled (for the queue metrics). */
  private readonly waiting = new Map<number, number>();
  private nextId = 0;
  private readonly probe: QueueProbe = () => ({
    depth: this.waiting.size,
    ...(this.waiting.size > 0 ? { oldestSince: this.waiting.values().next().value } : {}),
  });

  schedule<T>(method: string, channel: string | undefined, work: () => Promise<T>): Promise<T> {
    this.stats.calls++;
    const id = this.nextId++;
    this.waiting.set(id, Date.now());
    queueProbes.add(this.probe);
    const call = (): Promise<T> => {
      this.waiting.delete(id);
      return work();
    };
    if (method === 'chat.postMessage' && channel) {
      const run = async () => {
        const wait = this.spacing.waitFor(channel);
        if (wait > 0) await this.sleep(wait);
        if (this.options.shared) await this.options.shared.wait(channel);
        const attempt = async () => {
          this.spacing.started(channel);
          try {
            const res = await call();
            // Slack's ts says when the post arrived (post-spacing.ts).
            this.spacing.finished(channel, true, (res as { ts?: unknown } | undefined)?.ts);
            return res;
          } catch (err) {
            this.spacing.finished(channel, false);
            throw err;
          }
        };
        return this.withRetries(method, channel, attempt);
      };
      return this.channels.key(channel).schedule(run);
    }
    return this.methodLimiter(method).schedule(() => this.withRetries(method, channel, call));
  }

  retrying<T>(method: string, call: () => Promise<T>): Promise<T> {
    this.stats.calls++;
    return this.withRetries(method, undefined, call);
  }

  private methodLimiter(method: string): Bottleneck {
    let limiter = this.methods.get(method);
    if (!limiter) {
      const perMinute = TIER_PER_MINUTE[method] ?? DEFAULT_PER_MINUTE;
      limiter = new Bottleneck({
        maxConcurrent: 20,
        reservoir: perMinute,
        reservoirRefreshAmount: perMinute,
        reservoirRefreshInterval: 60_000,
      });
      this.methods.set(method, limiter);
    }
    return limiter;
  }

  /** Runs inside the queue's slot, so a 429 pauses that queue only. */
  private async withRetries<T>(
    method: string,
    channel: string | undefined,
    call: () => Promise<T>,
  ): Promise<T> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      const end = metrics.slackLatency.startTimer({ method });
      try {
        const res = await call();
        end({ outcome: 'ok' });
        if (POSTS.has(method)) metrics.repliesPosted.inc({ method });
        return res;
      } catch (err) {
        end({ outcome: 'error' });
        const failure = classifyFailure(err);
        const elapsed = Date.now() - started;
        if (failure.kind === 'final') throw err;
        let delay: number;
        if (failure.kind === 'rate_limited') {
          this.stats.rateLimited++;
          metrics.slackRateLimited.inc({ method });
          delay = failure.retryAfterSec * 1000;
        } else {
          delay = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
          delay = delay / 2 + Math.random() * (delay / 2);
        }
        if (attempt >= this.retry.maxAttempts || elapsed + delay > this.retry.budgetMs) {
          this.stats.gaveUp++;
          throw err;
        }
        this.stats.retries++;
        metrics.slackRetries.inc({ method });
        this.options.logger.warn('slack api call will be retried', {
          method,
          channel,
          attempt,
          failure: failure.kind,
          delayMs: Math.round(delay),
        });
        await this.sleep(delay);
      }
    }
  }

  async stop(): Promise<void> {
    queueProbes.delete(this.probe);
    await Promise.all([...this.methods.values()].map((l) => l.stop({ dropWaitingJobs: false })));
    await Promise.all(
      this.channels.limiters().map(({ limiter }) => limiter.stop({ dropWaitingJobs: false })),
    );
  }
}
