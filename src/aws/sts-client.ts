/**
 * Thin wrappers around the real STS client, used by the bot.
 *
 * The bot calls AWS only with ITS OWN credentials from the SDK's default
 * provider chain. Nothing from a user's paste is ever used to sign a request;
 * a pasted key *id* may be looked up (GetAccessKeyInfo), which needs no secret.
 */
import {
  DecodeAuthorizationMessageCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { maskKeyId } from '../diagnosis';

export type StsFailureKind =
  'no-credentials' | 'access-denied' | 'invalid-message' | 'throttled' | 'unavailable' | 'other';

export interface StsFailure {
  kind: StsFailureKind;
  /** Safe to show: credential-looking substrings are masked or redacted. */
  message: string;
  /** AWS error code (e.g. `SignatureDoesNotMatch`) or Node error code. */
  code?: string;
}

/** What the helpers reject with: an Error that is also an {@link StsFailure}. */
export class StsHelperError extends Error implements StsFailure {
  override readonly name = 'StsHelperError';
  readonly kind: StsFailureKind;
  readonly code?: string;

  constructor(failure: StsFailure) {
    super(failure.message);
    this.kind = failure.kind;
    if (failure.code !== undefined) this.code = failure.code;
  }
}

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

export interface DecodedStatement {
  statementId?: string;
  effect?: string;
  principals: string[];
  principalGroups: string[];
  actions: string[];
  resources: string[];
  conditions: Record<string, string[]>;
}

/** Parsed summary of an `sts:DecodeAuthorizationMessage` result. */
export interface DecodedAuthorization {
  allowed: boolean;
  explicitDeny: boolean;
  /** As AWS reports it; may lack the service prefix (e.g. "RunInstances"). */
  action?: string;
  resource?: string;
  principalArn?: string;
  principalId?: string;
  matchedStatements: DecodedStatement[];
  /** One string per failure item (its `value`, or its JSON). */
  failures: string[];
  /** Request-context condition keys → values. */
  conditions: Record<string, string[]>;
}

export interface StsHelpers {
  whoAmI(): Promise<CallerIdentity>;
  accessKeyAccount(keyId: string): Promise<string>;
  decodeAuthorizationMessage(encoded: string): Promise<DecodedAuthorization>;
  /** Release sockets of a client the helpers created (no-op for injected ones). */
  destroy(): void;
}

/** The part of STSClient the helpers need; lets tests inject a client. */
export type StsSender = Pick<STSClient, 'send'>;

export interface StsHelpersOptions {
  /** Defaults to AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1. */
  region?: string;
  /** Explicit endpoint; otherwise the SDK honours AWS_ENDPOINT_URL_STS. */
  endpoint?: string;
  client?: StsSender;
  /** Total attempts including the first (default 3). */
  maxAttempts?: number;
  /** Per-attempt timeout in ms (default 5000). */
  requestTimeoutMs?: number;
}

const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_TIMEOUT_MS = 5_000;

export function createStsHelpers(options: StsHelpersOptions = {}): StsHelpers {
  if (options.client) return helpersFor(options.client, () => undefined);
  const owned = buildClient(options);
  return helpersFor(owned, () => owned.destroy());
}

function helpersFor(client: StsSender, destroy: () => void): StsHelpers {
  return {
    whoAmI: () =>
      guarded(async () => toIdentity(await client.send(new GetCallerIdentityCommand({})))),
    accessKeyAccount: (keyId) => guarded(() => lookupAccount(client, keyId)),
    decodeAuthorizationMessage: (encoded) => guarded(() => decode(client, encoded)),
    destroy,
  };
}

function buildClient(options: StsHelpersOptions): STSClient {
  const timeout = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new STSClient({
    region:
      options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    // Without throwOnRequestTimeout the SDK only logs a warning on timeout.
    requestHandler: {
      requestTimeout: timeout,
      connectionTimeout: Math.min(timeout, 3_000),
      throwOnRequestTimeout: true,
    },
  });
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw err instanceof StsHelperError ? err : new StsHelperError(toStsFailure(err));
  }
}

function toIdentity(out: { Account?: string; Arn?: string; UserId?: string }): CallerIdentity {
  if (!out.Account || !out.Arn || !out.UserId) {
    throw new StsHelperError({
      kind: 'other',
      message: 'STS returned an incomplete caller identity',
    });
  }
  return { account: out.Account, arn: out.Arn, userId: out.UserId };
}

async function lookupAccount(client: StsSender, keyId: string): Promise<string> {
  // Same constraint as the API (length 16–128, [\w]*); saves a doomed call.
  if (!/^\w{16,128}$/.test(keyId)) {
    throw new StsHelperError({
      kind: 'other',
      code: 'ValidationError',
      message: 'Not an access key id',
    });
  }
  const out = await client.send(new GetAccessKeyInfoCommand({ AccessKeyId: keyId }));
  if (!out.Account) throw new StsHelperError({ kind: 'other', message: 'STS returned no account' });
  return out.Account;
}

async function decode(client: StsSender, encoded: string): Promise<DecodedAuthorization> {
  // Slack and terminals wrap long tokens; the message itself has no whitespace.
  const message = encoded.replace(/\s+/g, '');
  if (message === '') {
    throw new StsHelperError({ kind: 'invalid-message', message: 'The encoded message is empty' });
  }
  const out = await client.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: message }));
  return parseDecodedMessage(out.DecodedMessage ?? '');
}

// ---------------------------------------------------------------------------
// Decoded message parsing. Shape (AWS CLI docs example):
// {"allowed":false,"explicitDeny":true,"matchedStatements":{"items":[…]},
//  "failures":{"items":[]},"context":{"principal":{"id","arn"},"action","resource",
//  "conditions":{"items":[{"key","values":{"items":[{"value"}]}}]}}}

/** Parse the JSON document STS returns in `DecodedMessage`. */
export function parseDecodedMessage(text: string): DecodedAuthorization {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new StsHelperError({
      kind: 'other',
      message: 'STS returned a decoded message that is not JSON',
    });
  }
  if (!isRecord(doc)) {
    throw new StsHelperError({
      kind: 'other',
      message: 'STS returned an unexpected decoded message',
    });
  }
  const context = isRecord(doc.context) ? doc.context : {};
  const principal = isRecord(context.principal) ? context.principal : {};
  return dropUndefined({
    allowed: doc.allowed === true,
    explicitDeny: doc.explicitDeny === true,
    action: str(context.action),
    resource: str(context.resource),
    principalArn: str(principal.arn),
    principalId: str(principal.id),
    matchedStatements: items(doc.matchedStatements).filter(isRecord).map(toStatement),
    failures: items(doc.failures).map(describeItem),
    conditions: toConditions(context.conditions),
  });
}

function toStatement(s: Record<string, unknown>): DecodedStatement {
  return dropUndefined({
    statementId: str(s.statementId),
    effect: str(s.effect),
    principals: values(s.principals),
    principalGroups: values(s.principalGroups),
    actions: values(s.actions),
    resources: values(s.resources),
    conditions: toConditions(s.conditions),
  });
}

function toConditions(list: unknown): Record<string, string[]> {
  const merged = new Map<string, string[]>();
  for (const item of items(list)) {
    if (!isRecord(item)) continue;
    const key = str(item.key);
    if (key === undefined) continue;
    merged.set(key, [...(merged.get(key) ?? []), ...values(item.values)]);
  }
  // fromEntries defines own properties, so a "__proto__" key stays data.
  return Object.fromEntries(merged);
}

/** `{"items":[{"value":"x"}, …]}` → ["x", …] */
function values(list: unknown): string[] {
  return items(list)
    .map((i) => (isRecord(i) ? str(i.value) : str(i)))
    .filter((v): v is string => v !== undefined);
}

function items(list: unknown): unknown[] {
  return isRecord(list) && Array.isArray(list.items) ? list.items : [];
}

function describeItem(item: unknown): string {
  if (typeof item === 'string') return item;
  if (isRecord(item) && typeof item.value === 'string') return item.value;
  return JSON.stringify(item) ?? String(item);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function dropUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

// ---------------------------------------------------------------------------
// Error mapping

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);
// Mirrors the SDK's THROTTLING_ERROR_CODES (@smithy/core retry) plus 429-style names.
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'SlowDown',
  'PriorRequestNotComplete',
  'BandwidthLimitExceeded',
  'LimitExceededException',
]);
const UNAVAILABLE = new Set([
  'InternalFailure',
  'InternalError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'AbortError',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Map anything the SDK (or Node) throws to a small, log-safe failure. */
export function toStsFailure(err: unknown): StsFailure {
  if (err instanceof StsHelperError)
    return { kind: err.kind, message: err.message, code: err.code };
  const e = isRecord(err) ? err : {};
  const name = str(e.name);
  const rawMessage = str(e.message) ?? (typeof err === 'string' ? err : '');
  if (isNoCredentials(name, rawMessage)) {
    return {
      kind: 'no-credentials',
      code: name,
      message: 'The bot has no AWS credentials: the SDK default provider chain found none.',
    };
  }
  const code = errorCode(e, name) ?? nodeCodeIn(rawMessage);
  const status = httpStatus(e);
  const text = scrubSecrets(rawMessage.replace(SDK_WRAPPER_PREFIX, ''));
  const message = text || (code ? `STS call failed (${code})` : 'STS call failed');
  return dropUndefined({ kind: classify(code, status), message, code });
}

// The SDK stringifies errors that fail `instanceof Error` (e.g. from another
// realm) into "AWS SDK error wrapper for Error: connect ECONNREFUSED …".
const SDK_WRAPPER_PREFIX = /^AWS SDK error wrapper for (?:Error: )?/;
const NODE_NET_CODE_RE =
  /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/;

function nodeCodeIn(message: string): string | undefined {
  return NODE_NET_CODE_RE.exec(message)?.[1];
}

function isNoCredentials(name: string | undefined, message: string): boolean {
  return (
    name === 'CredentialsProviderError' ||
    /Could not load credentials from any providers/i.test(message)
  );
}

/** SDK service exceptions carry the AWS code as `name`; Node errors use `code`. */
function errorCode(e: Record<string, unknown>, name: string | undefined): string | undefined {
  const nodeCode = str(e.code);
  if (nodeCode && /^E[A-Z_]+$/.test(nodeCode)) return nodeCode;
  const awsCode = str(e.Code) ?? (isRecord(e.Error) ? str(e.Error.Code) : undefined);
  if (awsCode) return awsCode;
  return name && name !== 'Error' ? name : nodeCode;
}

function httpStatus(e: Record<string, unknown>): number | undefined {
  const meta = isRecord(e.$metadata) ? e.$metadata : {};
  return typeof meta.httpStatusCode === 'number' ? meta.httpStatusCode : undefined;
}

function classify(code: string | undefined, status: number | undefined): StsFailureKind {
  if (code && ACCESS_DENIED.has(code)) return 'access-denied';
  if (code === 'InvalidAuthorizationMessageException') return 'invalid-message';
  if ((code && THROTTLED.has(code)) || status === 429) return 'throttled';
  if ((code && UNAVAILABLE.has(code)) || (status !== undefined && status >= 500))
    return 'unavailable';
  return 'other';
}

const KEY_ID_RE = /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g;
// Secret keys are 40 chars of base64; session tokens are much longer.
const SECRET_RE = /[A-Za-z0-9/+=]{40,}/g;

/** Mask access-key ids and redact anything shaped like a secret or token. */
export function scrubSecrets(message: string): string {
  return message.replace(SECRET_RE, '[redacted]').replace(KEY_ID_RE, (id) => maskKeyId(id));
}
