// Signed values of the STS buttons ("Which account is this key from?", "Decode this
// message"). Like the flow buttons, all state travels in the value and is signed, so any
// replica can answer and nobody can make the bot look up or decode something no paste held.
//
// Layout: `<base64url(JSON meta)>.<encoded message or empty>.<mac>`. The encoded message is
// already URL-safe base64 ([A-Za-z0-9_-]), so it rides unencoded: that leaves room for
// messages up to ~1,800 characters inside Slack's 2,000-character value. Longer ones are
// re-read from the pasted message when the button is clicked.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { isAccessKeyId } from '../../../diagnosis';
import { LIMITS } from '../../blocks/limits';

/** An account named by an ARN in the paste, and how to call that ARN in a sentence. */
export type PasteAccount = [account: string, label: string];

export interface StsButtonMeta {
  /** Access-key ids (identifiers, never secrets) — only in private answers. */
  k?: string[];
  /** Masked key ids, for public replies: the click reads the paste again for the full ids. */
  m?: string[];
  /** Accounts of the ARNs in the paste, roles first. */
  a?: PasteAccount[];
  /** Where the paste is: channel, its ts, and the thread root. */
  c?: string;
  p?: string;
  r?: string;
  /** Who pasted it (Slack user id): they may decode it (see decode-access.ts). */
  u?: string;
  /** Issued at, epoch seconds. */
  t: number;
}

export interface StsButtonValue {
  meta: StsButtonMeta;
  /** The encoded authorization message, when it fitted. */
  message?: string;
}

const MAX_AGE_SECONDS = 30 * 24 * 3600;
const MESSAGE = /^[A-Za-z0-9_-]*$/;
const TS = /^\d{1,12}\.\d{1,8}$/;
const CHANNEL = /^[CGD][A-Z0-9]{2,30}$/;

export class StsValueCodec {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    // Its own derived key: these values can never pass for flow state, nor the reverse.
    this.key = createHmac('sha256', secret).update('tfauth sts-button v1').digest();
  }

  /** Undefined when it does not fit in a button value (only possible with a message). */
  encode(meta: Omit<StsButtonMeta, 't'>, message = ''): string | undefined {
    const head = Buffer.from(JSON.stringify({ ...meta, t: this.now() })).toString('base64url');
    const body = `${head}.${message}`;
    const value = `${body}.${this.mac(body)}`;
    return value.length <= LIMITS.buttonValue && MESSAGE.test(message) ? value : undefined;
  }

  decode(value: unknown): StsButtonValue | undefined {
    if (typeof value !== 'string' || value.length > LIMITS.buttonValue) return undefined;
    const first = value.indexOf('.');
    const last = value.lastIndexOf('.');
    if (first <= 0 || last === first) return undefined;
    const body = value.slice(0, last);
    const mac = Buffer.from(value.slice(last + 1), 'base64url');
    const expected = Buffer.from(this.mac(body), 'base64url');
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return undefined;
    const message = value.slice(first + 1, last);
    let meta: unknown;
    try {
      meta = JSON.parse(Buffer.from(value.slice(0, first), 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (!isMeta(meta) || !MESSAGE.test(message)) return undefined;
    if (this.now() - meta.t > MAX_AGE_SECONDS) return undefined;
    return { meta, ...(message ? { message } : {}) };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key)
      .update(body)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }
}

function isMeta(v: unknown): v is StsButtonMeta {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  if (typeof o.t !== 'number' || !Number.isFinite(o.t)) return false;
  if (
    o.k !== undefined &&
    !(Array.isArray(o.k) && o.k.every((k) => typeof k === 'string' && isAccessKeyId(k)))
  )
    return false;
  if (
    o.m !== undefined &&
    !(
      Array.isArray(o.m) &&
      o.m.every((k) => typeof k === 'string' && /^[A-Z0-9]{3,4}…[A-Z0-9]{4}$/.test(k))
    )
  )
    return false;
  if (
    o.a !== undefined &&
    !(
      Array.isArray(o.a) &&
      o.a.every(
        (x) =>
          Array.isArray(x) &&
          x.length === 2 &&
          typeof x[0] === 'string' &&
          /^\d{12}$/.test(x[0]) &&
          typeof x[1] === 'string',
      )
    )
  )
    return false;
  if (o.c !== undefined && !(typeof o.c === 'string' && CHANNEL.test(o.c))) return false;
  if (o.u !== undefined && !(typeof o.u === 'string' && /^[UW][A-Z0-9]{2,30}$/.test(o.u)))
    return false;
  for (const ts of [o.p, o.r])
    if (ts !== undefined && !(typeof ts === 'string' && TS.test(ts))) return false;
  return true;
}
