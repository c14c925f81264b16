// The edge: whatever arrives at /slack/events gets a 4xx or is ignored — never a crash, a
// hang, or a lost reply for the next, valid message.

import { eventCallback, messageEvent } from '@tfauth/slack-test-server';
import { startTestBot, type TestBot } from '../support/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t.stop();
});

it.each([
  ['malformed JSON', '{"type":"event_callback", oops', 'application/json', 400],
  ['a wrong content type', 'hello', 'text/plain', 400],
  ['a form without a payload', 'foo=bar', 'application/x-www-form-urlencoded', 400],
  ['a payload that is not JSON', 'payload=%7Bnope', 'application/x-www-form-urlencoded', 400],
  ['a JSON array', '[1,2,3]', 'application/json', 400],
  ['an unknown envelope type', '{"type":"weird_type"}', 'application/json', 400],
])('%s gets a 4xx', async (_name, body, contentType, status) => {
  const res = await t.http.sendRaw(body, contentType);
  expect(res.status).toBe(status);
});

it('events and interactions of types tfauth does not handle are acknowledged and ignored', async () => {
  const reaction = eventCallback({
    type: 'reaction_added',
    user: 'U0USER',
    reaction: 'eyes',
    item: { type: 'message', channel: 'C0CHAN', ts: '1.1' },
    event_ts: '1.2',
  });
  expect((await t.http.sendEvent(reaction)).status).toBe(200);
  const dialog = await t.http.sendInteraction({
    type: 'dialog_submission',
    callback_id: 'x',
    user: { id: 'U0USER' },
    team: { id: 'T0TEAM' },
  });
  expect(dialog.status).toBeGreaterThanOrEqual(200);
  expect(dialog.status).toBeLessThan(500);
});

it('answers the URL verification challenge', async () => {
  const res = await t.http.sendEvent({ type: 'url_verification', challenge: 'c-123', token: 'x' });
  expect(res.json).toEqual({ challenge: 'c-123' });
});

it('after all of that, a real paste still gets its reply', async () => {
  await t.http.sendEvent(
    eventCallback(messageEvent({ text: 'Error: failed to get shared config profile, prod' })),
  );
  await t.slack.waitFor('chat.postMessage');
  const health = await fetch(`http://127.0.0.1:${t.bot.port}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({
    status: 'ok',
    checks: { slack: { ok: true }, redis: { ok: true }, sts: { ok: true, detail: 'off' } },
  });
});

// Last: Bolt closes the connection after refusing a body, which a pooled client would notice.
it('an oversized body gets 413 without being read into memory', async () => {
  const res = await t.http.sendRaw(
    JSON.stringify({ type: 'event_callback', pad: 'x'.repeat(2 * 1024 * 1024) }),
    'application/json',
  );
  expect(res.status).toBe(413);
});
