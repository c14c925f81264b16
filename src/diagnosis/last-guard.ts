// The last guard over everything that leaves tfauth (CLI output, Slack request bodies, log
// lines): whatever the scanner did not recognise, a high-entropy token right after a
// credential word (`key`, `secret`, `token`, `password`, `auth`, `sig`, …) is masked. It is
// conservative on purpose: ARNs, request ids (UUIDs), account ids, regions, paths and masked
// key ids (`AKIA…ABCD`) are left alone. Linear: one global regex pass, each run read once.

import { looksSecret } from './secret-shape';
import { REDACTED } from './secrets';

export { looksSecret };

const CRED =
  '(?:secret|token|passw(?:or)?d|pwd|auth|credential|signature|sig|api[_-]?key|access[_-]?key|private[_-]?key|key|bearer|basic|sas)';
const GUARD = new RegExp(
  `${CRED}[A-Za-z0-9_-]{0,24}["'\\])]?[ \\t]{0,3}(?:[:=]|=>)?[ \\t]{0,3}["'(]?(?:Bearer[ \\t]{1,3}|Basic[ \\t]{1,3})?([A-Za-z0-9/+=_.~%-]{16,4096})`,
  'gi',
);

/**
 * A word running straight into a dot or a slash is part of a host name or a path
 * (`tfauth-test.slack.com/archives/…` in a permalink, `secret.txt`), not a setting with a
 * value; after a separator (`secret = /abc…`) a slash may well start a secret.
 */
function continuesName(head: string, token: string): boolean {
  return /^[./]/.test(token) && /^[A-Za-z0-9_-]+$/.test(head);
}

/** Masks remaining high-entropy tokens after credential words in one string. */
export function guardText(text: string): string {
  if (text.length < 16) return text;
  return text.replace(GUARD, (match: string, token: string) => {
    const head = match.slice(0, match.length - token.length);
    return looksSecret(token) && !continuesName(head, token) ? `${head}${REDACTED}` : match;
  });
}

/** Applies guardText to every string in a JSON-like value, except under the keys in `skip`. */
export function guardValue<T>(value: T, skip: ReadonlySet<string> = new Set()): T {
  if (typeof value === 'string') return guardText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => guardValue(v, skip)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = skip.has(k) ? v : guardValue(v, skip);
    return out as T;
  }
  return value;
}

/**
 * Fields of Slack Web API arguments that are machine values, not text: button values carry
 * signed flow state, ids and timestamps must reach Slack unchanged.
 */
const SLACK_MACHINE_FIELDS: ReadonlySet<string> = new Set([
  'value',
  'action_id',
  'block_id',
  'callback_id',
  'private_metadata',
  'external_id',
  'url',
  'image_url',
  'response_url',
  'channel',
  'ts',
  'thread_ts',
  'user',
  'users',
  'trigger_id',
  'view_id',
  'hash',
  'metadata',
  'token',
]);

/** The last guard over a Slack Web API call's arguments. */
export function guardSlackArgs<T extends Record<string, unknown>>(args: T): T {
  return guardValue(args, SLACK_MACHINE_FIELDS);
}
