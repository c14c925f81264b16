// No request takes the process down (issue 11, part 5): the app as `npm start` runs it
// (node dist/main.js), sent a validly signed body that is the JSON literal `null`.

import {
  eventCallback,
  messageEvent,
  SlackHttpClient,
  SlackTestServer,
} from '@tfauth/slack-test-server';
import { SIGNING_SECRET, testEnv } from '../support/bot';
import { startBotProcess, type BotProcess } from '../support/bot-process';

let slack: SlackTestServer;
let bot: BotProcess | undefined;
beforeAll(async () => {
  slack = await SlackTestServer.start();
});
afterAll(async () => {
  await bot?.kill();
  await slack.close();
});

it('a validly signed `null` body gets 400; the process keeps running and answering', async () => {
  bot = await startBotProcess(testEnv('http', slack.apiUrl));
  const { port } = bot;
  let exited: number | null | undefined;
  bot.child.once('exit', (code) => (exited = code));
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
