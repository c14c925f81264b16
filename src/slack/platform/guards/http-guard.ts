// In front of Bolt's HTTP receiver on /slack/events: what Bolt lets through that it should
// not. Bolt checks only that a timestamp is not too old (a year ahead passes), lets an
// unsigned `ssl_check` through, and reads `body.ssl_check` before checking that the body is
// an object — a signed `null` then rejects inside the receiver, unhandled, and ends the
// process. Here every request is signed and within five minutes either way, its body an
// object, and a form-encoded request (command or interaction; Slack never retries those)
// is taken once per signature. What passes goes on to Bolt with its body already read.

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { HTTPReceiver } from '@slack/bolt';
import type { Dedupe } from '../../../infra/dedupe';
import type { Logger } from '../../../infra/logger';
import { isObject } from './payload-shape';

export const MAX_CLOCK_DIFFERENCE_S = 5 * 60;
const FORM = 'application/x-www-form-urlencoded';

export interface HttpGuardOptions {
  signingSecret: string;
  path: string;
  bodyLimit: number;
  logger: Logger;
  dedupe: Dedupe;
  /** Epoch milliseconds. */
  now?: () => number;
}

export function guardHttpReceiver(receiver: HTTPReceiver, options: HttpGuardOptions): void {
  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== options.path) return bolt(req, res);
    screen(req, res, options)
      .then((pass) => {
        if (pass) bolt(req, res);
      })
      .catch((err: unknown) => {
        options.logger.error('request screening failed', { error: err });
        if (!res.headersSent) res.writeHead(500).end();
      });
  };
}

type Verdict = { status: number; why: string } | { body: Record<string, unknown>; form: boolean };

/** True when Bolt should handle the request; otherwise it has been answered here. */
async function screen(
  req: IncomingMessage,
  res: ServerResponse,
  options: HttpGuardOptions,
): Promise<boolean> {
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > options.bodyLimit) return true; // Bolt answers 413 without reading it
  const raw = await readBody(req, options.bodyLimit);
  if (raw === 'closed') return false; // the client went away mid-body: nobody to answer
  if (!raw) {
    res.writeHead(413).end();
    return false;
  }
  const verdict = judge(req, raw, options);
  if ('status' in verdict) {
    options.logger.warn('refused a request', { status: verdict.status, reason: verdict.why });
    res.writeHead(verdict.status).end();
    return false;
  }
  if (verdict.form && !(await options.dedupe.claim(`signature:${signatureOf(req)}`))) {
    options.logger.info('ignored a replayed request (same signature)');
    res.writeHead(200).end();
    return false;
  }
  // Bolt reads `rawBody` when it is already there instead of reading the stream again.
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
  return true;
}

function judge(req: IncomingMessage, raw: Buffer, options: HttpGuardOptions): Verdict {
  const signature = signatureOf(req);
  const stamp = req.headers['x-slack-request-timestamp'];
  if (!signature || typeof stamp !== 'string' || !/^\d{1,12}$/.test(stamp))
    return { status: 401, why: 'unsigned' };
  const nowS = Math.floor((options.now ?? Date.now)() / 1000);
  if (Math.abs(nowS - Number(stamp)) > MAX_CLOCK_DIFFERENCE_S)
    return { status: 401, why: 'timestamp more than 5 minutes from now' };
  const expected = `v0=${createHmac('sha256', options.signingSecret)
    .update(`v0:${stamp}:`)
    .update(raw)
    .digest('hex')}`;
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected)))
    return { status: 401, why: 'bad signature' };
  const text = raw.toString('utf8');
  const form = req.headers['content-type'] === FORM;
  let body: unknown;
  try {
    if (form) {
      const fields = parseQuery(text);
      body = typeof fields.payload === 'string' ? JSON.parse(fields.payload) : fields;
    } else body = JSON.parse(text);
  } catch {
    return { status: 400, why: 'body is not JSON' };
  }
  if (!isObject(body)) return { status: 400, why: 'body is not an object' };
  return { body, form };
}

function signatureOf(req: IncomingMessage): string | undefined {
  const s = req.headers['x-slack-signature'];
  return typeof s === 'string' && s.startsWith('v0=') ? s : undefined;
}

/** The whole body; undefined past the limit; 'closed' when the client left before the end. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined | 'closed'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    req.once('close', () => resolve('closed')); // no-op once 'end' has resolved
    req.once('error', reject);
  });
}
