// The one codec for values that travel through Slack and come back (button values, modal
// metadata): `<body>.<mac>`, the mac a truncated HMAC-SHA256 under a key derived from the
// deployment's Slack secret and the value's purpose. A forged or tampered value is refused,
// a value made for one purpose never passes for another, and every value carries its issue
// time so old ones expire. What a body holds, and how it is checked, is each feature's.

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SlackConfig } from '../../infra/config';

/** Values older than this are refused (a month: long enough for a slow incident). */
export const MAX_AGE_SECONDS = 30 * 24 * 3600;

/** Each purpose has its own key; the names are part of the key and never change. */
export type Purpose = 'flow-state' | 'sts-button';

export type Opened = { ok: true; body: string } | { ok: false; reason: 'malformed' | 'forged' };

export class SignedValues {
  private readonly key: Buffer;

  constructor(
    secret: string,
    purpose: Purpose,
    /** Epoch seconds. */
    readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    // A derived key: the Slack secret itself is never used directly for another purpose.
    this.key = createHmac('sha256', secret).update(`tfauth ${purpose} v1`).digest();
  }

  sign(body: string): string {
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  /** The body of a value signed here (for this purpose), or why not. */
  open(value: unknown, maxLength: number): Opened {
    if (typeof value !== 'string' || value.length > maxLength)
      return { ok: false, reason: 'malformed' };
    const dot = value.lastIndexOf('.');
    if (dot <= 0) return { ok: false, reason: 'malformed' };
    const body = value.slice(0, dot);
    const mac = Buffer.from(value.slice(dot + 1), 'base64url');
    const expected = this.mac(body);
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected))
      return { ok: false, reason: 'forged' };
    return { ok: true, body };
  }

  /** Whether a value issued at `t` (epoch seconds) is too old to honour. */
  expired(t: number): boolean {
    return this.now() - t > MAX_AGE_SECONDS;
  }

  private mac(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, 16);
  }
}

/** JSON as URL-safe base64: a body part that needs no escaping anywhere. */
export function jsonPart(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The value of a jsonPart, or undefined when it is not one. */
export function parseJsonPart(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The secret values are signed with: whichever Slack secret this deployment has. */
export function valueSigningSecret(slack: SlackConfig): string {
  return slack.mode === 'http' ? slack.signingSecret : slack.appToken;
}
