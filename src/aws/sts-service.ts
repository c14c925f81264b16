// The bot's STS checks as one service: off unless TFAUTH_STS=on, and then only when the
// standard AWS SDK credential chain finds credentials for the bot itself. Every call is
// paced by one small Bottleneck limiter; key-account answers are cached.
//
// Safety: the helpers sign with the bot's OWN credentials (SDK default chain). Nothing from
// a paste is ever used as a credential. What may leave for AWS: an access-key *id*
// (GetAccessKeyInfo, validated as an id first) and an encoded authorization message
// (DecodeAuthorizationMessage, validated to be the message's own alphabet). Both are
// identifiers/opaque blobs AWS itself produced, never secrets.

import Bottleneck from 'bottleneck';
import { maskKeyId } from '../diagnosis';
import type { Config } from '../infra/config';
import type { Logger } from '../infra/logger';
import { KeyAccountCache, type KeyAccount, type KeyAccountCacheOptions } from './key-account-cache';
import {
  createStsHelpers,
  StsHelperError,
  toStsFailure,
  type CallerIdentity,
  type DecodedAuthorization,
  type StsFailure,
  type StsHelpers,
  type StsHelpersOptions,
} from './sts-client';

export type StsState =
  | { kind: 'off' }
  | { kind: 'checking' }
  | { kind: 'ok'; identity: CallerIdentity; at: number }
  | { kind: 'no-credentials'; at: number }
  | { kind: 'error'; failure: StsFailure; at: number };

export interface StsServiceOptions {
  /** Region, endpoint, injected client, attempts and timeouts (see sts-client). */
  helpers?: StsHelpersOptions;
  cache?: KeyAccountCacheOptions;
  /** STS calls running at once (default 4). */
  maxConcurrent?: number;
  /** Minimum spacing between STS calls (default 50 ms: at most 20 calls a second). */
  minTimeMs?: number;
  /** Calls allowed to wait; beyond that new ones are refused as throttled (default 100). */
  maxQueued?: number;
  /** How long the first identity check may hold up startup (default 5 s). */
  startupWaitMs?: number;
  /** A failed identity check is retried (from /healthz or whoami) at most this often (default 5 min). */
  recheckMs?: number;
  /** How long a diagnosis reply waits for key confirmations before posting (default 750 ms). */
  confirmBudgetMs?: number;
  now?: () => number;
}

export interface StsService {
  /** TFAUTH_STS=on. */
  readonly enabled: boolean;
  /** On, and the credential chain did not come up empty: buttons and confirmations run. */
  readonly active: boolean;
  readonly confirmBudgetMs: number;
  state(): StsState;
  /** Why the checks are off — the text after "STS checks are off: " — or undefined when on. */
  offReason(): string | undefined;
  /** First identity check (bounded wait; it finishes in the background if slow). */
  start(): Promise<void>;
  /** For /healthz: never fails the bot — STS is an optional extra (see health()). */
  health(): { ok: boolean; detail: string };
  /** GetCallerIdentity, fresh; also refreshes state(). */
  whoAmI(): Promise<CallerIdentity>;
  /** GetAccessKeyInfo for a key id (cached). Rejects with StsHelperError. */
  keyAccount(keyId: string): Promise<KeyAccount>;
  /** DecodeAuthorizationMessage. Rejects with StsHelperError. */
  decode(encoded: string): Promise<DecodedAuthorization>;
  close(): Promise<void>;
}

export const STS_OFF_BY_CONFIG =
  'TFAUTH_STS is off. An operator can turn them on with TFAUTH_STS=on and AWS credentials for the bot.';
export const STS_NO_CREDENTIALS =
  'TFAUTH_STS=on, but the bot found no AWS credentials (the AWS SDK standard chain: environment variables, shared config or SSO, web identity, container or instance role).';

/** What an encoded authorization message is made of; anything else is never sent. */
const ENCODED_MESSAGE = /^[A-Za-z0-9_-]{20,10240}$/;

const DEFAULTS = {
  maxConcurrent: 4,
  minTimeMs: 50,
  maxQueued: 100,
  startupWaitMs: 5_000,
  recheckMs: 5 * 60_000,
  confirmBudgetMs: 750,
};

export function createStsService(
  config: Pick<Config, 'stsEnabled'>,
  logger: Logger,
  options: StsServiceOptions = {},
): StsService {
  if (!config.stsEnabled) return offService(options);
  return new ActiveStsService(logger.child({ component: 'sts' }), options);
}

function offService(options: StsServiceOptions): StsService {
  const off = (): never => {
    throw new StsHelperError({ kind: 'no-credentials', message: STS_OFF_BY_CONFIG });
  };
  return {
    enabled: false,
    active: false,
    confirmBudgetMs: options.confirmBudgetMs ?? DEFAULTS.confirmBudgetMs,
    state: () => ({ kind: 'off' }),
    offReason: () => STS_OFF_BY_CONFIG,
    start: async () => undefined,
    health: () => ({ ok: true, detail: 'off' }),
    whoAmI: async () => off(),
    keyAccount: async () => off(),
    decode: async () => off(),
    close: async () => undefined,
  };
}

class ActiveStsService implements StsService {
  readonly enabled = true;
  readonly confirmBudgetMs: number;
  private current: StsState = { kind: 'checking' };
  private refreshing: Promise<void> | undefined;
  private readonly helpers: StsHelpers;
  private readonly limiter: Bottleneck;
  private readonly keys: KeyAccountCache;
  private readonly now: () => number;

  constructor(
    private readonly logger: Logger,
    private readonly options: StsServiceOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.confirmBudgetMs = options.confirmBudgetMs ?? DEFAULTS.confirmBudgetMs;
    this.helpers = createStsHelpers(options.helpers);
    this.limiter = new Bottleneck({
      maxConcurrent: options.maxConcurrent ?? DEFAULTS.maxConcurrent,
      minTime: options.minTimeMs ?? DEFAULTS.minTimeMs,
      highWater: options.maxQueued ?? DEFAULTS.maxQueued,
      strategy: Bottleneck.strategy.OVERFLOW,
    });
    this.keys = new KeyAccountCache(
      (keyId) => this.paced('GetAccessKeyInfo', () => this.helpers.accessKeyAccount(keyId)),
      options.cache,
    );
  }

  get active(): boolean {
    return this.current.kind !== 'no-credentials' && this.current.kind !== 'off';
  }

  state(): StsState {
    return this.current;
  }

  offReason(): string | undefined {
    return this.current.kind === 'no-credentials' ? STS_NO_CREDENTIALS : undefined;
  }

  async start(): Promise<void> {
    const probe = this.refresh();
    let timer: NodeJS.Timeout | undefined;
    const wait = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.startupWaitMs ?? DEFAULTS.startupWaitMs);
    });
    try {
      await Promise.race([probe, wait]);
    } finally {
      clearTimeout(timer);
    }
  }

  // /healthz stays 200 whatever STS says: it is an optional extra, and failing the probe
  // would get a healthy Slack bot restarted for nothing. The detail tells operators.
  health(): { ok: boolean; detail: string } {
    const s = this.current;
    if ((s.kind === 'no-credentials' || s.kind === 'error') && this.now() - s.at >= this.recheckMs)
      void this.refresh();
    switch (s.kind) {
      case 'ok':
        return { ok: true, detail: 'ok' };
      case 'no-credentials':
        return { ok: true, detail: 'no credentials' };
      case 'error':
        return { ok: true, detail: `error: ${s.failure.code ?? s.failure.kind}` };
      default:
        return { ok: true, detail: s.kind };
    }
  }

  async whoAmI(): Promise<CallerIdentity> {
    await this.refresh();
    const s = this.current;
    if (s.kind === 'ok') return s.identity;
    if (s.kind === 'no-credentials')
      throw new StsHelperError({ kind: 'no-credentials', message: STS_NO_CREDENTIALS });
    if (s.kind === 'error') throw new StsHelperError(s.failure);
    throw new StsHelperError({ kind: 'unavailable', message: 'The identity check did not finish' });
  }

  async keyAccount(keyId: string): Promise<KeyAccount> {
    try {
      return await this.keys.account(keyId);
    } catch (err) {
      throw this.failed('GetAccessKeyInfo', err, { key: maskKeyId(keyId) });
    }
  }

  async decode(encoded: string): Promise<DecodedAuthorization> {
    const message = encoded.replace(/\s+/g, '');
    if (!ENCODED_MESSAGE.test(message))
      throw new StsHelperError({
        kind: 'invalid-message',
        code: 'ValidationError',
        message: 'That is not an encoded authorization message',
      });
    try {
      return await this.paced('DecodeAuthorizationMessage', () =>
        this.helpers.decodeAuthorizationMessage(message),
      );
    } catch (err) {
      throw this.failed('DecodeAuthorizationMessage', err, { chars: message.length });
    }
  }

  async close(): Promise<void> {
    // Destroying the client ends any request still open; then the limiter lets go.
    this.helpers.destroy();
    await this.limiter.stop({ dropWaitingJobs: true }).catch(() => undefined);
  }

  private get recheckMs(): number {
    return this.options.recheckMs ?? DEFAULTS.recheckMs;
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.checkIdentity().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async checkIdentity(): Promise<void> {
    const before = this.current.kind;
    try {
      const identity = await this.paced('GetCallerIdentity', () => this.helpers.whoAmI());
      this.current = { kind: 'ok', identity, at: this.now() };
      if (before !== 'ok')
        this.logger.info('sts checks on', { arn: identity.arn, account: identity.account });
    } catch (err) {
      const failure = toStsFailure(err);
      if (failure.kind === 'no-credentials') {
        this.current = { kind: 'no-credentials', at: this.now() };
        if (before !== 'no-credentials')
          this.logger.warn('sts checks off: the bot has no AWS credentials', {});
      } else {
        this.current = { kind: 'error', failure, at: this.now() };
        this.logger.warn('sts identity check failed', { kind: failure.kind, code: failure.code });
      }
    }
  }

  private async paced<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await this.limiter.schedule(call);
    } catch (err) {
      if (err instanceof Bottleneck.BottleneckError)
        throw new StsHelperError({
          kind: 'throttled',
          code: 'QueueFull',
          message: `Too many STS checks are waiting; ${what} was not sent. Try again in a minute.`,
        });
      throw err;
    }
  }

  /** Logs a failed call (ids masked, no message text) and updates state on missing credentials. */
  private failed(what: string, err: unknown, fields: Record<string, unknown>): StsHelperError {
    const failure = toStsFailure(err);
    if (failure.kind === 'no-credentials')
      this.current = { kind: 'no-credentials', at: this.now() };
    this.logger.warn('sts call failed', {
      call: what,
      kind: failure.kind,
      code: failure.code,
      ...fields,
    });
    return err instanceof StsHelperError ? err : new StsHelperError(failure);
  }
}
