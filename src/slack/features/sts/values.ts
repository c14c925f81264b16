// Signed values of the STS buttons ("Which account is this key from?", "Decode this
// message"). Like the flow buttons, all state travels in the value and is signed
// (platform/signed-value.ts, with a key of its own), so any replica can answer and nobody
// can make the bot look up or decode something no paste held.
//
// Layout: `<base64url(JSON meta)>.<encoded message or empty>.<mac>`. The encoded message is
// already URL-safe base64 ([A-Za-z0-9_-]), so it rides unencoded: that leaves room for
// messages up to ~1,800 characters inside Slack's 2,000-character value. Longer ones are
// re-read from the pasted message when the button is clicked.

import { isAccessKeyId } from '../../../diagnosis';
import { LIMITS } from '../../blocks/limits';
import { jsonPart, parseJsonPart, SignedValues } from '../../platform/signed-value';

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

const MESSAGE = /^[A-Za-z0-9_-]*$/;
const TS = /^\d{1,12}\.\d{1,8}$/;
const CHANNEL = /^[CGD][A-Z0-9]{2,30}$/;

export class StsValueCodec {
  private readonly values: SignedValues;

  constructor(secret: string, now?: () => number) {
    // Its own purpose, so its own key: these values can never pass for flow state, nor the reverse.
    this.values = new SignedValues(secret, 'sts-button', now);
  }

  /** Undefined when it does not fit in a button value (only possible with a message). */
  encode(meta: Omit<StsButtonMeta, 't'>, message = ''): string | undefined {
    const value = this.values.sign(`${jsonPart({ ...meta, t: this.values.now() })}.${message}`);
    return value.length <= LIMITS.buttonValue && MESSAGE.test(message) ? value : undefined;
  }

  decode(value: unknown): StsButtonValue | undefined {
    const opened = this.values.open(value, LIMITS.buttonValue);
    if (!opened.ok) return undefined;
    const dot = opened.body.indexOf('.');
    if (dot <= 0) return undefined;
    const meta = parseJsonPart(opened.body.slice(0, dot));
    const message = opened.body.slice(dot + 1);
    if (!isMeta(meta) || !MESSAGE.test(message) || this.values.expired(meta.t)) return undefined;
    return { meta, ...(message ? { message } : {}) };
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
