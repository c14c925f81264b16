// Act only on your own (issue 11, part 4): the outcome buttons of a diagnosis ("It worked",
// "Not an auth error", "That fixed it", "Ask @platform-team") count once per reply and only
// from the person who pasted or who runs the walk-through; everyone else gets a private note.
// One walk-through per reply, however many clicks.

import { SLACK_IDS, SlackTestServer, type StoredMessage } from '@tfauth/slack-test-server';
import { startTestBot, type TestBot } from '../support/bot';
import { click, clickAs as clickAsUser, latest, pasteAndReply } from '../support/clicks';

const ALICE = SLACK_IDS.userId; // pastes the error
const BOB = 'U0BOB'; // someone else in the channel
const CAROL = 'U0CAROL'; // starts the walk-through on Alice's paste

const SSO =
  'Error: failed to refresh cached credentials, refresh cached SSO token failed, unable to refresh SSO token, operation error SSO OIDC: CreateToken, https response error StatusCode: 400, RequestID: c0dd4a98-e423-4de2-b972-d749d58afd44, InvalidGrantException:\nprofile = "platform-dev"';
const EXPIRED = 'api error ExpiredToken: The security token included in the request is expired';

let slack: SlackTestServer;
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ env: { TFAUTH_ESCALATION: 'S0PLATFORM' } });
  slack = t.slack;
});
afterAll(() => t.stop());
beforeEach(() => slack.reset());

const replyTo = (text: string, user = ALICE) => pasteAndReply(t, text, user);

async function counts(classId: string) {
  const row = (await t.bot.context.outcomes.stats(30, Date.now())).perClass.find(
    (c) => c.classId === classId,
  );
  return { fixed: row?.fixed ?? 0, notAuth: row?.notAuth ?? 0, escalated: row?.escalated ?? 0 };
}

/** Clicks as `user` and returns what the bot said privately to them through the response_url. */
const clickAs = (user: string, message: StoredMessage, actionId: string) =>
  clickAsUser(t, user, message, actionId);

function stored(ts: string): StoredMessage {
  const m = slack.messages(SLACK_IDS.channelId).find((x) => x.ts === ts);
  if (!m) throw new Error(`no message ${ts}`);
  return m;
}

async function walkToStuck(reply: StoredMessage, user: string): Promise<StoredMessage> {
  await click(t, reply, 'tfauth_walk', { user });
  const walk = latest(t);
  await click(t, walk, 'tfauth_source:credential_process', { user });
  for (let i = 0; i < 20 && !stored(walk.ts).text.startsWith('Still stuck'); i++)
    await click(t, stored(walk.ts), 'tfauth_step_done', { user });
  return stored(walk.ts);
}

it.each([
  ['It worked', 'tfauth_fixed', 'fixed'],
  ['Not an auth error', 'tfauth_not_auth', 'notAuth'],
] as const)(
  '"%s" from someone else gets a private note and changes and records nothing; from the owner it counts',
  async (_label, actionId, kind) => {
    const { reply } = await replyTo(EXPIRED);
    const before = await counts('aws.expired_token');
    const notes = await clickAs(BOB, reply, actionId);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(notes[0]?.text)).toContain(`<@${ALICE}>`);
    expect(slack.callsTo('chat.update')).toHaveLength(0);
    expect(stored(reply.ts).blocks).toEqual(reply.blocks);
    expect((await counts('aws.expired_token'))[kind]).toBe(before[kind]);

    await clickAs(ALICE, reply, actionId);
    expect(slack.callsTo('chat.update')).toHaveLength(1);
    expect((await counts('aws.expired_token'))[kind]).toBe(before[kind] + 1);
  },
);

it('one fix counts once in /tfauth stats, however many clicks (reply and walk-through together)', async () => {
  const { reply } = await replyTo(SSO);
  const before = await counts('aws.sso_token');
  // Stale clients and double-clicks: the same button, six times.
  for (let i = 0; i < 6; i++) await click(t, reply, 'tfauth_fixed');
  await click(t, reply, 'tfauth_walk');
  const walk = latest(t);
  await click(t, walk, 'tfauth_source:sso');
  const step1 = stored(walk.ts);
  await click(t, step1, 'tfauth_step_fixed');
  await click(t, step1, 'tfauth_step_fixed');
  expect((await counts('aws.sso_token')).fixed).toBe(before.fixed + 1);
});

it('ten clicks on "Walk me through it" post one walk-through; the others are pointed to it privately', async () => {
  const { msg, reply } = await replyTo(SSO);
  const tags = Array.from({ length: 10 }, (_, i) => `walk-${i}-${Math.random()}`);
  await Promise.all(
    tags.map((tag, i) =>
      click(t, reply, 'tfauth_walk', {
        user: i % 2 ? BOB : ALICE,
        responseUrl: slack.responseUrl(tag),
      }),
    ),
  );
  const posts = slack.callsTo('chat.postMessage');
  expect(posts).toHaveLength(2); // the reply and one walk-through
  const walk = slack.messages(SLACK_IDS.channelId).filter((m) => m.thread_ts === msg.ts);
  expect(walk.filter((m) => m.text.includes('Walk-through'))).toHaveLength(1);
  // Later clicks: a private pointer to the existing walk-through.
  const later = await clickAs(BOB, reply, 'tfauth_walk');
  expect(later).toHaveLength(1);
  expect(later[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  expect(String(later[0]?.text)).toContain('already');
  expect(String(later[0]?.text)).toContain('slack.com/archives/');
  expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
});

it("nobody can pre-empt the owner's escalation: someone else's click gets a note, the owner's posts once", async () => {
  const { msg, reply } = await replyTo(SSO);
  const stuck = await walkToStuck(reply, ALICE);
  const posts = slack.callsTo('chat.postMessage').length;
  const notes = await clickAs(BOB, stuck, 'tfauth_escalate');
  expect(notes).toHaveLength(1);
  expect(String(notes[0]?.text)).toContain(`<@${ALICE}>`);
  expect(slack.callsTo('chat.postMessage')).toHaveLength(posts);

  await clickAs(ALICE, stuck, 'tfauth_escalate');
  const after = slack.callsTo('chat.postMessage');
  expect(after).toHaveLength(posts + 1);
  expect(String(after.at(-1)?.args.text)).toContain(`<!subteam^S0PLATFORM> <@${ALICE}>`);
  expect(after.at(-1)?.args.thread_ts).toBe(msg.ts);
});

it('whoever started the walk-through may act on it; others may not step through it', async () => {
  const { reply } = await replyTo(SSO);
  const before = await counts('aws.sso_token');
  await click(t, reply, 'tfauth_walk', { user: CAROL });
  const walk = latest(t);
  await click(t, walk, 'tfauth_source:sso', { user: CAROL });
  const step1 = stored(walk.ts);
  expect(step1.text).toMatch(/^Step 1 of/);

  const notes = await clickAs(BOB, step1, 'tfauth_step_done');
  expect(notes).toHaveLength(1);
  expect(String(notes[0]?.text)).toContain(`<@${CAROL}>`);
  expect(stored(walk.ts).text).toBe(step1.text);

  await clickAs(BOB, step1, 'tfauth_step_fixed');
  expect((await counts('aws.sso_token')).fixed).toBe(before.fixed);
  await click(t, step1, 'tfauth_step_fixed', { user: CAROL });
  expect((await counts('aws.sso_token')).fixed).toBe(before.fixed + 1);
});
