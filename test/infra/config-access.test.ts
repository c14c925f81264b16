// The access settings: TFAUTH_DECODE_ALLOWED, SLACK_APP_ID, TFAUTH_MULTI_WORKSPACE.

import { loadConfig } from '../../src/infra/config';

const BASE = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };

it('reads the access settings, with safe defaults', () => {
  const none = loadConfig(BASE);
  expect(none.ok && none.config).toMatchObject({ multiWorkspace: false });
  expect(none.ok && none.config.decodeAllowed).toBeUndefined();
  expect(none.ok && none.config.slack.appId).toBeUndefined();
  const all = loadConfig({
    ...BASE,
    TFAUTH_DECODE_ALLOWED: 'S0PLATFORM',
    SLACK_APP_ID: 'A0APP',
    TFAUTH_MULTI_WORKSPACE: '1',
  });
  expect(all.ok && all.config).toMatchObject({
    decodeAllowed: 'S0PLATFORM',
    multiWorkspace: true,
    slack: { appId: 'A0APP' },
  });
});

it('reports each invalid access setting on its own line', () => {
  const result = loadConfig({
    ...BASE,
    TFAUTH_DECODE_ALLOWED: 'C0CHANNEL',
    SLACK_APP_ID: 'T0TEAM',
    TFAUTH_MULTI_WORKSPACE: 'yes',
  });
  expect(result.ok).toBe(false);
  expect(!result.ok && result.errors).toEqual(
    expect.arrayContaining([
      'TFAUTH_DECODE_ALLOWED must be a user group id (S…)',
      "SLACK_APP_ID must be an app id (A…, from the app's Basic Information page)",
      'TFAUTH_MULTI_WORKSPACE must be 0 or 1',
    ]),
  );
});
