// @tfauth mentions in a thread, end to end through the Slack test server.

import { appMentionEvent, eventCallback, messageEvent, SLACK_IDS } from '@tfauth/slack-test-server';
import { startTestBot, type TestBot } from '../support/bot';

const INVALID_KEY =
  'Error: Retrieving AWS account details: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: f42d6dfd-ad70-4750-8764-5b359ee9c783, api error InvalidClientTokenId: The security token included in the request is invalid.'; // corpus gh-unresolved-19985207723-1

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ mode: 'http' });
});
afterAll(async () => {
  await t.stop();
});
afterEach(() => {
  t.slack.onMethod('conversations.replies', undefined);
  t.slack.reset();
});

async function send(event: { type: string }) {
  const res = await t.http.sendEvent(eventCallback(event));
  expect(res.status).toBe(200);
}

/** The test server stores only the bot's messages: the user's paste is served from here. */
function parentIs(text: string, ts: string) {
  t.slack.onMethod('conversations.replies', () => ({
    ok: true,
    messages: [{ type: 'message', user: 'U0PASTER', text, ts }],
    has_more: false,
  }));
}

describe('@tfauth in a thread', () => {
  it('answers the auth paste above it in the thread', async () => {
    const parent = messageEvent({ text: INVALID_KEY, user: 'U0PASTER' });
    parentIs(parent.text, parent.ts);
    await send(appMentionEvent({ text: 'what is this?', thread_ts: parent.ts }));
    const call = await t.slack.waitFor('chat.postMessage');
    await t.bot.context.inFlight.settled();
    expect(call.args.thread_ts).toBe(parent.ts);
    expect(String(call.args.text)).toContain('AWS does not recognise the access key');
    expect(t.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('does not answer twice when the paste was already answered', async () => {
    const parent = messageEvent({ text: INVALID_KEY, user: 'U0PASTER' });
    await send(parent);
    await t.slack.waitFor('chat.postMessage');
    await t.bot.context.inFlight.settled();
    parentIs(parent.text, parent.ts);
    await send(appMentionEvent({ text: 'again?', thread_ts: parent.ts }));
    await t.bot.context.inFlight.settled();
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('under ordinary chat: a private answer to the mentioner only', async () => {
    const parent = messageEvent({ text: 'lunch at noon?', user: 'U0PASTER' });
    parentIs(parent.text, parent.ts);
    await send(appMentionEvent({ text: 'check this', thread_ts: parent.ts }));
    const call = await t.slack.waitFor('chat.postEphemeral');
    await t.bot.context.inFlight.settled();
    expect(call.args.user).toBe(SLACK_IDS.userId);
    expect(call.args.thread_ts).toBe(parent.ts);
    expect(String(call.args.text)).toMatch(/^tfauth: /);
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('outside a thread, without a paste: says privately how to use it', async () => {
    await send(appMentionEvent({ text: 'hello' }));
    const call = await t.slack.waitFor('chat.postEphemeral');
    await t.bot.context.inFlight.settled();
    expect(String(call.args.text)).toContain('Mention tfauth in the thread');
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
