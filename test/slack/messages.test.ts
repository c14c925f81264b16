// The bot in HTTP mode, end to end: real signed Events API requests into the real Bolt
// app, real Web API calls out to the local Slack test server.

import { eventCallback, messageEvent, SLACK_IDS, validateBlocks } from '@tfauth/slack-test-server';
import { startTestBot, type TestBot } from '../support/bot';
import { SSO, INVALID_KEY } from '../support/pastes';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ mode: 'http' });
});
afterAll(async () => {
  await t.stop();
});
afterEach(() => t.slack.reset());

async function send(event: Record<string, unknown>, eventId?: string) {
  const res = await t.http.sendEvent(
    eventCallback(event as { type: string }, eventId ? { eventId } : {}),
  );
  expect(res.status).toBe(200);
  return res;
}

/** Waits until the bot has finished with everything it received (no fixed sleeps). */
async function settled(): Promise<void> {
  await t.bot.context.inFlight.settled();
}

describe('threaded replies to auth failures', () => {
  it('answers an SSO paste inside a code fence, in the thread, within Block Kit limits', async () => {
    const msg = messageEvent({ text: `my plan fails:\n\`\`\`${SSO}\`\`\`` });
    await send(msg);
    const call = await t.slack.waitFor('chat.postMessage');
    expect(call.args.channel).toBe(SLACK_IDS.channelId);
    expect(call.args.thread_ts).toBe(msg.ts);
    expect(String(call.args.text)).toContain('IAM Identity Center');
    const blocks = call.args.blocks as unknown[];
    expect(validateBlocks(blocks, 'message')).toEqual([]);
    expect(JSON.stringify(blocks)).toContain('aws sso login');
  });

  it('answers inside an existing thread, under the same thread', async () => {
    const parent = messageEvent({ text: 'anyone seen this?' });
    const reply = messageEvent({ text: INVALID_KEY, thread_ts: parent.ts });
    await send(reply);
    const call = await t.slack.waitFor('chat.postMessage');
    expect(call.args.thread_ts).toBe(parent.ts);
    expect(String(call.args.text)).toContain('AWS does not recognise the access key');
  });

  it('decodes Slack encoding (entities, links) before diagnosing', async () => {
    const text = `&gt; │ Error: GET <https://api.github.com/user|api.github.com/user>: 401 Bad credentials []\n&gt; │   with provider[&quot;registry.terraform.io/integrations/github&quot;],`;
    await send(messageEvent({ text, encoded: true }));
    const call = await t.slack.waitFor('chat.postMessage');
    expect(String(call.args.text)).toContain('GitHub refused');
  });

  it.each([
    [
      'Azure',
      'Error: building account: getting authenticated object ID: listing Service Principals: clientCredentialsToken: received HTTP status 401 with response: {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}',
      'Entra ID rejected',
    ],
    [
      'Google',
      'Error: Attempted to load application default credentials since neither `credentials` nor `access_token` was set in the provider block.  No credentials loaded.',
      'No Google Cloud credentials were found',
    ],
    [
      'Terraform Cloud',
      '│ Error: Required token could not be found\n│ \n│ Run the following command to generate a token for app.terraform.io:\n│     terraform login',
      'refused the API token',
    ],
  ])('answers %s failures', async (_name, text, title) => {
    await send(messageEvent({ text }));
    const call = await t.slack.waitFor('chat.postMessage');
    expect(String(call.args.text)).toContain(title);
  });

  it('reads a shared .log file with the bot token and answers from it', async () => {
    const file = t.slack.addFile({
      name: 'plan.log',
      content: `Terraform v1.9.8\n${'x = 1\n'.repeat(200)}${INVALID_KEY}\n`,
      filetype: 'text',
    });
    await send(messageEvent({ text: 'plan output attached', files: [file] }));
    const call = await t.slack.waitFor('chat.postMessage');
    expect(String(call.args.text)).toContain('AWS does not recognise the access key');
    expect(t.slack.downloads.length).toBe(1);
  });

  it('says clearly when a shared file is too big to read', async () => {
    const big = t.slack.addFile({
      name: 'huge.log',
      content: 'a'.repeat(3 * 1024 * 1024),
      filetype: 'text',
    });
    await send(
      messageEvent({ text: `terraform apply failed, log attached\n${INVALID_KEY}`, files: [big] }),
    );
    const call = await t.slack.waitFor('chat.postMessage');
    expect(JSON.stringify(call.args.blocks)).toMatch(
      /huge\.log is 3\.0 MB; tfauth reads files up to 2\.0 MB/,
    );
    expect(t.slack.downloads.length).toBe(0);
  });

  it('escapes a shared file name in its note, so a name cannot ping a channel', async () => {
    const big = t.slack.addFile({
      name: '<!channel> & co.log',
      content: 'a'.repeat(3 * 1024 * 1024),
      filetype: 'text',
    });
    await send(messageEvent({ text: `apply failed\n${INVALID_KEY}`, files: [big] }));
    const call = await t.slack.waitFor('chat.postMessage');
    const blocks = JSON.stringify(call.args.blocks);
    expect(blocks).toContain('&lt;!channel&gt; &amp; co.log is 3.0 MB');
    expect(blocks).not.toContain('<!channel>');
  });
});

describe('silence', () => {
  it.each([
    [
      'a state lock',
      'Error: Error acquiring the state lock\nError message: ConditionalCheckFailedException: The conditional request failed',
    ],
    [
      'a config error',
      '╷\n│ Error: Unsupported argument\n│   on main.tf line 4:\n│ An argument named "name" is not expected here.\n╵',
    ],
    [
      'throttling',
      'Error: creating EC2 Instance: RequestLimitExceeded: Request limit exceeded.\n  status code: 503',
    ],
    ['ordinary chat', 'lunch at 12? also the new role for the access team is live'],
  ])('stays silent on %s', async (_name, text) => {
    await send(messageEvent({ text }));
    await settled();
    expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('ignores other bots, itself, edits, deletions and joins', async () => {
    await send(messageEvent({ text: INVALID_KEY, bot_id: 'B0OTHER' }));
    await send(messageEvent({ text: INVALID_KEY, user: SLACK_IDS.botUserId }));
    await send(messageEvent({ text: INVALID_KEY, subtype: 'message_changed' }));
    await send(messageEvent({ text: '', subtype: 'message_deleted' }));
    await send(
      messageEvent({
        text: `<@${SLACK_IDS.userId}> has joined the channel`,
        subtype: 'channel_join',
      }),
    );
    await settled();
    expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('once, and fast', () => {
  it('replies exactly once to a message retried three times and delivered again under another event id', async () => {
    const msg = messageEvent({ text: INVALID_KEY });
    const body = eventCallback(msg, { eventId: 'Ev0FIRST' });
    const first = await t.http.sendEvent(body);
    for (let n = 1; n <= 3; n++)
      await t.http.sendEvent(body, { retryNum: n, retryReason: 'http_timeout' });
    await t.http.sendEvent(eventCallback(msg, { eventId: 'Ev0SECOND' }));
    expect(first.status).toBe(200);
    await settled();
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('acks before doing any work (the reply comes after the ack)', async () => {
    t.slack.failNext('chat.postMessage', { delayMs: 1500 });
    await send(messageEvent({ text: INVALID_KEY }));
    const acked = Date.now();
    const post = await t.slack.waitFor('chat.postMessage');
    // Slack held the reply 1.5 s from when it arrived: the ack came while it was still held.
    expect(acked).toBeLessThan(post.at + 1500);
  });
});

describe('request verification', () => {
  it.each(['bad', 'stale', 'missing'] as const)(
    'rejects a %s signature with 401 and does nothing',
    async (signature) => {
      const res = await t.http.sendEvent(eventCallback(messageEvent({ text: INVALID_KEY })), {
        signature,
      });
      expect(res.status).toBe(401);
      await settled();
      expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
    },
  );
});

describe('secrets', () => {
  const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'; // AWS documentation's example secret

  it('warns the poster privately, never echoes the secret, and keeps it out of the logs', async () => {
    const text = `${INVALID_KEY}\nmy env: AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=${SECRET}`;
    await send(messageEvent({ text }));
    const warning = await t.slack.waitFor('chat.postEphemeral');
    expect(warning.args.user).toBe(SLACK_IDS.userId);
    expect(JSON.stringify(warning.args)).toMatch(/AWS secret access key/);
    const reply = await t.slack.waitFor('chat.postMessage');
    await settled();
    for (const call of t.slack.calls) expect(JSON.stringify(call.args)).not.toContain(SECRET);
    expect(JSON.stringify(reply.args)).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(t.logs.join('\n')).not.toContain(SECRET);
    expect(t.logs.join('\n')).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });
});
