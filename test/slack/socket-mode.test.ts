// Socket Mode end to end: the real SocketModeClient inside Bolt connects to the local
// test server's WebSocket endpoint, acks envelopes, and replies over the Web API.

import { eventCallback, messageEvent, SLACK_IDS } from '@tfauth/slack-test-server';
import { startTestBot, type TestBot } from '../support/bot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ mode: 'socket' });
});
afterAll(async () => {
  await t.stop();
});

it('acks the envelope and posts the reply in the thread', async () => {
  const msg = messageEvent({ text: 'Error: failed to get shared config profile, prod' });
  const ack = await t.slack.socket.send('events_api', eventCallback(msg));
  expect(ack.envelope_id).toBeTruthy();
  const call = await t.slack.waitFor('chat.postMessage');
  expect(call.args).toMatchObject({ channel: SLACK_IDS.channelId, thread_ts: msg.ts });
  expect(String(call.args.text)).toContain('profile');
});

it('answers once when Slack redelivers the envelope (retry_attempt)', async () => {
  t.slack.reset();
  const msg = messageEvent({
    text: 'api error ExpiredToken: The security token included in the request is expired',
  });
  await t.slack.socket.send('events_api', eventCallback(msg));
  await t.slack.socket.send('events_api', eventCallback(msg), {
    retryAttempt: 1,
    retryReason: 'timeout',
  });
  await t.bot.context.inFlight.settled();
  expect(t.slack.callsTo('chat.postMessage')).toHaveLength(1);
});

it('serves /healthz on PORT even without a Slack-facing HTTP server', async () => {
  const res = await fetch(`http://127.0.0.1:${t.bot.port}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok', mode: 'socket' });
});

it('/healthz answers 503 while the WebSocket is down and 200 again once it reconnects', async () => {
  const health = async () => {
    const res = await fetch(`http://127.0.0.1:${t.bot.port}/healthz`);
    const body = (await res.json()) as { checks: { slack: { ok: boolean; detail: string } } };
    return { status: res.status, slack: body.checks.slack };
  };
  t.slack.socket.dropConnection();
  let down = await health();
  for (let i = 0; i < 100 && down.status === 200; i++) {
    await new Promise((r) => setTimeout(r, 20));
    down = await health();
  }
  expect(down.status).toBe(503);
  expect(down.slack).toMatchObject({ ok: false, detail: expect.stringMatching(/^socket /) });

  await t.slack.socket.connected(15_000);
  let up = await health();
  for (let i = 0; i < 100 && up.status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 50));
    up = await health();
  }
  expect(up).toEqual({ status: 200, slack: { ok: true, detail: 'socket connected' } });
}, 30_000);
