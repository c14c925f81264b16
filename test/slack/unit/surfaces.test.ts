// Every Slack surface through the real Bolt app and its real listeners, in memory: a fake
// receiver calls app.processEvent, the Web API and response_urls are answered by
// MemorySlack (test/support/fake-receiver.ts). The end-to-end suites beside this one cover
// the wire (signatures, Socket Mode, Slack's validation, faults); these cover what each
// surface answers, in milliseconds.

import {
  appHomeOpened,
  appMentionEvent,
  blockActions,
  eventCallback,
  messageEvent,
  messageShortcut,
  SLACK_IDS,
  slashCommand,
  validateBlocks,
  validateView,
  viewSubmission,
} from '@tfauth/slack-test-server';
import { ACTIONS, COMMAND, MODAL_CALLBACK, SHORTCUT_CALLBACK } from '../../../src/slack/action-ids';
import { button } from '../../support/clicks';
import { startFakeBot, type FakeBot, type Posted } from '../../support/fake-receiver';
import { SSO, INVALID_KEY } from '../../support/pastes';

/** Replies' headlines for the two pastes (the catalog's titles, features/diagnose/reply.ts). */
const SSO_TITLE = 'IAM Identity Center';
const INVALID_KEY_TITLE = 'AWS does not recognise the access key';

/** Someone who did not paste the error. */
const MALLORY = 'U0MALLORY';

// A fresh bot per test (its own data folder): no outcome or dedupe state carries over.
let t: FakeBot;
beforeEach(async () => {
  t = await startFakeBot();
});
afterEach(async () => {
  await t.stop();
});

const text = (v: unknown): string => JSON.stringify(v);

/** A user's message in #infra-help: stored as Slack stores it, then delivered as an event. */
async function paste(body: string, opts: { thread_ts?: string; user?: string } = {}) {
  const msg = messageEvent({ text: body, ...opts });
  t.slack.addMessage({
    channel: msg.channel,
    ts: msg.ts,
    text: msg.text,
    user: msg.user ?? SLACK_IDS.userId,
    ...(opts.thread_ts ? { thread_ts: opts.thread_ts } : {}),
  });
  const ack = await t.send(eventCallback(msg));
  expect(ack.acked).toBe(true);
  return msg;
}

/** The bot's one reply in the channel (fails when there is none, or more than one). */
function onlyReply(): Posted {
  const replies = t.slack.botMessages();
  expect(replies).toHaveLength(1);
  return replies[0] as Posted;
}

/** Clicks a button on a message the bot posted, as Slack sends the click. */
function clickOn(
  message: Posted,
  actionId: string,
  value: string,
  user: string = SLACK_IDS.userId,
) {
  return t.send(
    blockActions({
      actionId,
      value,
      user,
      channel: message.channel,
      responseUrl: `https://hooks.slack.com/actions/${SLACK_IDS.teamId}/1/${actionId}`,
      message: {
        type: 'message',
        ts: message.ts,
        text: message.text,
        blocks: message.blocks,
        ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
      },
      ...(message.thread_ts ? { threadTs: message.thread_ts } : {}),
    }),
  );
}

describe('channel messages', () => {
  it('answers an auth paste in its thread with the diagnosis', async () => {
    const msg = await paste(`my plan fails:\n\`\`\`${SSO}\`\`\``);
    const reply = onlyReply();
    expect(reply.channel).toBe(SLACK_IDS.channelId);
    expect(reply.thread_ts).toBe(msg.ts);
    expect(reply.text).toContain(SSO_TITLE);
    expect(validateBlocks(reply.blocks ?? [], 'message')).toEqual([]);
    expect(text(reply.blocks)).toContain('aws sso login');
    expect(button(reply.blocks, ACTIONS.walk).value).not.toBe('');
  });

  it('answers a paste inside a thread under that same thread', async () => {
    const parent = await paste('anyone seen this?');
    await paste(INVALID_KEY, { thread_ts: parent.ts });
    const reply = onlyReply();
    expect(reply.thread_ts).toBe(parent.ts);
    expect(reply.text).toContain(INVALID_KEY_TITLE);
  });

  it.each([
    ['chat', 'lunch at noon?'],
    ['a successful plan', 'Plan: 3 to add, 0 to change, 0 to destroy.'], // invented: plain Terraform summary line
    ['a non-auth error', 'Error: Error acquiring the state lock'], // invented: state lock, not auth (TAXONOMY: silent)
  ])('stays silent on %s', async (_what, body) => {
    await paste(body);
    expect(t.slack.calls.map((c) => c.method)).toEqual([]);
    expect(t.slack.responses).toEqual([]);
  });
});

describe('app_mention', () => {
  it('in a thread: diagnoses the thread’s first message and answers in the thread', async () => {
    // The paste is in Slack's history (conversations.replies) but was never answered.
    const parent = messageEvent({ text: INVALID_KEY, user: 'U0PASTER' });
    t.slack.addMessage({
      channel: parent.channel,
      ts: parent.ts,
      text: parent.text,
      user: 'U0PASTER',
    });
    const ack = await t.send(
      eventCallback(appMentionEvent({ text: 'what is this?', thread_ts: parent.ts })),
    );
    expect(ack.acked).toBe(true);
    const reply = onlyReply();
    expect(reply.thread_ts).toBe(parent.ts);
    expect(reply.text).toContain(INVALID_KEY_TITLE);
    expect(t.slack.ephemerals).toEqual([]);
  });
});

describe('/tfauth', () => {
  async function command(body: string) {
    const cmd = slashCommand({ text: body });
    const ack = await t.send(cmd);
    expect(ack.acked).toBe(true);
    return cmd;
  }

  function onlyResponse(url: string) {
    expect(t.slack.responses.map((r) => r.url)).toEqual([url]);
    return t.slack.responses[0]?.body as {
      response_type?: string;
      text?: string;
      blocks?: unknown[];
    };
  }

  it('with a paste: the diagnosis privately, through the response_url, nothing in the channel', async () => {
    const cmd = await command(INVALID_KEY);
    const answer = onlyResponse(cmd.response_url);
    expect(answer.response_type).toBe('ephemeral');
    expect(text(answer)).toContain(INVALID_KEY_TITLE);
    expect(button(answer.blocks, ACTIONS.share).value).not.toBe('');
    expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('alone: opens the paste box with the command’s trigger', async () => {
    const cmd = await command('');
    const opened = t.slack.callsTo('views.open');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.args.trigger_id).toBe(cmd.trigger_id);
    const view = opened[0]?.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(MODAL_CALLBACK);
    expect(validateView(view as never, 'modal')).toEqual([]);
    expect(t.slack.responses).toEqual([]);
  });

  it('help: how to use it, privately', async () => {
    const cmd = await command('help');
    const answer = onlyResponse(cmd.response_url);
    expect(answer.response_type).toBe('ephemeral');
    expect(text(answer)).toContain('message shortcut');
    expect(text(answer)).toContain(COMMAND);
  });

  it('stats: counts what was answered and fixed here', async () => {
    // One reply, marked fixed by whoever pasted it: stats must show it.
    await paste(INVALID_KEY);
    const reply = onlyReply();
    await clickOn(reply, ACTIONS.fixed, button(reply.blocks, ACTIONS.fixed).value);
    t.slack.responses.length = 0;
    const cmd = await command('stats');
    const answer = onlyResponse(cmd.response_url);
    expect(text(answer)).toContain('Last 7 days');
    expect(text(answer)).toContain('`aws.invalid_access_key` — 1 diagnosed · 1 fixed');
  });
});

describe('message shortcut', () => {
  it('diagnoses the message privately', async () => {
    const msg = messageEvent({ text: INVALID_KEY });
    const responseUrl = `https://hooks.slack.com/app/${SLACK_IDS.teamId}/1/shortcut`;
    const ack = await t.send(
      messageShortcut({
        callbackId: SHORTCUT_CALLBACK,
        message: msg,
        responseUrl,
      }),
    );
    expect(ack.acked).toBe(true);
    expect(t.slack.responses.map((r) => r.url)).toEqual([responseUrl]);
    const answer = t.slack.responses[0]?.body;
    expect(answer?.response_type).toBe('ephemeral');
    expect(text(answer)).toContain(INVALID_KEY_TITLE);
    expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('walk-through button', () => {
  it('with its signed value: posts the source question in the paste’s thread', async () => {
    const msg = await paste(SSO);
    const reply = onlyReply();
    await clickOn(reply, ACTIONS.walk, button(reply.blocks, ACTIONS.walk).value);
    const posted = t.slack.botMessages();
    expect(posted).toHaveLength(2);
    const flow = posted[1] as Posted;
    expect(flow.thread_ts).toBe(msg.ts);
    expect(flow.text).toContain('Walk-through');
    expect(text(flow.blocks)).toContain('Where do Terraform');
    expect(validateBlocks(flow.blocks ?? [], 'message')).toEqual([]);
  });

  it.each([
    [
      'its signature altered',
      (v: string) => `${v.slice(0, -3)}${v.endsWith('AAA') ? 'BBB' : 'AAA'}`,
    ],
    [
      'its state rewritten (owner set to the clicker), the old signature kept',
      (v: string) => {
        const dot = v.lastIndexOf('.');
        const state = JSON.parse(Buffer.from(v.slice(0, dot), 'base64url').toString()) as object;
        const forged = Buffer.from(JSON.stringify({ ...state, o: MALLORY })).toString('base64url');
        return `${forged}${v.slice(dot)}`;
      },
    ],
    ['a value never signed', () => 'not-even-close'],
  ])(
    'with %s: refused — a private "expired" note and the diagnosis again, no walk-through',
    async (_what, tamper) => {
      await paste(SSO);
      const reply = onlyReply();
      const value = button(reply.blocks, ACTIONS.walk).value;
      await clickOn(reply, ACTIONS.walk, tamper(value), MALLORY);
      expect(t.slack.botMessages()).toHaveLength(1); // no walk-through was posted
      expect(t.slack.responses).toHaveLength(1);
      const note = t.slack.responses[0]?.body;
      expect(note?.response_type).toBe('ephemeral');
      expect(note?.text).toBe('This walk-through has expired');
      expect(text(note)).toContain(SSO_TITLE);
    },
  );
});

describe('paste box submission', () => {
  it('answers privately through the command’s response_url', async () => {
    await t.send(slashCommand({ text: '' }));
    const view = t.slack.callsTo('views.open')[0]?.args.view as { private_metadata: string };
    const { responseUrl } = JSON.parse(view.private_metadata) as { responseUrl: string };
    const ack = await t.send(
      viewSubmission({
        callbackId: MODAL_CALLBACK,
        privateMetadata: view.private_metadata,
        values: { tfauth_paste: { paste: INVALID_KEY } },
      }),
    );
    expect(ack).toEqual({ acked: true });
    expect(t.slack.responses.map((r) => r.url)).toEqual([responseUrl]);
    expect(t.slack.responses[0]?.body.response_type).toBe('ephemeral');
    expect(text(t.slack.responses[0]?.body)).toContain(INVALID_KEY_TITLE);
  });

  it('empty: refused in the modal itself, nothing sent', async () => {
    const ack = await t.send(
      viewSubmission({
        callbackId: MODAL_CALLBACK,
        privateMetadata: '{}',
        values: { tfauth_paste: { paste: '   ' } },
      }),
    );
    expect(ack.response).toMatchObject({ response_action: 'errors' });
    expect(t.slack.calls).toEqual([]);
    expect(t.slack.responses).toEqual([]);
  });
});

describe('App Home', () => {
  it('publishes the Home tab for whoever opened it', async () => {
    const ack = await t.send(eventCallback(appHomeOpened(SLACK_IDS.userId)));
    expect(ack.acked).toBe(true);
    const view = t.slack.homeViews.get(SLACK_IDS.userId);
    expect(view?.type).toBe('home');
    expect(validateView(view as never, 'home')).toEqual([]);
    expect(text(view)).toContain(COMMAND);
  });

  it('publishes nothing when the Messages tab was opened', async () => {
    await t.send(eventCallback(appHomeOpened(SLACK_IDS.userId, { tab: 'messages' })));
    expect(t.slack.calls).toEqual([]);
  });
});
