// STS checks end to end: the real Bolt app against the local Slack test server, the real
// @aws-sdk/client-sts against the local STS server (which verifies every SigV4 signature),
// and real signed clicks. The bot's own credentials come from the standard chain (env vars).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  eventCallback,
  messageEvent,
  SLACK_IDS,
  SlackTestServer,
  slashCommand,
  validateBlocks,
  type StoredMessage,
} from '@tfauth/slack-test-server';
import { startTestBot, type TestBot } from '../support/bot';
import { button, buttons, click, latest } from '../support/clicks';
import {
  AWS_DOC_DECODED_MESSAGE,
  BOT_KEY,
  BOT_SECRET,
  setIsolatedAwsEnv,
  StsTestServer,
  useBotKey,
} from '../support/sts-server';

// Published key id → account pair (docs.rs/aws_account_id_from_key_id): 171436882533.
const PASTE_KEY = 'AKIASP2TPHJSQH3FJXYZ';
// Published pair (awsteele.com, Tal Be'ery): 609629065308. Used where the cache must be cold.
const SLOW_KEY = 'ASIAY34FZKBOKMUTVV7A';
// The AWS docs example id: old format, no offline decoding; STS (our server) says 444455556666.
const DOCS_KEY = 'AKIAIOSFODNN7EXAMPLE';
// A key id and secret someone pasted (published id: github.com/psanford/aws-account-id-from-key,
// 364679954851; invented secret). The STS server knows the pair, so a request signed with
// it would be recorded as valid — and must never happen.
const LEAKED_KEY = 'ASIAVJ2E6QGR2WZILJFM';
const PASTED_SECRET = 'q8Ld2vN4/Rx7TzWm1KpB6sYc3HfJ0gUe5AiOoQrS';

const ENCODED = 'EXAMPLE-encoded-authorization-message'; // invented
const ENCODED_LONG = `Zk${'aBcD-_eF9'.repeat(280)}`; // invented, 2,522 chars: too long for a button
const ENCODED_OTHER_ACCOUNT = 'EXAMPLE-message-from-another-account'; // the server cannot decode it
const GRANT = '{"Effect":"Allow","Action":"sts:DecodeAuthorizationMessage","Resource":"*"}';

const IMPLICIT_DENY = {
  allowed: false,
  explicitDeny: false,
  matchedStatements: { items: [] },
  failures: { items: [] },
  context: {
    principal: { id: 'AIDAEXAMPLEUSER00001', arn: 'arn:aws:iam::111122223333:user/ci' },
    action: 'ec2:RunInstances',
    resource: 'arn:aws:ec2:us-east-1:111122223333:instance/*',
    conditions: { items: [{ key: 'aws:Region', values: { items: [{ value: 'us-east-1' }] } }] },
  },
};

function assumeRolePaste(keyId: string, extra = ''): string {
  return [
    'Error: configuring Terraform AWS Provider: IAM Role (arn:aws:iam::222233334444:role/deploy) cannot be assumed.',
    'There are a number of possible causes of this - the most common are:',
    '  * The credentials used in order to assume the role are invalid',
    '  * The credentials do not have appropriate permission to assume the role',
    '  * The role ARN is not valid',
    'Error: operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 8f3c1a2b-1111-2222-3333-444455556666, api error AccessDenied: User: arn:aws:iam::171436882533:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222233334444:role/deploy',
    `AWS_ACCESS_KEY_ID=${keyId}`,
    extra,
  ].join('\n');
}

function ec2Paste(encoded: string): string {
  return [
    `Error: creating EC2 Instance: UnauthorizedOperation: You are not authorized to perform this operation. User: arn:aws:sts::111122223333:assumed-role/Developer/Ana is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111122223333:instance/* with an explicit deny in an identity-based policy. Encoded authorization failure message: ${encoded}`,
    '\tstatus code: 403, request id: 2f6fbd3a-9b57-4c2e-9a1e-0c1a2b3c4d5e',
    '',
    '  with aws_instance.web,',
    '  on main.tf line 12, in resource "aws_instance" "web":',
  ].join('\n');
}

/** Every mrkdwn/plain text in a message, joined: what a person reads. */
function textOf(body: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') out.push(x);
        else if (k !== 'value') walk(x);
      }
  };
  walk(body);
  return out.join('\n');
}

let slack: SlackTestServer;
let sts: StsTestServer;
const dataDir = mkdtempSync(join(tmpdir(), 'tfauth-sts-'));

beforeAll(async () => {
  slack = await SlackTestServer.start();
  sts = await StsTestServer.start({
    credentials: { [BOT_KEY]: BOT_SECRET, [LEAKED_KEY]: PASTED_SECRET },
    accounts: { [DOCS_KEY]: '444455556666' },
    decoded: { [ENCODED]: AWS_DOC_DECODED_MESSAGE, [ENCODED_LONG]: IMPLICIT_DENY },
  });
});
afterAll(async () => {
  await sts.close();
  await slack.close();
});
beforeEach(() => {
  slack.reset();
  sts.calls.splice(0);
});

async function post(t: TestBot, text: string): Promise<{ ts: string; reply: StoredMessage }> {
  const msg = messageEvent({ text });
  await t.http.sendEvent(eventCallback(msg));
  await slack.waitFor('chat.postMessage');
  await t.bot.context.inFlight.settled();
  return { ts: msg.ts, reply: latest(t) };
}

async function command(t: TestBot, text: string) {
  const tag = `cmd-${Math.random()}`;
  const res = await t.http.sendCommand(
    slashCommand({ text, response_url: slack.responseUrl(tag) }),
  );
  expect(res.status).toBe(200);
  const response = await slack.waitForResponse((r) => r.tag === tag);
  return response.body as { text?: string; blocks?: unknown[]; response_type?: string };
}

/** Clicks a button and returns the private answer posted to the click's response_url. */
async function answerTo(t: TestBot, message: StoredMessage, actionId: string, ephemeral = false) {
  const tag = `click-${Math.random()}`;
  await click(t, message, actionId, { responseUrl: slack.responseUrl(tag), ephemeral });
  const res = await slack.waitForResponse((r) => r.tag === tag);
  const body = res.body as {
    text?: string;
    blocks?: unknown[];
    response_type?: string;
    replace_original?: boolean;
  };
  expect(body.response_type).toBe('ephemeral');
  expect(body.replace_original).toBe(false);
  expect(validateBlocks(body.blocks ?? [], 'message')).toEqual([]);
  return { body, text: textOf(body) };
}

async function health(t: TestBot) {
  const res = await fetch(`http://127.0.0.1:${t.bot.port}/healthz`);
  return {
    status: res.status,
    body: (await res.json()) as { status: string; checks: Record<string, unknown> },
  };
}

function expectOnlyBotSigned(): void {
  for (const call of sts.calls)
    expect(call).toMatchObject({ accessKeyId: BOT_KEY, signatureValid: true });
}

describe('with TFAUTH_STS=on and the bot’s own AWS credentials', () => {
  let t: TestBot;
  let restoreEnv: () => void;

  beforeAll(async () => {
    restoreEnv = useBotKey(sts.url);
    t = await startTestBot({
      slack,
      env: { TFAUTH_DATA_DIR: dataDir, TFAUTH_STS: 'on' },
      botOptions: { sts: { confirmBudgetMs: 300 } },
    });
  });
  afterAll(async () => {
    await t.stop();
    restoreEnv();
  });

  it('confirms the key’s account with STS before posting, signed with the bot’s key, and flags the other account', async () => {
    const { reply } = await post(t, assumeRolePaste(PASTE_KEY));
    const shown = textOf(reply.blocks);
    // Offline facts: the decoded account next to the masked key, marked as a heuristic.
    expect(shown).toContain('AKIA…JXYZ');
    expect(shown).toContain('account 171436882533, decoded from the key id — a heuristic');
    // The STS confirmation, with the mismatch against the role's account.
    expect(shown).toContain(
      'confirmed by STS: your key belongs to 171436882533, the role you assume is in 222233334444',
    );
    expect(shown).not.toContain(PASTE_KEY);
    expect(validateBlocks(reply.blocks ?? [], 'message')).toEqual([]);
    // Confirmed within the budget: one post, no edit.
    expect(slack.callsTo('chat.update')).toHaveLength(0);

    const lookups = sts.calls.filter((c) => c.action === 'GetAccessKeyInfo');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.params.AccessKeyId).toBe(PASTE_KEY);
    expectOnlyBotSigned();

    // Buttons: the key one (the paste has no encoded message), within Slack's limits.
    const ids = buttons(reply.blocks).map((b) => b.action_id);
    expect(ids).toEqual(['tfauth_walk', 'tfauth_fixed', 'tfauth_not_auth', 'tfauth_key_account']);
    expect(button(reply.blocks, 'tfauth_key_account').value.length).toBeLessThanOrEqual(2000);

    // Cached: the same key again makes no STS call.
    sts.calls.splice(0);
    slack.reset();
    const again = await post(t, assumeRolePaste(PASTE_KEY));
    expect(textOf(again.reply.blocks)).toContain('confirmed by STS');
    expect(sts.calls).toHaveLength(0);
  });

  it('when STS is slower than the budget, posts at once and adds the confirmation with one chat.update', async () => {
    sts.failNext('GetAccessKeyInfo', { delayMs: 800 });
    const msg = messageEvent({ text: assumeRolePaste(SLOW_KEY) });
    await t.http.sendEvent(eventCallback(msg));
    const posted = await slack.waitFor('chat.postMessage');
    expect(textOf(posted.args.blocks)).not.toContain('confirmed by STS');
    const updated = await slack.waitFor('chat.update');
    await t.bot.context.inFlight.settled();
    expect(textOf(updated.args.blocks)).toContain('confirmed by STS');
    expect(textOf(updated.args.blocks)).toContain('609629065308');
    expect(slack.callsTo('chat.update')).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(textOf(latest(t).blocks)).toContain(
      'confirmed by STS: your key belongs to 609629065308',
    );
  });

  it('"Which account is this key from?" answers privately — also for old-format ids the offline decoding cannot read', async () => {
    const paste = assumeRolePaste(DOCS_KEY);
    const { ts, reply } = await post(t, paste);
    // No offline account for this id: the STS line is the only source.
    expect(textOf(reply.blocks)).toContain('confirmed by STS: your key belongs to 444455556666');
    // The public button carries only the masked id; the click reads the paste again.
    expect(button(reply.blocks, 'tfauth_key_account').value).not.toContain(DOCS_KEY);
    slack.onMethod('conversations.replies', () => ({
      ok: true,
      messages: [{ type: 'message', ts, user: SLACK_IDS.userId, text: paste }],
    }));
    let text: string;
    try {
      ({ text } = await answerTo(t, reply, 'tfauth_key_account'));
    } finally {
      slack.onMethod('conversations.replies', undefined);
    }
    expect(text).toContain('AKIA…MPLE');
    expect(text).toContain('belongs to AWS account *444455556666*');
    expect(text).toContain('the role you assume is in 222233334444');
    expect(text).toContain('Only you can see this');
    expect(text).not.toContain(DOCS_KEY);
    expect(sts.calls.filter((c) => c.params.AccessKeyId === DOCS_KEY).length).toBeGreaterThan(0);
    expectOnlyBotSigned();
    // The answer went to the clicker only; the thread reply is unchanged.
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('when the paste is gone, the key button says so and shows the command to run instead', async () => {
    const { reply } = await post(t, assumeRolePaste(DOCS_KEY));
    sts.calls.splice(0);
    // The test server holds only the bot's own posts: the user's paste cannot be read back.
    const { text } = await answerTo(t, reply, 'tfauth_key_account');
    expect(text).toContain("can't find the access key ids");
    // Escaped, as Slack mrkdwn needs: `<key id>` would otherwise be read as a link.
    expect(text).toContain('aws sts get-access-key-info --access-key-id &lt;key id&gt;');
    expect(sts.calls).toHaveLength(0);
  });

  it('the decode button shows the decoded message privately: explicit deny, action, resource, statements, conditions', async () => {
    const { reply } = await post(t, ec2Paste(ENCODED));
    expect(buttons(reply.blocks).map((b) => b.action_id)).toContain('tfauth_decode');
    expect(buttons(reply.blocks).map((b) => b.action_id)).not.toContain('tfauth_key_account');
    const { body, text } = await answerTo(t, reply, 'tfauth_decode');
    expect(body.text).toContain('explicit deny');
    expect(text).toContain('Explicit deny');
    expect(text).toContain('`RunInstances`');
    expect(text).toContain('`arn:aws:ec2:us-east-1:111122223333:instance/*`');
    expect(text).toContain('`arn:aws:sts::111122223333:assumed-role/Developer/Ana`');
    expect(text).toContain('`VisualEditor0` *DENY*');
    expect(text).toContain('ec2:InstanceType = t2.micro');
    expect(text).toContain('aws:Region = us-east-1');
    const decodes = sts.calls.filter((c) => c.action === 'DecodeAuthorizationMessage');
    expect(decodes).toHaveLength(1);
    expect(decodes[0]?.params.EncodedMessage).toBe(ENCODED);
    expectOnlyBotSigned();
  });

  it('a message too long for the button is read again from the paste (conversations.replies)', async () => {
    const paste = ec2Paste(ENCODED_LONG);
    const msg = messageEvent({ text: paste });
    await t.http.sendEvent(eventCallback(msg));
    await slack.waitFor('chat.postMessage');
    await t.bot.context.inFlight.settled();
    const reply = latest(t);
    const value = button(reply.blocks, 'tfauth_decode').value;
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(value).not.toContain(ENCODED_LONG);
    slack.onMethod('conversations.replies', () => ({
      ok: true,
      messages: [{ type: 'message', ts: msg.ts, user: SLACK_IDS.userId, text: paste }],
    }));
    try {
      const { text } = await answerTo(t, reply, 'tfauth_decode');
      expect(text).toContain('Not allowed (implicit deny)');
      expect(text).toContain('`ec2:RunInstances`');
      expect(text).toContain('None: no statement matched');
    } finally {
      slack.onMethod('conversations.replies', undefined);
    }
    const replies = slack.callsTo('conversations.replies');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.args).toMatchObject({ channel: SLACK_IDS.channelId, ts: msg.ts });
    expect(
      sts.calls.find((c) => c.action === 'DecodeAuthorizationMessage')?.params.EncodedMessage,
    ).toBe(ENCODED_LONG);
  });

  it('without sts:DecodeAuthorizationMessage, says so and shows the statement to grant', async () => {
    const { reply } = await post(t, ec2Paste(ENCODED));
    sts.setDecodePermission(BOT_KEY, false);
    try {
      const { text } = await answerTo(t, reply, 'tfauth_decode');
      expect(text).toContain('not allowed to call sts:DecodeAuthorizationMessage (AccessDenied)');
      expect(text).toContain(GRANT);
      expect(text).toContain(
        'only works with credentials of the account that produced the message',
      );
    } finally {
      sts.setDecodePermission(BOT_KEY, true);
    }
  });

  it('a message from another account: says so (InvalidAuthorizationMessageException) and shows the statement', async () => {
    const { reply } = await post(t, ec2Paste(ENCODED_OTHER_ACCOUNT));
    const { text } = await answerTo(t, reply, 'tfauth_decode');
    expect(text).toContain('InvalidAuthorizationMessageException');
    expect(text).toContain("another AWS account than the bot's (111122223333)");
    expect(text).toContain('only works with credentials of the account that produced the message');
    expect(text).toContain(GRANT);
  });

  it('/tfauth whoami shows the bot’s own identity, privately', async () => {
    const body = await command(t, 'whoami');
    expect(body.response_type).toBe('ephemeral');
    const text = textOf(body);
    expect(text).toContain('`arn:aws:iam::111122223333:user/tfauth-bot`');
    expect(text).toContain('`111122223333`');
    expect(text).toContain('GetCallerIdentity needs no permission');
    expect(sts.calls.map((c) => c.action)).toEqual(['GetCallerIdentity']);
    expectOnlyBotSigned();
  });

  it('a private /tfauth answer gets the key button, answered privately too', async () => {
    const body = await command(t, assumeRolePaste(PASTE_KEY));
    expect(body.response_type).toBe('ephemeral');
    const message = {
      ts: '1700000000.000100',
      channel: SLACK_IDS.channelId,
      text: body.text ?? '',
      blocks: body.blocks,
    } as StoredMessage;
    const { text } = await answerTo(t, message, 'tfauth_key_account', true);
    expect(text).toContain('belongs to AWS account *171436882533*');
  });

  it('a pasted secret never reaches STS: only the key id is looked up, signed with the bot’s key', async () => {
    const paste = assumeRolePaste(LEAKED_KEY, `AWS_SECRET_ACCESS_KEY=${PASTED_SECRET}`);
    const { reply } = await post(t, paste);
    expect(JSON.stringify(reply)).not.toContain(PASTED_SECRET);
    await answerTo(t, reply, 'tfauth_key_account');
    expect(sts.calls.length).toBeGreaterThan(0);
    for (const call of sts.calls) {
      expect(call.accessKeyId).toBe(BOT_KEY);
      expect(JSON.stringify(call.params)).not.toContain(PASTED_SECRET);
    }
    expect(sts.calls.some((c) => c.accessKeyId === LEAKED_KEY)).toBe(false);
    expect(sts.calls.map((c) => c.params.AccessKeyId)).toContain(LEAKED_KEY);
    expect(JSON.stringify(slack.calls)).not.toContain(PASTED_SECRET);
  });

  it('a forged button value is refused without calling STS', async () => {
    const { reply } = await post(t, ec2Paste(ENCODED));
    sts.calls.splice(0);
    const tag = 'forged';
    const value = button(reply.blocks, 'tfauth_decode').value;
    await click(t, reply, 'tfauth_decode', {
      value: value.replace(ENCODED, ENCODED_OTHER_ACCOUNT),
      responseUrl: slack.responseUrl(tag),
    });
    const res = await slack.waitForResponse((r) => r.tag === tag);
    expect(textOf(res.body)).toContain('expired');
    expect(sts.calls).toHaveLength(0);
  });

  it('/healthz reports sts ok', async () => {
    const { status, body } = await health(t);
    expect(status).toBe(200);
    expect(body.checks.sts).toEqual({ ok: true, detail: 'ok' });
  });
});

describe.each([
  {
    name: 'TFAUTH_STS=off (even with credentials)',
    sts: 'off',
    env: { AWS_ACCESS_KEY_ID: BOT_KEY, AWS_SECRET_ACCESS_KEY: BOT_SECRET },
    detail: 'off',
    off: 'STS checks are off: TFAUTH_STS is off',
  },
  {
    name: 'TFAUTH_STS=on but no AWS credentials',
    sts: 'on',
    env: {},
    detail: 'no credentials',
    off: 'STS checks are off: TFAUTH_STS=on, but the bot found no AWS credentials',
  },
])('$name', ({ sts: mode, env, detail, off }) => {
  let t: TestBot;
  let restoreEnv: () => void;

  beforeAll(async () => {
    restoreEnv = setIsolatedAwsEnv({
      ...env,
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_STS: sts.url,
    });
    t = await startTestBot({ slack, env: { TFAUTH_DATA_DIR: dataDir, TFAUTH_STS: mode } });
  });
  afterAll(async () => {
    await t.stop();
    restoreEnv();
  });

  it('starts, shows no STS buttons, and makes no STS call', async () => {
    const key = await post(t, assumeRolePaste(PASTE_KEY));
    const decode = await post(t, ec2Paste(ENCODED));
    for (const reply of [key.reply, decode.reply]) {
      const ids = buttons(reply.blocks).map((b) => b.action_id);
      expect(ids).not.toContain('tfauth_key_account');
      expect(ids).not.toContain('tfauth_decode');
      expect(textOf(reply.blocks)).not.toContain('confirmed by STS');
    }
    // The offline facts still show.
    expect(textOf(key.reply.blocks)).toContain('decoded from the key id — a heuristic');
    expect(sts.calls).toHaveLength(0);
  });

  it('/tfauth whoami says the checks are off, and why', async () => {
    const body = await command(t, 'whoami');
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain(off);
  });

  it(`/healthz stays ok and reports sts "${detail}"`, async () => {
    const { status, body } = await health(t);
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.checks.sts).toEqual({ ok: true, detail });
  });
});
