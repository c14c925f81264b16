// The playground listens on 127.0.0.1 only — the page, the tfauth app and the Slack stand-in —
// and says so; its page loads nothing from elsewhere.

import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { startPlayground, type Playground } from '../../playground/playground';

let pg: Playground;
beforeAll(async () => {
  pg = await startPlayground();
}, 30_000);
afterAll(async () => pg?.stop());

/** This machine's first non-loopback IPv4 address, if it has one. */
function outsideAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return undefined;
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

it('serves the page, the app and the Slack stand-in on 127.0.0.1, and nowhere else', async () => {
  const ports = [new URL(pg.url).port, String(pg.bot.port), new URL(pg.slack.baseUrl).port].map(
    Number,
  );
  expect(new URL(pg.url).hostname).toBe('127.0.0.1');
  for (const port of ports) expect(await reachable('127.0.0.1', port)).toBe(true);
  // A server listening on every interface answers on the IPv6 loopback (and the LAN address) too.
  const others = ['::1', outsideAddress()].filter((a): a is string => a !== undefined);
  for (const host of others)
    for (const port of ports)
      expect([host, port, await reachable(host, port)]).toEqual([host, port, false]);
});

it('says on the page that nothing leaves the machine, and loads nothing from elsewhere', async () => {
  const res = await fetch(pg.url);
  const html = await res.text();
  expect(html).toContain('Nothing you');
  expect(html).toContain('leaves this machine');
  expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(html).not.toMatch(/(src|href)="https?:/);
});
