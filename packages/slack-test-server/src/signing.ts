// Sends requests to a Bolt HTTP receiver the way Slack does: same content
// types, headers and v0 HMAC signature. Note Bolt only parses a form body when
// content-type is exactly `application/x-www-form-urlencoded` (no charset), so
// we never add parameters to it.
import { createHmac } from 'node:crypto';

export type SignatureMode = 'valid' | 'bad' | 'missing' | 'stale';

export interface SignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

/** `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret. */
export function signRequest(
  body: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): SignatureHeaders {
  const hash = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${hash}`, 'x-slack-request-timestamp': String(timestamp) };
}

export const SLACK_USER_AGENT = 'Slackbot 1.0 (+https://api.slack.com/robots)';

/** Bolt rejects timestamps older than 5 minutes; 'stale' uses 6. */
const STALE_SECONDS = 6 * 60;

export interface SendOptions {
  /** Slack's retry bookkeeping headers (Events API redeliveries). */
  retryNum?: number;
  /** e.g. 'http_timeout', 'http_error', 'connection_failed', 'too_many_redirects'. */
  retryReason?: string;
  signature?: SignatureMode;
  /** Sign with this unix time (seconds) instead of now. */
  timestamp?: number;
  /** Abort the request after this long. Default 10 000 ms. */
  timeoutMs?: number;
}

export interface SlackHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  json?: unknown;
  /** Wall time until the full response body arrived. */
  ms: number;
}

export class SlackHttpClient {
  /** @param url the receiver endpoint, e.g. `http://127.0.0.1:3000/slack/events` */
  constructor(
    readonly url: string,
    private readonly signingSecret: string,
  ) {}

  /** Events API: JSON body (an `event_callback` or `url_verification`). */
  sendEvent(body: object, opts: SendOptions = {}): Promise<SlackHttpResponse> {
    return this.sendRaw(JSON.stringify(body), 'application/json', {}, opts);
  }

  /** Slash command: the fields form-encoded. */
  sendCommand(
    fields: Record<string, string | undefined>,
    opts: SendOptions = {},
  ): Promise<SlackHttpResponse> {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, v);
    return this.sendRaw(form.toString(), 'application/x-www-form-urlencoded', {}, opts);
  }

  /** Interactivity (block_actions, view_submission, shortcuts): `payload=<json>` form-encoded. */
  sendInteraction(payload: object, opts: SendOptions = {}): Promise<SlackHttpResponse> {
    const form = new URLSearchParams({ payload: JSON.stringify(payload) });
    return this.sendRaw(form.toString(), 'application/x-www-form-urlencoded', {}, opts);
  }

  /** Any body; signed per `opts.signature` (default valid). `headers` override everything. */
  async sendRaw(
    body: string,
    contentType: string,
    headers: Record<string, string> = {},
    opts: SendOptions = {},
  ): Promise<SlackHttpResponse> {
    const allHeaders: Record<string, string> = {
      'content-type': contentType,
      accept: '*/*',
      'user-agent': SLACK_USER_AGENT,
      ...this.signatureHeaders(body, opts),
      ...retryHeaders(opts),
      ...headers,
    };
    const started = performance.now();
    const res = await fetch(this.url, {
      method: 'POST',
      headers: allHeaders,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: Object.fromEntries(res.headers.entries()),
      body: text,
      json: tryJson(text),
      ms: performance.now() - started,
    };
  }

  private signatureHeaders(body: string, opts: SendOptions): Partial<SignatureHeaders> {
    const mode = opts.signature ?? 'valid';
    if (mode === 'missing') return {};
    const now = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const headers = signRequest(
      body,
      this.signingSecret,
      mode === 'stale' ? now - STALE_SECONDS : now,
    );
    if (mode === 'bad') headers['x-slack-signature'] = flipLastHex(headers['x-slack-signature']);
    return headers;
  }
}

function retryHeaders(opts: SendOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (opts.retryNum !== undefined) headers['x-slack-retry-num'] = String(opts.retryNum);
  if (opts.retryReason !== undefined) headers['x-slack-retry-reason'] = opts.retryReason;
  return headers;
}

/** A well-formed signature that does not match (one hex digit changed). */
function flipLastHex(signature: string): string {
  const last = signature.slice(-1);
  return signature.slice(0, -1) + (last === '0' ? '1' : '0');
}

function tryJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
