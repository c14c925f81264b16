/**
 * A local STS endpoint that speaks the same wire protocol as AWS STS, for tests.
 *
 * Protocol (verified against the installed @aws-sdk/client-sts 3.1177.0,
 * dist-cjs/index.js → AwsQueryProtocol in @aws-sdk/core/protocols):
 *  - awsQuery: `POST /` with `content-type: application/x-www-form-urlencoded`
 *    and body `Action=<Op>&Version=2011-06-15&<Param>=<value>…`;
 *  - responses are `text/xml`: `<OpResponse><OpResult>…</OpResult>
 *    <ResponseMetadata><RequestId/></ResponseMetadata></OpResponse>`, errors are
 *    `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`;
 *  - the SDK picks the endpoint up from `AWS_ENDPOINT_URL_STS` (serviceId "STS",
 *    @smithy/core endpoints getEndpointUrlConfig), read lazily on the first request.
 * Every request's SigV4 signature is verified with node:crypto.
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountIdFromKeyId } from '../../src/diagnosis/access-keys';

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_SKEW_MINUTES = 15;

// Message texts as STS returns them (seen in AWS error reports / the brief).
const MSG = {
  invalidToken: 'The security token included in the request is invalid.',
  expiredToken: 'The security token included in the request is expired',
  badSignature:
    'The request signature we calculated does not match the signature you provided. ' +
    'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  missingAuth: 'Request is missing Authentication Token',
  invalidMessage: 'The message is not valid',
  internal: 'The request processing has failed because of an unknown error, exception or failure.',
  throttled: 'Rate exceeded',
} as const;

/** A registered key: the secret, plus optional identity and behaviour switches. */
export interface StsCredentialSpec {
  secretAccessKey: string;
  /** Required `x-amz-security-token` value (temporary ASIA credentials). */
  sessionToken?: string;
  account?: string;
  arn?: string;
  userId?: string;
  /** Per-key permission switch for sts:DecodeAuthorizationMessage (default true). */
  allowDecode?: boolean;
  /** Reject the session token as expired (`ExpiredToken`). */
  expired?: boolean;
}

export interface StsTestServerOptions {
  /** accessKeyId → secret, or a full spec. */
  credentials: Record<string, string | StsCredentialSpec>;
  /** GetAccessKeyInfo: AccessKeyId → account (wins over the offline decoding). */
  accounts?: Record<string, string>;
  /** DecodeAuthorizationMessage: EncodedMessage → decoded JSON (string or object). */
  decoded?: Record<string, string | object>;
  /** Server clock in epoch ms; shift it to simulate client clock skew. */
  now?: () => number;
  maxSkewMinutes?: number;
}

export interface StsFault {
  /** HTTP status; defaults to 400 for Throttling, else 500. */
  status?: number;
  /** Error code; defaults to InternalFailure when `status` is set. */
  code?: string;
  message?: string;
  /** Wait before answering (or before the injected error). */
  delayMs?: number;
  /** How many matching requests this applies to (default 1). */
  count?: number;
  /** Destroy the socket instead of answering (network failure). */
  reset?: boolean;
}

export interface StsCall {
  action: string;
  params: Record<string, string>;
  accessKeyId: string | undefined;
  signatureValid: boolean;
  at: Date;
  status?: number;
  errorCode?: string;
}

interface Identity {
  account: string;
  arn: string;
  userId: string;
}

interface StsErrorSpec {
  status: number;
  code: string;
  message: string;
}

interface RawRequest {
  method: string;
  path: string;
  query: string;
  headers: Map<string, string>;
  body: Buffer;
}

type AuthOutcome =
  | { ok: true; accessKeyId: string; spec: StsCredentialSpec; signatureValid: true }
  | { ok: false; accessKeyId?: string; signatureValid: boolean; error: StsErrorSpec };

interface QueuedFault {
  action: string;
  remaining: number;
  fault: StsFault;
}

/**
 * The decoded message from the AWS CLI docs example for
 * `aws sts decode-authorization-message` (AWS's own example data):
 * https://github.com/aws/aws-cli/blob/develop/awscli/examples/sts/decode-authorization-message.rst
 * Note `context.action` is "RunInstances" there, without the `ec2:` prefix.
 */
export const AWS_DOC_DECODED_MESSAGE = {
  allowed: false,
  explicitDeny: true,
  matchedStatements: {
    items: [
      {
        statementId: 'VisualEditor0',
        effect: 'DENY',
        principals: { items: [{ value: 'AROA123456789EXAMPLE' }] },
        principalGroups: { items: [] },
        actions: { items: [{ value: 'ec2:RunInstances' }] },
        resources: { items: [{ value: '*' }] },
        conditions: { items: [] },
      },
    ],
  },
  failures: { items: [] },
  context: {
    principal: {
      id: 'AROA123456789EXAMPLE:Ana',
      arn: 'arn:aws:sts::111122223333:assumed-role/Developer/Ana',
    },
    action: 'RunInstances',
    resource: 'arn:aws:ec2:us-east-1:111122223333:instance/*',
    conditions: {
      items: [
        cond('ec2:MetadataHttpPutResponseHopLimit', '2'),
        cond('ec2:InstanceMarketType', 'on-demand'),
        cond('aws:Resource', 'instance/*'),
        cond('aws:Account', '111122223333'),
        cond('ec2:AvailabilityZone', 'us-east-1f'),
        cond('ec2:ebsOptimized', 'false'),
        cond('ec2:IsLaunchTemplateResource', 'false'),
        cond('ec2:InstanceType', 't2.micro'),
        cond('ec2:RootDeviceType', 'ebs'),
        cond('aws:Region', 'us-east-1'),
        cond('ec2:MetadataHttpEndpoint', 'enabled'),
        cond('aws:Service', 'ec2'),
        cond('ec2:InstanceID', '*'),
        cond('ec2:MetadataHttpTokens', 'required'),
        cond('aws:Type', 'instance'),
        cond('ec2:Tenancy', 'default'),
        cond('ec2:Region', 'us-east-1'),
        cond('aws:ARN', 'arn:aws:ec2:us-east-1:111122223333:instance/*'),
      ],
    },
  },
};

function cond(key: string, value: string): { key: string; values: { items: { value: string }[] } } {
  return { key, values: { items: [{ value }] } };
}

export class StsTestServer {
  readonly calls: StsCall[] = [];
  private readonly faults: QueuedFault[] = [];
  private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private readonly decodeOverrides = new Map<string, boolean>();
  private readonly now: () => number;

  private readonly server: Server;
  private address = '';

  private constructor(private readonly options: StsTestServerOptions) {
    this.now = options.now ?? Date.now;
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  static async start(options: StsTestServerOptions): Promise<StsTestServer> {
    const instance = new StsTestServer(options);
    await new Promise<void>((resolve, reject) => {
      instance.server.once('error', reject);
      instance.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = instance.server.address() as AddressInfo;
    instance.address = `http://127.0.0.1:${port}`;
    return instance;
  }

  /** Base URL, e.g. `http://127.0.0.1:PORT` (set AWS_ENDPOINT_URL_STS to it). */
  get url(): string {
    return this.address;
  }

  /** Make the next `count` requests for `action` (or '*') fail or stall. */
  failNext(action: string, fault: StsFault = {}): void {
    this.faults.push({ action, remaining: fault.count ?? 1, fault });
  }

  /** Flip the sts:DecodeAuthorizationMessage permission for one key. */
  setDecodePermission(accessKeyId: string, allowed: boolean): void {
    this.decodeOverrides.set(accessKeyId, allowed);
  }

  /** Stop listening and destroy every open socket (keep-alive included). */
  async close(): Promise<void> {
    for (const t of this.timers) {
      clearTimeout(t.timer);
      t.resolve();
    }
    this.timers.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    try {
      const raw = await readRequest(req);
      if (!raw) return sendError(res, this.now(), requestId, tooLarge());
      const params = parseParams(raw);
      const action = params.Action ?? '';
      const auth = verifyAuth(raw, this.specs(), this.now(), this.maxSkewMs());
      const call: StsCall = {
        action,
        params,
        accessKeyId: auth.accessKeyId,
        signatureValid: auth.signatureValid,
        at: new Date(this.now()),
      };
      this.calls.push(call);
      const respond = (status: number, xml: string, errorCode?: string): void => {
        call.status = status;
        if (errorCode !== undefined) call.errorCode = errorCode;
        sendXml(res, status, xml, requestId, this.now());
      };
      if (!auth.ok)
        return respond(auth.error.status, errorXml(auth.error, requestId), auth.error.code);
      const fault = this.takeFault(action);
      if (fault?.delayMs) await this.delay(fault.delayMs);
      if (res.destroyed) return;
      if (fault?.reset) {
        req.socket.destroy();
        return;
      }
      const injected = fault && faultError(fault);
      if (injected) return respond(injected.status, errorXml(injected, requestId), injected.code);
      const result = this.dispatch(action, params, auth.accessKeyId, auth.spec);
      if ('error' in result) {
        return respond(result.error.status, errorXml(result.error, requestId), result.error.code);
      }
      respond(200, resultXml(action, result.fields, requestId));
    } catch {
      const error = { status: 500, code: 'InternalFailure', message: MSG.internal };
      if (!res.headersSent && !res.destroyed) sendError(res, this.now(), requestId, error);
    }
  }

  private dispatch(
    action: string,
    params: Record<string, string>,
    accessKeyId: string,
    spec: StsCredentialSpec,
  ): { fields: [string, string][] } | { error: StsErrorSpec } {
    switch (action) {
      case 'GetCallerIdentity': {
        const id = this.identity(accessKeyId, spec);
        return {
          fields: [
            ['Arn', id.arn],
            ['UserId', id.userId],
            ['Account', id.account],
          ],
        };
      }
      case 'GetAccessKeyInfo':
        return this.getAccessKeyInfo(params.AccessKeyId);
      case 'DecodeAuthorizationMessage':
        return this.decodeAuthorizationMessage(params.EncodedMessage, accessKeyId, spec);
      default:
        return {
          error: {
            status: 400,
            code: 'InvalidAction',
            message: `Could not find operation ${action} for version 2011-06-15`,
          },
        };
    }
  }

  /**
   * Mirrors AWS: the account comes from the key id itself (AWS answers even for
   * keys of other organisations and does not check that the key exists —
   * https://awsteele.com/blog/2020/09/26/aws-access-key-format.html). The
   * `accounts` map wins so tests can pin values; ids that break the API's
   * constraints (length 16–128, pattern [\w]*) get a ValidationError. An
   * old-generation id we cannot decode and was not configured gets
   * InvalidParameterValue: AWS only says a deleted key "might return an error
   * that the key doesn't exist", so that code/message is our invention.
   */
  private getAccessKeyInfo(
    keyId: string | undefined,
  ): { fields: [string, string][] } | { error: StsErrorSpec } {
    const invalid = validateString('accessKeyId', keyId, 16, 128, /^\w*$/, '[\\w]*');
    if (invalid) return { error: invalid };
    const id = keyId as string;
    const account = own(this.options.accounts, id) ?? accountIdFromKeyId(id);
    if (account !== undefined) return { fields: [['Account', account]] };
    return {
      error: {
        status: 400,
        code: 'InvalidParameterValue',
        message: 'The access key ID provided does not exist in our records.',
      },
    };
  }

  private decodeAuthorizationMessage(
    encoded: string | undefined,
    accessKeyId: string,
    spec: StsCredentialSpec,
  ): { fields: [string, string][] } | { error: StsErrorSpec } {
    if (!(this.decodeOverrides.get(accessKeyId) ?? spec.allowDecode ?? true)) {
      const arn = this.identity(accessKeyId, spec).arn;
      const act = 'sts:DecodeAuthorizationMessage';
      return {
        error: {
          status: 403,
          code: 'AccessDenied',
          message: `User: ${arn} is not authorized to perform: ${act} because no identity-based policy allows the ${act} action`,
        },
      };
    }
    const invalid = validateString('encodedMessage', encoded, 1, 10240);
    if (invalid) return { error: invalid };
    const decoded = own(this.options.decoded, encoded as string);
    if (decoded === undefined) {
      const error = {
        status: 400,
        code: 'InvalidAuthorizationMessageException',
        message: MSG.invalidMessage,
      };
      return { error };
    }
    const text = typeof decoded === 'string' ? decoded : JSON.stringify(decoded);
    return { fields: [['DecodedMessage', text]] };
  }

  private identity(accessKeyId: string, spec: StsCredentialSpec): Identity {
    const account =
      spec.account ??
      own(this.options.accounts, accessKeyId) ??
      accountIdFromKeyId(accessKeyId) ??
      '123456789012';
    // Invented defaults: a bot user for long-term keys, an assumed role for ASIA keys.
    const temporary = accessKeyId.startsWith('ASIA');
    const arn =
      spec.arn ??
      (temporary
        ? `arn:aws:sts::${account}:assumed-role/tfauth-bot/tfauth-session`
        : `arn:aws:iam::${account}:user/tfauth-bot`);
    const userId =
      spec.userId ?? (temporary ? 'AROAEXAMPLETFAUTHBOT1:tfauth-session' : 'AIDAEXAMPLETFAUTHBOT1');
    return { account, arn, userId };
  }

  private specs(): (keyId: string) => StsCredentialSpec | undefined {
    return (keyId) => {
      const entry = own(this.options.credentials, keyId);
      return typeof entry === 'string' ? { secretAccessKey: entry } : entry;
    };
  }

  private maxSkewMs(): number {
    return (this.options.maxSkewMinutes ?? DEFAULT_SKEW_MINUTES) * 60_000;
  }

  private takeFault(action: string): StsFault | undefined {
    const i = this.faults.findIndex((f) => f.action === '*' || f.action === action);
    const queued = this.faults[i];
    if (!queued) return undefined;
    queued.remaining -= 1;
    if (queued.remaining <= 0) this.faults.splice(i, 1);
    return queued.fault;
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        resolve,
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve();
        }, ms),
      };
      this.timers.add(entry);
    });
  }
}

/** Own-property lookup, so ids like "constructor" never hit Object.prototype. */
function own<T>(map: Record<string, T> | undefined, key: string): T | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

function faultError(fault: StsFault): StsErrorSpec | undefined {
  if (fault.status === undefined && fault.code === undefined) return undefined;
  const code = fault.code ?? 'InternalFailure';
  const status = fault.status ?? (code === 'Throttling' ? 400 : 500);
  const message = fault.message ?? (code === 'Throttling' ? MSG.throttled : MSG.internal);
  return { status, code, message };
}

function tooLarge(): StsErrorSpec {
  return { status: 413, code: 'RequestEntityTooLarge', message: 'Request body too large' };
}

/**
 * Coral-style constraint message used by AWS query APIs, e.g.
 * "1 validation error detected: Value null at 'encodedMessage' failed to satisfy
 * constraint: Member must not be null".
 */
function validateString(
  member: string,
  value: string | undefined,
  min: number,
  max: number,
  pattern?: RegExp,
  patternText?: string,
): StsErrorSpec | undefined {
  const fail = (shown: string, constraint: string): StsErrorSpec => ({
    status: 400,
    code: 'ValidationError',
    message: `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`,
  });
  if (value === undefined) return fail('null', 'Member must not be null');
  const shown = `'${value}'`;
  if (value.length < min)
    return fail(shown, `Member must have length greater than or equal to ${min}`);
  if (value.length > max)
    return fail(shown, `Member must have length less than or equal to ${max}`);
  if (pattern && !pattern.test(value)) {
    return fail(
      shown,
      `Member must satisfy regular expression pattern: ${patternText ?? pattern.source}`,
    );
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// HTTP plumbing

async function readRequest(req: IncomingMessage): Promise<RawRequest | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buf);
  }
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? url : url.slice(0, q),
    query: q < 0 ? '' : url.slice(q + 1),
    headers: joinRawHeaders(req.rawHeaders),
    body: Buffer.concat(chunks),
  };
}

/** Lower-cased header map; repeated headers joined with ',' as SigV4 requires. */
function joinRawHeaders(raw: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    const prev = out.get(name);
    out.set(name, prev === undefined ? value : `${prev},${value}`);
  }
  return out;
}

/** awsQuery parameters may arrive in the query string and/or a form body. */
function parseParams(raw: RawRequest): Record<string, string> {
  const params: Record<string, string> = {};
  const add = (text: string): void => {
    for (const [k, v] of new URLSearchParams(text)) params[k] = v;
  };
  add(raw.query);
  const type = raw.headers.get('content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) add(raw.body.toString('utf8'));
  return params;
}

function sendXml(
  res: ServerResponse,
  status: number,
  xml: string,
  requestId: string,
  now: number,
): void {
  if (res.destroyed) return;
  const body = Buffer.from(xml, 'utf8');
  res.writeHead(status, {
    'x-amzn-RequestId': requestId,
    'Content-Type': 'text/xml',
    'Content-Length': String(body.length),
    // The SDK reads Date to correct its clock after a skew error.
    Date: new Date(now).toUTCString(),
  });
  res.end(body);
}

function sendError(res: ServerResponse, now: number, requestId: string, error: StsErrorSpec): void {
  sendXml(res, error.status, errorXml(error, requestId), requestId, now);
}

// ---------------------------------------------------------------------------
// XML

/** Text-node escaping: only &, < and > are special there. */
function escapeXml(s: string): string {
  return s.replace(/[&<>]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt' }[c]};`);
}

function resultXml(action: string, fields: [string, string][], requestId: string): string {
  const body = fields.map(([k, v]) => `    <${k}>${escapeXml(v)}</${k}>\n`).join('');
  return (
    `<${action}Response xmlns="${XMLNS}">\n` +
    `  <${action}Result>\n${body}  </${action}Result>\n` +
    `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n` +
    `</${action}Response>\n`
  );
}

function errorXml(error: StsErrorSpec, requestId: string): string {
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  return (
    `<ErrorResponse xmlns="${XMLNS}">\n` +
    `  <Error>\n    <Type>${type}</Type>\n    <Code>${escapeXml(error.code)}</Code>\n` +
    `    <Message>${escapeXml(error.message)}</Message>\n  </Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n` +
    `</ErrorResponse>\n`
  );
}

// ---------------------------------------------------------------------------
// SigV4 verification (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html)

interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH_RE =
  /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+)\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([0-9a-f]{64})\s*$/;

function parseAuthorization(header: string): ParsedAuthorization | undefined {
  const m = AUTH_RE.exec(header);
  if (!m) return undefined;
  const [accessKeyId, date, region, service, terminator, ...rest] = (m[1] as string).split('/');
  if (!accessKeyId || !date || !region || !service || !terminator || rest.length > 0)
    return undefined;
  const signedHeaders = (m[2] as string).split(';');
  return {
    accessKeyId,
    date,
    region,
    service,
    terminator,
    signedHeaders,
    signature: m[3] as string,
  };
}

function verifyAuth(
  raw: RawRequest,
  lookup: (keyId: string) => StsCredentialSpec | undefined,
  now: number,
  maxSkewMs: number,
): AuthOutcome {
  const header = raw.headers.get('authorization');
  if (header === undefined) return authError(403, 'MissingAuthenticationToken', MSG.missingAuth);
  const auth = parseAuthorization(header);
  // Invented message: AWS words this per missing part.
  if (!auth)
    return authError(
      403,
      'IncompleteSignature',
      'Authorization header is malformed or incomplete.',
    );
  const spec = lookup(auth.accessKeyId);
  if (!spec) return authError(403, 'InvalidClientTokenId', MSG.invalidToken, auth.accessKeyId);
  const signatureValid = signatureMatches(raw, auth, spec.secretAccessKey);
  const fail = (status: number, code: string, message: string): AuthOutcome =>
    authError(status, code, message, auth.accessKeyId, signatureValid);
  const problem = scopeProblem(raw, auth);
  if (problem) return fail(403, problem.code, problem.message);
  const token = raw.headers.get('x-amz-security-token');
  if (token !== spec.sessionToken) return fail(403, 'InvalidClientTokenId', MSG.invalidToken);
  if (spec.expired) return fail(403, 'ExpiredToken', MSG.expiredToken);
  if (!signatureValid) return fail(403, 'SignatureDoesNotMatch', MSG.badSignature);
  const skew = skewProblem(raw.headers.get('x-amz-date') as string, now, maxSkewMs);
  if (skew) return fail(403, 'SignatureDoesNotMatch', skew);
  return { ok: true, accessKeyId: auth.accessKeyId, spec, signatureValid: true };
}

function authError(
  status: number,
  code: string,
  message: string,
  accessKeyId?: string,
  signatureValid = false,
): AuthOutcome {
  return { ok: false, accessKeyId, signatureValid, error: { status, code, message } };
}

/** Structural checks on date and credential scope (messages as AWS words them). */
function scopeProblem(
  raw: RawRequest,
  auth: ParsedAuthorization,
): { code: string; message: string } | undefined {
  const amzDate = raw.headers.get('x-amz-date');
  if (amzDate === undefined || !/^\d{8}T\d{6}Z$/.test(amzDate)) {
    return {
      code: 'IncompleteSignature',
      message:
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    };
  }
  if (!auth.signedHeaders.includes('host')) {
    return {
      code: 'IncompleteSignature',
      message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    };
  }
  if (auth.service !== 'sts' || auth.terminator !== 'aws4_request') {
    return {
      code: 'SignatureDoesNotMatch',
      message: "Credential should be scoped to correct service: 'sts'. ",
    };
  }
  if (auth.date !== amzDate.slice(0, 8)) {
    return {
      code: 'SignatureDoesNotMatch',
      message:
        `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ` +
        `'${auth.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    };
  }
  return undefined;
}

/** STS's wording: "Signature expired: X is now earlier than Y (NOW - 15 min.)". */
function skewProblem(amzDate: string, now: number, maxSkewMs: number): string | undefined {
  const signedAt = parseAmzDate(amzDate);
  const minutes = Math.round(maxSkewMs / 60_000);
  if (signedAt < now - maxSkewMs) {
    return (
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - maxSkewMs)} ` +
      `(${formatAmzDate(now)} - ${minutes} min.)`
    );
  }
  if (signedAt > now + maxSkewMs) {
    return (
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + maxSkewMs)} ` +
      `(${formatAmzDate(now)} + ${minutes} min.)`
    );
  }
  return undefined;
}

function parseAmzDate(s: string): number {
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
  return Date.parse(iso);
}

function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

function signatureMatches(raw: RawRequest, auth: ParsedAuthorization, secret: string): boolean {
  const amzDate = raw.headers.get('x-amz-date') ?? '';
  const scope = `${auth.date}/${auth.region}/${auth.service}/${auth.terminator}`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    sha256Hex(canonicalRequest(raw, auth)),
  ].join('\n');
  const key = signingKey(secret, auth.date, auth.region, auth.service);
  const expected = Buffer.from(hmac(key, stringToSign).toString('hex'), 'utf8');
  const given = Buffer.from(auth.signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function canonicalRequest(
  raw: RawRequest,
  auth: Pick<ParsedAuthorization, 'signedHeaders'>,
): string {
  const headers = auth.signedHeaders.map(
    (name) => `${name}:${canonicalHeaderValue(raw.headers.get(name) ?? '')}\n`,
  );
  const payloadHash = raw.headers.get('x-amz-content-sha256') ?? sha256Hex(raw.body);
  return [
    raw.method,
    canonicalPath(raw.path),
    canonicalQuery(raw.query),
    headers.join(''),
    auth.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

function canonicalHeaderValue(value: string): string {
  return value
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Same normalisation as the SDK signer for non-S3 services (double-encoded segments). */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  const normalized = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${trailing}`;
  return escapeUri(normalized).replace(/%2F/g, '/');
}

function canonicalQuery(query: string): string {
  const pairs: [string, string][] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    if (key.toLowerCase() === 'x-amz-signature') continue;
    pairs.push([escapeUri(key), escapeUri(safeDecode(eq < 0 ? '' : part.slice(eq + 1)))]);
  }
  pairs.sort(([ak, av], [bk, bv]) => (ak === bk ? compare(av, bv) : compare(ak, bk)));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** RFC 3986 encoding, as the SDK's escapeUri. */
function escapeUri(s: string): string {
  return encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secret}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

// ---------------------------------------------------------------------------
// Environment helper for tests that drive the real SDK

/** Variables that steer the SDK's credential, region and endpoint resolution. */
const AWS_ENV_KEYS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_STS',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_ROLE_SESSION_NAME',
  'AWS_MAX_ATTEMPTS',
  'AWS_RETRY_MODE',
] as const;

/** The bot's own key in these tests (invented; the id decodes offline to 111122223333). */
export const BOT_KEY = 'AKIARTX3GSDSVJ2GMYLV';
export const BOT_SECRET = 'tfauthTESTsecretKEY/0000000000000000000000';

/** The standard credential chain finds the bot's key, and STS at `stsUrl`; returns the undo. */
export function useBotKey(stsUrl: string): () => void {
  return setIsolatedAwsEnv({
    AWS_ACCESS_KEY_ID: BOT_KEY,
    AWS_SECRET_ACCESS_KEY: BOT_SECRET,
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_STS: stsUrl,
  });
}

/**
 * Replace every AWS_* variable the SDK reads with `vars`, isolated from the
 * machine (no ~/.aws files, no instance metadata). Returns a restore function.
 */
export function setIsolatedAwsEnv(
  vars: Partial<Record<(typeof AWS_ENV_KEYS)[number], string>>,
): () => void {
  const saved = new Map<string, string | undefined>(AWS_ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const key of AWS_ENV_KEYS) delete process.env[key];
  Object.assign(process.env, {
    AWS_CONFIG_FILE: '/nonexistent/tfauth-test/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/tfauth-test/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...vars,
  });
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
