// The app started exactly as `npm start` starts it (node dist/main.js), as a child process.

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import {
  eventCallback,
  messageEvent,
  SlackHttpClient,
  SlackTestServer,
} from '@tfauth/slack-test-server';
import { SIGNING_SECRET, testEnv } from '../support/bot';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

interface Started {
  child: ChildProcess;
  port: number;
  stdout: string[];
  stderr: string[];
}

function spawnMain(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, ...env },
    cwd: join(__dirname, '..', 'fixtures'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function startMain(env: Record<string, string>): Promise<Started> {
  const child = spawnMain(env);
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      stdout.push(d.toString());
      const m = /"msg":"tfauth started"[^\n]*"port":(\d+)/.exec(buf);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) =>
      reject(new Error(`exited early with ${code}: ${stderr.join('')}`)),
    );
  });
  return { child, port, stdout, stderr };
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

let slack: SlackTestServer;
beforeAll(async () => {
  slack = await SlackTestServer.start();
});
afterAll(async () => {
  await slack.close();
});

it('reports every invalid setting on its own line, without a stack trace, and exits 1', async () => {
  const child = spawnMain({
    SLACK_BOT_TOKEN: 'not-a-token',
    PORT: 'eighty',
    TFAUTH_MIN_CONFIDENCE: '2',
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  expect(code).toBe(1);
  expect(stderr).toContain('tfauth: SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
  expect(stderr).toContain('tfauth: SLACK_SIGNING_SECRET is required in HTTP mode');
  expect(stderr).toContain('tfauth: PORT must be a number');
  expect(stderr).toContain('tfauth: TFAUTH_MIN_CONFIDENCE must be a number from 0 to 1');
  expect(stderr).not.toMatch(/\n\s+at /);
});

it('serves events and /healthz over HTTP, and on SIGTERM finishes the reply in flight and exits 0', async () => {
  const main = await startMain(testEnv('http', slack.apiUrl));
  const health = await fetch(`http://127.0.0.1:${main.port}/healthz`);
  expect(health.status).toBe(200);

  slack.failNext('chat.postMessage', { delayMs: 1000 });
  const http = new SlackHttpClient(`http://127.0.0.1:${main.port}/slack/events`, SIGNING_SECRET);
  const res = await http.sendEvent(
    eventCallback(messageEvent({ text: 'Error: failed to get shared config profile, prod' })),
  );
  expect(res.status).toBe(200);
  // The bot logs its verdict just before calling chat.postMessage (which the server holds for 1 s).
  await until(() => main.stdout.join('').includes('"msg":"message diagnosed"'));
  main.child.kill('SIGTERM');
  const [code] = (await once(main.child, 'exit')) as [number];
  expect(code).toBe(0);
  expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  expect(main.stdout.join('')).toContain('"msg":"shutting down');
});
