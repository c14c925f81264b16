// Requests from this installation only, once (issue 11, part 5), over HTTP: timestamps
// in either direction, signed ssl_check, foreign workspaces/apps/enterprises, replayed
// commands and clicks, and payloads of the wrong shape — each answered the way Slack needs
// (401 for what Slack never sends, 200 and silence for what it might retry).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appHomeOpened,
  blockActions,
  eventCallback,
  messageEvent,
  signRequest,
  SLACK_IDS,
  SlackTestServer,
  slashCommand,
  triggerId,
} from '@tfauth/slack-test-server';
import { quiet, SIGNING_SECRET, startTestBot, type TestBot } from '../support/bot';
import { button, click, latest, pasteAndReply } from '../support/clicks';

const PASTE = 'Error: failed to get shared config profile, prod';

let slack: SlackTestServer;
let t: TestBot;
const dataDir = mkdtempSync(join(tmpdir(), 'tfauth-access-req-'));

beforeAll(async () => {
  slack = await SlackTestServer.start();
  t = await startTestBot({
    slack,
    env: { TFAUTH_DATA_DIR: dataDir, SLACK_APP_ID: SLACK_IDS.appId },
  });
});
afterAll(async () => {
  await t.stop();
  await slack.close();
});
beforeEach(() => slack.reset());

function form(fields: Record<string, string | undefined>): string {
  const f = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) f.append(k, v);
  return f.toString();
}

async function commandAnswers(fields: Record<string, string | undefined>, sign = true) {
  const body = form(fields);
  const headers = sign ? signRequest(body, SIGNING_SECRET) : {};
  return t.http.sendRaw(body, 'application/x-www-form-urlencoded', { ...headers });
}

const settle = (ms?: number) => quiet(t, ms);

describe('timestamps and ssl_check', () => {
  it.each([
    ['10 minutes in the future', 10 * 60],
    ['a year in the future', 365 * 24 * 3600],
    ['6 minutes in the past', -6 * 60],
  ])('a validly signed request stamped %s gets 401 and no reply', async (_name, offset) => {
    const res = await t.http.sendEvent(eventCallback(messageEvent({ text: PASTE })), {
      timestamp: Math.floor(Date.now() / 1000) + offset,
    });
    expect(res.status).toBe(401);
    await settle();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('a request stamped 4 minutes ahead (clock drift) is still answered', async () => {
    const res = await t.http.sendEvent(eventCallback(messageEvent({ text: PASTE })), {
      timestamp: Math.floor(Date.now() / 1000) + 4 * 60,
    });
    expect(res.status).toBe(200);
    await slack.waitFor('chat.postMessage');
  });

  it('an unsigned ssl_check gets 401; a signed one gets 200', async () => {
    const body = 'ssl_check=1&token=' + SLACK_IDS.verificationToken;
    const unsigned = await t.http.sendRaw(
      body,
      'application/x-www-form-urlencoded',
      {},
      {
        signature: 'missing',
      },
    );
    expect(unsigned.status).toBe(401);
    const badly = await t.http.sendRaw(
      body,
      'application/x-www-form-urlencoded',
      {},
      {
        signature: 'bad',
      },
    );
    expect(badly.status).toBe(401);
    const signed = await t.http.sendRaw(body, 'application/x-www-form-urlencoded');
    expect(signed.status).toBe(200);
  });
});

describe('only this installation', () => {
  it.each([
    ['another workspace', { teamId: 'T0OTHER' }],
    ['another app', { apiAppId: 'A0OTHER' }],
  ])('a message event from %s is acknowledged and ignored', async (_name, opts) => {
    const res = await t.http.sendEvent(eventCallback(messageEvent({ text: PASTE }), opts));
    expect(res.status).toBe(200);
    await settle();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    // The same paste from this installation is answered (the check is not just silence).
    await t.http.sendEvent(eventCallback(messageEvent({ text: PASTE })));
    await slack.waitFor('chat.postMessage');
  });

  it('a message event from another enterprise is ignored', async () => {
    const event = eventCallback(messageEvent({ text: PASTE }));
    Object.assign(event, { enterprise_id: 'E0OTHER', context_enterprise_id: 'E0OTHER' });
    expect((await t.http.sendEvent(event)).status).toBe(200);
    await settle();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it.each([
    ['another workspace', { team_id: 'T0OTHER' }],
    ['another app', { api_app_id: 'A0OTHER' }],
    ['another enterprise', { enterprise_id: 'E0OTHER' }],
  ])('/tfauth from %s gets 200 and no answer', async (_name, extra) => {
    const tag = `foreign-${Math.random()}`;
    const fields = {
      ...(slashCommand({ text: PASTE, response_url: slack.responseUrl(tag) }) as unknown as Record<
        string,
        string
      >),
      ...extra,
    };
    const res = await commandAnswers(fields);
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    await settle(300);
    expect(slack.responses.filter((r) => r.tag === tag)).toHaveLength(0);
  });

  it('a click from another workspace changes nothing and records nothing', async () => {
    const { reply } = await pasteAndReply(t, PASTE);
    const before = (await t.bot.context.outcomes.stats(7, Date.now())).perClass.reduce(
      (n, c) => n + c.fixed,
      0,
    );
    const payload = blockActions({
      actionId: 'tfauth_fixed',
      value: button(reply.blocks, 'tfauth_fixed').value,
      channel: reply.channel,
      message: { type: 'message', ts: reply.ts, text: reply.text, blocks: reply.blocks },
      responseUrl: slack.responseUrl('foreign-click'),
    });
    payload.team = { id: 'T0OTHER', domain: 'other' };
    expect((await t.http.sendInteraction(payload)).status).toBe(200);
    await settle();
    expect(slack.callsTo('chat.update')).toHaveLength(0);
    const after = (await t.bot.context.outcomes.stats(7, Date.now())).perClass.reduce(
      (n, c) => n + c.fixed,
      0,
    );
    expect(after).toBe(before);
  });
});

describe('once', () => {
  it('a replayed /tfauth request (same body, signature and timestamp) is answered once', async () => {
    const tag = `replay-${Math.random()}`;
    const body = form(slashCommand({ text: PASTE, response_url: slack.responseUrl(tag) }));
    const headers = { ...signRequest(body, SIGNING_SECRET) };
    for (let i = 0; i < 3; i++) {
      const res = await t.http.sendRaw(body, 'application/x-www-form-urlencoded', headers);
      expect(res.status).toBe(200);
    }
    await settle(300);
    expect(slack.responses.filter((r) => r.tag === tag)).toHaveLength(1);
  });

  it('the same trigger_id signed afresh is answered once', async () => {
    const tag = `trigger-${Math.random()}`;
    const fields = slashCommand({
      text: PASTE,
      response_url: slack.responseUrl(tag),
      trigger_id: triggerId(),
    }) as unknown as Record<string, string>;
    await t.http.sendCommand(fields, { timestamp: Math.floor(Date.now() / 1000) - 5 });
    await t.http.sendCommand(fields);
    await settle(300);
    expect(slack.responses.filter((r) => r.tag === tag)).toHaveLength(1);
  });

  it('a replayed click records the fix once', async () => {
    await t.http.sendEvent(
      eventCallback(
        messageEvent({
          text: 'api error ExpiredToken: The security token included in the request is expired',
        }),
      ),
    );
    await slack.waitFor('chat.postMessage');
    await t.bot.context.inFlight.settled();
    const reply = latest(t);
    const stats = async () =>
      (await t.bot.context.outcomes.stats(7, Date.now())).perClass.find(
        (c) => c.classId === 'aws.expired_token',
      )?.fixed ?? 0;
    const before = await stats();
    const payload = blockActions({
      actionId: 'tfauth_fixed',
      value: button(reply.blocks, 'tfauth_fixed').value,
      channel: reply.channel,
      message: { type: 'message', ts: reply.ts, text: reply.text, blocks: reply.blocks },
      responseUrl: slack.responseUrl('replayed-click'),
    });
    const body = form({ payload: JSON.stringify(payload) });
    const headers = { ...signRequest(body, SIGNING_SECRET) };
    for (let i = 0; i < 4; i++)
      await t.http.sendRaw(body, 'application/x-www-form-urlencoded', headers);
    await settle();
    expect(await stats()).toBe(before + 1);
  });
});

describe('malformed input never takes the process down', () => {
  it.each([
    ['the JSON literal null', 'null', 'application/json'],
    ['a JSON string', '"hello"', 'application/json'],
    ['a JSON number', '42', 'application/json'],
    ['a payload of null', 'payload=null', 'application/x-www-form-urlencoded'],
  ])('a validly signed body of %s gets 400 and the bot keeps answering', async (_n, body, type) => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const res = await t.http.sendRaw(body, type);
      expect(res.status).toBe(400);
      await settle(100);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    expect(rejections).toEqual([]);
    await t.http.sendEvent(eventCallback(messageEvent({ text: PASTE })));
    await slack.waitFor('chat.postMessage');
  });

  const wrong: Array<[string, Record<string, unknown>]> = [
    ['event.channel a number', { channel: 12345 }],
    ['event.user an object', { user: { id: 'U0USER' } }],
    ['event.ts a number', { ts: 1700000000.1234 }],
    ['event.text an object', { text: { evil: true } }],
    ['event.thread_ts an array', { thread_ts: ['1.2'] }],
    ['event.files a string', { files: 'F0FILE' }],
    ['event.files holding null', { files: [null] }],
    ['event.subtype a number', { subtype: 7 }],
    ['event.channel an object', { channel: { id: 'C0CHAN' } }],
  ];
  it.each(wrong)('a message event with %s gets 200 and silence', async (_name, patch) => {
    const event = { ...messageEvent({ text: PASTE }), ...patch };
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const res = await t.http.sendEvent(eventCallback(event as never));
      expect(res.status).toBe(200);
      await settle();
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    expect(rejections).toEqual([]);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(slack.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('an App Home opening with event.user an object publishes nothing', async () => {
    const res = await t.http.sendEvent(
      eventCallback({ ...appHomeOpened(), user: { id: SLACK_IDS.userId } } as never),
    );
    expect(res.status).toBe(200);
    await settle();
    expect(slack.callsTo('views.publish')).toHaveLength(0);
    await t.http.sendEvent(eventCallback(appHomeOpened()));
    await slack.waitFor('views.publish');
  });

  it.each([
    ['event a string', { event: 'message' }],
    ['event null', { event: null }],
    ['team_id a number', { team_id: 42 }],
    ['authorizations a string', { authorizations: 'all' }],
  ])('an envelope with %s gets 200 and silence', async (_name, patch) => {
    const envelope = { ...eventCallback(messageEvent({ text: PASTE })), ...patch };
    const res = await t.http.sendEvent(envelope);
    expect(res.status).toBe(200);
    await settle();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it.each([
    ['user an array', (p: Record<string, unknown>) => (p.user = ['U0USER'])],
    ['actions not an array', (p: Record<string, unknown>) => (p.actions = { a: 1 })],
    ['an action holding null', (p: Record<string, unknown>) => (p.actions = [null])],
    ['channel.id a number', (p: Record<string, unknown>) => (p.channel = { id: 7 })],
    ['message a string', (p: Record<string, unknown>) => (p.message = 'hi')],
    ['container null', (p: Record<string, unknown>) => (p.container = null)],
  ])('a click with %s gets 200 and silence', async (_name, mutate) => {
    const payload = blockActions({
      actionId: 'tfauth_walk',
      value: 'x.y',
      responseUrl: slack.responseUrl('bad-click'),
    }) as unknown as Record<string, unknown>;
    mutate(payload);
    const res = await t.http.sendInteraction(payload);
    expect(res.status).toBe(200);
    await settle();
    expect(slack.responses.filter((r) => r.tag === 'bad-click')).toHaveLength(0);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it.each([
    ['user_id missing', { user_id: undefined }],
    ['text missing', { text: undefined }],
  ])('/tfauth with %s gets 200 and silence', async (_name, patch) => {
    const tag = `badcmd-${Math.random()}`;
    const fields = {
      ...(slashCommand({ text: PASTE, response_url: slack.responseUrl(tag) }) as unknown as Record<
        string,
        string | undefined
      >),
      ...patch,
    };
    const res = await t.http.sendCommand(fields);
    expect(res.status).toBe(200);
    await settle(300);
    expect(slack.responses.filter((r) => r.tag === tag)).toHaveLength(0);
  });

  it('after all of that, a real click still works', async () => {
    await click(t, (await pasteAndReply(t, PASTE)).reply, 'tfauth_walk');
    expect(latest(t).text).toContain('Walk-through');
  });
});

describe('with TFAUTH_MULTI_WORKSPACE=1', () => {
  let multi: TestBot;
  beforeAll(async () => {
    multi = await startTestBot({
      slack,
      env: { TFAUTH_DATA_DIR: dataDir, TFAUTH_MULTI_WORKSPACE: '1', SLACK_APP_ID: SLACK_IDS.appId },
    });
  });
  afterAll(async () => {
    await multi.stop();
  });

  it('answers other workspaces of the same app, still not another app', async () => {
    await multi.http.sendEvent(eventCallback(messageEvent({ text: PASTE }), { teamId: 'T0OTHER' }));
    await slack.waitFor('chat.postMessage');
    slack.reset();
    await multi.http.sendEvent(
      eventCallback(messageEvent({ text: PASTE }), { apiAppId: 'A0OTHER' }),
    );
    await new Promise((r) => setTimeout(r, 150));
    await multi.bot.context.inFlight.settled();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
