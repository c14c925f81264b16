// A local Slack: Web API (as @slack/web-api v8 calls it), Socket Mode, response_url
// sink and url_private file hosting, with Slack's validation and on-demand faults.
//
//   const slack = await SlackTestServer.start();
//   new WebClient('xoxb-test-token', { slackApiUrl: slack.apiUrl });
//   ...
//   await slack.close();
//
// Wire facts this relies on (from the installed clients):
// - WebClient POSTs `${slackApiUrl}${method}` form-encoded; objects (blocks,
//   view, …) are JSON strings inside the form; the token travels in
//   `Authorization: Bearer` (and also as a `token` field when passed per call).
// - Any non-200 is a WebAPIHTTPError and 429 without a numeric Retry-After
//   aborts; both, and connection resets, are retried per retryConfig.
// - Slack answers errors with HTTP 200 `{ ok: false, error }` (unknown_method too).
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Recorder, brief } from './recorder';
import { formatProblems, validateBlocks, validateView, type BlockProblem } from './blocks';
import { SLACK_IDS, dmChannelFor, nextTs, slackId } from './payloads';
import { SocketModeHub } from './socket-mode';

export interface SlackServerOptions {
  /** Accepted bot tokens (xoxb). Default `['xoxb-test-token']`. */
  botTokens?: string[];
  /** Accepted app-level tokens (xapp) for apps.connections.open. Default `['xapp-test-token']`. */
  appTokens?: string[];
  /** chat.update/chat.delete of an unknown ts → message_not_found. Default true. */
  strictUpdate?: boolean;
  /** views.open/push answer expired_trigger_id for these (and ids starting with "expired"). */
  expiredTriggerIds?: Iterable<string>;
  /** A trigger_id can open one view, as on Slack (exchanged_trigger_id). Default true. */
  singleUseTriggerIds?: boolean;
  /** Sent as `x-oauth-scopes` on bot-token calls. */
  scopes?: string[];
  /** How often the server pings Socket Mode clients. Default 10 000 ms (client tolerates 30 s). */
  socketPingIntervalMs?: number;
  /** Slack allows 5 posts per response_url. Default 5. */
  responseUrlMaxUses?: number;
}

export interface RecordedCall {
  method: string;
  /** Decoded arguments (JSON-in-form fields parsed), without `token`. */
  args: Record<string, unknown>;
  token: string | undefined;
  /** When the request arrived (the call is recorded when the response is sent). */
  at: number;
  /** HTTP status sent; 0 when the connection was reset instead. */
  status: number;
  response: Record<string, unknown> | undefined;
  contentType: string;
}

export interface FailSpec {
  /** HTTP status, e.g. 500 or 503 (body `{ok:false,error}`). */
  status?: number;
  /** HTTP 200 `{ ok: false, error }`, e.g. 'not_in_channel'. */
  error?: string;
  /** HTTP 429 with `Retry-After: <seconds>`, `{ok:false,error:"ratelimited"}`. */
  retryAfter?: number;
  /** Wait before answering (alone: then answer normally). */
  delayMs?: number;
  /** Destroy the socket instead of answering. */
  reset?: boolean;
  /**
   * Carry out the call first, then fail it (5xx or reset): Slack did the work but the
   * answer was lost — the case where a naive retry posts twice.
   */
  afterProcessing?: boolean;
  /** How many matching requests to fail. Default 1. */
  count?: number;
}

export interface FaultRates {
  rate5xx?: number;
  rate429?: number;
  /** Retry-After for random 429s. Default 1. */
  retryAfterSec?: number;
  seed?: number;
  /** Restrict to these methods (default: every Web API method). */
  methods?: string[];
}

export interface ChannelRateOptions {
  perSecond: number;
  burst?: number;
  /** Default ['chat.postMessage']. */
  methods?: string[];
}

export interface SlackStats {
  calls: number;
  status429: number;
  status5xx: number;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: unknown;
  user: string;
  bot_id: string;
  edited?: { user: string; ts: string };
  /** For ephemeral messages: who saw it. */
  visibleTo?: string;
}

export interface RecordedResponse {
  id: string;
  tag: string | undefined;
  body: unknown;
  status: number;
  at: number;
}

export interface RecordedDownload {
  fileId: string;
  path: string;
  authorized: boolean;
  status: number;
  at: number;
}

export interface AddFileInput {
  name: string;
  content: string | Buffer;
  filetype?: string;
  mimetype?: string;
  mode?: 'snippet' | 'hosted';
  title?: string;
  user?: string;
}

/** Slack's file object (files.info / message `files[]`). */
export interface SlackFile {
  id: string;
  created: number;
  timestamp: number;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  pretty_type: string;
  user: string;
  user_team: string;
  editable: boolean;
  size: number;
  mode: 'snippet' | 'hosted';
  is_external: boolean;
  external_type: string;
  is_public: boolean;
  public_url_shared: boolean;
  display_as_bot: boolean;
  username: string;
  url_private: string;
  url_private_download: string;
  permalink: string;
  permalink_public: string;
  preview?: string;
  preview_highlight?: string;
  lines?: number;
  lines_more?: number;
  preview_is_truncated?: boolean;
  [key: string]: unknown;
}

type Args = Record<string, unknown>;
type Body = Record<string, unknown>;
export type MethodHandler = (
  args: Args,
  call: { token: string | undefined; method: string },
) => Body;

interface ApiResult {
  status: number;
  body: Body;
  headers?: Record<string, string>;
}

type Fault = Omit<FailSpec, 'count'>;

const DEFAULT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'chat:write',
  'commands',
  'files:read',
  'groups:history',
  'usergroups:read',
];

/** Form fields the WebClient JSON-encodes (any non-primitive argument). */
const JSON_FIELDS = ['blocks', 'attachments', 'view', 'metadata', 'unfurls', 'user_auth_blocks'];
const MAX_TEXT = 40_000;

const ok = (extra: Body = {}): Body => ({ ok: true, ...extra });
const fail = (error: string, extra: Body = {}): Body => ({ ok: false, error, ...extra });

function invalidArguments(...messages: string[]): Body {
  return fail('invalid_arguments', {
    response_metadata: { messages: messages.map((m) => `[ERROR] ${m}`) },
  });
}

function problemsBody(error: string, problems: readonly BlockProblem[]): Body {
  const { errors, messages } = formatProblems(problems);
  return fail(error, { errors, response_metadata: { messages } });
}

/** What `auth.test` answers for the test workspace's bot (shared with in-memory fakes). */
export function botIdentity(): Record<string, unknown> {
  return {
    url: `https://${SLACK_IDS.teamDomain}.slack.com/`,
    team: SLACK_IDS.teamName,
    user: SLACK_IDS.botName,
    team_id: SLACK_IDS.teamId,
    user_id: SLACK_IDS.botUserId,
    bot_id: SLACK_IDS.botId,
    is_enterprise_install: false,
  };
}

export class SlackTestServer {
  readonly baseUrl: string;
  readonly apiUrl: string;
  /** Socket Mode: connected(), send(), disconnect(), dropConnection(), frames. */
  readonly socket: SocketModeHub;
  readonly stats: SlackStats = { calls: 0, status429: 0, status5xx: 0 };

  private readonly callLog = new Recorder<RecordedCall>(
    (c) =>
      `${c.method} → ${c.status} ${brief(c.response?.error ?? c.response?.ok)} args=${brief(c.args, 120)}`,
  );
  private readonly responseLog = new Recorder<RecordedResponse>(
    (r) => `${r.id} → ${r.status} ${brief(r.body, 120)}`,
  );
  private readonly downloadLog = new Recorder<RecordedDownload>(
    (d) => `${d.fileId} → ${d.status} auth=${d.authorized}`,
  );
  private readonly botTokens: Set<string>;
  private readonly appTokens: Set<string>;
  private readonly expiredTriggers: Set<string>;
  private readonly usedTriggers = new Set<string>();
  private readonly store = new Map<string, StoredMessage[]>();
  private readonly ephemeralStore = new Map<string, StoredMessage[]>();
  private readonly homeViews = new Map<string, Body>();
  private readonly files = new Map<string, { file: SlackFile; content: Buffer }>();
  private readonly userGroups = new Map<string, string[]>();
  private readonly responseUrls = new Map<string, { tag: string | undefined; uses: number }>();
  private readonly failQueue = new Map<string, (Fault & { remaining: number })[]>();
  private readonly customHandlers = new Map<string, MethodHandler>();
  private readonly sleeps = new Set<{ timer: NodeJS.Timeout; done: () => void }>();
  private readonly methods: Record<string, MethodHandler>;
  private randomFaults: { rates: FaultRates; next: () => number } | undefined;
  private channelRate:
    { opts: ChannelRateOptions; buckets: Map<string, { tokens: number; at: number }> } | undefined;
  private responseSeq = 0;
  private viewSeq = 0;
  private closed = false;

  private constructor(
    private readonly server: http.Server,
    port: number,
    private readonly opts: SlackServerOptions,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}/`;
    this.apiUrl = `${this.baseUrl}api/`;
    this.botTokens = new Set(opts.botTokens ?? ['xoxb-test-token']);
    this.appTokens = new Set(opts.appTokens ?? ['xapp-test-token']);
    this.expiredTriggers = new Set(opts.expiredTriggerIds ?? []);
    this.socket = new SocketModeHub({
      appId: SLACK_IDS.appId,
      pingIntervalMs: opts.socketPingIntervalMs ?? 10_000,
    });
    this.methods = this.buildMethods();
    server.on('request', (req, res) => this.onRequest(req, res));
    server.on('upgrade', (req: IncomingMessage, sock, head: Buffer) =>
      this.socket.handleUpgrade(req, sock, head),
    );
  }

  static async start(opts: SlackServerOptions = {}): Promise<SlackTestServer> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new SlackTestServer(server, (server.address() as AddressInfo).port, opts);
  }

  /** Stops everything: HTTP keep-alive sockets, WebSockets, timers and waiters. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.sleeps) {
      clearTimeout(s.timer);
      s.done();
    }
    this.socket.close();
    for (const log of [this.callLog, this.responseLog, this.downloadLog])
      log.rejectAll('Slack test server closed');
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // -------------------------------------------------------------------------
  // Inspection
  // -------------------------------------------------------------------------

  get calls(): readonly RecordedCall[] {
    return this.callLog.items;
  }

  callsTo(method: string): RecordedCall[] {
    return this.callLog.items.filter((c) => c.method === method);
  }

  /** First recorded call to `method` matching `predicate` (past or future). */
  waitFor(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<RecordedCall> {
    return this.callLog.waitFor(
      (c) => c.method === method && predicate(c),
      timeoutMs,
      `waitFor(${method})`,
    );
  }

  get responses(): readonly RecordedResponse[] {
    return this.responseLog.items;
  }

  waitForResponse(
    predicate: (r: RecordedResponse) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<RecordedResponse> {
    return this.responseLog.waitFor(predicate, timeoutMs, 'waitForResponse');
  }

  get downloads(): readonly RecordedDownload[] {
    return this.downloadLog.items;
  }

  waitForDownload(
    predicate: (d: RecordedDownload) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<RecordedDownload> {
    return this.downloadLog.waitFor(predicate, timeoutMs, 'waitForDownload');
  }

  /** Messages posted/updated in a channel (a user id means the bot's DM with them), oldest first. */
  messages(channel: string): StoredMessage[] {
    return structuredClone(this.store.get(this.dmFor(channel)) ?? []);
  }

  ephemerals(channel: string): StoredMessage[] {
    return structuredClone(this.ephemeralStore.get(this.dmFor(channel)) ?? []);
  }

  /** The view currently published on a user's App Home. */
  homeView(user: string): Body | undefined {
    return this.homeViews.get(user);
  }

  /** Clears calls, responses, downloads, messages, views, faults and stats. Files, users, channels and handlers stay. */
  reset(): void {
    this.callLog.clear();
    this.responseLog.clear();
    this.downloadLog.clear();
    this.store.clear();
    this.ephemeralStore.clear();
    this.homeViews.clear();
    this.usedTriggers.clear();
    this.failQueue.clear();
    this.randomFaults = undefined;
    this.channelRate = undefined;
    Object.assign(this.stats, { calls: 0, status429: 0, status5xx: 0 });
    for (const entry of this.responseUrls.values()) entry.uses = 0;
    this.socket.reset();
  }

  // -------------------------------------------------------------------------
  // Fixtures and behaviour
  // -------------------------------------------------------------------------

  /**
   * Fail the next request(s) to `method`. `method` may be '*' (any Web API
   * method), 'url_private' (file downloads) or 'response_url'.
   * With no status/error/retryAfter/reset/delayMs it answers HTTP 500.
   */
  failNext(method: string, spec: FailSpec = {}): void {
    const { count = 1, ...fault } = spec;
    const effective = Object.keys(fault).length === 0 ? { status: 500 } : fault;
    const queue = this.failQueue.get(method) ?? [];
    queue.push({ ...effective, remaining: count });
    this.failQueue.set(method, queue);
  }

  /** Random 429/5xx on Web API calls from a seeded PRNG (same seed + same calls = same faults). */
  setFaults(rates: FaultRates | undefined): void {
    this.randomFaults = rates ? { rates, next: mulberry32(rates.seed ?? 1) } : undefined;
  }

  /** Per-channel token bucket like Slack's "1 message per second per channel". */
  enforceChannelRate(opts: ChannelRateOptions | undefined): void {
    this.channelRate = opts ? { opts, buckets: new Map() } : undefined;
  }

  /** Replace (or add) a Web API method's behaviour; auth is still checked first. */
  onMethod(method: string, handler: MethodHandler | undefined): void {
    if (handler) this.customHandlers.set(method, handler);
    else this.customHandlers.delete(method);
  }

  /** A fresh response_url on this server; POSTs land in `responses`. */
  responseUrl(tag?: string): string {
    this.responseSeq += 1;
    const id = `${tag ? `${encodeURIComponent(tag)}-` : ''}${this.responseSeq}-${randomBytes(4).toString('hex')}`;
    this.responseUrls.set(id, { tag, uses: 0 });
    return `${this.baseUrl}response/${id}`;
  }

  /** Register a file served at url_private (needs the bot token) and by files.info. */
  addFile(input: AddFileInput): SlackFile {
    const content = Buffer.isBuffer(input.content)
      ? input.content
      : Buffer.from(input.content, 'utf8');
    const file = buildFile(input, content, this.baseUrl);
    this.files.set(file.id, { file, content });
    return structuredClone(file);
  }

  /** A user group (S…) and its members, for usergroups.users.list. */
  addUserGroup(id: string, users: string[]): void {
    this.userGroups.set(id, [...users]);
  }

  // -------------------------------------------------------------------------
  // HTTP routing
  // -------------------------------------------------------------------------

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    this.route(req, res).catch((e: unknown) => {
      if (!res.headersSent) writeJson(res, 500, fail('internal_error', { detail: String(e) }));
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const path = url.pathname;
    if (path.startsWith('/api/'))
      return this.handleApi(req, res, decodeURIComponent(path.slice(5)), url);
    if (path.startsWith('/response/') && req.method === 'POST')
      return this.handleResponseUrl(req, res, path.slice(10));
    if (path.startsWith('/files-pri/')) return this.handleDownload(req, res, path);
    if (path === '/') return writeHtml(res, 200, LOGIN_PAGE);
    writeJson(res, 404, fail('not_found'));
  }

  private async handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    url: URL,
  ): Promise<void> {
    const at = Date.now();
    const raw = await readBody(req);
    const contentType = req.headers['content-type'] ?? '';
    const parsed = parseArgs(raw, contentType, url.searchParams);
    const token =
      bearer(req) ?? (typeof parsed.args.token === 'string' ? parsed.args.token : undefined);
    delete parsed.args.token;
    const call = { method, args: parsed.args, token, at, contentType };
    const fault = this.pickFault(method, parsed.args, true);
    if (fault?.delayMs) await this.sleep(fault.delayMs);
    if (this.closed) return;
    if (fault?.afterProcessing && !parsed.error) this.dispatch(method, parsed.args, token);
    if (fault?.reset) {
      req.socket.destroy();
      return this.recordCall({ ...call, status: 0, response: undefined });
    }
    const result =
      faultResult(fault) ??
      (parsed.error
        ? { status: 200, body: fail(parsed.error) }
        : this.dispatch(method, parsed.args, token));
    const scopes = this.appTokens.has(token ?? '')
      ? ['connections:write']
      : (this.opts.scopes ?? DEFAULT_SCOPES);
    writeJson(res, result.status, result.body, {
      'x-oauth-scopes': scopes.join(','),
      ...result.headers,
    });
    this.recordCall({ ...call, status: result.status, response: result.body });
  }

  private recordCall(call: RecordedCall): void {
    this.stats.calls += 1;
    if (call.status === 429) this.stats.status429 += 1;
    if (call.status >= 500) this.stats.status5xx += 1;
    this.callLog.push(call);
  }

  private dispatch(method: string, args: Args, token: string | undefined): ApiResult {
    const handler = this.customHandlers.get(method) ?? this.methods[method];
    if (!handler) return { status: 200, body: fail('unknown_method', { req_method: method }) };
    const authError = this.authenticate(method, token);
    if (authError) return { status: 200, body: fail(authError) };
    return { status: 200, body: handler(args, { token, method }) };
  }

  private authenticate(method: string, token: string | undefined): string | undefined {
    if (!token) return 'not_authed';
    const isBot = this.botTokens.has(token);
    const isApp = this.appTokens.has(token);
    if (!isBot && !isApp) return 'invalid_auth';
    const wantsApp = method === 'apps.connections.open';
    return wantsApp === isApp ? undefined : 'not_allowed_token_type';
  }

  // -------------------------------------------------------------------------
  // Faults
  // -------------------------------------------------------------------------

  private pickFault(key: string, args: Args, isApi: boolean): Fault | undefined {
    const queued = this.takeQueued(key) ?? (isApi ? this.takeQueued('*') : undefined);
    if (queued) return queued;
    if (!isApi) return undefined;
    return this.randomFault(key) ?? this.channelRateFault(key, args);
  }

  private takeQueued(key: string): Fault | undefined {
    const queue = this.failQueue.get(key);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    const { remaining: _remaining, ...fault } = head;
    return fault;
  }

  private randomFault(method: string): Fault | undefined {
    if (!this.randomFaults) return undefined;
    const { rates, next } = this.randomFaults;
    if (rates.methods && !rates.methods.includes(method)) return undefined;
    const roll = next();
    const p429 = rates.rate429 ?? 0;
    if (roll < p429) return { retryAfter: rates.retryAfterSec ?? 1 };
    if (roll < p429 + (rates.rate5xx ?? 0))
      return { status: [500, 502, 503][Math.floor(next() * 3)] ?? 500 };
    return undefined;
  }

  private channelRateFault(method: string, args: Args): Fault | undefined {
    if (!this.channelRate || typeof args.channel !== 'string') return undefined;
    const { opts, buckets } = this.channelRate;
    if (!(opts.methods ?? ['chat.postMessage']).includes(method)) return undefined;
    const burst = opts.burst ?? Math.max(1, Math.floor(opts.perSecond));
    const now = Date.now();
    const bucket = buckets.get(args.channel) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * opts.perSecond);
    bucket.at = now;
    buckets.set(args.channel, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return { retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / opts.perSecond)) };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.sleeps.delete(entry);
          resolve();
        }, ms),
        done: resolve,
      };
      this.sleeps.add(entry);
    });
  }

  // -------------------------------------------------------------------------
  // Web API methods
  // -------------------------------------------------------------------------

  private buildMethods(): Record<string, MethodHandler> {
    return {
      'auth.test': () => this.authTest(),
      'apps.connections.open': () =>
        ok({
          url: `ws://127.0.0.1:${new URL(this.baseUrl).port}/link/?ticket=${this.socket.issueTicket()}&app_id=${SLACK_IDS.appId}`,
        }),
      'chat.postMessage': (args) => this.postMessage(args),
      'chat.postEphemeral': (args) => this.postEphemeral(args),
      'chat.update': (args) => this.updateMessage(args),
      'chat.delete': (args) => this.deleteMessage(args),
      'chat.getPermalink': (args) => this.getPermalink(args),
      'views.open': (args) => this.openView(args),
      'views.publish': (args) => this.publishView(args),
      'files.info': (args) => this.fileInfo(args),
      'conversations.replies': (args) => this.conversationReplies(args),
      'usergroups.users.list': (args) => this.userGroupMembers(args),
    };
  }

  private authTest(): Body {
    return ok(botIdentity());
  }

  /** Channel id a post lands in: ids as-is, user ids → their DM. */
  private resolveChannel(raw: unknown): string | undefined {
    if (typeof raw !== 'string' || raw === '') return undefined;
    if (/^[UW][A-Z0-9]{2,}$/.test(raw)) return dmChannelFor(raw);
    return /^[CGD][A-Z0-9]{2,}$/.test(raw) ? raw : undefined;
  }

  private dmFor(channel: string): string {
    return /^[UW][A-Z0-9]{2,}$/.test(channel) ? dmChannelFor(channel) : channel;
  }

  /** Slack's content checks for chat.* (order: no_text, msg_too_long, blocks). */
  private checkContent(args: Args): Body | undefined {
    const text = typeof args.text === 'string' ? args.text : '';
    const hasBlocks = Array.isArray(args.blocks) && args.blocks.length > 0;
    const hasAttachments = Array.isArray(args.attachments) && args.attachments.length > 0;
    const hasMarkdown = typeof args.markdown_text === 'string' && args.markdown_text !== '';
    if (!text && !hasBlocks && !hasAttachments && !hasMarkdown) return fail('no_text');
    if (text.length > MAX_TEXT) return fail('msg_too_long');
    if (args.blocks === undefined) return undefined;
    if (!Array.isArray(args.blocks)) return fail('invalid_blocks_format');
    const problems = validateBlocks(args.blocks, 'message');
    return problems.length ? problemsBody('invalid_blocks', problems) : undefined;
  }

  private postMessage(args: Args): Body {
    const channel = this.resolveChannel(args.channel);
    if (!channel) return fail('channel_not_found');
    const invalid = this.checkContent(args);
    if (invalid) return invalid;
    const msg = this.newMessage(channel, args);
    pushTo(this.store, channel, msg);
    return ok({ channel, ts: msg.ts, message: this.messageJson(msg) });
  }

  private postEphemeral(args: Args): Body {
    const channel = this.resolveChannel(args.channel);
    if (!channel) return fail('channel_not_found');
    if (typeof args.user !== 'string' || args.user === '')
      return invalidArguments('missing required field: user');
    const invalid = this.checkContent(args);
    if (invalid) return invalid;
    const msg = { ...this.newMessage(channel, args), visibleTo: args.user };
    pushTo(this.ephemeralStore, channel, msg);
    return ok({ message_ts: msg.ts });
  }

  private updateMessage(args: Args): Body {
    const channel = this.resolveChannel(args.channel);
    if (!channel) return fail('channel_not_found');
    const invalid = this.checkContent(args);
    if (invalid) return invalid;
    const ts = typeof args.ts === 'string' ? args.ts : '';
    let msg = this.store.get(channel)?.find((m) => m.ts === ts);
    if (!msg) {
      if (this.opts.strictUpdate !== false || ts === '') return fail('message_not_found');
      msg = { ...this.newMessage(channel, args), ts };
      pushTo(this.store, channel, msg);
    }
    applyUpdate(msg, args);
    return ok({ channel, ts, text: msg.text, message: this.messageJson(msg) });
  }

  private deleteMessage(args: Args): Body {
    const channel = this.resolveChannel(args.channel);
    if (!channel) return fail('channel_not_found');
    const list = this.store.get(channel) ?? [];
    const index = list.findIndex((m) => m.ts === args.ts);
    if (index < 0 && this.opts.strictUpdate !== false) return fail('message_not_found');
    if (index >= 0) list.splice(index, 1);
    return ok({ channel, ts: args.ts });
  }

  /** The bot's own messages of a thread (what this server stores), oldest first. */
  private conversationReplies(args: Args): Body {
    const channel = this.resolveChannel(args.channel);
    if (!channel) return fail('channel_not_found');
    if (typeof args.ts !== 'string') return fail('thread_not_found');
    const withMeta = args.include_all_metadata === true || args.include_all_metadata === 'true';
    const messages = (this.store.get(channel) ?? [])
      .filter((m) => m.ts === args.ts || m.thread_ts === args.ts)
      .map(({ metadata, ...m }) => ({
        type: 'message',
        ...m,
        ...(withMeta && metadata !== undefined ? { metadata } : {}),
      }));
    return ok({ messages, has_more: false, response_metadata: { next_cursor: '' } });
  }

  private getPermalink(args: Args): Body {
    const channel = this.resolveChannel(args.channel);
    if (!channel) return fail('channel_not_found');
    if (typeof args.message_ts !== 'string') return fail('message_not_found');
    const msg = this.store.get(channel)?.find((m) => m.ts === args.message_ts);
    const base = `https://${SLACK_IDS.teamDomain}.slack.com/archives/${channel}/p${args.message_ts.replace('.', '')}`;
    const thread = msg?.thread_ts ? `?thread_ts=${msg.thread_ts}&cid=${channel}` : '';
    return ok({ channel, permalink: base + thread });
  }

  private newMessage(channel: string, args: Args): StoredMessage {
    const msg: StoredMessage = {
      channel,
      ts: nextTs(),
      text: typeof args.text === 'string' ? args.text : '',
      user: SLACK_IDS.botUserId,
      bot_id: SLACK_IDS.botId,
    };
    if (typeof args.thread_ts === 'string' && args.thread_ts !== '') msg.thread_ts = args.thread_ts;
    if (Array.isArray(args.blocks)) msg.blocks = withBlockIds(args.blocks);
    if (Array.isArray(args.attachments)) msg.attachments = args.attachments;
    if (args.metadata !== undefined) msg.metadata = args.metadata;
    return msg;
  }

  /** The `message` object Slack echoes back for a bot post. */
  private messageJson(msg: StoredMessage): Body {
    return {
      user: msg.user,
      type: 'message',
      ts: msg.ts,
      bot_id: msg.bot_id,
      app_id: SLACK_IDS.appId,
      text: msg.text,
      team: SLACK_IDS.teamId,
      bot_profile: {
        id: SLACK_IDS.botId,
        app_id: SLACK_IDS.appId,
        name: SLACK_IDS.botName,
        deleted: false,
        team_id: SLACK_IDS.teamId,
      },
      ...(msg.thread_ts ? { thread_ts: msg.thread_ts, parent_user_id: this.parentUser(msg) } : {}),
      ...(msg.blocks ? { blocks: msg.blocks } : {}),
      ...(msg.attachments ? { attachments: msg.attachments } : {}),
      ...(msg.metadata !== undefined ? { metadata: msg.metadata } : {}),
      ...(msg.edited ? { edited: msg.edited } : {}),
    };
  }

  private parentUser(msg: StoredMessage): string {
    const parent = this.store.get(msg.channel)?.find((m) => m.ts === msg.thread_ts);
    return parent?.user ?? SLACK_IDS.userId;
  }

  private openView(args: Args): Body {
    const problems = validateView(args.view);
    if (problems.length) return problemsBody('invalid_arguments', problems);
    const triggerError = this.useTrigger(args.trigger_id);
    if (triggerError) return triggerError;
    const view = this.makeView(args.view as Body, {});
    return ok({ view });
  }

  private useTrigger(trigger: unknown): Body | undefined {
    if (typeof trigger !== 'string' || trigger === '')
      return invalidArguments('missing required field: trigger_id');
    if (this.expiredTriggers.has(trigger) || trigger.startsWith('expired'))
      return fail('expired_trigger_id');
    if (this.opts.singleUseTriggerIds !== false && this.usedTriggers.has(trigger))
      return fail('exchanged_trigger_id');
    this.usedTriggers.add(trigger);
    return undefined;
  }

  private publishView(args: Args): Body {
    if (typeof args.user_id !== 'string' || args.user_id === '')
      return invalidArguments('missing required field: user_id');
    const problems = validateView(args.view, 'home');
    if (problems.length) return problemsBody('invalid_arguments', problems);
    const previous = this.homeViews.get(args.user_id);
    if (typeof args.hash === 'string' && previous && args.hash !== previous.hash)
      return fail('hash_conflict');
    const view = this.makeView(args.view as Body, previous ? { id: previous.id } : {});
    this.homeViews.set(args.user_id, view);
    return ok({ view });
  }

  /** The view object Slack returns (ids, hash, state). */
  private makeView(input: Body, ids: { id?: unknown }): Body {
    this.viewSeq += 1;
    const id = typeof ids.id === 'string' ? ids.id : `V0${String(this.viewSeq).padStart(8, '0')}`;
    const view: Body = {
      id,
      team_id: SLACK_IDS.teamId,
      type: input.type,
      blocks: withBlockIds(Array.isArray(input.blocks) ? input.blocks : []),
      private_metadata: input.private_metadata ?? '',
      callback_id: input.callback_id ?? '',
      state: { values: {} },
      hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(6).toString('base64url')}`,
      title: input.title ?? null,
      clear_on_close: input.clear_on_close ?? false,
      notify_on_close: input.notify_on_close ?? false,
      close: input.close ?? null,
      submit: input.submit ?? null,
      previous_view_id: null,
      root_view_id: id,
      app_id: SLACK_IDS.appId,
      external_id: input.external_id ?? '',
      app_installed_team_id: SLACK_IDS.teamId,
      bot_id: SLACK_IDS.botId,
    };
    return structuredClone(view);
  }

  private fileInfo(args: Args): Body {
    const entry = typeof args.file === 'string' ? this.files.get(args.file) : undefined;
    if (!entry) return fail('file_not_found');
    return ok({
      file: structuredClone(entry.file),
      comments: [],
      response_metadata: { next_cursor: '' },
    });
  }

  /** docs.slack.dev/reference/methods/usergroups.users.list: `{ ok, users }`, or no_such_subteam. */
  private userGroupMembers(args: Args): Body {
    if (typeof args.usergroup !== 'string' || args.usergroup === '')
      return invalidArguments('missing required field: usergroup');
    const users = this.userGroups.get(args.usergroup);
    return users ? ok({ users: [...users] }) : fail('no_such_subteam');
  }

  // -------------------------------------------------------------------------
  // response_url sink
  // -------------------------------------------------------------------------

  private async handleResponseUrl(
    req: IncomingMessage,
    res: ServerResponse,
    id: string,
  ): Promise<void> {
    const at = Date.now();
    const raw = (await readBody(req)).toString('utf8');
    const entry = this.responseUrls.get(id);
    const fault = this.pickFault('response_url', {}, false);
    if (fault?.delayMs) await this.sleep(fault.delayMs);
    if (this.closed) return;
    if (fault?.reset) return void req.socket.destroy();
    const body = parseJsonOr(raw);
    const result = faultResult(fault) ?? this.respondResult(entry, body);
    if (entry && result.status === 200) entry.uses += 1;
    writeJson(res, result.status, result.body, result.headers);
    this.responseLog.push({ id, tag: entry?.tag, body, status: result.status, at });
  }

  private respondResult(entry: { uses: number } | undefined, body: unknown): ApiResult {
    if (!entry) return { status: 404, body: fail('no_service') };
    if (entry.uses >= (this.opts.responseUrlMaxUses ?? 5))
      return { status: 404, body: fail('used_url') };
    if (typeof body !== 'object' || body === null)
      return { status: 400, body: fail('invalid_payload') };
    const msg = body as Body;
    const hasContent =
      (typeof msg.text === 'string' && msg.text !== '') ||
      (Array.isArray(msg.blocks) && msg.blocks.length > 0) ||
      (Array.isArray(msg.attachments) && msg.attachments.length > 0) ||
      msg.delete_original === true;
    if (!hasContent) return { status: 400, body: fail('no_text') };
    if (typeof msg.text === 'string' && msg.text.length > MAX_TEXT)
      return { status: 400, body: fail('msg_too_long') };
    const problems = msg.blocks === undefined ? [] : validateBlocks(msg.blocks, 'message');
    if (problems.length) return { status: 400, body: problemsBody('invalid_blocks', problems) };
    return { status: 200, body: ok() };
  }

  // -------------------------------------------------------------------------
  // url_private downloads
  // -------------------------------------------------------------------------

  /**
   * Like files.slack.com: without a valid `Authorization: Bearer` the answer is
   * a 302 to the workspace sign-in page (`/?redir=…`), whose HTML comes back
   * with 200 if the client follows redirects — the classic "downloaded the
   * login page" bug. Unknown file with a valid token → 404.
   */
  private async handleDownload(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<void> {
    const at = Date.now();
    const fileId = /^\/files-pri\/[A-Z0-9]+-([A-Z0-9]+)\//.exec(path)?.[1] ?? '';
    const token = bearer(req);
    const authorized = token !== undefined && this.botTokens.has(token);
    const record = (status: number): void =>
      this.downloadLog.push({ fileId, path, authorized, status, at });
    const fault = this.pickFault('url_private', {}, false);
    if (fault?.delayMs) await this.sleep(fault.delayMs);
    if (this.closed) return;
    if (fault?.reset) {
      req.socket.destroy();
      return record(0);
    }
    const faulted = faultResult(fault);
    if (faulted) {
      writeJson(res, faulted.status, faulted.body, faulted.headers);
      return record(faulted.status);
    }
    if (!authorized) {
      const location = `${this.baseUrl}?redir=${encodeURIComponent(path)}`;
      res.writeHead(302, { location, 'content-type': 'text/html; charset=utf-8' });
      res.end(`<a href="${location}">Found</a>.`);
      return record(302);
    }
    const entry = this.files.get(fileId);
    if (!entry) {
      writeHtml(res, 404, '<html><body>File not found</body></html>');
      return record(404);
    }
    sendFile(res, req.method === 'HEAD', entry, path.includes('/download/'));
    record(200);
  }
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const LOGIN_PAGE =
  '<!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8"><title>Slack</title></head>' +
  '<body><h1>Sign in to tfauth test</h1><form action="/signin" method="post"></form></body></html>';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function bearer(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** Query + body (form or JSON), with JSON-in-form fields decoded. */
function parseArgs(
  raw: Buffer,
  contentType: string,
  query: URLSearchParams,
): { args: Args; error?: string } {
  const args: Args = Object.fromEntries(query);
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  const text = raw.toString('utf8');
  if (type === 'application/json') {
    const body = parseJsonOr(text);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return { args, error: 'invalid_json' };
    return { args: { ...args, ...(body as Args) } };
  }
  if (type === 'application/x-www-form-urlencoded' || (type === '' && text !== '')) {
    for (const [k, v] of new URLSearchParams(text)) args[k] = v;
  }
  for (const field of JSON_FIELDS) {
    const value = args[field];
    if (typeof value === 'string' && /^\s*[[{]/.test(value)) args[field] = parseJsonOr(value);
  }
  return { args };
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function faultResult(fault: Fault | undefined): ApiResult | undefined {
  if (!fault) return undefined;
  if (fault.retryAfter !== undefined) {
    return {
      status: 429,
      body: fail('ratelimited'),
      headers: { 'retry-after': String(fault.retryAfter) },
    };
  }
  if (fault.status !== undefined && fault.status !== 200) {
    return { status: fault.status, body: fail(fault.error ?? statusError(fault.status)) };
  }
  if (fault.error !== undefined) return { status: 200, body: fail(fault.error) };
  return undefined;
}

function statusError(status: number): string {
  if (status === 429) return 'ratelimited';
  if (status === 503) return 'service_unavailable';
  return status >= 500 ? 'internal_error' : 'request_failed';
}

function writeJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(payload)),
    ...headers,
  });
  res.end(payload);
}

function writeHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

function sendFile(
  res: ServerResponse,
  headOnly: boolean,
  entry: { file: SlackFile; content: Buffer },
  download: boolean,
): void {
  const headers: Record<string, string> = {
    'content-type': entry.file.mimetype,
    'content-length': String(entry.content.length),
  };
  if (download)
    headers['content-disposition'] = `attachment; filename="${entry.file.name.replace(/"/g, '')}"`;
  res.writeHead(200, headers);
  res.end(headOnly ? undefined : entry.content);
}

function pushTo(store: Map<string, StoredMessage[]>, channel: string, msg: StoredMessage): void {
  const list = store.get(channel) ?? [];
  list.push(msg);
  store.set(channel, list);
}

/** chat.update: given fields replace; omitted blocks/attachments are kept, `[]` removes them. */
function applyUpdate(msg: StoredMessage, args: Args): void {
  if (typeof args.text === 'string') msg.text = args.text;
  if (Array.isArray(args.blocks)) {
    if (args.blocks.length) msg.blocks = withBlockIds(args.blocks);
    else delete msg.blocks;
  }
  if (Array.isArray(args.attachments)) {
    if (args.attachments.length) msg.attachments = args.attachments;
    else delete msg.attachments;
  }
  if (args.metadata !== undefined) msg.metadata = args.metadata;
  msg.edited = { user: SLACK_IDS.botUserId, ts: nextTs() };
}

/** Slack gives every block without a block_id a short random one. */
function withBlockIds(blocks: unknown[]): unknown[] {
  return blocks.map((b) => {
    if (typeof b !== 'object' || b === null || 'block_id' in b) return b;
    return { ...b, block_id: randomBytes(3).toString('base64url') };
  });
}

/** Deterministic PRNG so fault sequences reproduce from a seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// extension → [filetype, mimetype, pretty_type]
const FILE_TYPES: Record<string, [string, string, string]> = {
  txt: ['text', 'text/plain', 'Plain Text'],
  log: ['text', 'text/plain', 'Plain Text'],
  tf: ['text', 'text/plain', 'Plain Text'],
  hcl: ['text', 'text/plain', 'Plain Text'],
  json: ['json', 'application/json', 'JSON'],
  yaml: ['yaml', 'application/x-yaml', 'YAML'],
  yml: ['yaml', 'application/x-yaml', 'YAML'],
  sh: ['shell', 'text/x-sh', 'Shell'],
  md: ['markdown', 'text/markdown', 'Markdown (raw)'],
  csv: ['csv', 'text/csv', 'CSV'],
  png: ['png', 'image/png', 'PNG'],
  jpg: ['jpg', 'image/jpeg', 'JPEG'],
  jpeg: ['jpg', 'image/jpeg', 'JPEG'],
  gif: ['gif', 'image/gif', 'GIF'],
  pdf: ['pdf', 'application/pdf', 'PDF'],
  zip: ['zip', 'application/zip', 'Zip'],
  gz: ['gzip', 'application/gzip', 'GZip'],
};

function fileTypeOf(input: AddFileInput): [string, string, string] {
  const ext = (/\.([A-Za-z0-9]+)$/.exec(input.name)?.[1] ?? '').toLowerCase();
  const byExt = FILE_TYPES[ext];
  const byType = Object.values(FILE_TYPES).find(([ft]) => ft === input.filetype);
  const [filetype, mimetype, pretty] = (input.filetype ? byType : byExt) ??
    byExt ?? ['binary', 'application/octet-stream', 'Binary'];
  return [input.filetype ?? filetype, input.mimetype ?? mimetype, pretty];
}

function isTextual(mimetype: string): boolean {
  return mimetype.startsWith('text/') || /json|yaml|xml|javascript/.test(mimetype);
}

function buildFile(input: AddFileInput, content: Buffer, baseUrl: string): SlackFile {
  const id = slackId('F0', 9);
  const [filetype, mimetype, prettyType] = fileTypeOf(input);
  const mode = input.mode ?? 'hosted';
  const user = input.user ?? SLACK_IDS.userId;
  const created = Math.floor(Date.now() / 1000);
  const pathName = encodeURIComponent(input.name);
  const slug = input.name.toLowerCase().replace(/[^a-z0-9.]+/g, '_');
  const permalink = `https://${SLACK_IDS.teamDomain}.slack.com/files/${user}/${id}/${slug}`;
  return {
    id,
    created,
    timestamp: created,
    name: input.name,
    title: input.title ?? input.name,
    mimetype,
    filetype,
    pretty_type: prettyType,
    user,
    user_team: SLACK_IDS.teamId,
    editable: mode === 'snippet',
    size: content.length,
    mode,
    is_external: false,
    external_type: '',
    is_public: true,
    public_url_shared: false,
    display_as_bot: false,
    username: '',
    url_private: `${baseUrl}files-pri/${SLACK_IDS.teamId}-${id}/${pathName}`,
    url_private_download: `${baseUrl}files-pri/${SLACK_IDS.teamId}-${id}/download/${pathName}`,
    media_display_type: 'unknown',
    permalink,
    permalink_public: `https://slack-files.com/${SLACK_IDS.teamId}-${id}-${randomBytes(5).toString('hex')}`,
    ...(mode === 'snippet' ? { edit_link: `${permalink}/edit` } : {}),
    ...(isTextual(mimetype) ? previewOf(content.toString('utf8')) : {}),
    comments_count: 0,
    is_starred: false,
    shares: {},
    channels: [],
    groups: [],
    ims: [],
    has_more_shares: false,
    has_rich_preview: false,
    file_access: 'visible',
  };
}

/** Text files carry the first lines as a preview, plus line counts. */
function previewOf(
  text: string,
): Pick<
  SlackFile,
  'preview' | 'preview_highlight' | 'lines' | 'lines_more' | 'preview_is_truncated'
> {
  const lines = text.split('\n');
  const shown = lines.slice(0, 5);
  // Slack cuts previews by length too, so a one-line multi-megabyte log stays small.
  const full = shown.join('\n');
  const preview = full.slice(0, 1000);
  const escaped = preview.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    preview,
    preview_highlight: `<div class="CodeMirror cm-s-default CodeMirrorServer"><div class="CodeMirror-code"><pre>${escaped}</pre></div></div>`,
    lines: lines.length,
    lines_more: Math.max(0, lines.length - shown.length),
    preview_is_truncated: lines.length > shown.length || preview.length < full.length,
  };
}
