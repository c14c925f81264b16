// GET /healthz: liveness plus the state of what the bot depends on.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Check = () =>
  Promise<{ ok: boolean; detail?: string }> | { ok: boolean; detail?: string };

/**
 * `critical` checks decide the status code (503 means "restart or route away from me");
 * the others only mark the answer `degraded`: tfauth keeps working without Redis or STS,
 * and a liveness probe must not restart every replica during a Redis outage.
 */
export function healthHandler(
  checks: Record<string, Check>,
  status: () => Record<string, unknown>,
  critical: readonly string[] = ['slack'],
) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const results: Record<string, { ok: boolean; detail?: string }> = {};
    for (const [name, check] of Object.entries(checks)) {
      try {
        results[name] = await check();
      } catch (err) {
        results[name] = { ok: false, detail: (err as Error).message };
      }
    }
    const ok = Object.values(results).every((r) => r.ok);
    const alive = critical.every((name) => results[name]?.ok !== false);
    res.writeHead(alive ? 200 : 503, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify({ status: ok ? 'ok' : 'degraded', ...status(), checks: results }));
  };
}

/** In Socket Mode there is no Slack-facing HTTP server; this one serves only /healthz. */
export async function startHealthServer(
  port: number,
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/healthz' || req.url?.startsWith('/healthz?'))) {
      handler(req, res).catch(() => {
        res.writeHead(500).end();
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return server;
}
