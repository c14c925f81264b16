// Decode only for those allowed (issue 11, part 4): "Decode this message" works for the
// person whose paste it is and for members of TFAUTH_DECODE_ALLOWED (a user group, looked up
// with usergroups.users.list); everyone else is told privately who can, and STS is not
// called. Each decode is logged — who, which message, allowed or not — never what it said.

import {
  messageEvent,
  messageShortcut,
  SLACK_IDS,
  SlackTestServer,
  slashCommand,
  type StoredMessage,
} from '@tfauth/slack-test-server';
import { startTestBot, type TestBot } from '../support/bot';
import { button, click, clickAs, pasteAndReply } from '../support/clicks';
import {
  AWS_DOC_DECODED_MESSAGE,
  BOT_KEY,
  BOT_SECRET,
  StsTestServer,
  useBotKey,
} from '../support/sts-server';

const ENCODED = 'EXAMPLE-encoded-authorization-message'; // invented
const ALICE = SLACK_IDS.userId; // pastes the error
const BOB = 'U0BOB'; // someone else in the channel
const DORA = 'U0DORA'; // in the platform team's user group
const GROUP = 'S0DECODERS';

function ec2Paste(encoded: string): string {
  return [
    `Error: creating EC2 Instance: UnauthorizedOperation: You are not authorized to perform this operation. User: arn:aws:sts::111122223333:assumed-role/Developer/Ana is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111122223333:instance/* with an explicit deny in an identity-based policy. Encoded authorization failure message: ${encoded}`,
    '\tstatus code: 403, request id: 2f6fbd3a-9b57-4c2e-9a1e-0c1a2b3c4d5e',
  ].join('\n');
}

let slack: SlackTestServer;
let sts: StsTestServer;
let t: TestBot;
let restoreEnv: () => void;

beforeAll(async () => {
  slack = await SlackTestServer.start();
  slack.addUserGroup(GROUP, [DORA]);
  sts = await StsTestServer.start({
    credentials: { [BOT_KEY]: BOT_SECRET },
    decoded: { [ENCODED]: AWS_DOC_DECODED_MESSAGE },
  });
  restoreEnv = useBotKey(sts.url);
  t = await startTestBot({
    slack,
    env: { TFAUTH_STS: 'on', TFAUTH_DECODE_ALLOWED: GROUP },
    botOptions: { sts: { confirmBudgetMs: 300 } },
  });
});
afterAll(async () => {
  await t.stop();
  restoreEnv();
  await sts.close();
  await slack.close();
});
beforeEach(() => {
  slack.reset();
  sts.calls.splice(0);
});

async function pasted(user = ALICE): Promise<{ ts: string; reply: StoredMessage }> {
  const { msg, reply } = await pasteAndReply(t, ec2Paste(ENCODED), user);
  return { ts: msg.ts, reply };
}

/** Clicks Decode as `user`; returns the private answer's text. */
async function decodeAs(user: string, message: StoredMessage, ephemeral = false): Promise<string> {
  const [answer] = await clickAs(t, user, message, 'tfauth_decode', { ephemeral });
  expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  return JSON.stringify(answer);
}

const decodes = () => sts.calls.filter((c) => c.action === 'DecodeAuthorizationMessage');
const decodeLogs = () =>
  t.logs
    .filter((l) => /"msg":"decode /.test(l))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

it('someone else is told privately who can decode it, and STS is not asked', async () => {
  const { reply } = await pasted();
  const answer = await decodeAs(BOB, reply);
  expect(answer).toContain(`<@${ALICE}>`);
  expect(answer).toContain(`<!subteam^${GROUP}>`);
  expect(answer).not.toContain('VisualEditor0');
  expect(decodes()).toHaveLength(0);
});

it('the person who pasted it gets the decoded message', async () => {
  const { reply } = await pasted();
  const answer = await decodeAs(ALICE, reply);
  expect(answer).toContain('VisualEditor0');
  expect(decodes()).toHaveLength(1);
});

it('a member of TFAUTH_DECODE_ALLOWED may decode anyone’s paste', async () => {
  const { reply } = await pasted();
  const answer = await decodeAs(DORA, reply);
  expect(answer).toContain('VisualEditor0');
  expect(decodeLogs().at(-1)).toMatchObject({ user: DORA, allowed: true, as: 'group' });
});

it('when the group cannot be read, nobody but the owner decodes (fails closed)', async () => {
  const { reply } = await pasted();
  slack.failNext('usergroups.users.list', { error: 'missing_scope', count: 5 });
  // A fresh bot: no cached membership.
  const other = await startTestBot({
    slack,
    env: { TFAUTH_STS: 'on', TFAUTH_DECODE_ALLOWED: GROUP },
  });
  try {
    const tag = `closed-${Math.random()}`;
    await click(other, reply, 'tfauth_decode', { user: DORA, responseUrl: slack.responseUrl(tag) });
    const res = await slack.waitForResponse((r) => r.tag === tag);
    expect(JSON.stringify(res.body)).not.toContain('VisualEditor0');
    expect(decodes()).toHaveLength(0);
  } finally {
    await other.stop();
  }
});

it('the shortcut on someone else’s message offers the button, but decoding stays with the owner', async () => {
  const msg = messageEvent({ text: ec2Paste(ENCODED), user: ALICE });
  const tag = `shortcut-${Math.random()}`;
  await t.http.sendInteraction(
    messageShortcut({
      callbackId: 'tfauth_diagnose_message',
      user: BOB,
      message: msg,
      responseUrl: slack.responseUrl(tag),
    }),
  );
  const answer = await slack.waitForResponse((r) => r.tag === tag);
  const blocks = (answer.body as { blocks: unknown[] }).blocks;
  const ephemeral: StoredMessage = {
    channel: SLACK_IDS.channelId,
    ts: msg.ts,
    text: '',
    blocks,
    user: SLACK_IDS.botUserId,
    bot_id: SLACK_IDS.botId,
  };
  expect(button(blocks, 'tfauth_decode')).toBeTruthy();
  const text = await decodeAs(BOB, ephemeral, true);
  expect(text).toContain(`<@${ALICE}>`);
  expect(decodes()).toHaveLength(0);
});

it('/tfauth with a pasted message: the one who ran it may decode it', async () => {
  const tag = `cmd-${Math.random()}`;
  await t.http.sendCommand(
    slashCommand({
      text: ec2Paste(ENCODED),
      user_id: BOB,
      response_url: slack.responseUrl(tag),
    }),
  );
  const answer = await slack.waitForResponse((r) => r.tag === tag);
  const blocks = (answer.body as { blocks: unknown[] }).blocks;
  const ephemeral: StoredMessage = {
    channel: SLACK_IDS.channelId,
    ts: `${Math.floor(Date.now() / 1000)}.000100`,
    text: '',
    blocks,
    user: SLACK_IDS.botUserId,
    bot_id: SLACK_IDS.botId,
  };
  expect(await decodeAs(BOB, ephemeral, true)).toContain('VisualEditor0');
});

it('each decode is logged — who, whose paste, which message, allowed or not — without the decoded content', async () => {
  const { ts, reply } = await pasted();
  await decodeAs(BOB, reply);
  await decodeAs(ALICE, reply);
  const logs = decodeLogs().slice(-2);
  expect(logs).toEqual([
    expect.objectContaining({
      user: BOB,
      owner: ALICE,
      channel: SLACK_IDS.channelId,
      message: ts,
      allowed: false,
    }),
    expect.objectContaining({
      user: ALICE,
      owner: ALICE,
      channel: SLACK_IDS.channelId,
      message: ts,
      allowed: true,
    }),
  ]);
  const all = t.logs.join('\n');
  for (const decoded of ['VisualEditor0', 't2.micro', 'ec2:InstanceType', ENCODED])
    expect(all).not.toContain(decoded);
});
