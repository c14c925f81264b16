// Shared files are read off the event loop (issues 11 and 12): the bot downloads a file's
// bytes and moves them to a diagnosis worker, which decodes and scans them. Asserted by
// structure, not by the clock: every engine function that reads text (the secret scan, the
// key-id scan, the classifier) is watched on this thread, and none of them may ever be handed
// a shared file's text — while the reply, the secret warning and the STS key lookup that only
// a scan of the file can produce still arrive. (The workers load dist/, which jest does not
// watch: what runs there is not seen here, by design.)

import {
  eventCallback,
  messageEvent,
  messageShortcut,
  SlackTestServer,
} from '@tfauth/slack-test-server';
import { startTestBot, type TestBot } from '../support/bot';
import { buttons } from '../support/clicks';
import { setIsolatedAwsEnv, StsTestServer } from '../support/sts-server';

/** Only in the shared file: a string holding it means the file's text reached this thread. */
const mockFileMark = 'tfauth-file-marker-7f3a9c';
/** The engine functions (by module) that were given the file's text on this thread. */
const mockTouched: string[] = [];

function mockWatch(name: string, real: Record<string, unknown>): Record<string, unknown> {
  const watched: Record<string, unknown> = { ...real };
  for (const [key, value] of Object.entries(real))
    if (typeof value === 'function')
      watched[key] = (...args: unknown[]) => {
        if (args.some((a) => typeof a === 'string' && a.includes(mockFileMark)))
          mockTouched.push(`${name}.${key}`);
        return (value as (...a: unknown[]) => unknown)(...args);
      };
  return watched;
}

jest.mock('../../src/diagnosis/diagnose', () =>
  mockWatch('diagnose', jest.requireActual('../../src/diagnosis/diagnose')),
);
jest.mock('../../src/diagnosis/secrets', () =>
  mockWatch('secrets', jest.requireActual('../../src/diagnosis/secrets')),
);
jest.mock('../../src/diagnosis/access-keys', () =>
  mockWatch('access-keys', jest.requireActual('../../src/diagnosis/access-keys')),
);
jest.mock('../../src/diagnosis/focus', () =>
  mockWatch('focus', jest.requireActual('../../src/diagnosis/focus')),
);

// The bot's own key (invented; decodes offline to 111122223333), as in sts.test.ts.
const BOT_KEY = 'AKIARTX3GSDSVJ2GMYLV';
const BOT_SECRET = 'tfauthTESTsecretKEY/0000000000000000000000';
// Published key id → account pair (docs.rs/aws_account_id_from_key_id): 171436882533.
const PASTE_KEY = 'AKIASP2TPHJSQH3FJXYZ';
// Invented, in the format of an AWS secret access key.
const PASTED_SECRET = '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';

/** 2 MB: a hostile shape (issue 11: repeated `eyJ-`), then an assume-role failure. */
function sharedLog(): string {
  const filler = `${'eyJ-'.repeat(30)}\n`.repeat(Math.floor((2 * 1024 * 1024 - 4096) / 121));
  return [
    `# ci run ${mockFileMark}`,
    filler,
    'Error: configuring Terraform AWS Provider: IAM Role (arn:aws:iam::222233334444:role/deploy) cannot be assumed.',
    'Error: operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 8f3c1a2b-1111-2222-3333-444455556666, api error AccessDenied: User: arn:aws:iam::171436882533:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222233334444:role/deploy',
    `AWS_ACCESS_KEY_ID=${PASTE_KEY}`,
    `AWS_SECRET_ACCESS_KEY=${PASTED_SECRET}`,
  ].join('\n');
}

let slack: SlackTestServer;
let sts: StsTestServer;
let t: TestBot;
let restoreEnv: () => void;

beforeAll(async () => {
  slack = await SlackTestServer.start();
  sts = await StsTestServer.start({ credentials: { [BOT_KEY]: BOT_SECRET } });
  restoreEnv = setIsolatedAwsEnv({
    AWS_ACCESS_KEY_ID: BOT_KEY,
    AWS_SECRET_ACCESS_KEY: BOT_SECRET,
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_STS: sts.url,
  });
  t = await startTestBot({
    slack,
    env: { TFAUTH_STS: 'on', TFAUTH_DIAGNOSIS_THREADS: '1' },
    botOptions: { sts: { confirmBudgetMs: 2000 } },
  });
});
afterAll(async () => {
  await t.stop();
  restoreEnv();
  await sts.close();
  await slack.close();
});
beforeEach(() => {
  mockTouched.splice(0);
});

it('a shared 2 MB file is answered from a scan this thread never makes', async () => {
  const file = slack.addFile({ name: 'plan.log', content: sharedLog() });
  const msg = messageEvent({ text: 'apply fails in CI, log attached', files: [file] });
  expect((await t.http.sendEvent(eventCallback(msg))).status).toBe(200);
  const reply = await slack.waitFor('chat.postMessage', (c) => c.args.thread_ts === msg.ts, 20_000);
  await t.bot.context.inFlight.settled();

  // What only a scan of the file can give: its class, the private secret warning, the key's
  // account looked up with STS (the key id is in the file, not in the message).
  expect(JSON.stringify(reply.args)).toContain('aws.assume_role');
  const warning = slack.callsTo('chat.postEphemeral')[0];
  expect(JSON.stringify(warning?.args)).toContain('AWS secret access key');
  expect(buttons(reply.args.blocks as unknown[]).map((b) => b.action_id)).toContain(
    'tfauth_key_account',
  );
  expect(
    sts.calls.filter((c) => c.action === 'GetAccessKeyInfo').map((c) => c.params.AccessKeyId),
  ).toEqual([PASTE_KEY]);

  expect(mockTouched).toEqual([]);
});

it('the message shortcut on a message with that file: the same, privately', async () => {
  const file = slack.addFile({ name: 'plan.log', content: sharedLog() });
  const message = messageEvent({ text: 'see the log', files: [file] });
  const shortcut = messageShortcut({
    callbackId: 'tfauth_diagnose_message',
    message,
    responseUrl: slack.responseUrl('shortcut'),
  });
  expect((await t.http.sendInteraction(shortcut)).status).toBe(200);
  const answer = await slack.waitForResponse((r) => r.tag === 'shortcut', 20_000);
  await t.bot.context.inFlight.settled();

  const body = JSON.stringify(answer.body);
  expect(body).toContain('AWS secret access key');
  expect(body).toContain('tfauth_key_account');
  expect(mockTouched).toEqual([]);
});

it('the watch sees this thread: the message text itself is scanned here (a small paste)', async () => {
  const msg = messageEvent({ text: `terraform error ${mockFileMark}` });
  expect((await t.http.sendEvent(eventCallback(msg))).status).toBe(200);
  await t.bot.context.inFlight.settled();
  // The quiet-chat triage reads the event's own text on the loop: the watch is live.
  expect(mockTouched.length).toBeGreaterThan(0);
});
