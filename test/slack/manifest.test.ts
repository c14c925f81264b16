// manifest.yml against Slack's published JSON Schema, and against what the code uses:
// every event, command, shortcut and scope the code relies on is declared, nothing more.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { COMMAND, SHORTCUT_CALLBACK } from '../../src/slack/action-ids';
import { dataFile } from '../support/shared';

const ROOT = join(__dirname, '..', '..');
const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function sources(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}
const code = sources(join(ROOT, 'src'));
/** Web API calls are made from the Slack layer only. */
const slackCode = sources(join(ROOT, 'src', 'slack'));

/** Web API methods → bot scopes they need (docs.slack.dev/reference/methods). */
const METHOD_SCOPES: Record<string, string[]> = {
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'], // our own second copy of a reply (gateway keepFirst)
  'chat.getPermalink': [],
  'views.open': [],
  'views.publish': [],
  'conversations.replies': ['channels:history', 'groups:history'],
  'files.info': ['files:read'],
  // Who may decode (TFAUTH_DECODE_ALLOWED).
  'usergroups.users.list': ['usergroups:read'],
};

function usedMethods(): string[] {
  const found = new Set<string>();
  for (const m of slackCode.matchAll(
    /'((?:chat|views|conversations|files|users|usergroups|reactions)\.[a-zA-Z.]+)'/g,
  ))
    found.add(m[1] as string);
  if (/\.postMessage\(/.test(code)) found.add('chat.postMessage');
  if (/\.postEphemeral\(/.test(code)) found.add('chat.postEphemeral');
  if (/\.update\(\{/.test(code)) found.add('chat.update');
  if (/views\.open/.test(code)) found.add('views.open');
  return [...found].sort();
}

describe('manifest.yml', () => {
  it("validates against Slack's published manifest schema", () => {
    const schema = JSON.parse(
      readFileSync(dataFile('slack-manifest-schema', 'manifest.schema.1.0.0.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:/i);
    // Slack's schema uses a non-standard `regex` keyword; enforce it rather than ignore it.
    ajv.addKeyword({
      keyword: 'regex',
      type: 'string',
      validate: (pattern: string, data: string) => new RegExp(pattern).test(data),
    });
    const validate = ajv.compile(schema);
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('declares exactly the events the code listens to', () => {
    const events = new Set<string>();
    for (const m of code.matchAll(/\.event\('([a-z_]+)'/g)) events.add(m[1] as string);
    // `message` in public and private channels is two subscriptions; ignored channel types need none.
    const expected = [...events]
      .flatMap((e) => (e === 'message' ? ['message.channels', 'message.groups'] : [e]))
      .sort();
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(expected);
  });

  it('declares the slash command and the message shortcut the code handles', () => {
    expect(code).toContain('app.command(COMMAND');
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([
      COMMAND,
    ]);
    expect(code).toContain('SHORTCUT_CALLBACK');
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({
        type: 'message',
        callback_id: SHORTCUT_CALLBACK,
        name: 'Diagnose with tfauth',
      }),
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('asks for the smallest set of bot scopes the code uses', () => {
    const needed = new Set<string>();
    for (const method of usedMethods()) {
      const scopes = METHOD_SCOPES[method];
      if (!scopes) throw new Error(`no scope mapping for ${method}: add it to METHOD_SCOPES`);
      for (const s of scopes) needed.add(s);
    }
    // Events: message.channels/groups need channels:history/groups:history; commands and shortcuts need `commands`;
    // downloading url_private needs files:read.
    needed.add('channels:history').add('groups:history').add('commands');
    if (/url_private/.test(code)) needed.add('files:read');
    // The app_mention event needs app_mentions:read.
    if (/app\.event\('app_mention'/.test(code)) needed.add('app_mentions:read');
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('runs in Socket Mode by default', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
