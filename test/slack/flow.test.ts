// The follow-up flow, end to end through the local Slack test server: every click is a
// real signed interaction into the real app; state travels only in the button values.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  eventCallback,
  messageEvent,
  SLACK_IDS,
  SlackTestServer,
  validateBlocks,
} from '@tfauth/slack-test-server';
import { startTestBot, type TestBot } from '../support/bot';
import { button, click, latest } from '../support/clicks';

const SSO =
  'Error: failed to refresh cached credentials, refresh cached SSO token failed, unable to refresh SSO token, operation error SSO OIDC: CreateToken, https response error StatusCode: 400, RequestID: c0dd4a98-e423-4de2-b972-d749d58afd44, InvalidGrantException:\nprofile = "platform-dev"';

let slack: SlackTestServer;
let t: TestBot;
const dataDir = mkdtempSync(join(tmpdir(), 'tfauth-flow-'));
const env = { TFAUTH_DATA_DIR: dataDir, TFAUTH_ESCALATION: 'S0PLATFORM' };

beforeAll(async () => {
  slack = await SlackTestServer.start();
  t = await startTestBot({ slack, env });
});
afterAll(async () => {
  await t.stop();
  await slack.close();
});
beforeEach(() => slack.reset());

async function diagnosisReply(text = SSO) {
  const msg = messageEvent({ text });
  await t.http.sendEvent(eventCallback(msg));
  await slack.waitFor('chat.postMessage');
  await t.bot.context.inFlight.settled();
  return { msg, reply: latest(t) };
}

it('walks through the steps for the chosen source, updating one message in place, then records the fix', async () => {
  const { msg, reply } = await diagnosisReply();
  await click(t, reply, 'tfauth_walk');
  const flow = latest(t);
  expect(flow.thread_ts).toBe(msg.ts);
  expect(flow.text).toContain('Walk-through');
  expect(validateBlocks(flow.blocks ?? [], 'message')).toEqual([]);

  await click(t, flow, 'tfauth_source:sso');
  const step1 = latest(t);
  expect(step1.ts).toBe(flow.ts); // updated in place
  expect(JSON.stringify(step1.blocks)).toContain('aws sso login --profile platform-dev');
  expect(step1.text).toMatch(/^Step 1 of \d+/);

  await click(t, step1, 'tfauth_step_done');
  const step2 = latest(t);
  expect(step2.text).toMatch(/^Step 2 of/);
  await click(t, step2, 'tfauth_step_fixed');
  expect(latest(t).text).toBe('Fixed — recorded');
  // The reply, then a single new message for the whole walk-through; every later click updated it.
  expect(slack.callsTo('chat.postMessage')).toHaveLength(2);

  const stats = await t.bot.context.outcomes.stats(7, Date.now());
  expect(stats.perClass.find((c) => c.classId === 'aws.sso_token')?.fixed).toBeGreaterThanOrEqual(
    1,
  );
  expect(stats.fixes[0]).toMatchObject({ classId: 'aws.sso_token', source: 'sso' });
});

it('"Not sure" starts with the commands that reveal the credential source', async () => {
  const { reply } = await diagnosisReply();
  await click(t, reply, 'tfauth_walk');
  await click(t, latest(t), 'tfauth_source:unknown');
  const blocks = JSON.stringify(latest(t).blocks);
  expect(blocks).toContain('aws configure list');
});

it('after the last step: a copyable summary and an offer to ask the escalation group, which posts once in the thread', async () => {
  const { msg, reply } = await diagnosisReply();
  await click(t, reply, 'tfauth_walk');
  await click(t, latest(t), 'tfauth_source:credential_process');
  for (let i = 0; i < 20 && !latest(t).text.startsWith('Still stuck'); i++)
    await click(t, latest(t), 'tfauth_step_done');
  const stuck = latest(t);
  expect(stuck.text).toBe('Still stuck: here is a summary to share');
  const summary = JSON.stringify(stuck.blocks);
  expect(summary).toContain('tfauth case: aws.sso_token');
  expect(summary).toContain('Tried (still failing)');
  const before = slack.callsTo('chat.postMessage').length;
  await click(t, stuck, 'tfauth_escalate');
  const posts = slack.callsTo('chat.postMessage');
  expect(posts).toHaveLength(before + 1);
  expect(String(posts.at(-1)?.args.text)).toContain('<!subteam^S0PLATFORM>');
  expect(posts.at(-1)?.args.thread_ts).toBe(msg.ts);
  const flow = slack.messages(SLACK_IDS.channelId).find((m) => m.ts === stuck.ts);
  expect(flow?.text).toContain('Asked');
  // A second click (a double-click, or a colleague on the stale message) asks nobody twice.
  await click(t, stuck, 'tfauth_escalate', { user: 'U0COLLEAGUE' });
  expect(slack.callsTo('chat.postMessage')).toHaveLength(before + 1);
});

it('escalating from a private walk-through asks in the channel through response_url, not in a thread', async () => {
  const { reply } = await diagnosisReply();
  // A walk-through shown only to the clicker (e.g. from /tfauth) is an ephemeral message.
  const stuck = { ...reply, ts: `${Date.now() / 1000}`, thread_ts: undefined };
  await click(t, reply, 'tfauth_walk');
  await click(t, latest(t), 'tfauth_source:sso');
  for (let i = 0; i < 20 && !latest(t).text.startsWith('Still stuck'); i++)
    await click(t, latest(t), 'tfauth_step_done');
  stuck.blocks = latest(t).blocks;
  const posts = slack.callsTo('chat.postMessage').length;
  const tag = `esc-${Math.random()}`;
  await click(t, stuck, 'tfauth_escalate', {
    ephemeral: true,
    responseUrl: slack.responseUrl(tag),
  });
  const asked = await slack.waitForResponse(
    (r) => r.tag === tag && (r.body as { response_type?: string }).response_type === 'in_channel',
  );
  expect(String((asked.body as { text: string }).text)).toMatch(/^<!subteam\^S0PLATFORM> <@U/);
  expect(slack.callsTo('chat.postMessage')).toHaveLength(posts);
});

it('"It worked" and "Not an auth error" record the outcome and replace the buttons', async () => {
  const { reply } = await diagnosisReply();
  await click(t, reply, 'tfauth_fixed');
  const updated = latest(t);
  expect(updated.ts).toBe(reply.ts);
  expect(JSON.stringify(updated.blocks)).toContain('says this fixed it');
  expect(updated.blocks?.some((b) => (b as { type: string }).type === 'actions')).toBe(false);

  const second = await diagnosisReply(
    'api error ExpiredToken: The security token included in the request is expired',
  );
  await click(t, second.reply, 'tfauth_not_auth');
  expect(JSON.stringify(latest(t).blocks)).toContain('marked this as not an auth error');
  const stats = await t.bot.context.outcomes.stats(30, Date.now());
  expect(stats.perClass.find((c) => c.classId === 'aws.expired_token')?.notAuth).toBe(1);
});

it('a forged button value gets a polite "expired" note and the diagnosis again, never a crash', async () => {
  const { msg, reply } = await diagnosisReply();
  slack.onMethod('conversations.replies', () => ({
    ok: true,
    messages: [{ ts: msg.ts, text: SSO }],
  }));
  const value = button(reply.blocks, 'tfauth_walk').value;
  const forged = `${value.slice(0, -3)}AAA`;
  const responseUrl = slack.responseUrl('forged');
  await click(t, reply, 'tfauth_walk', { value: forged, responseUrl });
  const res = await slack.waitForResponse((r) => r.tag === 'forged');
  expect(JSON.stringify(res.body)).toContain('expired');
  expect(JSON.stringify(res.body)).toContain('IAM Identity Center');
  await click(t, reply, 'tfauth_walk', {
    value: 'not-even-close',
    responseUrl: slack.responseUrl('junk'),
  });
  await slack.waitForResponse((r) => r.tag === 'junk');
  slack.onMethod('conversations.replies', undefined);
});

it('keeps working across a restart between two clicks of one flow (state lives in the buttons)', async () => {
  const { reply } = await diagnosisReply();
  await click(t, reply, 'tfauth_walk');
  const flow = latest(t);
  await t.stop();
  t = await startTestBot({ slack, env });
  await click(t, flow, 'tfauth_source:sso');
  expect(latest(t).text).toMatch(/^Step 1 of/);
});
