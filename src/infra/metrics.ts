// Prometheus metrics (GET /metrics). One registry per process, as Prometheus expects of a
// scrape target: every part of the bot records into it with a one-line call, and replicas are
// told apart by the scraper's `instance` label, not by us.

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'tfauth_' });

/** What each live pacer has waiting: how many calls, and since when the oldest. */
export type QueueProbe = () => { depth: number; oldestSince?: number };
export const queueProbes = new Set<QueueProbe>();

function queueState(): { depth: number; oldestAgeSeconds: number } {
  let depth = 0;
  let oldest = Infinity;
  for (const probe of queueProbes) {
    const p = probe();
    depth += p.depth;
    if (p.oldestSince !== undefined) oldest = Math.min(oldest, p.oldestSince);
  }
  return { depth, oldestAgeSeconds: oldest === Infinity ? 0 : (Date.now() - oldest) / 1000 };
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const metrics = {
  eventsReceived: new Counter({
    name: 'tfauth_events_received_total',
    help: 'Slack requests received, by kind (message, command, action, view, shortcut, other).',
    labelNames: ['kind'] as const,
    registers: [registry],
  }),
  eventsAcked: new Counter({
    name: 'tfauth_events_acked_total',
    help: 'Slack requests acknowledged, by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  }),
  eventsProcessed: new Counter({
    name: 'tfauth_events_processed_total',
    help: 'Slack requests whose work finished, by kind and result (replied, silent, failed).',
    labelNames: ['kind', 'result'] as const,
    registers: [registry],
  }),
  queueDepth: new Gauge({
    name: 'tfauth_queue_depth',
    help: 'Slack calls waiting in the pacer.',
    registers: [registry],
    collect() {
      this.set(queueState().depth);
    },
  }),
  queueOldestSeconds: new Gauge({
    name: 'tfauth_queue_oldest_age_seconds',
    help: 'Age of the oldest Slack call waiting in the pacer.',
    registers: [registry],
    collect() {
      this.set(queueState().oldestAgeSeconds);
    },
  }),
  repliesPosted: new Counter({
    name: 'tfauth_replies_posted_total',
    help: 'Messages tfauth posted or updated, by Slack method.',
    labelNames: ['method'] as const,
    registers: [registry],
  }),
  slackRetries: new Counter({
    name: 'tfauth_slack_retries_total',
    help: 'Slack calls retried after a failure, by method.',
    labelNames: ['method'] as const,
    registers: [registry],
  }),
  slackRateLimited: new Counter({
    name: 'tfauth_slack_rate_limited_total',
    help: 'Slack answers with HTTP 429, by method.',
    labelNames: ['method'] as const,
    registers: [registry],
  }),
  slackLatency: new Histogram({
    name: 'tfauth_slack_call_duration_seconds',
    help: 'Latency of Slack Web API calls, by method and outcome (ok, error).',
    labelNames: ['method', 'outcome'] as const,
    buckets: SECONDS,
    registers: [registry],
  }),
  diagnosisLatency: new Histogram({
    name: 'tfauth_diagnosis_duration_seconds',
    help: 'Time the engine took for one paste.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  }),
  classesAnswered: new Counter({
    name: 'tfauth_answers_total',
    help: 'Diagnoses answered, by class id and surface (channel, private).',
    labelNames: ['class', 'surface'] as const,
    registers: [registry],
  }),
  secretsFound: new Counter({
    name: 'tfauth_secrets_found_total',
    help: 'Secrets found in pastes (their kind only), by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  }),
  decodes: new Counter({
    name: 'tfauth_decodes_total',
    help: 'Requests to decode an authorization message, by result (allowed, refused, failed).',
    labelNames: ['result'] as const,
    registers: [registry],
  }),
  unexpectedErrors: new Counter({
    name: 'tfauth_unexpected_errors_total',
    help: 'Errors no handler expected (unhandled rejections, listener errors).',
    labelNames: ['where'] as const,
    registers: [registry],
  }),
};

/** One diagnosis answered on a surface: its class (when answered) and the kinds of secret in it. */
export function countDiagnosis(
  d: { classId: string; secrets: Array<{ kind: string }> },
  surface: 'channel' | 'private',
  answered: boolean,
): void {
  if (answered) metrics.classesAnswered.inc({ class: d.classId, surface });
  for (const s of d.secrets) metrics.secretsFound.inc({ kind: s.kind });
}

/** Times `work` into a histogram; returns its result. */
export function timed<T>(histogram: Histogram, work: () => T): T {
  const end = histogram.startTimer();
  try {
    return work();
  } finally {
    end();
  }
}
