// The leak suite through the bot: 2,232 secrets (every kind × placement × host kind: auth
// errors, non-auth errors, chat), 31 to a paste — every kind in one placement and host — so 72
// pastes are posted in a channel, sent as `/tfauth <paste>` and asked about with the message
// shortcut; escalations from walk-throughs of some of the replies. (One paste per secret would
// also wait on Slack's budget for private warnings, 100 a minute.)
// Every Web API body the local Slack server recorded (replies, ephemeral warnings, updates,
// escalations), every response_url body (private answers) and every log line is searched
// for any 12-character run of any planted secret.
// Then secrets only the last guard can catch (the scanner does not know them) in private
// answers — `/tfauth <paste>`, the message shortcut, the paste box — which Slack gets through
// response_urls, not the Web API: the guard must sit on those bodies too.

import {
  eventCallback,
  messageEvent,
  messageShortcut,
  SlackTestServer,
  slashCommand,
  viewSubmission,
} from '@tfauth/slack-test-server';
import { prng } from '../../bench/fixtures';
import { diagnose } from '../../src/diagnosis';
import { NOT_AUTH } from '../../src/diagnosis/catalog/not-auth';
import { startTestBot, type TestBot } from '../support/bot';
import { buttons, click } from '../support/clicks';
import {
  generate,
  grams,
  KINDS,
  leakedIn,
  PLACEMENTS,
  plantings,
  type Paste,
  type Planted,
} from './generate';

const SAMPLE = generate(KINDS.length * PLACEMENTS.length * 8, { perPaste: KINDS.length });
const PLANTED = plantings(SAMPLE);
const INDEX = grams(PLANTED);
const ESCALATIONS = 2;

// About 220 real HTTP round trips through the bot.
jest.setTimeout(300_000);

let slack: SlackTestServer;
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({
    env: { TFAUTH_ESCALATION: 'S0PLATFORM', TFAUTH_POST_INTERVAL_MS: '1' },
  });
  slack = t.slack;
});
afterAll(() => t.stop());

/** `kind/placement/host` → where it leaked (the first time). */
function report(leaked: Map<number, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [i, where] of leaked) {
    const p = PLANTED[i] as Planted;
    out[`${p.kind}/${p.placement}/${p.host}`] ??= where;
  }
  return out;
}

const CHANNELS = ['C0LEAK0001', 'C0LEAK0002', 'C0LEAK0003', 'C0LEAK0004'];

it('plants at least 2,000 secrets of every kind, in every placement and host kind', () => {
  expect(PLANTED.length).toBeGreaterThanOrEqual(2000);
  expect(new Set(PLANTED.map((p) => p.kind)).size).toBe(KINDS.length);
  expect(new Set(PLANTED.map((p) => p.placement))).toEqual(new Set(PLACEMENTS));
  expect(new Set(PLANTED.map((p) => p.host))).toEqual(new Set(['auth', 'not-auth', 'chat']));
  // Every pasted secret gets a private warning: within Slack's budget, nothing waits a minute.
  expect(SAMPLE.length).toBeLessThan(100);
});

it('no Slack body and no log line carries a planted secret', async () => {
  // Channel messages (Slack encodes what people type; `slack` pastes are already encoded).
  const posted: Array<{ paste: Paste; channel: string; ts: string }> = [];
  for (const [i, paste] of SAMPLE.entries()) {
    const channel = CHANNELS[i % CHANNELS.length] as string;
    const msg = messageEvent({
      channel,
      text: paste.text,
      encoded: paste.placement === 'slack',
      linkify: i % 2 === 0,
    });
    const res = await t.http.sendEvent(eventCallback(msg));
    expect(res.status).toBe(200);
    posted.push({ paste, channel, ts: msg.ts });
  }
  await t.bot.context.inFlight.settled();

  // `/tfauth <paste>` and the message shortcut: private answers through response_url.
  for (const [i, paste] of SAMPLE.entries()) {
    const command = slashCommand({ text: paste.text, response_url: slack.responseUrl(`cmd-${i}`) });
    expect((await t.http.sendCommand(command as unknown as Record<string, string>)).status).toBe(
      200,
    );
    const message = messageEvent({ text: paste.text, encoded: paste.placement === 'slack' });
    const shortcut = messageShortcut({
      callbackId: 'tfauth_diagnose_message',
      message: message,
      responseUrl: slack.responseUrl(`sc-${i}`),
    });
    expect((await t.http.sendInteraction(shortcut)).status).toBe(200);
  }
  await t.bot.context.inFlight.settled();
  for (let i = 0; i < SAMPLE.length; i++) {
    await slack.waitForResponse((r) => r.tag === `cmd-${i}`);
    await slack.waitForResponse((r) => r.tag === `sc-${i}`);
  }

  // Escalations: walk through some replies to "Still stuck", then ask the platform team.
  let escalated = 0;
  for (const { channel } of posted) {
    if (escalated >= ESCALATIONS) break;
    const reply = slack
      .messages(channel)
      .find(
        (m) =>
          buttons(m.blocks).some((b) => b.action_id === 'tfauth_walk') && !escalatedTs.has(m.ts),
      );
    if (!reply) continue;
    escalatedTs.add(reply.ts);
    await click(t, reply, 'tfauth_walk');
    let flow = slack.messages(channel).at(-1);
    if (!flow || !buttons(flow.blocks).some((b) => b.action_id === 'tfauth_source:unknown'))
      continue;
    await click(t, flow, 'tfauth_source:unknown');
    for (let s = 0; s < 20; s++) {
      flow = slack.messages(channel).find((m) => m.ts === flow?.ts);
      if (!flow || !buttons(flow.blocks).some((b) => b.action_id === 'tfauth_step_done')) break;
      await click(t, flow, 'tfauth_step_done');
    }
    flow = slack.messages(channel).find((m) => m.ts === flow?.ts);
    if (flow && buttons(flow.blocks).some((b) => b.action_id === 'tfauth_escalate')) {
      await click(t, flow, 'tfauth_escalate');
      escalated++;
    }
  }
  await t.bot.context.inFlight.settled();
  expect(escalated).toBeGreaterThan(0);

  const ephemerals = slack.callsTo('chat.postEphemeral').length;
  expect(ephemerals).toBeGreaterThanOrEqual(SAMPLE.length); // every paste's secret warning
  // The auth errors were answered in their threads.
  const answered = posted.filter((p) =>
    slack.messages(p.channel).some((m) => m.thread_ts === p.ts),
  );
  expect(answered.length).toBeGreaterThanOrEqual(SAMPLE.filter((p) => p.host === 'auth').length);
  expect(slack.responses.length).toBeGreaterThanOrEqual(SAMPLE.length * 2);

  const surfaces: Record<string, string[]> = {
    'Web API calls': slack.calls.map((c) => JSON.stringify(c.args)),
    'response_url bodies': slack.responses.map((r) => JSON.stringify(r.body)),
    logs: t.logs,
  };
  const leaks: Record<string, Record<string, string>> = {};
  for (const [surface, bodies] of Object.entries(surfaces)) {
    const leaked = new Map<number, string>();
    for (const body of bodies)
      for (const [hit, where] of leakedIn(body, INDEX))
        if (!leaked.has(hit)) leaked.set(hit, where);
    leaks[surface] = report(leaked);
  }
  expect(leaks).toEqual({ 'Web API calls': {}, 'response_url bodies': {}, logs: {} });
});

const escalatedTs = new Set<string>();

// A high-entropy token right after a credential word: the last guard masks it, the scanner
// does not report it. Planted (invented values) at the end of the catalog's not-auth examples
// (each names its source), where a private answer quotes the line ("What matched: …").
const GUARD_WORDS = ['secret', 'passwd', 'apikey', 'signature', 'sas', 'basic', 'key'];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function guardOnlyPastes(): Paste[] {
  const r = prng(12);
  const token = (): string => {
    for (;;) {
      let s = '';
      for (let i = 0; i < 28; i++) s += ALNUM[Math.floor(r() * ALNUM.length)];
      if (/[a-z]/.test(s) && /[A-Z]/.test(s) && /\d/.test(s)) return s;
    }
  };
  const out: Paste[] = [];
  let n = 0;
  for (const entry of NOT_AUTH)
    for (const signature of entry.signatures)
      for (const example of signature.examples ?? []) {
        const word = GUARD_WORDS[n++ % GUARD_WORDS.length] as string;
        const secret = token();
        const text = `${example.text} ${word} ${secret}`;
        const d = diagnose(text);
        // Only pastes where the engine alone lets the secret out: found nothing, quotes it.
        if (d.classId !== 'none' || d.secrets.length > 0 || !d.evidence[0]?.includes(secret))
          continue;
        out.push({
          id: `guard-${out.length}`,
          text,
          placement: 'inline',
          host: 'not-auth',
          planted: [
            { kind: `guard:${word}`, placement: 'inline', host: 'not-auth', secrets: [secret] },
          ],
        });
      }
  return out;
}

it('private answers pass the last guard: secrets only it catches, in /tfauth, the shortcut and the paste box', async () => {
  const pastes = guardOnlyPastes();
  // One planting per paste: a hit's index is the paste's.
  const planted = plantings(pastes);
  const index = grams(planted);
  expect(pastes.length).toBeGreaterThanOrEqual(12);
  expect(new Set(planted.map((p) => p.kind)).size).toBeGreaterThanOrEqual(5);

  for (const [i, paste] of pastes.entries()) {
    const command = slashCommand({
      text: paste.text,
      response_url: slack.responseUrl(`g-cmd-${i}`),
    });
    expect((await t.http.sendCommand(command as unknown as Record<string, string>)).status).toBe(
      200,
    );
    const shortcut = messageShortcut({
      callbackId: 'tfauth_diagnose_message',
      message: messageEvent({ text: paste.text }),
      responseUrl: slack.responseUrl(`g-sc-${i}`),
    });
    expect((await t.http.sendInteraction(shortcut)).status).toBe(200);
    // `/tfauth` alone opens the paste box; its submission is answered through the command's response_url.
    const boxUrl = slack.responseUrl(`g-box-${i}`);
    const open = slashCommand({ text: '', response_url: boxUrl });
    await t.http.sendCommand(open);
    const opened = await slack.waitFor('views.open', (c) =>
      String((c.args.view as { private_metadata?: string }).private_metadata).includes(boxUrl),
    );
    const view = opened.args.view as { private_metadata: string; callback_id: string };
    const submit = viewSubmission({
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata,
      values: { tfauth_paste: { paste: paste.text } },
    });
    expect((await t.http.sendInteraction(submit)).status).toBe(200);
  }
  await t.bot.context.inFlight.settled();

  const surfaces: Record<string, string> = {
    '/tfauth': 'g-cmd-',
    shortcut: 'g-sc-',
    'paste box': 'g-box-',
  };
  const leaks: Record<string, Record<string, string>> = {};
  for (const [surface, prefix] of Object.entries(surfaces)) {
    const bodies = [];
    for (let i = 0; i < pastes.length; i++) {
      const answer = await slack.waitForResponse((r) => r.tag === `${prefix}${i}`);
      // Answered, with the quoted line masked — not dropped.
      expect(JSON.stringify(answer.body)).toContain('What matched');
      bodies.push(JSON.stringify(answer.body));
    }
    const leaked: Record<string, string> = {};
    for (const body of bodies)
      for (const [hit, where] of leakedIn(body, index))
        leaked[(planted[hit] as Planted).kind] ??= where;
    leaks[surface] = leaked;
  }
  expect(leaks).toEqual({ '/tfauth': {}, shortcut: {}, 'paste box': {} });
});
