// Nothing acknowledged is lost, for every surface that answers: a /tfauth command, the
// message shortcut, a walk-through click and a paste-box submission are acknowledged, the bot
// is SIGKILLed right after, restarted on the same data directory, and each gets exactly one
// answer — counted in what Slack received — with the click's outcome recorded once.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  blockActions,
  eventCallback,
  messageChangedEvent,
  messageEvent,
  messageShortcut,
  slashCommand,
  SlackHttpClient,
  SlackTestServer,
  viewSubmission,
  type StoredMessage,
} from '@tfauth/slack-test-server';
import { MODAL_CALLBACK, SHORTCUT_CALLBACK } from '../../src/slack/action-ids';
import { journaledInteraction } from '../../src/slack/platform/intake';
import { FileOutcomeStore } from '../../src/infra/outcomes-file';
import { SIGNING_SECRET, testEnv } from '../support/bot';
import { eventually, startBotProcess, type BotProcess } from '../support/bot-process';
import { button } from '../support/clicks';
import { intakeStats, pendingWork } from '../support/reply-counts';

jest.setTimeout(120_000);

const CHANNEL = 'C0INTAKE';

// corpus pg-readme-sso-invalidgrant-114 (as in messages.test.ts)
const SSO = `╷
│ Error: configuring Terraform AWS Provider: no valid credential sources for Terraform AWS Provider found.
│
│ AWS Error: failed to refresh cached credentials, refresh cached SSO token failed, unable to refresh SSO token, operation error SSO OIDC: CreateToken, https response error StatusCode: 400, RequestID: c0dd4a98-e423-4de2-b972-d749d58afd44, InvalidGrantException:
│
│   with provider["registry.terraform.io/hashicorp/aws"].us_east_1,
│   on providers.tf line 3, in provider "aws":
│    3: provider "aws" {
╵`;

// invented: the shape of aws-sdk-go-v2's shared-config error, as durability.test.ts pastes it
const PROFILE = 'Error: failed to get shared config profile, intake-test';

// The state-lock message of Terraform's S3 backend (messages.test.ts "silence"): not an auth error.
const STATE_LOCK =
  'Error: Error acquiring the state lock\nError message: ConditionalCheckFailedException: The conditional request failed';

let slack: SlackTestServer;
let dir: string;
const running: BotProcess[] = [];
beforeAll(async () => {
  slack = await SlackTestServer.start();
});
beforeEach(() => {
  slack.reset();
  dir = mkdtempSync(join(tmpdir(), 'tfauth-intake-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.kill()));
  rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await slack.close();
});

/** How Slack reaches the bot: signed HTTP requests, or Socket Mode envelopes (acked or not). */
interface Door {
  sendEvent(body: object): Promise<{ status: number }>;
  sendCommand(fields: Record<string, string | undefined>): Promise<{ status: number }>;
  sendInteraction(payload: object): Promise<{ status: number }>;
}

function socketDoor(): Door {
  const send = async (type: 'events_api' | 'slash_commands' | 'interactive', payload: object) => {
    await slack.socket.send(type, payload); // resolves with the bot's ack
    return { status: 200 };
  };
  return {
    sendEvent: (body) => send('events_api', body),
    sendCommand: (fields) => send('slash_commands', fields),
    sendInteraction: (payload) => send('interactive', payload),
  };
}

async function start(mode: 'http' | 'socket' = 'http'): Promise<{ bot: BotProcess; http: Door }> {
  const bot = await startBotProcess(testEnv(mode, slack.apiUrl, { TFAUTH_DATA_DIR: dir }));
  running.push(bot);
  if (mode === 'socket') await slack.socket.connected(5000);
  return {
    bot,
    http:
      mode === 'socket'
        ? socketDoor()
        : new SlackHttpClient(`http://127.0.0.1:${bot.port}/slack/events`, SIGNING_SECRET),
  };
}

function thread(ts: string): StoredMessage[] {
  return slack.messages(CHANNEL).filter((m) => m.thread_ts === ts);
}

function clickPayload(message: StoredMessage, actionId: string, responseUrl: string) {
  return blockActions({
    actionId,
    value: button(message.blocks, actionId).value,
    channel: CHANNEL,
    responseUrl,
    message: {
      type: 'message',
      ts: message.ts,
      text: message.text,
      blocks: message.blocks,
      ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
    },
    ...(message.thread_ts ? { threadTs: message.thread_ts } : {}),
  });
}

async function ok(res: Promise<{ status: number }>): Promise<void> {
  expect((await res).status).toBe(200);
}

/** The walk-through's "fixed" outcomes recorded in the data directory's outcome store. */
async function fixesRecorded(): Promise<number> {
  const store = await FileOutcomeStore.open(dir);
  try {
    const stats = await store.stats(7, Date.now());
    return stats.perClass.reduce((n, c) => n + c.fixed, 0);
  } finally {
    await store.close();
  }
}

/** A paste answered in the thread, its walk-through started, and a source picked: at step 1. */
async function walkThroughAtStep1(http: Door, bot: BotProcess) {
  const paste = messageEvent({ text: SSO, channel: CHANNEL });
  await ok(http.sendEvent(eventCallback(paste)));
  expect(await eventually(() => thread(paste.ts).length === 1, 15_000)).toBe(true);
  const reply = thread(paste.ts)[0] as StoredMessage;
  await ok(http.sendInteraction(clickPayload(reply, 'tfauth_walk', slack.responseUrl('walk'))));
  expect(await eventually(() => thread(paste.ts).length === 2, 15_000)).toBe(true);
  const walk = () => thread(paste.ts)[1] as StoredMessage;
  await ok(
    http.sendInteraction(clickPayload(walk(), 'tfauth_source:sso', slack.responseUrl('source'))),
  );
  const atStep = () => JSON.stringify(walk().blocks).includes('tfauth_step_fixed');
  expect(await eventually(atStep, 15_000)).toBe(true);
  expect(await eventually(async () => (await pendingWork(bot.port)) === 0, 15_000)).toBe(true);
  return { paste, reply, walk };
}

const answers = (tag: string) => slack.responses.filter((r) => r.tag === tag);
const isFixedScreen = (m: StoredMessage) =>
  m.text === 'Fixed — recorded' && !JSON.stringify(m.blocks).includes('tfauth_step_fixed');

it.each(['http', 'socket'] as const)(
  '%s: SIGKILL right after acknowledging a command, a shortcut, a click and a paste-box submission: after the restart each has exactly one answer, and the click one outcome',
  async (mode) => {
    const first = await start(mode);
    const { paste, walk } = await walkThroughAtStep1(first.http, first.bot);
    const threadBefore = thread(paste.ts).length;

    const urls = {
      command: slack.responseUrl('command'),
      shortcut: slack.responseUrl('shortcut'),
      click: slack.responseUrl('click'),
      box: slack.responseUrl('box'),
    };
    const acks = await Promise.all([
      first.http.sendCommand({
        ...slashCommand({ text: PROFILE, channel_id: CHANNEL, response_url: urls.command }),
      }),
      first.http.sendInteraction(
        messageShortcut({
          callbackId: SHORTCUT_CALLBACK,
          channel: CHANNEL,
          message: paste,
          responseUrl: urls.shortcut,
        }),
      ),
      first.http.sendInteraction(clickPayload(walk(), 'tfauth_step_fixed', urls.click)),
      first.http.sendInteraction(
        viewSubmission({
          callbackId: MODAL_CALLBACK,
          privateMetadata: JSON.stringify({ responseUrl: urls.box, channel: CHANNEL }),
          values: { tfauth_paste: { paste: PROFILE } },
        }),
      ),
    ]);
    await first.bot.kill();
    expect(acks.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const answered = () =>
      [answers('command'), answers('shortcut'), answers('box')].filter((a) => a.length > 0).length +
      (isFixedScreen(walk()) ? 1 : 0);
    expect(answered()).toBeLessThan(4); // the kill did cut in before the answers

    const second = await start(mode);
    const done = async () => answered() === 4 && (await pendingWork(second.bot.port)) === 0;
    expect(await eventually(done, 30_000)).toBe(true);
    // Exactly one answer each: 0 lost, 0 duplicates.
    expect(answers('command')).toHaveLength(1);
    expect(JSON.stringify(answers('command')[0]?.body)).toContain('intake-test');
    expect(answers('shortcut')).toHaveLength(1);
    expect(JSON.stringify(answers('shortcut')[0]?.body)).toContain('IAM Identity Center');
    expect(answers('box')).toHaveLength(1);
    expect(JSON.stringify(answers('box')[0]?.body)).toContain('intake-test');
    expect(slack.ephemerals(CHANNEL)).toEqual([]); // the box answered through its response_url
    expect(isFixedScreen(walk())).toBe(true);
    expect(thread(paste.ts)).toHaveLength(threadBefore); // updated in place, nothing posted
    expect(answers('click')).toEqual([]);
    expect(await fixesRecorded()).toBe(1);
  },
);

it('killed after a click recorded its outcome but before its answer was done: the replay answers and does not record it again', async () => {
  const first = await start();
  const { paste, walk } = await walkThroughAtStep1(first.http, first.bot);
  // Slack holds the walk-through's update: the bot dies waiting for it, its outcome recorded.
  slack.failNext('chat.update', { delayMs: 2000 });
  await ok(
    first.http.sendInteraction(clickPayload(walk(), 'tfauth_step_fixed', slack.responseUrl('c'))),
  );
  expect(await eventually(async () => (await fixesRecorded()) === 1, 15_000)).toBe(true);
  await first.bot.kill();

  const second = await start();
  const replayed = async () => ((await intakeStats(second.bot.port))?.replayed ?? 0) >= 1;
  expect(await eventually(replayed, 15_000)).toBe(true);
  expect(await eventually(async () => (await pendingWork(second.bot.port)) === 0, 15_000)).toBe(
    true,
  );
  expect(await eventually(() => isFixedScreen(walk()), 15_000)).toBe(true);
  expect(thread(paste.ts)).toHaveLength(2);
  expect(await fixesRecorded()).toBe(1);
});

it('SIGKILL right after acknowledging edits: after the restart the edited reply is updated once, the unanswered message answered once', async () => {
  const first = await start();
  const answeredPaste = messageEvent({ text: SSO, channel: CHANNEL });
  const chat = messageEvent({ text: 'terraform plan fails, pasting the error', channel: CHANNEL });
  await ok(first.http.sendEvent(eventCallback(answeredPaste)));
  await ok(first.http.sendEvent(eventCallback(chat)));
  expect(await eventually(() => thread(answeredPaste.ts).length === 1, 15_000)).toBe(true);
  expect(await eventually(async () => (await pendingWork(first.bot.port)) === 0, 15_000)).toBe(
    true,
  );

  await Promise.all([
    ok(first.http.sendEvent(eventCallback(messageChangedEvent(answeredPaste, STATE_LOCK)))),
    ok(first.http.sendEvent(eventCallback(messageChangedEvent(chat, PROFILE)))),
  ]);
  await first.bot.kill();
  const updated = () => thread(answeredPaste.ts)[0]?.text.includes('no longer shows') === true;
  const answeredEdit = () => thread(chat.ts).length > 0;
  expect([updated(), answeredEdit()]).not.toEqual([true, true]);

  const second = await start();
  const done = async () =>
    updated() && answeredEdit() && (await pendingWork(second.bot.port)) === 0;
  expect(await eventually(done, 30_000)).toBe(true);
  expect(thread(answeredPaste.ts)).toHaveLength(1);
  expect(thread(chat.ts)).toHaveLength(1);
  expect(thread(chat.ts)[0]?.text).toContain('profile');
});

describe('what an interaction leaves in the journal', () => {
  it("keeps the payload Bolt needs to run it again, without Slack's verification token", () => {
    const command = slashCommand({ text: PROFILE, channel_id: CHANNEL });
    expect(command.token).toBeDefined();
    const kept = journaledInteraction(command);
    expect(kept).toEqual(
      Object.fromEntries(Object.entries(command).filter(([k]) => k !== 'token')),
    );
  });

  it('leaves out what is not tfauth’s, and an empty paste box (its ack is the answer)', () => {
    const empty = viewSubmission({
      callbackId: MODAL_CALLBACK,
      privateMetadata: '{}',
      values: { tfauth_paste: { paste: '  ' } },
    });
    const other = blockActions({ actionId: 'someone_else', value: 'x' });
    for (const body of [empty, other, slashCommand({ command: '/other', text: 'x' })])
      expect(journaledInteraction(body as unknown as Record<string, unknown>)).toBeUndefined();
  });
});
