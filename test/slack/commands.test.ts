// /tfauth, the paste modal, the message shortcut and App Home, end to end.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appHomeOpened,
  blockActions,
  eventCallback,
  messageEvent,
  messageShortcut,
  SLACK_IDS,
  SlackTestServer,
  slashCommand,
  validateBlocks,
  validateView,
  viewSubmission,
} from '@tfauth/slack-test-server';
import { startTestBot, type TestBot } from '../support/bot';
import { button } from '../support/clicks';

const PASTE =
  'Error: configuring Terraform AWS Provider: failed to get shared config profile, jack.roper';

let slack: SlackTestServer;
let t: TestBot;
const dataDir = mkdtempSync(join(tmpdir(), 'tfauth-cmd-'));

beforeAll(async () => {
  slack = await SlackTestServer.start({ expiredTriggerIds: ['expired-trigger'] });
  t = await startTestBot({ slack, env: { TFAUTH_DATA_DIR: dataDir } });
});
afterAll(async () => {
  await t.stop();
  await slack.close();
});
beforeEach(() => slack.reset());

async function command(text: string, extra: Record<string, string> = {}) {
  const tag = `cmd-${Math.random()}`;
  const responseUrl = slack.responseUrl(tag);
  const res = await t.http.sendCommand(slashCommand({ text, response_url: responseUrl, ...extra }));
  expect(res.status).toBe(200);
  const response = await slack.waitForResponse((r) => r.tag === tag);
  return {
    body: response.body as { text?: string; blocks?: unknown[]; response_type?: string },
    responseUrl,
    ms: res.ms,
  };
}

describe('/tfauth', () => {
  it('diagnoses a pasted error privately, with a Share in channel button that shares it', async () => {
    const { body } = await command(PASTE);
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('profile');
    expect(validateBlocks(body.blocks ?? [], 'message')).toEqual([]);
    const share = button(body.blocks, 'tfauth_share');
    const tag = 'share';
    const payload = blockActions({
      actionId: 'tfauth_share',
      value: share.value,
      responseUrl: slack.responseUrl(tag),
    });
    (payload.container as { is_ephemeral: boolean }).is_ephemeral = true;
    await t.http.sendInteraction(payload);
    const posted = await slack.waitForResponse(
      (r) => r.tag === tag && (r.body as { response_type?: string }).response_type === 'in_channel',
    );
    expect(JSON.stringify(posted.body)).toContain('profile');
    await slack.waitForResponse(
      (r) => r.tag === tag && (r.body as { delete_original?: boolean }).delete_original === true,
    );
  });

  it('warns privately when the pasted error contains a secret, without repeating it', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const { body } = await command(`${PASTE}\naws_secret_access_key = ${secret}`);
    expect(JSON.stringify(body)).toContain('AWS secret access key');
    expect(JSON.stringify(body)).not.toContain(secret);
  });

  it('help, list, explain and stats', async () => {
    expect(JSON.stringify((await command('help')).body)).toContain('message shortcut');
    expect(JSON.stringify((await command('list')).body)).toContain('aws.sso_token');
    const explained = JSON.stringify((await command('explain ExpiredToken')).body);
    expect(explained).toContain('The AWS session token has expired');
    expect(JSON.stringify((await command('AADSTS7000215')).body)).toContain('Entra ID rejected');
    expect(JSON.stringify((await command('stats')).body)).toContain('Last 7 days');
  });

  it('unknown subcommands get help', async () => {
    const { body } = await command('frobnicate');
    expect(JSON.stringify(body)).toContain("I don't know `frobnicate`");
    expect(JSON.stringify(body)).toContain('/tfauth explain');
  });

  it('alone, opens a paste box; the submission is answered privately', async () => {
    const tag = 'modal';
    const responseUrl = slack.responseUrl(tag);
    await t.http.sendCommand(slashCommand({ text: '', response_url: responseUrl }));
    const opened = await slack.waitFor('views.open');
    const view = opened.args.view as { private_metadata: string; callback_id: string };
    expect(validateView(opened.args.view as never, 'modal')).toEqual([]);
    const submit = viewSubmission({
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata,
      values: { tfauth_paste: { paste: PASTE } },
    });
    const res = await t.http.sendInteraction(submit);
    expect(res.status).toBe(200);
    const answer = await slack.waitForResponse((r) => r.tag === tag);
    expect(JSON.stringify(answer.body)).toContain('profile');
  });

  it('an empty submission is refused in the modal itself', async () => {
    const submit = viewSubmission({
      callbackId: 'tfauth_paste_modal',
      privateMetadata: '{}',
      values: { tfauth_paste: { paste: '   ' } },
    });
    const res = await t.http.sendInteraction(submit);
    expect(res.json).toMatchObject({ response_action: 'errors' });
  });

  it('an expired trigger_id gets a clear private explanation', async () => {
    const { body } = await command('', { trigger_id: 'expired-trigger' });
    expect(body.text).toContain('within 3 seconds');
  });
});

describe('message shortcut "Diagnose with tfauth"', () => {
  async function shortcut(text: string) {
    const tag = `sc-${Math.random()}`;
    const msg = messageEvent({ text });
    await t.http.sendInteraction(
      messageShortcut({
        callbackId: 'tfauth_diagnose_message',
        message: msg,
        responseUrl: slack.responseUrl(tag),
      }),
    );
    return (await slack.waitForResponse((r) => r.tag === tag)).body;
  }

  it('diagnoses any message privately', async () => {
    expect(JSON.stringify(await shortcut(PASTE))).toContain('profile');
  });

  it('says when there is no auth error, and what it found instead', async () => {
    const body = JSON.stringify(
      await shortcut(
        'Error: Error acquiring the state lock\nError message: ConditionalCheckFailedException: The conditional request failed',
      ),
    );
    expect(body).toContain('Not a credentials or authorization error');
    expect(body).toContain('state is locked');
  });
});

describe('App Home and stats', () => {
  it('shows outcomes recorded by earlier clicks, also after a restart', async () => {
    const msg = messageEvent({ text: PASTE });
    await t.http.sendEvent(eventCallback(msg));
    const reply = await slack.waitFor('chat.postMessage');
    const fixed = button(reply.args.blocks as unknown[], 'tfauth_fixed');
    await t.http.sendInteraction(
      blockActions({
        actionId: 'tfauth_fixed',
        value: fixed.value,
        messageTs: String((reply.response as { ts: string }).ts),
        responseUrl: slack.responseUrl(),
      }),
    );
    await t.bot.context.inFlight.settled();

    await t.stop();
    t = await startTestBot({ slack, env: { TFAUTH_DATA_DIR: dataDir } });

    await t.http.sendEvent(eventCallback(appHomeOpened(SLACK_IDS.userId)));
    const published = await slack.waitFor('views.publish');
    expect(validateView(published.args.view as never, 'home')).toEqual([]);
    const home = JSON.stringify(published.args.view);
    expect(home).toMatch(/aws\.profile_not_found.{0,40}[1-9] diagnosed · 1 fixed/);
    expect(JSON.stringify((await command('stats')).body)).toMatch(
      /aws\.profile_not_found.{0,40}[1-9] diagnosed · 1 fixed/,
    );
  });
});
