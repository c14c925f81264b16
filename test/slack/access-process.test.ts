// No request takes the process down (issue 11, part 5): the app as `npm start` runs it
// (node dist/main.js), sent a validly signed body that is the JSON literal `null`.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  eventCallback,
  messageEvent,
  SlackHttpClient,
  SlackTestServer,
} from '@tfauth/slack-test-server';
import { SIGNING_SECRET, testEnv } from '../support/bot';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

let slack: SlackTestServer;
let child: ChildProcess | undefined;
beforeAll(async () => {
  slack = await SlackTestServer.start();
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await slack.close();
});

it('a validly signed `null` body gets 400; the process keeps running and answering', async () => {
  child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, ...testEnv('http', slack.apiUrl) },
    cwd: join(__dirname, '..', 'fixtures'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const port = await new Promise<number>((resolve, reject) => {
    let buf = '';
    child?.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /"msg":"tfauth started"[^\n]*"port":(\d+)/.exec(buf);
      if (m) resolve(Number(m[1]));
    });
    child?.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
  });
  const http = new SlackHttpClient(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);

  const res = await http.sendRaw('null', 'application/json');
  expect(res.status).toBe(400);
  await new Promise((r) => setTimeout(r, 300));
  expect(exited).toBeUndefined();

  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(health.status).toBe(200);
  const ok = await http.sendEvent(
    eventCallback(messageEvent({ text: 'Error: failed to get shared config profile, prod' })),
  );
  expect(ok.status).toBe(200);
  await slack.waitFor('chat.postMessage');
});
