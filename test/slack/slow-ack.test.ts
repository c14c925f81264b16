// A slow acknowledgement is still an acknowledgement (issues 11 and 12). Under load (a burst,
// big files being read) the journal write that comes before an event's ack can take more than
// a second; Slack waits 3 s. The receiver's answer for payloads Bolt cannot route (a 400) must
// not overtake such an ack: a 400 makes Slack count a failure and deliver the event again.
// The delay is injected into the journal write; nothing here reads the clock.

import { loadConfig } from '../../src/infra/config';
import { createLogger } from '../../src/infra/logger';
import { createRuntime } from '../../src/infra/runtime';
import { eventCallback, messageEvent, SlackTestServer } from '@tfauth/slack-test-server';
import { startTestBot, testEnv, type TestBot } from '../support/bot';

const PASTE =
  'Error: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: 1f2e, api error ExpiredToken: The security token included in the request is expired';
const JOURNAL_DELAY_MS = 1500;

let slack: SlackTestServer;
let t: TestBot;

beforeAll(async () => {
  slack = await SlackTestServer.start();
  const env = testEnv('http', slack.apiUrl);
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const runtime = await createRuntime(loaded.config, createLogger({ level: 'error' }));
  const accept = runtime.intake.accept.bind(runtime.intake);
  runtime.intake.accept = async (kind, payload) => {
    await new Promise((r) => setTimeout(r, JOURNAL_DELAY_MS));
    await accept(kind, payload);
  };
  t = await startTestBot({ slack, env, botOptions: { runtime } });
});
afterAll(async () => {
  await t.stop();
  await slack.close();
});

it('an event whose journal write takes 1.5 s is acknowledged with 200 and answered once', async () => {
  const msg = messageEvent({ text: PASTE });
  const res = await t.http.sendEvent(eventCallback(msg));
  expect(res.status).toBe(200);
  await slack.waitFor('chat.postMessage', (c) => c.args.thread_ts === msg.ts);
  await t.bot.context.inFlight.settled();
  expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
});

it('a payload Bolt cannot route still gets its 400', async () => {
  const res = await t.http.sendRaw('{"type":"weird_type"}', 'application/json');
  expect(res.status).toBe(400);
});
