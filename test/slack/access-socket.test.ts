// Requests from this installation only, in Socket Mode (issue 11, part 5): envelopes carry no
// signature, so the workspace/app checks and the payload-shape guard are what stands between
// a frame and the listeners. Every envelope is acknowledged (Slack would redeliver it).

import {
  blockActions,
  eventCallback,
  messageEvent,
  SLACK_IDS,
  SlackTestServer,
  slashCommand,
} from '@tfauth/slack-test-server';
import { quiet, startTestBot, type TestBot } from '../support/bot';

const PASTE = 'Error: failed to get shared config profile, prod';

let slack: SlackTestServer;
let t: TestBot;

beforeAll(async () => {
  // No SLACK_APP_ID: in Socket Mode the app id comes from the connection's hello frame.
  t = await startTestBot({ mode: 'socket' });
  slack = t.slack;
});
afterAll(() => t.stop());
beforeEach(() => slack.reset());

const settle = () => quiet(t);

it.each([
  ['another workspace', { teamId: 'T0OTHER' }],
  ['another app', { apiAppId: 'A0OTHER' }],
])('an event from %s is acknowledged and ignored', async (_name, opts) => {
  const ack = await t.slack.socket.send(
    'events_api',
    eventCallback(messageEvent({ text: PASTE }), opts),
  );
  expect(ack.envelope_id).toBeTruthy();
  await settle();
  expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
});

it('a /tfauth from another workspace is acknowledged and not answered', async () => {
  const tag = `sock-foreign-${Math.random()}`;
  const ack = await t.slack.socket.send(
    'slash_commands',
    slashCommand({ text: PASTE, team_id: 'T0OTHER', response_url: slack.responseUrl(tag) }),
  );
  expect(ack.envelope_id).toBeTruthy();
  await settle();
  expect(slack.responses.filter((r) => r.tag === tag)).toHaveLength(0);
});

it('a slash command envelope delivered twice (same trigger_id) is answered once', async () => {
  const tag = `sock-replay-${Math.random()}`;
  const command = slashCommand({ text: PASTE, response_url: slack.responseUrl(tag) });
  await t.slack.socket.send('slash_commands', command);
  await t.slack.socket.send('slash_commands', command);
  await settle();
  expect(slack.responses.filter((r) => r.tag === tag)).toHaveLength(1);
});

it.each([
  ['event.channel a number', { channel: 42 }],
  ['event.user an object', { user: { id: SLACK_IDS.userId } }],
  ['event.thread_ts an array', { thread_ts: ['1.2'] }],
])('an event with %s is acknowledged and ignored', async (_name, patch) => {
  const event = { ...messageEvent({ text: PASTE }), ...patch };
  const ack = await t.slack.socket.send('events_api', eventCallback(event as never));
  expect(ack.envelope_id).toBeTruthy();
  await settle();
  expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
});

it.each([
  ['a null event', { ...eventCallback(messageEvent({ text: PASTE })), event: null }],
  [
    'a click whose actions are not an array',
    { ...blockActions({ actionId: 'tfauth_walk' }), actions: {} },
  ],
])(
  '%s is acknowledged, nothing is thrown, and the next paste is answered',
  async (_name, payload) => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const ack = await t.slack.socket.send(
        payload.type === 'block_actions' ? 'interactive' : 'events_api',
        payload,
      );
      expect(ack.envelope_id).toBeTruthy();
      await settle();
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    expect(rejections).toEqual([]);
    const errors = t.logs.filter((l) => /"level":"error"/.test(l) && /listener|unhandled/.test(l));
    expect(errors).toEqual([]);
    await t.slack.socket.send('events_api', eventCallback(messageEvent({ text: PASTE })));
    await slack.waitFor('chat.postMessage');
  },
);
