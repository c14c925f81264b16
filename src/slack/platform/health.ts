// The operator's endpoints: /healthz (every dependency, as before), /livez (the process can
// answer at all: restart me only if this fails), /readyz (send me traffic: Slack reachable and
// accepting work), /metrics (Prometheus).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { StsService } from '../../aws/sts-service';
import type { InFlight } from '../../infra/in-flight';
import { registry } from '../../infra/metrics';
import type { Runtime } from '../../infra/runtime';
import { unexpectedRejections } from '../../infra/unexpected';

export type Check = () =>
  Promise<{ ok: boolean; detail?: string }> | { ok: boolean; detail?: string };

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

async function runChecks(
  checks: Record<string, Check>,
): Promise<Record<string, { ok: boolean; detail?: string }>> {
  const results: Record<string, { ok: boolean; detail?: string }> = {};
  for (const [name, check] of Object.entries(checks)) {
    try {
      results[name] = await check();
    } catch (err) {
      results[name] = { ok: false, detail: (err as Error).message };
    }
  }
  return results;
}

function json(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * `critical` checks decide the status code (503 means "restart or route away from me");
 * the others only mark the answer `degraded`: tfauth keeps working without Redis or STS,
 * and a liveness probe must not restart every replica during a Redis outage.
 */
export function healthHandler(
  checks: Record<string, Check>,
  status: () => Record<string, unknown>,
  critical: readonly string[] = ['slack'],
): Handler {
  return async (_req, res) => {
    const results = await runChecks(checks);
    const ok = Object.values(results).every((r) => r.ok);
    const alive = critical.every((name) => results[name]?.ok !== false);
    json(res, alive ? 200 : 503, { status: ok ? 'ok' : 'degraded', ...status(), checks: results });
  };
}

/** Ready: every check in `checks` holds (Slack reachable, accepting work, intake writable). */
export function readinessHandler(checks: Record<string, Check>): Handler {
  return async (_req, res) => {
    const results = await runChecks(checks);
    const ready = Object.values(results).every((r) => r.ok);
    json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: results });
  };
}

/** Live: the event loop answers. Nothing outside the process can make this fail. */
export const livenessHandler: Handler = (_req, res) => {
  json(res, 200, { status: 'live' });
  return Promise.resolve();
};

export const metricsHandler: Handler = async (_req, res) => {
  const body = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
  res.end(body);
};

export interface ProbeRoute {
  path: string;
  handler: Handler;
}

export function probeRoutes(health: Handler, ready: Handler): ProbeRoute[] {
  return [
    { path: '/healthz', handler: health },
    { path: '/livez', handler: livenessHandler },
    { path: '/readyz', handler: ready },
    { path: '/metrics', handler: metricsHandler },
  ];
}

/** The bot's probes: /healthz over every dependency, /readyz over Slack and accepting work. */
export function botProbes(deps: {
  mode: 'http' | 'socket';
  slack: Check;
  runtime: Runtime;
  inFlight: InFlight;
  sts: StsService;
  /** Extra /healthz checks (tests). */
  extra?: Record<string, Check>;
}): ProbeRoute[] {
  const { runtime, inFlight, sts } = deps;
  const health = healthHandler(
    {
      slack: deps.slack,
      redis: () => runtime.redisState(),
      outcomes: () => runtime.outcomes.health(),
      intake: () => runtime.intake.health(),
      sts: () => sts.health(),
      ...deps.extra,
    },
    () => ({
      mode: deps.mode,
      inFlight: inFlight.size,
      accepting: inFlight.isAccepting,
      pacer: runtime.pacer.stats,
      unhandledRejections: unexpectedRejections(),
      intake: { pending: runtime.intake.pending(), ...runtime.intake.stats },
    }),
  );
  const ready = readinessHandler({
    slack: deps.slack,
    accepting: () => ({
      ok: inFlight.isAccepting,
      detail: inFlight.isAccepting ? 'yes' : 'stopping',
    }),
  });
  return probeRoutes(health, ready);
}

/** Runs a route's handler; a failing handler answers 500 instead of leaving the probe hanging. */
export function serve(route: ProbeRoute, req: IncomingMessage, res: ServerResponse): void {
  route.handler(req, res).catch(() => {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
}

/** In Socket Mode there is no Slack-facing HTTP server; this one serves only the probes. */
export async function startHealthServer(port: number, routes: ProbeRoute[]): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const route = req.method === 'GET' ? routes.find((r) => r.path === path) : undefined;
    if (route) return serve(route, req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return server;
}
