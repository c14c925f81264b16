// Action, callback and command ids. The manifest test checks these against manifest.yml.

export const ACTIONS = {
  /** On the diagnosis reply. */
  walk: 'tfauth_walk',
  fixed: 'tfauth_fixed',
  notAuth: 'tfauth_not_auth',
  /** On a private (ephemeral) diagnosis. */
  share: 'tfauth_share',
  /** In the walk-through message. */
  source: 'tfauth_source',
  stepDone: 'tfauth_step_done',
  stepFixed: 'tfauth_step_fixed',
  stepSkip: 'tfauth_step_skip',
  restart: 'tfauth_restart',
  escalate: 'tfauth_escalate',
  /** STS checks, on replies whose paste qualifies (only when the checks are on). */
  keyAccount: 'tfauth_key_account',
  decode: 'tfauth_decode',
} as const;

/** Source buttons share a prefix: action ids must be unique within one actions block. */
export const SOURCE_ACTION = new RegExp(`^${ACTIONS.source}:`);

export const SHORTCUT_CALLBACK = 'tfauth_diagnose_message';
export const MODAL_CALLBACK = 'tfauth_paste_modal';
export const COMMAND = '/tfauth';
