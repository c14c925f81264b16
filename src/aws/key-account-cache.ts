// Which account an access-key id belongs to, as STS says (sts:GetAccessKeyInfo), remembered
// in process: a bounded LRU with a TTL, and one lookup in flight per id however many
// replies ask at once. Only key *ids* pass through here — never a secret.

import { isAccessKeyId } from '../diagnosis';
import { StsHelperError } from './sts-client';

/** A small LRU map whose entries also expire. Map iteration order is insertion order. */
export class TtlLru<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= this.now()) return undefined;
    this.entries.set(key, entry); // most recently used goes last
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface KeyAccountCacheOptions {
  /** Default 1000 ids. */
  maxEntries?: number;
  /** Default 24 h: a key's account never changes, but keys get deleted. */
  ttlMs?: number;
  now?: () => number;
}

export interface KeyAccount {
  account: string;
  /** True when answered from the cache (no STS call). */
  cached: boolean;
}

export class KeyAccountCache {
  private readonly cache: TtlLru<string>;
  private readonly pending = new Map<string, Promise<string>>();

  /** `lookup` is the paced GetAccessKeyInfo call. Failures are not cached. */
  constructor(
    private readonly lookup: (keyId: string) => Promise<string>,
    options: KeyAccountCacheOptions = {},
  ) {
    this.cache = new TtlLru(
      options.maxEntries ?? 1000,
      options.ttlMs ?? 24 * 3600_000,
      options.now,
    );
  }

  async account(keyId: string): Promise<KeyAccount> {
    // The one gate in front of AWS: only a well-formed credential key id is ever sent.
    if (!isAccessKeyId(keyId))
      throw new StsHelperError({
        kind: 'other',
        code: 'ValidationError',
        message: 'Not an access key id',
      });
    const hit = this.cache.get(keyId);
    if (hit !== undefined) return { account: hit, cached: true };
    let call = this.pending.get(keyId);
    if (!call) {
      call = this.lookup(keyId).finally(() => this.pending.delete(keyId));
      this.pending.set(keyId, call);
    }
    const account = await call;
    this.cache.set(keyId, account);
    return { account, cached: false };
  }

  get size(): number {
    return this.cache.size;
  }
}
