// Action and callback ids. The manifest test checks these against manifest.yml.

export const ACTIONS = {
  walk: 'tfauth_walk',
  fixed: 'tfauth_fixed',
  notAuth: 'tfauth_not_auth',
} as const;

export const SHORTCUT_CALLBACK = 'tfauth_diagnose_message';
export const COMMAND = '/tfauth';
