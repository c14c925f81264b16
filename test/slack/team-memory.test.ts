// Team memory end to end: outcomes recorded through the real walk-through buttons reorder the
// next reply for that class and add the history line; with no history the order is the catalog's.
// The store keeps only derived records: nothing from the paste.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appHomeOpened, eventCallback, SLACK_IDS } from '@tfauth/slack-test-server';
import { startTestBot, type TestBot } from '../support/bot';
import { click, latest, pasteAndReply } from '../support/clicks';

// aws-sdk-go-v2 ssocreds wording (upstream format; ids invented), with the profile it used.
const SSO =
  'Error: failed to refresh cached credentials, refresh cached SSO token failed, unable to refresh SSO token, operation error SSO OIDC: CreateToken, https response error StatusCode: 400, RequestID: c0dd4a98-e423-4de2-b972-d749d58afd44, InvalidGrantException:\nprofile = "platform-dev"';

const dataDir = mkdtempSync(join(tmpdir(), 'tfauth-memory-'));
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ env: { TFAUTH_DATA_DIR: dataDir } });
});
afterAll(async () => {
  await t.stop();
});

async function reply() {
  t.slack.reset();
  return (await pasteAndReply(t, SSO)).reply;
}

const firstStep = (blocks: unknown): string =>
  /Do this first — ([^*]+)\*/.exec(JSON.stringify(blocks))?.[1] ?? '';

it('answers in catalog order while the store is empty, then puts first what fixed it here', async () => {
  const before = await reply();
  const catalogFirst = firstStep(before.blocks);
  expect(catalogFirst).not.toBe('');
  expect(JSON.stringify(before.blocks)).not.toContain('Here, this was fixed');

  // Three engineers walk through it: steps 1 and 2 do not help, step 3 fixes it.
  let fixer = '';
  for (let run = 0; run < 3; run++) {
    const r = await reply();
    await click(t, r, 'tfauth_walk');
    await click(t, latest(t), 'tfauth_source:sso');
    await click(t, latest(t), 'tfauth_step_done');
    await click(t, latest(t), 'tfauth_step_done');
    fixer = /^Step 3 of \d+: (.*)$/.exec(latest(t).text)?.[1] ?? '';
    await click(t, latest(t), 'tfauth_step_fixed');
  }
  expect(fixer).not.toBe('');
  expect(fixer).not.toBe(catalogFirst);

  const after = await reply();
  expect(firstStep(after.blocks)).toBe(fixer);
  expect(JSON.stringify(after.blocks)).toContain(
    `Here, this was fixed 3 of 3 times by *${fixer}* (last: today)`,
  );
});

it('"Not an auth error" is recorded with the rule that decided, and App Home lists that rule', async () => {
  await click(t, await reply(), 'tfauth_not_auth');
  t.slack.reset();
  await t.http.sendEvent(eventCallback(appHomeOpened(SLACK_IDS.userId)));
  const home = JSON.stringify((await t.slack.waitFor('views.publish')).args);
  expect(home).toMatch(/Rules marked \\"Not an auth error\\"/);
  expect(home).toMatch(/`aws\.sso_token\/[\w-]+` — marked wrong 1× of \d+ answered/);
  expect(home).toContain('never pasted text');
});

it('stores no text from the paste', () => {
  const stored = readFileSync(join(dataDir, 'outcomes.jsonl'), 'utf8');
  expect(stored).toContain('aws.sso_token');
  for (let i = 0; i + 12 <= SSO.length; i += 4) expect(stored).not.toContain(SSO.slice(i, i + 12));
  expect(stored).not.toContain('platform-dev');
});
