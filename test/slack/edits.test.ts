// Edited pastes (message_changed), end to end over HTTP: tfauth's reply is updated in place
// with the edited text's diagnosis, or becomes one line once the edit holds no auth error;
// edits of messages older than 24 hours are left alone; an edit of a message tfauth never
// answered that now holds an auth error gets an ordinary reply — and each edit is journaled.

import {
  eventCallback,
  messageChangedEvent,
  messageEvent,
  validateBlocks,
  type StoredMessage,
} from '@tfauth/slack-test-server';
import { startTestBot, type TestBot } from '../support/bot';
import { click } from '../support/clicks';

// corpus gh-unresolved-19985207723-1
const INVALID_KEY =
  'Error: Retrieving AWS account details: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: f42d6dfd-ad70-4750-8764-5b359ee9c783, api error InvalidClientTokenId: The security token included in the request is invalid.';

// invented: the shape of aws-sdk-go-v2's shared-config error ("failed to get shared config
// profile, <name>") as test/slack/durability.test.ts pastes it
const PROFILE = 'Error: failed to get shared config profile, edits-test';

// The state-lock message of Terraform's S3 backend (messages.test.ts "silence"): not an auth error.
const STATE_LOCK =
  'Error: Error acquiring the state lock\nError message: ConditionalCheckFailedException: The conditional request failed';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ mode: 'http' });
});
afterAll(async () => {
  await t.stop();
});
afterEach(() => t.slack.reset());

async function send(event: { type: string }): Promise<void> {
  const res = await t.http.sendEvent(eventCallback(event));
  expect(res.status).toBe(200);
  await t.bot.context.inFlight.settled();
}

function repliesTo(ts: string, channel: string): StoredMessage[] {
  return t.slack.messages(channel).filter((m) => m.thread_ts === ts);
}

describe('an edited paste tfauth answered', () => {
  it('updates the reply in place with the diagnosis of the edited text', async () => {
    const msg = messageEvent({ text: INVALID_KEY });
    await send(msg);
    const [reply] = repliesTo(msg.ts, msg.channel);
    expect(reply?.text).toContain('does not recognise the access key');

    await send(messageChangedEvent(msg, PROFILE));
    const after = repliesTo(msg.ts, msg.channel);
    expect(after).toHaveLength(1); // updated, not a second reply
    expect(after[0]?.ts).toBe(reply?.ts);
    expect(t.slack.callsTo('chat.update')).toHaveLength(1);
    expect(after[0]?.text).toContain('profile named in the configuration does not exist');
    expect(JSON.stringify(after[0]?.blocks)).toContain('edits-test'); // the profile from the edit
    expect(validateBlocks(after[0]?.blocks ?? [], 'message')).toEqual([]);

    // …and the updated reply is still found as this message's reply: a second edit updates it again.
    await send(messageChangedEvent({ ...msg, text: PROFILE }, INVALID_KEY));
    expect(repliesTo(msg.ts, msg.channel)).toHaveLength(1);
    expect(repliesTo(msg.ts, msg.channel)[0]?.text).toContain('does not recognise the access key');
  });

  it('becomes one line when the edit no longer holds an auth error', async () => {
    const msg = messageEvent({ text: INVALID_KEY });
    await send(msg);
    await send(messageChangedEvent(msg, STATE_LOCK));
    const [reply, ...more] = repliesTo(msg.ts, msg.channel);
    expect(more).toEqual([]);
    expect(reply?.text).toBe(
      ':pencil2: The edited message no longer shows a credentials or authorization error.',
    );
    expect(reply?.blocks).toHaveLength(1);
    expect(JSON.stringify(reply?.blocks)).not.toContain('"actions"'); // no buttons left

    // Edited again, back to an auth error: the full reply returns, in the same message.
    await send(messageChangedEvent({ ...msg, text: STATE_LOCK }, INVALID_KEY));
    const again = repliesTo(msg.ts, msg.channel);
    expect(again).toHaveLength(1);
    expect(again[0]?.text).toContain('does not recognise the access key');
    expect(JSON.stringify(again[0]?.blocks)).toContain('tfauth_walk');
  });

  it('answers in the thread of a thread reply that was edited', async () => {
    const parent = messageEvent({ text: 'anyone seen this?' });
    const msg = messageEvent({ text: INVALID_KEY, thread_ts: parent.ts });
    await send(msg);
    expect(repliesTo(parent.ts, msg.channel)).toHaveLength(1);
    await send(messageChangedEvent(msg, STATE_LOCK));
    const replies = repliesTo(parent.ts, msg.channel);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain('no longer shows');
  });
});

describe('what an edit does not touch', () => {
  it('leaves a reply alone when the original message is more than 24 h old', async () => {
    const old = `${Math.floor(Date.now() / 1000) - 25 * 3600}.000100`;
    const msg = messageEvent({ text: INVALID_KEY, ts: old });
    await send(msg);
    const [reply] = repliesTo(msg.ts, msg.channel);
    await send(messageChangedEvent(msg, STATE_LOCK));
    expect(t.slack.callsTo('chat.update')).toEqual([]);
    expect(repliesTo(msg.ts, msg.channel)).toEqual([reply]);
  });

  it('stays silent when Slack reports a change that leaves the text as it was (a thread reply, an unfurl)', async () => {
    const msg = messageEvent({ text: INVALID_KEY });
    await send(msg);
    await send(messageChangedEvent(msg, INVALID_KEY));
    expect(t.slack.callsTo('chat.update')).toEqual([]);
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('an edited message tfauth never answered', () => {
  it('gets an ordinary reply once the edit holds an auth error', async () => {
    const msg = messageEvent({ text: 'terraform plan fails, one sec, pasting the error' });
    await send(msg);
    expect(repliesTo(msg.ts, msg.channel)).toEqual([]);
    await send(messageChangedEvent(msg, INVALID_KEY));
    const replies = repliesTo(msg.ts, msg.channel);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain('does not recognise the access key');
    expect(t.slack.callsTo('chat.update')).toEqual([]);
  });

  it('stays silent when the edit still holds no auth error', async () => {
    const msg = messageEvent({ text: 'terraform plan fails' });
    await send(msg);
    await send(messageChangedEvent(msg, STATE_LOCK));
    expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
    expect(t.slack.callsTo('chat.update')).toEqual([]);
  });

  it('is left alone when more than 24 h old', async () => {
    const old = `${Math.floor(Date.now() / 1000) - 25 * 3600}.000200`;
    const msg = messageEvent({ text: 'terraform plan fails', ts: old });
    await send(messageChangedEvent(msg, INVALID_KEY));
    expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
  });
});

it('journals edits before the ack (they are done from the durable intake)', async () => {
  const msg = messageEvent({ text: INVALID_KEY });
  await send(msg);
  const before = t.bot.runtime.intake.stats.accepted;
  await send(messageChangedEvent(msg, STATE_LOCK));
  expect(t.bot.runtime.intake.stats.accepted).toBe(before + 1);
  expect(repliesTo(msg.ts, msg.channel)[0]?.text).toContain('no longer shows');
});

it('leaves a reply someone already closed ("It worked") as it is', async () => {
  const msg = messageEvent({ text: INVALID_KEY });
  await send(msg);
  const [reply] = repliesTo(msg.ts, msg.channel);
  if (!reply) throw new Error('no reply');
  await click(t, reply, 'tfauth_fixed');
  const closed = repliesTo(msg.ts, msg.channel)[0];
  expect(closed?.blocks?.length).toBeGreaterThan(0);
  expect(JSON.stringify(closed?.blocks)).toContain('says this fixed it');
  await send(messageChangedEvent(msg, STATE_LOCK));
  expect(repliesTo(msg.ts, msg.channel)).toEqual([closed]);
});
