// The app started exactly as `npm start` starts it (node dist/main.js), as a child process.

import { once } from 'node:events';
import {
  eventCallback,
  messageEvent,
  SlackHttpClient,
  SlackTestServer,
} from '@tfauth/slack-test-server';
import { SIGNING_SECRET, testEnv } from '../support/bot';
import { eventually, spawnMain, startBotProcess } from '../support/bot-process';

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
  const main = await startBotProcess(testEnv('http', slack.apiUrl));
  const health = await fetch(`http://127.0.0.1:${main.port}/healthz`);
  expect(health.status).toBe(200);

  slack.failNext('chat.postMessage', { delayMs: 1000 });
  const http = new SlackHttpClient(`http://127.0.0.1:${main.port}/slack/events`, SIGNING_SECRET);
  const res = await http.sendEvent(
    eventCallback(messageEvent({ text: 'Error: failed to get shared config profile, prod' })),
  );
  expect(res.status).toBe(200);
  // The bot logs its verdict just before calling chat.postMessage (which the server holds for 1 s).
  expect(
    await eventually(() => main.stdout.join('').includes('"msg":"message diagnosed"'), 5000),
  ).toBe(true);
  main.child.kill('SIGTERM');
  const [code] = (await once(main.child, 'exit')) as [number];
  expect(code).toBe(0);
  expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  expect(main.stdout.join('')).toContain('"msg":"shutting down');
});
