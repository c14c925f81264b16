// The durable log behind intake: an entry is written before Slack is acknowledged and
// completed once its post succeeded or definitively failed.

export interface JournalEntry {
  id: string;
  kind: string;
  /** Sealed payload (see sealed.ts). */
  data: string;
}

export interface Journal {
  /** Resolves once the entry is durable. */
  append(kind: string, data: string): Promise<string>;
  /** Marks the entry done; it will not be replayed. */
  complete(id: string): Promise<void>;
  /** A replay of `id` starts: how many started before (durably counted). */
  replaying(id: string): Promise<number>;
}
