// Private secret warnings have their own queue and budget: a warning Slack is slow to take
// never holds the channel reply behind it.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventCallback, messageEvent } from '@tfauth/slack-test-server';
import { startTestBot, type TestBot } from '../support/bot';
import { eventually } from '../support/bot-process';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'; // AWS documentation's example secret
const PASTE = `Error: failed to get shared config profile, prod\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=${SECRET}`;

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t.stop();
});

it('posts the channel reply while the private warning is still held by Slack', async () => {
  t.slack.failNext('chat.postEphemeral', { delayMs: 1500 });
  const msg = messageEvent({ text: PASTE });
  await t.http.sendEvent(eventCallback(msg));
  const replied = () => t.slack.messages(msg.channel).some((m) => m.thread_ts === msg.ts);
  expect(await eventually(replied, 10_000)).toBe(true);
  // The warning's call is recorded when Slack answers it: not yet.
  expect(t.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
  await t.bot.context.inFlight.settled();
  expect(t.slack.callsTo('chat.postEphemeral')).toHaveLength(1);
});

it('keeps the pasted secret out of the durable journal (entries are sealed)', async () => {
  const dir = t.config.dataDir;
  const journal = readdirSync(dir)
    .filter((f) => f.startsWith('intake'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  expect(journal.length).toBeGreaterThan(0);
  expect(journal).not.toContain(SECRET);
  expect(journal).not.toContain('AKIAIOSFODNN7EXAMPLE');
});
